// Near-duplicate detection by token-set similarity (Jaccard) with prefix filtering: sort
// each set's tokens rarest first; two sets with similarity ≥ t must share a token among
// the first |x| − ⌈t·|x|⌉ + 1 of either. Only those candidates are compared, so the cost
// follows the number of similar pairs, not the square of the number of utterances.

export interface SimilarityRecord {
  /** Records of one group (one intent) are never compared with each other. */
  group: number;
  tokens: string[];
}

export interface SimilarPair {
  /** Indexes into the records given. `a` was indexed before `b`. */
  a: number;
  b: number;
  similarity: number;
}

export interface SimilarityResult {
  pairs: SimilarPair[];
  /** True when the comparison budget ran out and some pairs may be missing. */
  truncated: boolean;
}

/** Finds pairs of records from different groups whose token sets have Jaccard ≥ threshold. */
export function similarPairs(records: readonly SimilarityRecord[], threshold: number, budget = 5_000_000): SimilarityResult {
  const t = Math.min(1, Math.max(0.01, threshold));
  const freq = new Map<string, number>();
  const sets = records.map((r) => [...new Set(r.tokens)]);
  for (const s of sets) for (const tok of s) freq.set(tok, (freq.get(tok) ?? 0) + 1);
  for (const s of sets) s.sort((x, y) => freq.get(x)! - freq.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
  const order = sets.map((_, i) => i).filter((i) => sets[i]!.length > 0);
  order.sort((i, j) => sets[i]!.length - sets[j]!.length);

  const index = new Map<string, number[]>();
  const stamp = new Int32Array(records.length).fill(-1);
  const pairs: SimilarPair[] = [];
  let work = 0;
  for (const x of order) {
    const sx = sets[x]!;
    const nx = sx.length;
    const prefix = nx - Math.ceil(t * nx) + 1;
    const minSize = Math.ceil(t * nx);
    let members: Set<string> | undefined;
    for (let p = 0; p < prefix; p++) {
      const list = index.get(sx[p]!);
      if (!list) continue;
      for (const y of list) {
        if (stamp[y] === x) continue;
        stamp[y] = x;
        const sy = sets[y]!;
        if (sy.length < minSize || records[y]!.group === records[x]!.group) continue;
        if (++work > budget) return { pairs, truncated: true };
        members ??= new Set(sx);
        let common = 0;
        for (const tok of sy) if (members.has(tok)) common++;
        const sim = common / (nx + sy.length - common);
        if (sim >= t) pairs.push({ a: y, b: x, similarity: sim });
      }
    }
    for (let p = 0; p < prefix; p++) {
      const tok = sx[p]!;
      const list = index.get(tok);
      if (list) list.push(x);
      else index.set(tok, [x]);
    }
  }
  return { pairs, truncated: false };
}
