// What changed between two states of a bot, in bot terms: intents, utterances per locale,
// slots, slot types, responses, flows, functions, variables and the bot's own settings.
// Entities are matched by name across all files, so moving one between files is no change.
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';

export type ChangeKind = 'added' | 'removed' | 'edited';

export interface SemanticChange {
  kind: 'bot' | 'locale' | 'intent' | 'utterance' | 'slot' | 'slotType' | 'response' | 'flow' | 'function' | 'variable';
  name: string;
  change: ChangeKind;
  /** A short account of an edit ("+3 −1", "type PizzaSize → Topping"); empty when there is none to give. */
  detail: string;
  locale: string | null;
}

export interface SemanticDiff {
  changes: SemanticChange[];
  /** Files that could not be read as YAML or JSON on one side; they are compared as text only. */
  unreadable: string[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/** The entities of one side, by name. Later duplicates are ignored (validation reports them). */
interface Side {
  bot: Obj;
  include: Json;
  release: Json;
  intents: Map<string, Obj>;
  slotTypes: Map<string, Obj>;
  responses: Map<string, Json>;
  functions: Map<string, Obj>;
  flows: Map<string, Obj>;
  variables: Map<string, Json>;
}

const DEFINITION_FILE = /\.(ya?ml|jsonc?)$/i;
const MANIFEST = /(^|\/)bot\.(ya?ml|jsonc?)$/i;

/**
 * Compares two sides of a bot given as path → text. Only files that differ are read, since
 * an entity in a file both sides share cannot have changed.
 */
export function semanticDiff(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): SemanticDiff {
  const changed = new Set<string>();
  for (const [path, text] of before) if (after.get(path) !== text) changed.add(path);
  for (const path of after.keys()) if (!before.has(path)) changed.add(path);
  const unreadable: string[] = [];
  const a = collect(before, changed, unreadable);
  const b = collect(after, changed, unreadable);
  const changes: SemanticChange[] = [];
  compareBot(a, b, changes);
  compareIntents(a.intents, b.intents, changes);
  compareNamed('slotType', a.slotTypes, b.slotTypes, changes, slotTypeDetail);
  compareNamed('response', a.responses, b.responses, changes, localeDetail);
  compareNamed('flow', a.flows, b.flows, changes, flowDetail);
  compareNamed('function', a.functions, b.functions, changes, fieldDetail);
  compareNamed('variable', a.variables, b.variables, changes, variableDetail);
  return { changes, unreadable: [...new Set(unreadable)].sort() };
}

function collect(files: ReadonlyMap<string, string>, only: ReadonlySet<string>, unreadable: string[]): Side {
  const side: Side = {
    bot: {},
    include: null,
    release: null,
    intents: new Map(),
    slotTypes: new Map(),
    responses: new Map(),
    functions: new Map(),
    flows: new Map(),
    variables: new Map(),
  };
  for (const path of [...files.keys()].sort()) {
    if (!only.has(path) || !DEFINITION_FILE.test(path)) continue;
    const value = read(path, files.get(path)!);
    if (value === undefined) {
      unreadable.push(path);
      continue;
    }
    if (!isObj(value)) continue;
    if (MANIFEST.test(path) && !path.includes('/')) {
      if (isObj(value.bot)) side.bot = value.bot;
      side.include = value.include ?? null;
      side.release = value.release ?? null;
    }
    byName(value.intents, side.intents);
    byName(value.slotTypes, side.slotTypes);
    byName(value.functions, side.functions);
    byName(value.flows, side.flows);
    byKey(value.responses, side.responses);
    byKey(value.variables, side.variables);
  }
  return side;
}

function read(path: string, text: string): Json | undefined {
  try {
    if (/\.jsonc?$/i.test(path)) {
      const errors: unknown[] = [];
      const v = parseJsonc(text, errors as never, { allowTrailingComma: true }) as Json;
      return errors.length ? undefined : v;
    }
    return parseYaml(text, { uniqueKeys: false, maxAliasCount: 100, prettyErrors: false }) as Json;
  } catch {
    return undefined;
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function byName(list: Json | undefined, into: Map<string, Obj>): void {
  if (!Array.isArray(list)) return;
  for (const item of list) {
    if (isObj(item) && typeof item.name === 'string' && !into.has(item.name)) into.set(item.name, item);
  }
}

function byKey(map: Json | undefined, into: Map<string, Json>): void {
  if (!isObj(map)) return;
  for (const [k, v] of Object.entries(map)) if (!into.has(k)) into.set(k, v);
}

/** A canonical text of a value, with object keys sorted, for equality. */
function canon(v: Json | undefined): string {
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (isObj(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return canon(a) === canon(b);
}

function show(v: Json | undefined): string {
  if (v === undefined || v === null) return '(none)';
  const text = typeof v === 'string' ? v : canon(v);
  return text.length > 40 ? text.slice(0, 39) + '…' : text;
}

function compareBot(a: Side, b: Side, out: SemanticChange[]): void {
  const fields = new Set([...Object.keys(a.bot), ...Object.keys(b.bot)]);
  for (const f of [...fields].sort()) {
    if (f === 'locales') continue;
    if (!same(a.bot[f], b.bot[f])) out.push({ kind: 'bot', name: f, change: 'edited', detail: `${show(a.bot[f])} → ${show(b.bot[f])}`, locale: null });
  }
  const la = strings(a.bot.locales);
  const lb = strings(b.bot.locales);
  for (const l of lb) if (!la.includes(l)) out.push({ kind: 'locale', name: l, change: 'added', detail: '', locale: l });
  for (const l of la) if (!lb.includes(l)) out.push({ kind: 'locale', name: l, change: 'removed', detail: '', locale: l });
  if (!same(a.include, b.include)) out.push({ kind: 'bot', name: 'include', change: 'edited', detail: `${show(a.include)} → ${show(b.include)}`, locale: null });
  if (!same(a.release, b.release)) out.push({ kind: 'bot', name: 'release', change: 'edited', detail: `${show(a.release)} → ${show(b.release)}`, locale: null });
}

function strings(v: Json | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function compareNamed<T extends Json>(
  kind: SemanticChange['kind'],
  a: Map<string, T>,
  b: Map<string, T>,
  out: SemanticChange[],
  detail: (before: T, after: T) => string,
): void {
  for (const [name, v] of b) {
    const old = a.get(name);
    if (old === undefined) out.push({ kind, name, change: 'added', detail: '', locale: null });
    else if (!same(old, v)) out.push({ kind, name, change: 'edited', detail: detail(old, v), locale: null });
  }
  for (const name of a.keys()) if (!b.has(name)) out.push({ kind, name, change: 'removed', detail: '', locale: null });
}

function compareIntents(a: Map<string, Obj>, b: Map<string, Obj>, out: SemanticChange[]): void {
  for (const [name, intent] of b) {
    const old = a.get(name);
    if (!old) {
      out.push({ kind: 'intent', name, change: 'added', detail: utteranceCount(intent), locale: null });
      continue;
    }
    if (same(old, intent)) continue;
    const fields = new Set([...Object.keys(old), ...Object.keys(intent)].filter((k) => k !== 'utterances' && k !== 'slots' && k !== 'name'));
    const edited = [...fields].filter((f) => !same(old[f], intent[f]));
    out.push({ kind: 'intent', name, change: 'edited', detail: edited.length ? `${edited.join(', ')} changed` : '', locale: null });
    compareUtterances(name, old.utterances, intent.utterances, out);
    compareNamed('slot', slotsOf(name, old), slotsOf(name, intent), out, slotDetail);
  }
  for (const name of a.keys()) if (!b.has(name)) out.push({ kind: 'intent', name, change: 'removed', detail: '', locale: null });
}

function utteranceCount(intent: Obj): string {
  if (!isObj(intent.utterances)) return '';
  const n = Object.values(intent.utterances).reduce<number>((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
  return `${n} utterance${n === 1 ? '' : 's'}`;
}

function compareUtterances(intent: string, a: Json | undefined, b: Json | undefined, out: SemanticChange[]): void {
  const ua = isObj(a) ? a : {};
  const ub = isObj(b) ? b : {};
  for (const locale of [...new Set([...Object.keys(ua), ...Object.keys(ub)])].sort()) {
    const before = strings(ua[locale]);
    const after = strings(ub[locale]);
    const removed = before.filter((u) => !after.includes(u)).length;
    const added = after.filter((u) => !before.includes(u)).length;
    if (!added && !removed) continue;
    const change: ChangeKind = !(locale in ua) ? 'added' : !(locale in ub) ? 'removed' : 'edited';
    out.push({ kind: 'utterance', name: intent, change, detail: `+${added} −${removed}`, locale });
  }
}

function slotsOf(intent: string, i: Obj): Map<string, Obj> {
  const slots = new Map<string, Obj>();
  byName(i.slots, slots);
  return new Map([...slots].map(([k, v]) => [`${intent}.${k}`, v]));
}

function slotDetail(a: Obj, b: Obj): string {
  const parts: string[] = [];
  if (!same(a.type, b.type)) parts.push(`type ${show(a.type)} → ${show(b.type)}`);
  if (!same(a.required, b.required)) parts.push(b.required ? 'now required' : 'now optional');
  if (!same(a.prompt, b.prompt)) parts.push(`prompt changed${changedLocales(a.prompt, b.prompt)}`);
  return parts.join(', ');
}

function changedLocales(a: Json | undefined, b: Json | undefined): string {
  const la = isObj(a) ? a : {};
  const lb = isObj(b) ? b : {};
  const locales = [...new Set([...Object.keys(la), ...Object.keys(lb)])].filter((l) => !same(la[l], lb[l])).sort();
  return locales.length ? ` (${locales.join(', ')})` : '';
}

function localeDetail(a: Json, b: Json): string {
  const c = changedLocales(a, b);
  return c ? `${c.slice(2, -1)} changed` : '';
}

function slotTypeDetail(a: Obj, b: Obj): string {
  const values = (t: Obj) => new Map((Array.isArray(t.values) ? t.values : []).filter(isObj).map((v) => [String(v.value), v]));
  const va = values(a);
  const vb = values(b);
  const added = [...vb.keys()].filter((k) => !va.has(k));
  const removed = [...va.keys()].filter((k) => !vb.has(k));
  const edited = [...vb.keys()].filter((k) => va.has(k) && !same(va.get(k), vb.get(k)));
  const parts: string[] = [];
  if (added.length) parts.push(`+${added.length} value${added.length === 1 ? '' : 's'} (${added.join(', ')})`);
  if (removed.length) parts.push(`−${removed.length} value${removed.length === 1 ? '' : 's'} (${removed.join(', ')})`);
  if (edited.length) parts.push(`synonyms of ${edited.join(', ')} changed`);
  return parts.join(', ');
}

function flowDetail(a: Obj, b: Obj): string {
  const parts: string[] = [];
  if (!same(a.trigger, b.trigger)) parts.push(`trigger ${show(a.trigger)} → ${show(b.trigger)}`);
  const sa = Array.isArray(a.steps) ? a.steps : [];
  const sb = Array.isArray(b.steps) ? b.steps : [];
  if (!same(sa, sb)) parts.push(sa.length === sb.length ? 'steps changed' : `${sa.length} → ${sb.length} steps`);
  return parts.join(', ');
}

function fieldDetail(a: Obj, b: Obj): string {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'name' && !same(a[k], b[k])).sort();
  return fields.map((f) => (typeof a[f] === 'string' || typeof b[f] === 'string' ? `${f} ${show(a[f])} → ${show(b[f])}` : `${f} changed`)).join(', ');
}

function variableDetail(a: Json, b: Json): string {
  const va = isObj(a) ? a : {};
  const vb = isObj(b) ? b : {};
  const parts: string[] = [];
  if (!same(va.default, vb.default)) parts.push('default changed');
  const ea = isObj(va.environments) ? va.environments : {};
  const eb = isObj(vb.environments) ? vb.environments : {};
  for (const env of [...new Set([...Object.keys(ea), ...Object.keys(eb)])].sort()) {
    if (!same(ea[env], eb[env])) parts.push(`${env} ${!(env in ea) ? 'added' : !(env in eb) ? 'removed' : 'changed'}`);
  }
  return parts.join(', ');
}
