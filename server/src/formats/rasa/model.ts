// A Rasa project as one model: which of its files are config, domain, training data and
// tests (by path where Rasa fixes the path, by top-level keys elsewhere, as Rasa does), and
// the domain, NLU, dialogue and flows of every file merged into tables that rules and
// editor features read. Rebuilt from the files' cached facts when one of them changes.
import type { BotDocument, BotModel, Definition, Reference } from '../../definitions/index';
import { relativeTo } from '../../definitions/index';
import type { FlowFact, StoryFact } from './dialogue';
import type { EntityDecl, FormDecl, IntentDecl, NluItem, RasaFacts, ResponseDecl, SlotDecl } from './facts';
import type { Spanned } from './examples';

export type RasaDocument = BotDocument<RasaFacts>;

/** What a file is to the project. */
export type RasaRole = 'config' | 'domain' | 'data' | 'test' | 'endpoints' | 'credentials';

/** Where a config file may be, relative to the project folder, in order of precedence. */
export const CONFIG_FILES = ['config.yml', 'config.yaml', 'config/config.yml', 'config/config.yaml'] as const;

/** Something a file defines, with the file. */
export interface InFile<T> {
  file: string;
  decl: T;
}

export interface RasaBot extends BotModel {
  format: 'rasa';
  docs: Map<string, RasaDocument>;
  /** Every member file's role. */
  roles: Map<string, RasaRole>;
  /** Files whose YAML could not be read: what they would define is unknown. */
  unreadable: string[];
  /** Files Rasa skips because their `version` is newer than it reads. */
  skipped: string[];
  intents: Map<string, InFile<IntentDecl>[]>;
  entities: Map<string, InFile<EntityDecl>[]>;
  slots: Map<string, InFile<SlotDecl>[]>;
  forms: Map<string, InFile<FormDecl>[]>;
  /** Responses of the domain and of training data files (retrieval answers). */
  responses: Map<string, InFile<ResponseDecl>[]>;
  actions: Map<string, InFile<Spanned>[]>;
  nlu: InFile<NluItem>[];
  /** Stories and rules of training data (tests apart). */
  stories: InFile<StoryFact>[];
  tests: InFile<StoryFact>[];
  flows: InFile<FlowFact>[];
}

const YAML = /\.ya?ml$/i;

/** The newest training data format Rasa 3.x reads. */
export const LATEST_VERSION = '3.1';

/** Whether a `version` string is newer than Rasa 3.x reads (compared as Rasa does, as version numbers). */
export function newerThanRasa(v: string): boolean {
  const a = v.split('.').map((x) => Number.parseInt(x, 10));
  const b = LATEST_VERSION.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (Number.isNaN(x)) return false;
    if (x !== y) return x > y;
  }
  return false;
}

/** The role of a file of the project (path relative to its folder), or undefined when it is not one of its files. */
export function roleOf(rel: string, facts: RasaFacts | undefined, config: string | undefined): RasaRole | undefined {
  if (!YAML.test(rel)) return undefined;
  if (rel === config) return 'config';
  if (rel === 'endpoints.yml' || rel === 'endpoints.yaml') return 'endpoints';
  if (rel === 'credentials.yml' || rel === 'credentials.yaml') return 'credentials';
  if (rel === 'domain.yml' || rel === 'domain.yaml' || rel.startsWith('domain/')) return 'domain';
  if (rel.startsWith('tests/') || rel.startsWith('e2e_tests/')) return 'test';
  if (rel.startsWith('data/')) return 'data';
  // Elsewhere a file is training data when its keys say so (a project may keep data anywhere).
  if (facts && (facts.isNlu || facts.isDialogue || facts.isFlows || facts.sections.has('responses'))) return 'data';
  return undefined;
}

function push<T>(map: Map<string, InFile<T>[]>, name: string, file: string, decl: T): void {
  const list = map.get(name);
  if (list) list.push({ file, decl });
  else map.set(name, [{ file, decl }]);
}

