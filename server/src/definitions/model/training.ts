// The bot's training data, indexed incrementally: when one file changes, only its
// utterances leave and re-enter the index. Exact repeats are found through a map of
// normalised texts.
//
// Near-duplicates (Jaccard similarity of token sets ≥ t) use deletion neighbourhoods: if
// x and y are that similar, x ∩ y is x with at most ⌊(1−t)·|x|⌋ tokens deleted, and y with
// at most ⌊(1−t)·|y|⌋. So each utterance is indexed under a hash of every such subset of
// itself, and two utterances are compared only when they share one. Subset hashes are
// sums of token hashes, so the (up to 1 + n + n(n−1)/2) subsets cost a few additions
// each. Buckets stay small even for training data made from templates, where indexes on
// single tokens degenerate. At most two deletions are indexed: at t = 0.8 that is exact
// up to 14 tokens; longer utterances are compared when they differ in at most two tokens.
import { normalizedOf } from '../text/normalize';
import type { DocFacts, TextItem } from './facts';
import { SignatureTable } from './signatureTable';

/** Most tokens one side of a pair may lose to reach their intersection (bounds index size). */
const MAX_DELETIONS = 2;

export interface UtteranceRecord {
  file: string;
  intent: string;
  locale: string;
  item: TextItem;
  norm: string;
  /** Token ids, each once. */
  tokens: number[];
  /** Index in the record table. */
  id: number;
  /** Signature hashes (shared by records with the same locale and text). */
  sigs: readonly number[];
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

export class TrainingIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly tokenIds = new Map<string, number>();
  private readonly tokenHash: number[] = [];
  private readonly localeSalt = new Map<string, number>();
  /** locale \0 normalised text → records. */
  private readonly exact = new Map<string, UtteranceRecord[]>();
  /** Keys of `exact` with more than one record. */
  private readonly repeated = new Set<string>();
  /** Records with at least one near-duplicate partner. */
  private readonly withPartners = new Set<UtteranceRecord>();
  private readonly table = new SignatureTable();
  private all: (UtteranceRecord | undefined)[] = [];
  /** locale \0 normalised text → tokens and signatures, reused when a file is parsed again. */
  private memo = new Map<string, { tokens: number[]; sigs: number[] }>();
  private threshold = 0;
  private live = 0;
  private searches = 0;
  private mark = new Int32Array(1024);

  /** Brings the index up to date with the bot's files; `threshold` 0 turns near-duplicates off. */
  sync(files: readonly DocFacts[], threshold: number): void {
    if (threshold !== this.threshold) {
      for (const f of [...this.files.keys()]) this.remove(f);
      this.threshold = threshold;
      this.memo.clear();
      this.compact();
    }
    const present = new Map(files.map((f) => [f.file, f]));
    for (const [file, entry] of [...this.files]) {
      const now = present.get(file);
      if (!now) this.remove(file);
      else if (now !== entry.facts) this.update(entry, now);
    }
    for (const f of files) if (!this.files.has(f.file)) this.add(this.records(f));
    if (this.all.length > 1024 && this.all.length > 2 * this.live) this.compact();
  }

  /** Groups of records sharing one normalised text in one locale. */
  *repeats(): Iterable<UtteranceRecord[]> {
    for (const key of this.repeated) yield this.exact.get(key)!;
  }

  /** Records that have near-duplicates in other intents. */
  nearDuplicates(): Iterable<UtteranceRecord> {
    return this.withPartners;
  }

  private records(facts: DocFacts): FileEntry {
    const records: UtteranceRecord[] = [];
    for (const intent of facts.intents) {
      for (const entry of intent.utterances?.entries ?? []) {
        for (const item of entry.texts) {
          const norm = normalizedOf(item);
          if (!norm) continue;
          const key = `${entry.locale}\u0000${norm}`;
          let m = this.memo.get(key);
          if (!m) {
            if (this.memo.size > 2 * this.live + 10_000) this.memo.clear();
            const tokens = this.tokenize(norm);
            m = { tokens, sigs: this.threshold > 0 ? this.signatures(tokens, entry.locale) : [] };
            this.memo.set(key, m);
          }
          records.push({ file: facts.file, intent: intent.def.name, locale: entry.locale, item, norm, tokens: m.tokens, id: -1, sigs: m.sigs, similar: undefined, seenBy: 0, alive: true });
        }
      }
    }
    return { facts, records };
  }

