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
    if (doc.doc.syntax.some((s) => s.code === 'syntax/yaml' || s.code === 'syntax/json')) bot.unreadable.push(path);
    const version = f.version?.value;
    if (version && version.type === 'scalar' && typeof version.value === 'string' && newerThanRasa(version.value)) {
      // Rasa reads nothing of a file it cannot read the version of.
      bot.skipped.push(path);
      continue;
    }
    addAll(bot.defs, f.defs);
    for (const r of f.refs) {
      bot.refs.push(r);
      const list = bot.refsByKey.get(r.key);
      if (list) list.push(r);
      else bot.refsByKey.set(r.key, [r]);
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
  return bot;
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