/** Merges the facts of a project's files; `files` are in path order, the config first. */
export function buildRasaBot(dir: string, files: { path: string; doc: RasaDocument; role: RasaRole }[]): RasaBot {
  const config = files.find((f) => f.role === 'config');
  const bot: RasaBot = {
    format: 'rasa',
    dir,
    manifest: config?.path ?? files[0]?.path ?? '',
    files: files.map((f) => f.path),
    docs: new Map(files.map((f) => [f.path, f.doc])),
    locales: [],
    extraManifests: [],
    defs: new Map(),
    refs: [],
    refsByKey: new Map(),
    roles: new Map(files.map((f) => [f.path, f.role])),
    unreadable: [],
    skipped: [],
    intents: new Map(),
    entities: new Map(),
    slots: new Map(),
    forms: new Map(),
    responses: new Map(),
    actions: new Map(),
    nlu: [],
    stories: [],
    tests: [],
    flows: [],
  };
  if (config) {
    const c = config.doc.facts.config;
    if (c.assistantId) {
      bot.id = c.assistantId.text;
      bot.idSpan = { start: c.assistantId.start, end: c.assistantId.end };
    }
    bot.locales = [...(c.language ? [c.language.text] : []), ...c.additionalLanguages.map((l) => l.text)];
    if (bot.locales[0] !== undefined) bot.defaultLocale = bot.locales[0];
  }
  for (const { path, doc, role } of files) {
    const f = doc.facts;
    if (isUnreadable(doc)) bot.unreadable.push(path);
    if (isSkipped(doc)) {
      // Rasa reads nothing of a file it cannot read the version of.
      bot.skipped.push(path);
      continue;
    }
    if (role === 'domain') {
      for (const d of f.intents) push(bot.intents, d.item.text, path, d);
      for (const d of f.entities) push(bot.entities, d.item.text, path, d);
      for (const d of f.slots) push(bot.slots, d.item.text, path, d);
      for (const d of f.forms) push(bot.forms, d.item.text, path, d);
      for (const d of f.actions) push(bot.actions, d.text, path, d);
    }
    if (role === 'domain' || role === 'data') for (const d of f.responses) push(bot.responses, d.item.text, path, d);
    if (role === 'data' || role === 'test') for (const n of f.nlu) bot.nlu.push({ file: path, decl: n });
    for (const s of f.stories) (role === 'test' ? bot.tests : bot.stories).push({ file: path, decl: s });
    if (role === 'data') for (const fl of f.flows) bot.flows.push({ file: path, decl: fl });
  }
  symbolsLater(bot);
  return bot;
}

/**
 * `defs`, `refs` and `refsByKey`, the project's every definition and reference (tens of
 * thousands in a large project), made on first use: the checks hardly read them, and a
 * model is made again for each domain file while a project loads.
 */
function symbolsLater(bot: RasaBot): void {
  const make = (): void => {
    const defs = new Map<string, Definition[]>();
    const refs: Reference[] = [];
    const refsByKey = new Map<string, Reference[]>();
    for (const path of bot.files) {
      const doc = bot.docs.get(path)!;
      if (bot.skipped.includes(path)) continue;
      addAll(defs, doc.facts.defs);
      for (const r of doc.facts.refs) {
        refs.push(r);
        const list = refsByKey.get(r.key);
        if (list) list.push(r);
        else refsByKey.set(r.key, [r]);
      }
    }
    setSymbols(bot, defs, refs, refsByKey);
  };
  for (const key of ['defs', 'refs', 'refsByKey'] as const) {
    Object.defineProperty(bot, key, {
      configurable: true,
      enumerable: true,
      get() {
        make();
        return bot[key];
      },
      set(value: unknown) {
        Object.defineProperty(bot, key, { configurable: true, enumerable: true, writable: true, value });
      },
    });
  }
}

