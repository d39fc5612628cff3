// The bot's training data, indexed incrementally: when one file changes, only its
// utterances that changed leave and re-enter the index. Exact repeats are found through a
// map of normalised texts per locale.
//
// Near-duplicates (Jaccard similarity of token sets ≥ t) use deletion neighbourhoods: if
// x and y are that similar, x ∩ y is x with at most ⌊(1−t)·|x|⌋ tokens deleted, and y with
// at most ⌊(1−t)·|y|⌋. So each utterance is indexed under a hash of every such subset of
// itself, and two utterances are compared only when they share one. Subset hashes are
// sums of token hashes, so the (up to 1 + n + n(n−1)/2) subsets cost a few additions
// each. Buckets stay small even for training data made from templates, where indexes on
// single tokens degenerate. At most two deletions are indexed: at t = 0.8 that is exact
// up to 14 tokens; longer utterances are compared when they differ in at most two tokens.
//
// Each table entry also says how many tokens its record lost (its level). A pair that
// meets on subset S after losing dx and dy tokens has |x ∩ y| ≥ |S|, and exactly |S| unless
// it also meets on a larger subset with fewer losses. So a meeting whose |S| / (|S| + dx + dy)
// is below t is skipped without reading the other record: if the pair is similar enough, it
// also meets at its true levels, where that ratio is its similarity. With template-made
// training data most meetings are such misses (one word swapped for another: 6/8 < 0.8).
import { wordsOf } from '../../../definitions/text/normalize';
import type { WordSpans } from '../../../definitions/text/normalize';
import type { DocFacts, TextItem } from './facts';
import { SignatureTable } from './signatureTable';
import { fnv1a, mix, TokenTable } from './tokenTable';

/** The records of a text not said yet (shared; replaced, never pushed to). */
const NO_RECORDS: UtteranceRecord[] = [];

/** Most tokens one side of a pair may lose to reach their intersection (bounds index size). */
const MAX_DELETIONS = 2;

/** One normalised text of one locale, shared by the records that say it. */
export interface TextEntry {
  locale: string;
  /** The normal form's words as token ids, one character each (two past 0x7fff): a short key. */
  key: string;
  /** Token ids, each once (a plain array: V8 pays dearly for many small typed arrays). */
  tokens: readonly number[];
  /** The living records with this text, in the order they entered. */
  records: UtteranceRecord[];
}

export interface UtteranceRecord {
  file: string;
  intent: string;
  locale: string;
  item: TextItem;
  /** Token ids, each once. */
  tokens: readonly number[];
  text: TextEntry;
  /** Index in the record table. */
  id: number;
  /** Near-duplicate partners with their similarity. */
  similar: Map<UtteranceRecord, number> | undefined;
  /** Scratch: the search that last saw this record. */
  seenBy: number;
  /** False once its file left the index. */
  alive: boolean;
}

interface FileEntry {
  facts: DocFacts;
  records: UtteranceRecord[];
}

/** An utterance of a file before it is matched with the index. */
interface Utterance {
  intent: string;
  locale: string;
  item: TextItem;
}