  private tokenize(norm: string): number[] {
    const ids: number[] = [];
    for (const tok of norm.split(' ')) {
      let id = this.tokenIds.get(tok);
      if (id === undefined) {
        this.tokenIds.set(tok, (id = this.tokenIds.size));
        this.tokenHash.push(mix(fnv1a(tok)));
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  /**
   * A file was parsed again: its utterances that are still there (same intent, locale and
   * text) keep their records and near-duplicate pairs, with their new positions; only the
   * ones that changed leave or enter the index. A one-character edit costs one utterance.
   */
  private update(old: FileEntry, facts: DocFacts): void {
    const fresh = this.records(facts);
    const byKey = new Map<string, UtteranceRecord[]>();
    for (const r of old.records) {
      const k = `${r.intent}\u0000${r.locale}\u0000${r.norm}`;
      const list = byKey.get(k);
      if (list) list.push(r);
      else byKey.set(k, [r]);
    }
    const kept: UtteranceRecord[] = [];
    const added: UtteranceRecord[] = [];
    for (const r of fresh.records) {
      const same = byKey.get(`${r.intent}\u0000${r.locale}\u0000${r.norm}`)?.shift();
      if (same) {
        same.item = r.item;
        kept.push(same);
      } else added.push(r);
    }
    const keptSet = new Set(kept);
    const gone = old.records.filter((r) => !keptSet.has(r));
    this.removeRecords(gone);
    old.facts = facts;
    old.records = kept;
    this.addRecords(old, added);
  }

  private remove(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    this.files.delete(file);
    this.removeRecords(entry.records);
  }

  private removeRecords(records: readonly UtteranceRecord[]): void {
    for (const r of records) {
      const key = `${r.locale}\u0000${r.norm}`;
      const list = this.exact.get(key);
      if (list) {
        const i = list.indexOf(r);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) this.exact.delete(key);
        if (list.length < 2) this.repeated.delete(key);
      }
      r.alive = false;
      this.all[r.id] = undefined;
      this.live--;
      if (r.similar) {
        for (const other of r.similar.keys()) {
          other.similar?.delete(r);
          if (!other.similar?.size) this.withPartners.delete(other);
        }
        r.similar = undefined;
        this.withPartners.delete(r);
      }
    }
  }

  private add(entry: FileEntry): void {
    const records = entry.records;
    entry.records = [];
    this.files.set(entry.facts.file, entry);
    this.addRecords(entry, records);
  }

  private addRecords(entry: FileEntry, records: readonly UtteranceRecord[]): void {
    for (const r of records) {
      entry.records.push(r);
      const key = `${r.locale}\u0000${r.norm}`;
      const list = this.exact.get(key);
      if (list) {
        list.push(r);
        this.repeated.add(key);
      } else this.exact.set(key, [r]);
      r.id = this.all.length;
      this.all.push(r);
      this.live++;
      if (this.threshold > 0) {
        this.findSimilar(r, r.sigs);
        for (const s of r.sigs) this.table.add(s, r.id);
      }
    }
  }

  /** Drops dead records: renumbers the living and rebuilds the signature table. */
  private compact(): void {
    const living = this.all.filter((r): r is UtteranceRecord => !!r && r.alive);
    this.all = living;
    this.table.clear();
    living.forEach((r, i) => {
      r.id = i;
      if (this.threshold > 0) for (const s of r.sigs) this.table.add(s, i);
    });
  }

  /** Hashes of the record's token set with up to k tokens deleted, k = ⌊(1−t)·n⌋ capped. */
  private signatures(toks: readonly number[], locale: string): number[] {
    const n = toks.length;
    const k = Math.min(MAX_DELETIONS, Math.floor((1 - this.threshold) * n + 1e-9), n - 1);
    let salt = this.localeSalt.get(locale);
    if (salt === undefined) this.localeSalt.set(locale, (salt = mix(fnv1a(locale))));
    const h = toks.map((t) => this.tokenHash[t]!);
    let sum = 0;
    for (const x of h) sum = (sum + x) | 0;
    const key = (s: number, size: number): number => mix((s + Math.imul(size, 0x9e3779b1)) ^ salt!) | 0;
    const out = [key(sum, n)];
    if (k >= 1) for (let i = 0; i < n; i++) out.push(key((sum - h[i]!) | 0, n - 1));
    if (k >= 2) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push(key((sum - h[i]! - h[j]!) | 0, n - 2));
    return out;
  }

  private findSimilar(x: UtteranceRecord, sigs: readonly number[]): void {
    const t = this.threshold;
    const nx = x.tokens.length;
    if (this.mark.length < this.tokenIds.size) {
      const bigger = new Int32Array(this.tokenIds.size * 2);
      bigger.set(this.mark);
      this.mark = bigger;
    }
    const search = ++this.searches;
    for (let i = 0; i < nx; i++) this.mark[x.tokens[i]!] = search;
    const visit = (id: number): void => {
      const y = this.all[id];
      if (!y || !y.alive || y.seenBy === search) return;
      y.seenBy = search;
      if (y.intent === x.intent || y.locale !== x.locale) return;
      const ny = y.tokens.length;
      if (ny < t * nx || nx < t * ny) return;
      let common = 0;
      for (let j = 0; j < ny; j++) if (this.mark[y.tokens[j]!] === search) common++;
      const sim = common / (nx + ny - common);
      if (sim < t || y.norm === x.norm) return;
      (x.similar ??= new Map()).set(y, sim);
      (y.similar ??= new Map()).set(x, sim);
      this.withPartners.add(x);
      this.withPartners.add(y);
    };
    for (const s of sigs) this.table.forEach(s, visit);
  }
}

/** FNV-1a, 32 bits: the token's base hash. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: spreads sums of hashes over all bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
