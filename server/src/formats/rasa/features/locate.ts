// What name is at an offset of a Rasa file, what it resolves to, and where that is defined
// and used across the project — the one place the editor features ask. Rasa's names live in
// a few namespaces: intents, entities, slots, flows, and one of actions, where every form
// and every response is an action too (`- action: transfer_form`, `- action: utter_greet`).
// A retrieval intent `faq/ask_hours` is the domain's intent `faq` and the response
// `utter_faq/ask_hours`; `utter_faq` in a story names all of them.
import type { Definition, Reference, SymbolKind, WorkspaceView } from '../../../definitions/index';
import { normalizePath } from '../../../definitions/index';
import { symbolKey } from '../../../definitions/model/symbols';
import { DEFAULT_ACTIONS, DEFAULT_INTENTS, DEFAULT_PATTERNS } from '../builtins';
import { DEFAULT_SLOTS } from '../dialogue';
import type { Spanned } from '../examples';
import type { NluItem } from '../facts';
import type { InFile, RasaBot, RasaDocument, RasaRole } from '../model';

/** The Rasa project of a file and the file's facts, when the file belongs to one. */
export function rasaFile(ws: WorkspaceView, file: string): { bot: RasaBot; doc: RasaDocument; path: string; role: RasaRole | undefined } | undefined {
  const bot = ws.botOf(file);
  if (!bot || bot.format !== 'rasa') return undefined;
  const path = normalizePath(file);
  const rasa = bot as RasaBot;
  const doc = rasa.docs.get(path);
  return doc ? { bot: rasa, doc, path, role: rasa.roles.get(path) } : undefined;
}

/** The part of a retrieval name under the cursor: the base intent, or the sub-intent after the slash. */
export interface RetrievalPart {
  /** The base intent (`faq`). */
  intent: string;
  /** The sub-intent (`ask_hours`), when the name has one. */
  sub?: string;
  part: 'base' | 'sub';
  /** The span of that part in the file (no quotes). */
  start: number;
  end: number;
}

/** What a name resolves to: a kind and a name (a response group `utter_faq` is kind response). */
export interface Target {
  kind: SymbolKind;
  name: string;
}

export interface SymbolAt {
  bot: RasaBot;
  doc: RasaDocument;
  file: string;
  /** The token under the cursor (quotes included). */
  start: number;
  end: number;
  /** The name as written there. */
  written: Target;
  /** What it resolves to. */
  target: Target;
  definition?: Definition;
  reference?: Reference;
  retrieval?: RetrievalPart;
}

const ACTION_KINDS: ReadonlySet<SymbolKind> = new Set(['action', 'form', 'response']);

/** Whether a kind names an action (forms and responses are actions too). */
export function isActionKind(kind: SymbolKind): boolean {
  return ACTION_KINDS.has(kind);
}

const quoteLen = (text: string, s: { start: number; end: number }): number => {
  const c = text[s.start];
  return (c === '"' || c === "'") && text[s.end - 1] === c && s.end - s.start >= 2 ? 1 : 0;
};

/** `base/sub` split, with the spans of both parts, for a name token at `s` (quotes allowed); `prefix` is skipped (`utter_`). */
function retrievalParts(text: string, s: Spanned, prefix: string): { base: Spanned; sub?: Spanned } | undefined {
  const q = quoteLen(text, s);
  const name = s.text;
  if (!name.startsWith(prefix)) return undefined;
  const slash = name.indexOf('/');
  const inner = s.start + q;
  if (slash < 0) return { base: { text: name.slice(prefix.length), start: inner + prefix.length, end: inner + name.length } };
  if (slash <= prefix.length) return undefined;
  return {
    base: { text: name.slice(prefix.length, slash), start: inner + prefix.length, end: inner + slash },
    sub: { text: name.slice(slash + 1), start: inner + slash + 1, end: inner + name.length },
  };
}

function partAt(parts: { base: Spanned; sub?: Spanned }, offset: number): RetrievalPart {
  const onSub = parts.sub && offset >= parts.sub.start;
  const p = onSub ? parts.sub! : parts.base;
  const out: RetrievalPart = { intent: parts.base.text, part: onSub ? 'sub' : 'base', start: p.start, end: p.end };
  if (parts.sub) out.sub = parts.sub.text;
  return out;
}

