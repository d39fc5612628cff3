/**
 * Trees: the sorted file list of a version, stored as an object. A tree is either full
 * (`files`), or a delta (`base` + `set` + `remove`) against a full tree, never against
 * another delta, so reading any version costs at most two small objects. Deltas keep the
 * store near the size of its distinct content when a big bot changes one file per version
 * (a full list of 80 files costs ~8 KB per version; a one-file delta ~0.3 KB).
 */
import { BotvError } from '../errors';
import type { FileEntry } from '../types';
import { canonicalBytes } from './canonical';
import { isSha256, sha256 } from './hash';
import { TREE_HINT } from './layout';
import type { ObjectStore } from './objects';

type Row = [string, string, number];

interface FullTree {
  format: 1;
  files: Row[];
}

interface DeltaTree {
  format: 1;
  base: string;
  set: Row[];
  remove: string[];
}

/** A tree read from the store, resolved to its full file list. */
export interface ResolvedTree {
  sha: string;
  /** The full tree this one is (itself when full). */
  baseSha: string;
  full: boolean;
  files: FileEntry[];
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function rows(files: readonly FileEntry[]): Row[] {
  return [...files].sort(byPath).map((f) => [f.path, f.sha256, f.size]);
}

/** Bytes of the full tree of `files`; its hash is the version's content hash. */
export function fullTreeBytes(files: readonly FileEntry[]): Uint8Array {
  const t: FullTree = { format: 1, files: rows(files) };
  return canonicalBytes(t);
}

/** Hash of the canonical full file list: equal for equal file sets. */
export function contentHash(files: readonly FileEntry[]): string {
  return sha256(fullTreeBytes(files));
}

function isRow(r: unknown): r is Row {
  return Array.isArray(r) && r.length === 3 && typeof r[0] === 'string' && isSha256(r[1]) && Number.isSafeInteger(r[2]) && (r[2] as number) >= 0;
}

function toEntries(rs: Row[]): FileEntry[] {
  return rs.map(([path, sha, size]) => ({ path, sha256: sha, size }));
}

/** Reads and writes trees, caching resolved trees by hash (they never change). */
export class TreeStore {
  private readonly cache = new Map<string, ResolvedTree>();
  constructor(private readonly objects: ObjectStore) {}

  private bad(sha: string, what: string): BotvError {
    return new BotvError('CORRUPT', `${this.objects.display(sha, TREE_HINT)} is not a valid tree (${what}). Run \`botv verify\` and restore the file from git or a backup.`, { object: sha });
  }

  /** Reads a tree and resolves it to its full, sorted file list. */
  async read(sha: string): Promise<ResolvedTree> {
    const cached = this.cache.get(sha);
    if (cached) return cached;
    const data = await this.objects.read(sha, TREE_HINT);
    let v: Partial<FullTree & DeltaTree>;
    try {
      v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data)) as Partial<FullTree & DeltaTree>;
    } catch {
      throw this.bad(sha, 'not JSON');
    }
    if (v.format !== 1) throw this.bad(sha, `format ${JSON.stringify(v.format)}`);
    let resolved: ResolvedTree;
    if (Array.isArray(v.files)) {
      if (!v.files.every(isRow)) throw this.bad(sha, 'a file row is malformed');
      resolved = { sha, baseSha: sha, full: true, files: toEntries(v.files) };
    } else if (isSha256(v.base) && Array.isArray(v.set) && Array.isArray(v.remove)) {
      if (!v.set.every(isRow) || !v.remove.every((p) => typeof p === 'string')) throw this.bad(sha, 'a delta row is malformed');
      const base = await this.read(v.base);
      if (!base.full) throw this.bad(sha, 'its base is itself a delta');
      const map = new Map(base.files.map((f) => [f.path, f]));
      for (const p of v.remove) map.delete(p);
      for (const f of toEntries(v.set)) map.set(f.path, f);
      resolved = { sha, baseSha: base.sha, full: false, files: [...map.values()].sort(byPath) };
    } else {
      throw this.bad(sha, 'neither a full tree nor a delta');
    }
    this.cache.set(sha, resolved);
    return resolved;
  }

  /**
   * Encodes `files` as a delta against the full tree behind `parentTree` when that is
   * small, otherwise as a full tree. Returns the object to write (not yet written), or
   * `data: null` when an existing tree already says exactly this.
   */
  async encode(files: readonly FileEntry[], parentTree: string | null): Promise<{ sha: string; data: Uint8Array | null }> {
    const full = fullTreeBytes(files);
    const fullSha = sha256(full);
    if (parentTree) {
      const parent = await this.read(parentTree);
      const base = parent.full ? parent : await this.read(parent.baseSha);
      const baseMap = new Map(base.files.map((f) => [f.path, f]));
      const set: FileEntry[] = [];
      const seen = new Set<string>();
      for (const f of files) {
        seen.add(f.path);
        const b = baseMap.get(f.path);
        if (!b || b.sha256 !== f.sha256 || b.size !== f.size) set.push(f);
      }
      const remove = base.files.filter((f) => !seen.has(f.path)).map((f) => f.path);
      const changes = set.length + remove.length;
      if (changes === 0) return { sha: base.sha, data: null };
      // A delta grows as versions drift from their base; start a new full tree when it
      // would list more than a quarter of the files.
      if (changes <= Math.max(8, Math.floor(base.files.length / 4))) {
        const d: DeltaTree = { format: 1, base: base.sha, set: rows(set), remove: remove.sort() };
        const data = canonicalBytes(d);
        return { sha: sha256(data), data };
      }
    }
    return { sha: fullSha, data: full };
  }
}