function setSymbols(bot: RasaBot, defs: Map<string, Definition[]>, refs: Reference[], refsByKey: Map<string, Reference[]>): void {
  for (const [key, value] of [
    ['defs', defs],
    ['refs', refs],
    ['refsByKey', refsByKey],
  ] as const) {
    Object.defineProperty(bot, key, { configurable: true, enumerable: true, writable: true, value });
  }
}

/** Whether a model's `defs`, `refs` and `refsByKey` are made yet. */
function symbolsMade(bot: RasaBot): boolean {
  return 'value' in Object.getOwnPropertyDescriptor(bot, 'refs')!;
}

/** Whether a file's YAML (or JSON) cannot be read: what it would define is unknown. */
function isUnreadable(doc: RasaDocument): boolean {
  return doc.doc.syntax.some((s) => s.code === 'syntax/yaml' || s.code === 'syntax/json');
}

/** Whether Rasa skips a file: its `version` is newer than Rasa 3.x reads. */
function isSkipped(doc: RasaDocument): boolean {
  const version = doc.facts.version?.value;
  return !!version && version.type === 'scalar' && typeof version.value === 'string' && newerThanRasa(version.value);
}

/**
 * One table of the model, as buildRasaBot fills it: what a file (not skipped) of a role adds
 * to it, entries in the file's order, each entry knowing its file.
 */
interface Table<E extends { file: string }> {
  of(path: string, doc: RasaDocument, role: RasaRole): E[];
}

/** A table by name: each entry with its name. */
interface Keyed<E extends { file: string }> {
  of(path: string, doc: RasaDocument, role: RasaRole): [string, E][];
}

const inFile = <T>(path: string, decl: T): InFile<T> => ({ file: path, decl });
const keyed = <E extends { file: string }>(of: (path: string, doc: RasaDocument, role: RasaRole) => [string, E][]): Keyed<E> => ({ of });
const listed = <E extends { file: string }>(of: (path: string, doc: RasaDocument, role: RasaRole) => E[]): Table<E> => ({ of });

const DOMAIN_TABLES = {
  intents: keyed((path, doc, role) => (role === 'domain' ? doc.facts.intents.map((d) => [d.item.text, inFile(path, d)]) : [])),
  entities: keyed((path, doc, role) => (role === 'domain' ? doc.facts.entities.map((d) => [d.item.text, inFile(path, d)]) : [])),
  slots: keyed((path, doc, role) => (role === 'domain' ? doc.facts.slots.map((d) => [d.item.text, inFile(path, d)]) : [])),
  forms: keyed((path, doc, role) => (role === 'domain' ? doc.facts.forms.map((d) => [d.item.text, inFile(path, d)]) : [])),
  actions: keyed((path, doc, role) => (role === 'domain' ? doc.facts.actions.map((d) => [d.text, inFile(path, d)]) : [])),
  responses: keyed((path, doc, role) => (role === 'domain' || role === 'data' ? doc.facts.responses.map((d) => [d.item.text, inFile(path, d)]) : [])),
} as const;
const DEFS: Keyed<Definition> = keyed((_path, doc) => doc.facts.defs.map((d) => [d.key, d]));
const REFS_BY_KEY: Keyed<Reference> = keyed((_path, doc) => doc.facts.refs.map((r) => [r.key, r]));
const LISTS = {
  refs: listed((_path, doc) => doc.facts.refs),
  nlu: listed((path, doc, role) => (role === 'data' || role === 'test' ? doc.facts.nlu.map((n) => inFile(path, n)) : [])),
  stories: listed((path, doc, role) => (role === 'test' ? [] : doc.facts.stories.map((st) => inFile(path, st)))),
  tests: listed((path, doc, role) => (role === 'test' ? doc.facts.stories.map((st) => inFile(path, st)) : [])),
  flows: listed((path, doc, role) => (role === 'data' ? doc.facts.flows.map((fl) => inFile(path, fl)) : [])),
} as const;