/** The name at `offset` (a cursor just after a name still finds it). */
export function symbolAt(ws: WorkspaceView, file: string, offset: number): SymbolAt | undefined {
  const f = rasaFile(ws, file);
  if (!f) return undefined;
  const { bot, doc } = f;
  const text = doc.doc.text;
  const facts = doc.facts;
  // A retrieval intent of an nlu item: the base is a reference to the domain's intent, the sub-intent the response's name.
  for (const item of facts.nlu) {
    if (item.kind !== 'intent' || offset < item.name.start || offset > item.name.end || !item.name.text.includes('/')) continue;
    const parts = retrievalParts(text, item.name, '');
    if (!parts?.sub) break;
    const part = partAt(parts, offset);
    const at: SymbolAt = { bot, doc, file: f.path, start: item.name.start, end: item.name.end, written: { kind: 'intent', name: item.name.text }, target: { kind: 'intent', name: part.intent }, retrieval: part };
    if (part.part === 'sub') at.target = { kind: 'response', name: `utter_${item.name.text}` };
    return at;
  }
  let best: Reference | undefined;
  for (const r of facts.refs) if (offset >= r.start && offset <= r.end && (!best || r.end - r.start < best.end - best.start)) best = r;
  if (best) {
    const at: SymbolAt = { bot, doc, file: f.path, start: best.start, end: best.end, written: { kind: best.kind, name: best.name }, target: resolve(bot, best.kind, best.name), reference: best };
    addRetrieval(at, text, offset);
    return at;
  }
  for (const d of facts.defs) {
    if (offset < d.start || offset > d.end) continue;
    const at: SymbolAt = { bot, doc, file: f.path, start: d.start, end: d.end, written: { kind: d.kind, name: d.name }, target: resolve(bot, d.kind, d.name), definition: d };
    addRetrieval(at, text, offset);
    return at;
  }
  return undefined;
}

function addRetrieval(at: SymbolAt, text: string, offset: number): void {
  const { kind, name } = at.written;
  const s = { text: name, start: at.start, end: at.end };
  if (kind === 'intent' && name.includes('/')) {
    const parts = retrievalParts(text, s, '');
    if (!parts?.sub) return;
    at.retrieval = partAt(parts, offset);
    at.target = at.retrieval.part === 'sub' ? { kind: 'response', name: `utter_${name}` } : { kind: 'intent', name: parts.base.text };
    return;
  }
  if (at.target.kind !== 'response' || !name.startsWith('utter_')) return;
  // utter_faq/ask_hours, or utter_faq naming the group of retrieval responses.
  const parts = retrievalParts(text, s, 'utter_');
  if (parts?.base.text && (parts.sub || responseGroup(at.bot, name).length)) at.retrieval = partAt(parts, offset);
}

/** The responses `utter_faq/…` a retrieval response group `utter_faq` stands for. */
export function responseGroup(bot: RasaBot, name: string): string[] {
  return indexOf(bot).groups.get(name) ?? [];
}

/** What a name written as `kind` resolves to. An action that is not a declared action is a form of that name, or a response. */
export function resolve(bot: RasaBot, kind: SymbolKind, name: string): Target {
  if (kind === 'intent') {
    const slash = name.indexOf('/');
    return { kind, name: slash > 0 ? name.slice(0, slash) : name };
  }
  if (!isActionKind(kind)) return { kind, name };
  const response = bot.responses.has(name) || responseGroup(bot, name).length > 0;
  if (kind === 'response') return response || !bot.actions.has(name) ? { kind, name } : { kind: 'action', name };
  if (kind === 'form') return { kind, name };
  if (bot.forms.has(name)) return { kind: 'form', name };
  if (response) return { kind: 'response', name };
  return { kind: 'action', name };
}

