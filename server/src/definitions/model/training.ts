// The bot's training data, indexed incrementally: when one file changes, only its
// utterances leave and re-enter the index. Exact repeats are found through a map of
// normalised texts. Near-duplicates use prefix filtering: each utterance's tokens are
// sorted by a fixed order (rarest first, as counted when a token is first seen); two
// token sets with Jaccard similarity ≥ t always share a token among the first
// |x| − ⌈t·|x|⌉ + 1 of each, so only those "prefix" tokens are indexed and compared. The
// order is fixed once a token is seen, so the index stays exact as files come and go.
import { normalizedOf } from '../text/normalize';
import type { DocFacts, TextItem } from './facts';

export interface UtteranceRecord {
  file: string;
  intent: string;
  locale: string;
  item: TextItem;
  norm: string;
  /** Token ids, rarest first. */
  tokens: number[];
  /** Near-duplicate partners with their similarity. */
  similar: Map<UtteranceRecord, number> | undefined;
  /** Scratch: the search that last saw this record. */
  seenBy: number;
  /** False once its file left the index; postings drop dead records lazily. */
  alive: boolean;
}

interface FileEntry {
  facts: DocFacts;
  records: UtteranceRecord[];
}

export class TrainingIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly tokenIds = new Map<string, number>();
  /** Sort key of each token id: its count when first seen (fixed afterwards), ties by id. */
  private rank: number[] = [];
  /** locale → token id → records with that token in their prefix. */
  private readonly postings = new Map<string, Map<number, UtteranceRecord[]>>();
  /** locale \0 normalised text → records. */
  private readonly exact = new Map<string, UtteranceRecord[]>();
  /** Keys of `exact` with more than one record. */
  private readonly repeated = new Set<string>();
  /** Records with at least one near-duplicate partner. */
  private readonly withPartners = new Set<UtteranceRecord>();
  private threshold = 0;
  private live = 0;
  private dead = 0;
  private searches = 0;
  private mark = new Int32Array(1024);

  /** Brings the index up to date with the bot's files; `threshold` 0 turns near-duplicates off. */
  sync(files: readonly DocFacts[], threshold: number): void {
    if (threshold !== this.threshold) {
      for (const f of [...this.files.keys()]) this.remove(f);
      this.threshold = threshold;
    }
    const present = new Map(files.map((f) => [f.file, f]));
    for (const [file, entry] of [...this.files]) {
      if (present.get(file) !== entry.facts) this.remove(file);
    }
    const added = files.filter((f) => !this.files.has(f.file));
    if (!added.length) return;
    const entries = added.map((f) => this.records(f));
    this.rankNewTokens(entries);
    for (const e of entries) this.add(e);
    if (this.dead > 1000 && this.dead > this.live) this.sweep();
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
          records.push({ file: facts.file, intent: intent.def.name, locale: entry.locale, item, norm, tokens: this.tokenize(norm), similar: undefined, seenBy: 0, alive: true });
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
        this.rank.push(-1); // ranked once the whole batch is counted
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  /** Ranks tokens seen for the first time by how often this batch uses them, then sorts every new record. */
  private rankNewTokens(entries: readonly FileEntry[]): void {
    const counts = new Map<number, number>();
    for (const e of entries) for (const r of e.records) for (const t of r.tokens) if (this.rank[t] === -1) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, c] of counts) this.rank[t] = c + t / 4294967296;
    const rank = this.rank;
    for (const e of entries) for (const r of e.records) r.tokens.sort((a, b) => rank[a]! - rank[b]!);
    if (this.mark.length < this.tokenIds.size) {
      const bigger = new Int32Array(this.tokenIds.size * 2);
      bigger.set(this.mark);
      this.mark = bigger;
    }
  }

  private remove(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    this.files.delete(file);
    for (const r of entry.records) {
      const key = `${r.locale}\u0000${r.norm}`;
      const list = this.exact.get(key);
      if (list) {
        const i = list.indexOf(r);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) this.exact.delete(key);
        if (list.length < 2) this.repeated.delete(key);
      }
      r.alive = false;
      this.live--;
      this.dead++;
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
    this.files.set(entry.facts.file, entry);
    for (const r of entry.records) {
      const key = `${r.locale}\u0000${r.norm}`;
      const list = this.exact.get(key);
      if (list) {
        list.push(r);
        this.repeated.add(key);
      } else this.exact.set(key, [r]);
      let posting = this.postings.get(r.locale);
      if (!posting) this.postings.set(r.locale, (posting = new Map()));
      if (this.threshold > 0) this.findSimilar(r, posting);
      const prefix = this.prefixLength(r.tokens.length);
      for (let p = 0; p < prefix; p++) {
        const t = r.tokens[p]!;
        const l = posting.get(t);
        if (l) l.push(r);
        else posting.set(t, [r]);
      }
      this.live++;
    }
  }

  private prefixLength(n: number): number {
    return n - Math.ceil(this.threshold * n - 1e-9) + 1;
  }

  /** Drops dead records from the postings once they outnumber the living. */
  private sweep(): void {
    for (const posting of this.postings.values()) {
      for (const [tok, list] of posting) {
        const kept = list.filter((r) => r.alive);
        if (kept.length) posting.set(tok, kept);
        else posting.delete(tok);
      }
    }
    this.dead = 0;
  }

  private findSimilar(x: UtteranceRecord, posting: Map<number, UtteranceRecord[]>): void {
    const t = this.threshold;
    const nx = x.tokens.length;
    const search = ++this.searches;
    for (let i = 0; i < nx; i++) this.mark[x.tokens[i]!] = search;
    const prefix = this.prefixLength(nx);
    for (let p = 0; p < prefix; p++) {
      const list = posting.get(x.tokens[p]!);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const y = list[k]!;
        if (!y.alive || y.seenBy === search) continue;
        y.seenBy = search;
        if (y.intent === x.intent) continue;
        const ny = y.tokens.length;
        if (ny < t * nx || nx < t * ny) continue;
        let common = 0;
        for (let j = 0; j < ny; j++) if (this.mark[y.tokens[j]!] === search) common++;
        const sim = common / (nx + ny - common);
        if (sim < t || y.norm === x.norm) continue;
        (x.similar ??= new Map()).set(y, sim);
        (y.similar ??= new Map()).set(x, sim);
        this.withPartners.add(x);
        this.withPartners.add(y);
      }
    }
  }
}
