// A Lex V2 export as entities for the semantic diff, in Lex's words, per locale: the locale
// and its settings (BotLocale.json), intents, their sample utterances (one entity each, so they
// compare as a multiset), slots, slot types and their values, the prompts and responses
// (`messageGroupsList`, one entity per place it is written), the next-step graph (each
// `nextStep`, `captureNextStep`, … as a flow step of its intent), and the bot's settings.
// What Lex itself changes between exports is no change: `identifier`s, Bot.json's `version`,
// key order, minified or pretty, the order of `slotPriorities` and of every list, `null`
// against absent, and ConversationFlow.json's coordinates (the visual builder's layout).
import { canonicalArray, canonicalObject, canonicalScalar, parseDocument } from '../../definitions/index';
import type { Node, SemanticEntity, SemanticKind } from '../../definitions/index';
import type { EntityFiles } from '../../definitions/diff/files';
import { placeOf } from './layout';
import { conversationOf, readTestSet, type Cell, type TestRow } from './testSet';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys Lex writes anew on every export or import. */
const VOLATILE = new Set(['identifier', 'version', 'lastUpdatedDateTime', 'creationDateTime', 'lastBuildSubmittedDateTime']);
/** A visual-builder layout's coordinates. */
const LAYOUT = new Set(['x', 'y', 'position', 'width', 'height']);

/** A file's JSON: JSON.parse where it can (fast), the engine's tolerant parse where it cannot. */
function read(path: string, text: string): Json | undefined {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Json;
  } catch {
    const root = parseDocument(path, text).root;
    return root ? toJson(root) : undefined;
  }
}

function toJson(node: Node): Json {
  switch (node.type) {
    case 'scalar':
      return node.value;
    case 'opaque':
      return null;
    case 'array':
      return node.items.map(toJson);
    case 'object': {
      const o: { [key: string]: Json } = Object.create(null);
      for (const p of node.properties) if (!(p.key in o)) o[p.key] = p.value ? toJson(p.value) : null;
      return o;
    }
  }
}

const isObject = (v: Json | undefined): v is { [key: string]: Json } => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether a property holds a response (a message group list) or a next step: entities of their own. */
const isResponseKey = (key: string): boolean => key === 'messageGroupsList' || key === 'messageGroupList';
const isStepKey = (key: string): boolean => key === 'nextStep' || key.endsWith('NextStep');

interface Canon {
  /** Keys left out at the top. */
  omit?: ReadonlySet<string>;
  /** Left out at any depth. */
  skip?: ReadonlySet<string>;
  /** Responses and next steps are entities of their own: left out of the value. */
  parts?: boolean;
}

/** Canonical JSON: keys sorted, nulls and volatile keys gone, every list a multiset. */
function canon(v: Json, c: Canon, top = true): string {
  if (v === null || typeof v !== 'object') return canonicalScalar(v);
  if (Array.isArray(v)) return canonicalArray(v.map((x) => canon(x, c, false)), true);
  const pairs: [string, string][] = [];
  for (const key of Object.keys(v)) {
    const x = v[key]!;
    if (x === null || VOLATILE.has(key) || (top && c.omit?.has(key)) || c.skip?.has(key)) continue;
    if (c.parts && (isResponseKey(key) || (isStepKey(key) && isObject(x)))) continue;
    pairs.push([key, canon(x, c, false)]);
  }
  return canonicalObject(pairs);
}

/** The responses and next steps inside a value, with the dotted path of the property that holds each. */
function parts(v: Json, path: string, out: { kind: 'response' | 'flow'; path: string; value: Json }[]): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => parts(x, `${path}[${i}]`, out));
    return;
  }
  if (!isObject(v)) return;
  for (const key of Object.keys(v)) {
    const x = v[key]!;
    if (x === null) continue;
    const at = path === '' ? key : `${path}.${key}`;
    if (isResponseKey(key)) out.push({ kind: 'response', path: path === '' ? key : path, value: x });
    else if (isStepKey(key) && isObject(x)) out.push({ kind: 'flow', path: at, value: x });
    else if (key !== 'sampleUtterances') parts(x, at, out);
  }
}

/** The entities of one file of an export (its path relative to the export folder, its text). */
export function entitiesOfFile(file: string, text: string): SemanticEntity[] {
  const out: SemanticEntity[] = [];
  const place = placeOf(file);
  if (!place) return out;
  if (place.kind === 'testSet') return testSetEntities(file, text);
  const json = read(file, text);
  if (!isObject(json)) return out;
  const add = (kind: SemanticKind, name: string, value: string, locale?: string, parent?: string): void => {
    const e: SemanticEntity = { kind, name, file, value };
    if (locale !== undefined) e.locale = locale;
    if (parent !== undefined) e.parent = parent;
    out.push(e);
  };
  const addParts = (value: Json, owner: string, locale: string, intent: string): void => {
    const found: { kind: 'response' | 'flow'; path: string; value: Json }[] = [];
    parts(value, '', found);
    for (const p of found) add(p.kind, `${owner}: ${p.path}`, canon(p.value, {}), locale, intent);
  };
  const locale = place.locale;
  switch (place.kind) {
    case 'manifest':
      break;
    case 'bot':
      for (const key of Object.keys(json).sort()) {
        const v = json[key]!;
        if (v !== null && !VOLATILE.has(key)) add('setting', key, canon(v, {}));
      }
      break;
    case 'locale':
      add('locale', locale!, canon(json, {}), locale);
      break;
    case 'intent': {
      const name = typeof json.name === 'string' ? json.name : place.intentFolder!;
      add('intent', name, canon(json, { omit: new Set(['name', 'sampleUtterances']), parts: true }), locale);
      if (Array.isArray(json.sampleUtterances)) {
        for (const u of json.sampleUtterances) if (isObject(u) && typeof u.utterance === 'string') add('utterance', u.utterance, '', locale, name);
      }
      addParts(json, name, locale!, name);
      break;
    }
    // A slot's intent, and the visual layout's, is the intent folder it is in: the console
    // names that folder after the intent, and a file's entities depend on the file alone.
    case 'slot': {
      const intent = place.intentFolder!;
      const name = typeof json.name === 'string' ? json.name : place.folder!;
      add('slot', name, canon(json, { omit: new Set(['name']), parts: true }), locale, intent);
      addParts(json, `${intent}.${name}`, locale!, intent);
      break;
    }
    case 'slotType': {
      const name = typeof json.name === 'string' ? json.name : place.folder!;
      add('entity', name, canon(json, { omit: new Set(['name', 'slotTypeValues']) }), locale);
      if (Array.isArray(json.slotTypeValues)) {
        for (const v of json.slotTypeValues) {
          if (!isObject(v) || !isObject(v.sampleValue) || typeof v.sampleValue.value !== 'string') continue;
          add('entity-value', v.sampleValue.value, canon(v, { omit: new Set(['sampleValue']) }), locale, name);
        }
      }
      break;
    }
    case 'flow': {
      const intent = place.intentFolder!;
      add('flow', `${intent}: visual layout`, canon(json, { skip: LAYOUT }), locale, intent);
      break;
    }
  }
  return out;
}