/** The definitions of a target, first the one it resolves to. */
export function definitionsOf(bot: RasaBot, t: Target): Definition[] {
  const get = (kind: SymbolKind, name: string) => bot.defs.get(symbolKey(kind, name)) ?? [];
  if (!isActionKind(t.kind)) return get(t.kind, t.name);
  const order: SymbolKind[] = t.kind === 'response' ? ['response', 'form', 'action'] : t.kind === 'form' ? ['form', 'action', 'response'] : ['action', 'form', 'response'];
  const out = order.flatMap((k) => get(k, t.name));
  if (out.length) return out;
  return responseGroup(bot, t.name).flatMap((r) => get('response', r));
}

/** A span in a file of the project. */
export interface FileSpan {
  file: string;
  start: number;
  end: number;
}

/** Every use of a target across the project (definitions apart). */
export function referencesOf(bot: RasaBot, t: Target): FileSpan[] {
  const get = (kind: SymbolKind, name: string) => bot.refsByKey.get(symbolKey(kind, name)) ?? [];
  if (t.kind === 'intent') return [...get('intent', t.name), ...(retrievalIndex(bot).intentRefs.get(t.name) ?? [])];
  if (!isActionKind(t.kind)) return get(t.kind, t.name);
  const out: FileSpan[] = [...get('action', t.name), ...get('form', t.name), ...get('response', t.name)];
  // utter_faq/ask_hours is used where utter_faq is, and named by the nlu item faq/ask_hours.
  const slash = t.name.indexOf('/');
  if (t.kind === 'response' && slash > 0 && t.name.startsWith('utter_')) {
    const group = t.name.slice(0, slash);
    const sub = t.name.slice('utter_'.length);
    const rx = retrievalIndex(bot);
    out.push(...get('response', group), ...get('action', group), ...(rx.fullIntentRefs.get(sub) ?? []));
    for (const n of rx.nluNames.get(sub) ?? []) out.push({ file: n.file, start: n.name.start, end: n.name.end });
  }
  return out;
}

/** The nlu items whose intent is `name` (retrieval items `faq/…` too, for `faq`). */
export function nluItemsOf(bot: RasaBot, name: string): InFile<NluItem>[] {
  return indexOf(bot).nlu.get(name) ?? [];
}

/** The number of examples of an intent (a retrieval intent's base counts all of its sub-intents). */
export function exampleCount(bot: RasaBot, name: string): number {
  return indexOf(bot).counts.get(name) ?? 0;
}

/** Sub-intents of a retrieval intent, from its nlu items and its responses. */
export function subIntentsOf(bot: RasaBot, base: string): string[] {
  return [...(indexOf(bot).subs.get(base) ?? [])].sort();
}

/** The flows an intent triggers (`nlu_trigger`). */
export function flowsTriggeredBy(bot: RasaBot, intent: string): string[] {
  return indexOf(bot).triggers.get(intent) ?? [];
}

/** Whether a name is one Rasa gives every project (default intents, actions, slots, patterns). */
export function isBuiltin(t: Target): boolean {
  if (t.kind === 'intent') return DEFAULT_INTENTS.has(t.name);
  if (t.kind === 'slot') return DEFAULT_SLOTS.has(t.name);
  if (t.kind === 'flow') return DEFAULT_PATTERNS.has(t.name);
  if (isActionKind(t.kind)) return DEFAULT_ACTIONS.has(t.name);
  return false;
}

interface Index {
  nlu: Map<string, InFile<NluItem>[]>;
  counts: Map<string, number>;
  subs: Map<string, Set<string>>;
  groups: Map<string, string[]>;
  triggers: Map<string, string[]>;
}

