// The semantic differ every format shares: two lists of entities in, what was added,
// removed and modified out. Entities are matched by identity (kind, parent, locale, name),
// never by file, so a move between files is no change; entities with one identity compare
// as a multiset of values, so a second copy of an example is a change and their order is
// not. Linear in the entities but for the sort of the changes.
import type { ChangeKind, SemanticChange, SemanticEntity } from './entities';
import { SEMANTIC_KINDS } from './entities';

const KIND_ORDER: ReadonlyMap<string, number> = new Map(SEMANTIC_KINDS.map((k, i) => [k, i]));
const CHANGE_ORDER: Readonly<Record<ChangeKind, number>> = { removed: 0, added: 1, modified: 2 };

/** One identity's entities on each side; a single entity is held as itself (the common case). */
interface Bucket {
  a: SemanticEntity | SemanticEntity[] | undefined;
  b: SemanticEntity | SemanticEntity[] | undefined;
}

/**
 * The buckets by identity, as nested maps keyed by the entities' own strings: their hashes
 * are computed once and kept by the strings, where a joined key would be a new string to
 * hash per entity (several times slower on a large bot).
 */
type Index = Map<string, Map<string, Map<string, Map<string, Bucket>>>>;

function bucketOf(index: Index, e: SemanticEntity, all: Bucket[]): Bucket {
  let byParent = index.get(e.kind);
  if (!byParent) index.set(e.kind, (byParent = new Map()));
  const parent = e.parent ?? '';
  let byLocale = byParent.get(parent);
  if (!byLocale) byParent.set(parent, (byLocale = new Map()));
  const locale = e.locale ?? '';
  let byName = byLocale.get(locale);
  if (!byName) byLocale.set(locale, (byName = new Map()));
  let b = byName.get(e.name);
  if (!b) {
    byName.set(e.name, (b = { a: undefined, b: undefined }));
    all.push(b);
  }
  return b;
}

function add(slot: SemanticEntity | SemanticEntity[] | undefined, e: SemanticEntity): SemanticEntity | SemanticEntity[] {
  if (slot === undefined) return e;
  if (Array.isArray(slot)) {
    slot.push(e);
    return slot;
  }
  return [slot, e];
}

function list(slot: SemanticEntity | SemanticEntity[] | undefined): SemanticEntity[] {
  return slot === undefined ? [] : Array.isArray(slot) ? slot : [slot];
}

/** The changes from `before` to `after`, sorted by kind (in SEMANTIC_KINDS order), parent, locale, name and change. */
export function diffEntities(before: readonly SemanticEntity[], after: readonly SemanticEntity[]): SemanticChange[] {
  const index: Index = new Map();
  const buckets: Bucket[] = [];
  for (const e of before) {
    const b = bucketOf(index, e, buckets);
    b.a = add(b.a, e);
  }
  for (const e of after) {
    const b = bucketOf(index, e, buckets);
    b.b = add(b.b, e);
  }
  const out: SemanticChange[] = [];
  for (const { a, b } of buckets) {
    if (a !== undefined && b !== undefined && !Array.isArray(a) && !Array.isArray(b)) {
      if (a.value !== b.value) out.push(changeOf('modified', b, a));
      continue;
    }
    compareMultisets(list(a), list(b), out);
  }
  return out.sort(compareChanges);
}

/** Pairs equal values off, then pairs what is left as modifications; the rest was added or removed. */
function compareMultisets(a: SemanticEntity[], b: SemanticEntity[], out: SemanticChange[]): void {
  const pool = new Map<string, SemanticEntity[]>();
  for (const e of a) {
    const same = pool.get(e.value);
    if (same) same.push(e);
    else pool.set(e.value, [e]);
  }
  const onlyB: SemanticEntity[] = [];
  for (const e of b) {
    const same = pool.get(e.value);
    if (same && same.length) same.shift();
    else onlyB.push(e);
  }
  const onlyA: SemanticEntity[] = [];
  for (const e of a) {
    const same = pool.get(e.value)!;
    if (same.length && same[0] === e) onlyA.push(same.shift()!);
  }
  const paired = Math.min(onlyA.length, onlyB.length);
  for (let i = 0; i < paired; i++) out.push(changeOf('modified', onlyB[i]!, onlyA[i]!));
  for (let i = paired; i < onlyB.length; i++) out.push(changeOf('added', onlyB[i]!));
  for (let i = paired; i < onlyA.length; i++) out.push(changeOf('removed', onlyA[i]!));
}