/**
 * A test set's tests: each conversation one (named by its number), each single input one
 * (named by its words), valued by what its rows send and expect. Line numbers and the order
 * of single inputs are no change.
 */
function testSetEntities(file: string, text: string): SemanticEntity[] {
  const set = readTestSet(text);
  if (!set) return [];
  const cell = (c: Cell | undefined) => c?.text.trim() ?? '';
  const turn = (r: TestRow) => [cell(r.source) || 'User', cell(r.input), cell(r.intent), ...r.slots.map((s) => s.text.trim())].join(' | ');
  const conversations = new Map<string, TestRow[]>();
  const out: SemanticEntity[] = [];
  for (const row of set.rows) {
    const c = conversationOf(row);
    if (c === undefined) {
      out.push({ kind: 'test', name: `${file}: ${cell(row.input)}`, file, value: turn(row) });
      continue;
    }
    const list = conversations.get(c);
    if (list) list.push(row);
    else conversations.set(c, [row]);
  }
  for (const [c, rows] of conversations) out.push({ kind: 'test', name: `${file}: conversation ${c}`, file, value: rows.map(turn).join('\n') });
  return out;
}

/** The entities of an export's files (paths relative to the export folder → texts), in path order. */
export function lexEntities(files: ReadonlyMap<string, string>): SemanticEntity[] {
  const out: SemanticEntity[] = [];
  for (const path of [...files.keys()].sort()) for (const e of entitiesOfFile(path, files.get(path)!)) out.push(e);
  return out;
}

/**
 * The export read file by file, for a semantic diff that reads only what can differ: a file's
 * entities depend on its path and text alone. Of the files both sides hold alike, those that
 * may define an entity of one of the given identities: the same locale's file of the kind that
 * defines it, whose text holds the name (or whose folder is the intent a slot belongs to).
 */
export function lexEntityFiles(files: ReadonlyMap<string, string>): EntityFiles {
  return {
    context: '',
    read: (path) => entitiesOfFile(path, files.get(path) ?? ''),
    mayShare(paths, identities) {
      // One look per kind of file, locale and name: an intent's thousand utterances are one.
      const group = (k: SemanticKind): string => (k === 'utterance' ? 'intent' : k === 'response' || k === 'flow' ? 'slot' : k === 'entity-value' ? 'entity' : k);
      const seen = new Set<string>();
      // By locale (settings under ''): a file is looked at only for its own locale's names.
      const wanted = new Map<string, { kind: string; needle: string }[]>();
      for (const e of identities) {
        const w = { kind: group(e.kind), needle: e.parent ?? e.name };
        const locale = e.kind === 'setting' ? '' : (e.locale ?? '');
        const key = `${w.kind}\u0000${locale}\u0000${w.needle}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const list = wanted.get(locale);
        if (list) list.push(w);
        else wanted.set(locale, [w]);
      }
      // One pass over a file's text for all of its locale's names, quoted as JSON writes them.
      const quick = new Map<string, RegExp>();
      for (const [locale, list] of wanted) quick.set(locale, new RegExp(`"(?:${[...new Set(list.map((w) => w.needle))].map((n) => JSON.stringify(n).slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})"`));
      return paths.filter((path) => {
        const place = placeOf(path);
        if (!place) return false;
        if (place.kind === 'bot' && wanted.has('')) return true;
        const mine = wanted.get(place.locale ?? '');
        if (!mine) return false;
        const text = files.get(path) ?? '';
        const any = text.includes('\\') || quick.get(place.locale ?? '')!.test(text);
        const holds = (needle: string) => any && (text.includes('\\') || text.includes(JSON.stringify(needle)));
        return mine.some((w) => {
          if (w.kind === 'setting') return place.kind === 'bot';
          switch (w.kind) {
            case 'locale':
              return place.kind === 'locale';
            case 'intent':
              return place.kind === 'intent' && holds(w.needle);
            case 'slot':
              return (place.kind === 'intent' && holds(w.needle)) || place.intentFolder === w.needle;
            case 'entity':
              return place.kind === 'slotType' && holds(w.needle);
            case 'test':
              return place.kind === 'testSet';
            default:
              return true;
          }
        });
      });
    },
  };
}