const indexes = new WeakMap<RasaBot, Index>();

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Tables the features read, built once per model from its nlu items, responses and flows. */
function indexOf(bot: RasaBot): Index {
  let ix = indexes.get(bot);
  if (ix) return ix;
  ix = { nlu: new Map(), counts: new Map(), subs: new Map(), groups: new Map(), triggers: new Map() };
  for (const it of bot.nlu) {
    if (it.decl.kind !== 'intent') continue;
    const name = it.decl.name.text;
    const n = it.decl.examples.length;
    add(ix.nlu, name, it);
    ix.counts.set(name, (ix.counts.get(name) ?? 0) + n);
    const slash = name.indexOf('/');
    if (slash > 0) {
      const base = name.slice(0, slash);
      add(ix.nlu, base, it);
      ix.counts.set(base, (ix.counts.get(base) ?? 0) + n);
      let subs = ix.subs.get(base);
      if (!subs) ix.subs.set(base, (subs = new Set()));
      subs.add(name.slice(slash + 1));
    }
  }
  for (const name of bot.responses.keys()) {
    const slash = name.indexOf('/');
    if (slash <= 0) continue;
    add(ix.groups, name.slice(0, slash), name);
    if (name.startsWith('utter_') && slash > 'utter_'.length) {
      const base = name.slice('utter_'.length, slash);
      let subs = ix.subs.get(base);
      if (!subs) ix.subs.set(base, (subs = new Set()));
      subs.add(name.slice(slash + 1));
    }
  }
  for (const f of bot.flows) for (const t of f.decl.nluTriggers) add(ix.triggers, t.text, f.decl.id.text);
  indexes.set(bot, ix);
  return ix;
}

interface RetrievalIndex {
  /** Intent references written as `faq/ask_x` (stories, tests), by base. */
  intentRefs: Map<string, Reference[]>;
  /** The same, by the full name. */
  fullIntentRefs: Map<string, Reference[]>;
  /** Response and action definitions and references whose name holds a retrieval base (`utter_faq`, `utter_faq/ask_x`), by base. */
  responseSpans: Map<string, (Reference | Definition)[]>;
  /** Response definitions and references `utter_faq/ask_x`, by the full sub-intent `faq/ask_x`. */
  subSpans: Map<string, (Reference | Definition)[]>;
  /** nlu item names `faq/ask_x` with the file, by `faq/ask_x`. */
  nluNames: Map<string, { file: string; name: Spanned }[]>;
}

const retrievals = new WeakMap<RasaBot, RetrievalIndex>();

/** Every place a retrieval name is written, built once per model (one pass over its references). */
export function retrievalIndex(bot: RasaBot): RetrievalIndex {
  let ix = retrievals.get(bot);
  if (ix) return ix;
  ix = { intentRefs: new Map(), fullIntentRefs: new Map(), responseSpans: new Map(), subSpans: new Map(), nluNames: new Map() };
  const groups = indexOf(bot).groups;
  const responseLike = (x: Reference | Definition): void => {
    if (!isActionKind(x.kind) || !x.name.startsWith('utter_')) return;
    const slash = x.name.indexOf('/');
    if (slash > 0) {
      add(ix!.responseSpans, x.name.slice('utter_'.length, slash), x);
      add(ix!.subSpans, x.name.slice('utter_'.length), x);
    } else if (groups.has(x.name)) add(ix!.responseSpans, x.name.slice('utter_'.length), x);
  };
  // By name, not by use: a project has far fewer names than uses.
  for (const refs of bot.refsByKey.values()) {
    const r = refs[0]!;
    if (r.kind === 'intent') {
      const slash = r.name.indexOf('/');
      if (slash > 0) for (const x of refs) {
        add(ix.intentRefs, r.name.slice(0, slash), x);
        add(ix.fullIntentRefs, r.name, x);
      }
    } else if (isActionKind(r.kind) && r.name.startsWith('utter_')) for (const x of refs) responseLike(x);
  }
  for (const defs of bot.defs.values()) if (isActionKind(defs[0]!.kind) && defs[0]!.name.startsWith('utter_')) for (const d of defs) responseLike(d);
  for (const it of bot.nlu) if (it.decl.kind === 'intent' && it.decl.name.text.includes('/')) add(ix.nluNames, it.decl.name.text, { file: it.file, name: it.decl.name });
  retrievals.set(bot, ix);
  return ix;
}

/** The path of a file relative to the project, for messages. */
export function relPath(bot: RasaBot, file: string): string {
  return bot.dir === '' ? file : file.startsWith(`${bot.dir}/`) ? file.slice(bot.dir.length + 1) : file;
}