function changeOf(change: ChangeKind, e: SemanticEntity, before?: SemanticEntity): SemanticChange {
  const c: SemanticChange = { kind: e.kind, name: e.name, change };
  if (e.parent !== undefined) c.parent = e.parent;
  if (e.locale !== undefined) c.locale = e.locale;
  const file = e.file ?? before?.file;
  if (file !== undefined) c.file = file;
  if (change === 'modified' && before) {
    const detail = describeChange(before.value, e.value);
    if (detail) c.detail = detail;
  }
  return c;
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The order of a summary: kind, parent, locale, name, change, file. */
export function compareChanges(x: SemanticChange, y: SemanticChange): number {
  return (
    (KIND_ORDER.get(x.kind) ?? SEMANTIC_KINDS.length) - (KIND_ORDER.get(y.kind) ?? SEMANTIC_KINDS.length) ||
    cmp(x.parent ?? '', y.parent ?? '') ||
    cmp(x.locale ?? '', y.locale ?? '') ||
    cmp(x.name, y.name) ||
    CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] ||
    cmp(x.file ?? '', y.file ?? '')
  );
}

const MAX_PARTS = 3;
const MAX_SHOWN = 40;

/**
 * What differs between two canonical values, in a few words: the paths that differ, with
 * both values when they are scalars ("type PizzaSize → Topping", "environments.production
 * added", "fr-FR changed", "steps 3 → 4 items"). Empty when there is nothing short to say.
 */
export function describeChange(before: string, after: string): string {
  let a: unknown;
  let b: unknown;
  try {
    a = JSON.parse(before);
    b = JSON.parse(after);
  } catch {
    return '';
  }
  const parts: string[] = [];
  let more = 0;
  const note = (s: string) => {
    if (parts.length < MAX_PARTS) parts.push(s);
    else more++;
  };
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (isObject(x) && isObject(y)) {
      for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
        const p = path ? `${path}.${k}` : k;
        const hasX = Object.prototype.hasOwnProperty.call(x, k);
        const hasY = Object.prototype.hasOwnProperty.call(y, k);
        if (hasX && hasY) walk(x[k], y[k], p);
        // A new or removed mapping says which of its keys came or went.
        else if (hasY) isObject(y[k]) && Object.keys(y[k] as object).length ? walk({}, y[k], p) : note(`${p} added`);
        else isObject(x[k]) && Object.keys(x[k] as object).length ? walk(x[k], {}, p) : note(`${p} removed`);
      }
      return;
    }
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    const prefix = path ? `${path} ` : '';
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return note(`${prefix}${x.length} → ${y.length} item${y.length === 1 ? '' : 's'}`);
      // One item of a list replaced: say which, when it is a scalar.
      const at = x.flatMap((v, i) => (JSON.stringify(v) === JSON.stringify(y[i]) ? [] : [i]));
      const [i] = at;
      if (at.length === 1 && isScalar(x[i!]) && isScalar(y[i!])) note(`${prefix}${showPair(x[i!] as Scalar, y[i!] as Scalar)}`);
      else note(`${prefix}changed`.trim());
    }
    else if (isScalar(x) && isScalar(y)) note(`${prefix}${showPair(x, y)}`);
    else note(`${prefix}changed`.trim());
  };
  walk(a, b, '');
  if (more) parts.push(`${more} more`);
  return parts.join(', ');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Scalar = string | number | boolean | null;

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function show(v: Scalar, from = 0): string {
  let s = typeof v === 'string' ? (v === '' || /^\s|\s$/.test(v) ? JSON.stringify(v) : v) : String(v);
  if (from > 0) s = '…' + s.slice(from);
  return s.length > MAX_SHOWN ? s.slice(0, MAX_SHOWN - 1) + '…' : s;
}

/** "before → after"; two long texts are shown from a little before where they part. */
function showPair(x: Scalar, y: Scalar): string {
  let from = 0;
  if (typeof x === 'string' && typeof y === 'string' && (x.length > MAX_SHOWN || y.length > MAX_SHOWN)) {
    let same = 0;
    while (same < x.length && same < y.length && x[same] === y[same]) same++;
    if (same > 12) {
      // From the start of the word before the first character that differs.
      const space = x.lastIndexOf(' ', same - 4);
      from = space > same - 24 ? space + 1 : same - 10;
    }
  }
  return `${show(x, from)} → ${show(y, from)}`;
}

/** How many changes of each kind of change a list holds. */
export function countChanges(changes: readonly SemanticChange[]): Record<ChangeKind, number> {
  const n = { added: 0, removed: 0, modified: 0 };
  for (const c of changes) n[c.change]++;
  return n;
}