/**
 * The model after one file of the project changed: its text (its new parse, its role the
 * same), or it came or went (`doc` undefined: it went). The tables and lists that file adds
 * to are made again, with its entries taken out and put back where the file's place puts
 * them; the others are `prev`'s own objects, so that a check can tell by identity what did
 * not change. Equal to buildRasaBot on the new files: entries, order of entries and order of
 * keys alike (a table whose order of keys would change is made again from every file).
 * Undefined for the config file (it gives the identity), or a file whose role changed:
 * build the model again.
 */
export function patchRasaBot(prev: RasaBot, path: string, doc: RasaDocument | undefined, role: RasaRole | undefined = prev.roles.get(path)): RasaBot | undefined {
  const old = prev.docs.get(path);
  const oldRole = prev.roles.get(path);
  if ((!old && !doc) || role === 'config' || oldRole === 'config' || (old && doc && oldRole !== role) || (doc && !role)) return undefined;
  // Copied field by field: a spread would make the symbols of `prev` that are not made yet.
  const bot = {} as RasaBot;
  for (const key of Object.keys(prev) as (keyof RasaBot)[]) if (key !== 'defs' && key !== 'refs' && key !== 'refsByKey') (bot as unknown as Record<string, unknown>)[key] = prev[key];
  // The file's place: where it is, or where it goes (the config first, then path order).
  const files = old && doc ? prev.files : doc ? [...prev.files, path].sort((a, b) => (a === prev.manifest ? -1 : b === prev.manifest ? 1 : a < b ? -1 : a > b ? 1 : 0)) : prev.files.filter((f) => f !== path);
  const order = new Map((doc ? files : prev.files).map((f, i) => [f, i]));
  const at = order.get(path)!;
  if (files !== prev.files) {
    bot.files = files;
    bot.roles = new Map(files.map((f) => [f, f === path ? role! : prev.roles.get(f)!]));
    bot.docs = new Map(files.map((f) => [f, f === path ? doc! : prev.docs.get(f)!]));
  } else {
    bot.docs = new Map(prev.docs);
    bot.docs.set(path, doc!);
  }
  const docs = bot.docs;
  const roles = bot.roles;
  const wasSkipped = !!old && prev.skipped.includes(path);
  const skipped = !!doc && isSkipped(doc);
  const status = (list: readonly string[], now: boolean): string[] => files.filter((f) => (f === path ? now : list.includes(f)));
  if (files !== prev.files || wasSkipped !== skipped) bot.skipped = status(prev.skipped, skipped);
  if (files !== prev.files || (!!old && prev.unreadable.includes(path)) !== (!!doc && isUnreadable(doc))) bot.unreadable = status(prev.unreadable, !!doc && isUnreadable(doc));
  const before = <E>(t: { of(path: string, doc: RasaDocument, role: RasaRole): E[] }): E[] => (!old || wasSkipped ? [] : t.of(path, old, oldRole!));
  const after = <E>(t: { of(path: string, doc: RasaDocument, role: RasaRole): E[] }): E[] => (!doc || skipped ? [] : t.of(path, doc, role!));
  const everyFile = <E>(t: { of(path: string, doc: RasaDocument, role: RasaRole): E[] }): E[] => {
    const out: E[] = [];
    for (const f of files) if (!bot.skipped.includes(f)) for (const e of t.of(f, docs.get(f)!, roles.get(f)!)) out.push(e);
    return out;
  };
  const patchMap = <E extends { file: string }>(map: Map<string, E[]>, t: Keyed<E>): Map<string, E[]> => {
    const was = before(t);
    const now = after(t);
    if (was.length === 0 && now.length === 0) return map;
    const rebuild = (): Map<string, E[]> => {
      const m = new Map<string, E[]>();
      for (const [k, e] of everyFile(t)) {
        const list = m.get(k);
        if (list) list.push(e);
        else m.set(k, [e]);
      }
      return m;
    };
    // The others' entries of each name this file adds or added, and whether one comes before this file.
    const rest = new Map<string, E[]>();
    const others = (k: string): void => {
      if (!rest.has(k)) rest.set(k, (map.get(k) ?? []).filter((e) => e.file !== path));
    };
    for (const [k] of was) others(k);
    for (const [k] of now) others(k);
    const firsts = (entries: [string, E][]): string[] => {
      const out: string[] = [];
      const seen = new Set<string>();
      for (const [k] of entries) {
        if (seen.has(k)) continue;
        seen.add(k);
        const list = rest.get(k)!;
        if (!(list.length && order.get(list[0]!.file)! < at)) out.push(k);
      }
      return out;
    };
    const nowNames = new Set(now.map(([k]) => k));
    for (const [k, others] of rest) if (others.length === 0 && map.has(k) !== nowNames.has(k)) return rebuild(); // a name comes or goes
    // Keys are in the order of their first entries: the names first seen in this file must keep their order.
    const a = firsts(was);
    const b = firsts(now);
    if (a.length !== b.length || a.some((k, i) => k !== b[i])) return rebuild();
    const mine = new Map<string, E[]>();
    for (const [k, e] of now) {
      const list = mine.get(k);
      if (list) list.push(e);
      else mine.set(k, [e]);
    }
    const m = new Map(map);
    for (const [k, list] of rest) m.set(k, spliced(list, order, at, path, mine.get(k) ?? []));
    return m;
  };
  const patchList = <E extends { file: string }>(list: E[], t: Table<E>): E[] => {
    if (before(t).length === 0 && after(t).length === 0) return list;
    return spliced(list, order, at, path, after(t));
  };
  for (const key of Object.keys(DOMAIN_TABLES) as (keyof typeof DOMAIN_TABLES)[]) {
    (bot as unknown as Record<string, unknown>)[key] = patchMap(prev[key] as Map<string, never[]>, DOMAIN_TABLES[key] as Keyed<never>);
  }
  if (symbolsMade(prev)) setSymbols(bot, patchMap(prev.defs, DEFS), patchList(prev.refs, LISTS.refs), patchMap(prev.refsByKey, REFS_BY_KEY));
  else symbolsLater(bot);
  bot.nlu = patchList(prev.nlu, LISTS.nlu);
  bot.stories = patchList(prev.stories, LISTS.stories);
  bot.tests = patchList(prev.tests, LISTS.tests);
  bot.flows = patchList(prev.flows, LISTS.flows);
  return bot;
}