export class TrainingIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly tokens = new TokenTable();
  private readonly localeSalt = new Map<string, number>();
  /** locale → text key → its entry. */
  private readonly texts = new Map<string, Map<string, TextEntry>>();
  private readonly table = new SignatureTable();
  private all: (UtteranceRecord | undefined)[] = [];
  private threshold = 0;
  private live = 0;
  private searches = 0;
  private mark = new Int32Array(1024);
  /** Records whose findings may have changed since `takeTouched`: see `touch`. */
  private touched = new Set<UtteranceRecord>();
  /** Every record is new since `takeTouched` (the index was built afresh): nothing is marked one by one. */
  private everything = true;
  /** Scratch: the words of the utterance being read, and their ids. */
  private readonly words: WordSpans = { source: '', raw: false, starts: [], ends: [], upper: [], count: 0 };
  private readonly ids: number[] = [];
  /** Scratch: the signatures of the record being added; they are not kept (they cost more than the rest of the index). */
  private sigs = new Int32Array(256);

  /** Brings the index up to date with the bot's files; `threshold` 0 turns near-duplicates off. */
  sync(files: readonly DocFacts[], threshold: number): void {
    if (threshold !== this.threshold) {
      for (const f of [...this.files.keys()]) this.remove(f);
      this.threshold = threshold;
      // Signatures depend on the threshold: texts are indexed afresh.
      this.texts.clear();
      this.compact();
    }
    if (this.files.size === 0) this.everything = true;
    const present = new Map(files.map((f) => [f.file, f]));
    for (const [file, entry] of [...this.files]) {
      const now = present.get(file);
      if (!now) this.remove(file);
      else if (now !== entry.facts) this.update(entry, now);
    }
    for (const f of files) {
      if (this.files.has(f.file)) continue;
      const entry: FileEntry = { facts: f, records: [] };
      this.files.set(f.file, entry);
      for (const intent of f.intents) {
        for (const e of intent.utterances?.entries ?? []) for (const item of e.texts) this.addRecord(entry, intent.def.name, e.locale, item);
      }
    }
    if (this.all.length > 1024 && this.all.length > 2 * this.live) this.compact();
  }

  /** The living records of a file, in reading order. */
  recordsOf(file: string): readonly UtteranceRecord[] {
    return this.files.get(file)?.records ?? [];
  }

  /** Every living record, file by file. */
  records(): UtteranceRecord[] {
    const out: UtteranceRecord[] = [];
    for (const entry of this.files.values()) for (const r of entry.records) out.push(r);
    return out;
  }

  /**
   * The records touched since the last call (and forgets them): added, moved (parsed again,
   * so their positions may differ), gone (no longer alive), or sharing a text or a
   * near-duplicate pair with one of those. Only their findings can have changed.
   */
  takeTouched(): Set<UtteranceRecord> | 'everything' {
    const t = this.everything ? 'everything' : this.touched;
    this.touched = new Set();
    this.everything = false;
    return t;
  }

  /** Marks a record and every record whose findings read it (same text, near-duplicate partners). */
  private touch(r: UtteranceRecord): void {
    if (this.everything) return;
    this.touched.add(r);
    for (const g of r.text.records) this.touched.add(g);
    if (r.similar) for (const y of r.similar.keys()) this.touched.add(y);
  }

  /**
   * A file was parsed again: its utterances that are still there (same intent, locale and
   * normalised text) keep their records and near-duplicate pairs, with their new positions;
   * only the ones that changed leave or enter the index. A one-character edit costs one
   * utterance. The unchanged head and tail of the file are matched by their raw text, in
   * order, without normalising them again.
   */
  private update(entry: FileEntry, facts: DocFacts): void {
    const fresh = utterancesOf(facts);
    const old = entry.records;
    const same = (u: Utterance, r: UtteranceRecord): boolean => u.intent === r.intent && u.locale === r.locale && u.item.text === r.item.text;
    let head = 0;
    while (head < fresh.length && head < old.length && same(fresh[head]!, old[head]!)) head++;
    let tail = 0;
    while (tail < fresh.length - head && tail < old.length - head && same(fresh[fresh.length - 1 - tail]!, old[old.length - 1 - tail]!)) tail++;
    const kept: UtteranceRecord[] = [];
    const keep = (r: UtteranceRecord, u: Utterance): void => {
      const was = r.item;
      r.item = u.item;
      // Findings read an utterance's text and span, and for repeats its neighbours (the fix
      // that removes it): only a moved or reworded one, or a repeated one, is touched.
      if (was.start !== u.item.start || was.end !== u.item.end || was.text !== u.item.text || r.text.records.length > 1) this.touch(r);
      kept.push(r);
    };
    for (let i = 0; i < head; i++) keep(old[i]!, fresh[i]!);
    // The middle: matched by intent, locale and normalised text, first with first.
    const byKey = new Map<string, UtteranceRecord[]>();
    for (let i = head; i < old.length - tail; i++) {
      const r = old[i]!;
      const k = `${r.intent}\u0000${r.locale}\u0000${r.text.key}`;
      const list = byKey.get(k);
      if (list) list.push(r);
      else byKey.set(k, [r]);
    }
    const added: Utterance[] = [];
    for (let i = head; i < fresh.length - tail; i++) {
      const u = fresh[i]!;
      const match = byKey.get(`${u.intent}\u0000${u.locale}\u0000${this.keyOf(u.item.text)}`)?.shift();
      if (match) keep(match, u);
      else added.push(u);
    }
    for (let i = tail; i > 0; i--) keep(old[old.length - i]!, fresh[fresh.length - i]!);
    const gone: UtteranceRecord[] = [];
    for (const list of byKey.values()) for (const r of list) gone.push(r);
    this.removeRecords(gone);
    entry.facts = facts;
    entry.records = kept;
    this.addRecords(entry, added);
  }

  private remove(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    this.files.delete(file);
    this.removeRecords(entry.records);
  }

  private removeRecords(records: readonly UtteranceRecord[]): void {
    for (const r of records) {
      this.touch(r);
      const list = r.text.records;
      const i = list.indexOf(r);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.texts.get(r.locale)?.delete(r.text.key);
      r.alive = false;
      this.all[r.id] = undefined;
      this.live--;
      if (r.similar) {
        for (const other of r.similar.keys()) {
          other.similar!.delete(r);
          if (!other.similar!.size) other.similar = undefined;
        }
        r.similar = undefined;
      }
    }
  }

  private addRecords(entry: FileEntry, utterances: readonly Utterance[]): void {
    for (const u of utterances) this.addRecord(entry, u.intent, u.locale, u.item);
  }

  private addRecord(entry: FileEntry, intent: string, locale: string, item: TextItem): void {
    const key = this.keyOf(item.text);
    // An utterance of punctuation only has no words to compare.
    if (!key) return;
    const text = this.textEntry(locale, key);
    const r: UtteranceRecord = { file: entry.facts.file, intent, locale, item, tokens: text.tokens, text, id: this.all.length, similar: undefined, seenBy: 0, alive: true };
    entry.records.push(r);
    // A list of one, as most texts have: an empty list would reserve room for 16.
    if (text.records.length) text.records.push(r);
    else text.records = [r];
    this.all.push(r);
    this.live++;
    if (this.threshold > 0) {
      const count = this.signatures(r);
      this.findSimilar(r, count);
      this.index(r, count);
    }
    this.touch(r);
  }

  /**
   * The key of an utterance's normal form: its words as token ids, read in one pass over
   * the text (normalize.ts), with the ids left in the `ids` scratch list. '' when it has none.
   */
  private keyOf(text: string): string {
    const w = this.words;
    wordsOf(text, w);
    const ids = this.ids;
    ids.length = 0;
    let wide = false;
    for (let i = 0; i < w.count; i++) {
      // A word already in lower case is read as it stands.
      const id = this.tokens.intern(w.source, w.starts[i]!, w.ends[i]!, w.raw && w.upper[i]!);
      ids.push(id);
      if (id >= 0x8000) wide = true;
    }
    // One string made at once (adding a character at a time makes one string per word).
    if (!wide) return String.fromCharCode.apply(null, ids);
    const codes: number[] = [];
    for (const id of ids) {
      if (id < 0x8000) codes.push(id);
      else codes.push(0x8000 | (id >>> 15), id & 0x7fff);
    }
    return String.fromCharCode.apply(null, codes);
  }

  /** The entry of a text key (whose ids `keyOf` just left in `ids`), made on first use. */
  private textEntry(locale: string, key: string): TextEntry {
    let byKey = this.texts.get(locale);
    if (!byKey) this.texts.set(locale, (byKey = new Map()));
    let text = byKey.get(key);
    if (!text) {
      // Each token once, in a list exactly as long as it is (one grown by push keeps spare room, 80,000 times over).
      const distinct: number[] = [];
      for (const id of this.ids) if (!distinct.includes(id)) distinct.push(id);
      const tokens = distinct.slice();
      byKey.set(key, (text = { locale, key, tokens, records: NO_RECORDS }));
    }
    return text;
  }

  /** Drops dead records: renumbers the living and rebuilds the signature table. */
  private compact(): void {
    const living = this.all.filter((r): r is UtteranceRecord => !!r && r.alive);
    this.all = living;
    this.table.clear();
    for (let i = 0; i < living.length; i++) {
      const r = living[i]!;
      r.id = i;
      if (this.threshold > 0) this.index(r, this.signatures(r));
    }
  }

  /** Enters the record's signatures (in the scratch buffer), each with its level packed into the low bits of the id. */
  private index(r: UtteranceRecord, count: number): void {
    const n = r.tokens.length;
    for (let i = 0; i < count; i++) this.table.add(this.sigs[i]!, (r.id << 2) | levelOf(i, n));
  }

  /**
   * Writes the hashes of the record's token set with up to k tokens deleted, k = ⌊(1−t)·n⌋
   * capped, to the scratch buffer: the whole set, then each single deletion, then each
   * pair. Returns how many there are.
   */
  private signatures(r: UtteranceRecord): number {
    const toks = r.tokens;
    const n = toks.length;
    const k = Math.min(MAX_DELETIONS, Math.floor((1 - this.threshold) * n + 1e-9), n - 1);
    const count = 1 + (k >= 1 ? n : 0) + (k >= 2 ? (n * (n - 1)) / 2 : 0);
    if (this.sigs.length < count) this.sigs = new Int32Array(count * 2);
    const out = this.sigs;
    let salt = this.localeSalt.get(r.locale);
    if (salt === undefined) this.localeSalt.set(r.locale, (salt = mix(fnv1a(r.locale))));
    const hashes = this.tokens.hashes;
    let sum = 0;
    for (let i = 0; i < n; i++) sum = (sum + hashes[toks[i]!]!) | 0;
    let o = 0;
    out[o++] = signature(sum, n, salt);
    if (k >= 1) for (let i = 0; i < n; i++) out[o++] = signature((sum - hashes[toks[i]!]!) | 0, n - 1, salt);
    if (k >= 2) {
      for (let i = 0; i < n; i++) {
        const hi = hashes[toks[i]!]!;
        for (let j = i + 1; j < n; j++) out[o++] = signature((sum - hi - hashes[toks[j]!]!) | 0, n - 2, salt);
      }
    }
    return count;
  }

  private findSimilar(x: UtteranceRecord, count: number): void {
    const t = this.threshold;
    const nx = x.tokens.length;
    if (this.mark.length < this.tokens.size) {
      const bigger = new Int32Array(this.tokens.size * 2);
      bigger.set(this.mark);
      this.mark = bigger;
    }
    const mark = this.mark;
    const search = ++this.searches;
    for (let i = 0; i < nx; i++) mark[x.tokens[i]!] = search;
    const table = this.table;
    const sigs = this.sigs;
    for (let s = 0; s < count; s++) {
      const key = sigs[s]!;
      const dx = levelOf(s, nx);
      const m = nx - dx;
      for (let e = table.head(key); e >= 0; e = table.next(e)) {
        if (table.keyAt(e) !== key) continue;
        const packed = table.idAt(e);
        // A meeting below the threshold at these levels: see the top of the file.
        if (m / (m + dx + (packed & 3)) < t) continue;
        const y = this.all[packed >> 2];
        if (!y || !y.alive || y.seenBy === search) continue;
        y.seenBy = search;
        if (y.intent === x.intent || y.locale !== x.locale) continue;
        const ny = y.tokens.length;
        if (ny < t * nx || nx < t * ny) continue;
        let common = 0;
        for (let j = 0; j < ny; j++) if (mark[y.tokens[j]!] === search) common++;
        const sim = common / (nx + ny - common);
        if (sim < t || y.text === x.text) continue;
        (x.similar ??= new Map()).set(y, sim);
        (y.similar ??= new Map()).set(x, sim);
      }
    }
  }
}

/** How many tokens the subset of signature `i` lost, for a record of `n` tokens (in the order `signatures` writes them). */
function levelOf(i: number, n: number): number {
  return i === 0 ? 0 : i <= n ? 1 : 2;
}

/** A file's utterances in reading order. */
function utterancesOf(facts: DocFacts): Utterance[] {
  const out: Utterance[] = [];
  for (const intent of facts.intents) {
    for (const entry of intent.utterances?.entries ?? []) {
      for (const item of entry.texts) out.push({ intent: intent.def.name, locale: entry.locale, item });
    }
  }
  return out;
}

/** The key a subset of `size` tokens with hash sum `sum` is indexed under. */
function signature(sum: number, size: number, salt: number): number {
  return mix((sum + Math.imul(size, 0x9e3779b1)) ^ salt) | 0;
}