/** `list` (in file order) with the entries of `path` (the file at `at` in `order`) replaced by `entries`. */
function spliced<E extends { file: string }>(list: readonly E[], order: ReadonlyMap<string, number>, at: number, path: string, entries: readonly E[]): E[] {
  // A file's entries are one run of the list.
  let from = 0;
  while (from < list.length && order.get(list[from]!.file)! < at) from++;
  let to = from;
  while (to < list.length && list[to]!.file === path) to++;
  const out = new Array<E>(list.length - (to - from) + entries.length);
  let k = 0;
  for (let i = 0; i < from; i++) out[k++] = list[i]!;
  for (const e of entries) out[k++] = e;
  for (let i = to; i < list.length; i++) out[k++] = list[i]!;
  return out;
}

function addAll(map: Map<string, Definition[]>, defs: readonly Definition[]): void {
  for (const d of defs) {
    const list = map.get(d.key);
    if (list) list.push(d);
    else map.set(d.key, [d]);
  }
}

/** The references of a project to one kind and name. */
export function refsTo(bot: RasaBot, key: string): Reference[] {
  return bot.refsByKey.get(key) ?? [];
}

/** The path of a file relative to the project folder. */
export function relOf(bot: Pick<RasaBot, 'dir'>, path: string): string {
  return relativeTo(bot.dir, path) ?? path;
}
