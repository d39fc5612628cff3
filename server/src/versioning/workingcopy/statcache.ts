/**
 * The stat cache: for each file of a bot, the stat fields seen when it was last hashed.
 * A save re-hashes only files whose size, mtime, ctime or inode changed, so saving after
 * one edit reads one file. It lives in `.botversions/local/cache/` (never committed) and
 * is only a hint: a missing or damaged cache just means hashing everything once.
 *
 * Like git's "racy" index entries, an entry is trusted only when the file's mtime is well
 * before the moment it was hashed, because a file changed again within the timestamp
 * granularity would keep the same stat. On file systems with sub-second timestamps (ext4,
 * APFS, NTFS, btrfs, XFS…) the margin is 100 ms, well above the kernel clock's coarseness
 * (a few ms); where every timestamp is a whole second (FAT's are 2 s) it is 2 s.
 */
import { dirname } from 'node:path';
import { ensureDir, writeRenamed } from '../fs/atomic';
import type { FileStat, StoreFs } from '../fs/fsio';

/** How long after its mtime a hash must have been taken for its entry to be trusted. */
export const RACY_MS = { fine: 100, coarse: 2000 } as const;

/** Whether a set of stats shows sub-second timestamps (the file system's granularity is fine). */
export function fineTimestamps(stats: Iterable<{ mtimeMs: number }>): boolean {
  for (const st of stats) if (st.mtimeMs % 1000 !== 0) return true;
  return false;
}

type Entry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, sha: string, hashedAt: number];

/** The cache of one bot. */
export class StatCache {
  private entries = new Map<string, Entry>();
  private dirty = false;
  /** Stat of the cache file when this process last read or wrote it. */
  private fileKey = '';
  private constructor(
    private readonly fs: StoreFs,
    private readonly file: string,
  ) {}

  private async currentKey(): Promise<string> {
    try {
      const st = await this.fs.lstat(this.file);
      return `${st.size}:${st.mtimeMs}:${st.ino}`;
    } catch {
      return 'none';
    }
  }

  /**
   * This process's cache for `file`: `previous` again if no other process wrote the file
   * since (a long-lived server skips re-reading it), else loaded afresh.
   */
  static async reuse(fs: StoreFs, file: string, previous: StatCache | undefined): Promise<StatCache> {
    if (previous && previous.fileKey !== '' && previous.fileKey === (await previous.currentKey())) return previous;
    return StatCache.load(fs, file);
  }

  /** Loads the cache file; a missing or unreadable one yields an empty cache. */
  static async load(fs: StoreFs, file: string): Promise<StatCache> {
    const c = new StatCache(fs, file);
    c.fileKey = await c.currentKey();
    try {
      const raw = JSON.parse(new TextDecoder().decode(await fs.readFile(file))) as { format?: number; entries?: Record<string, Entry> };
      if (raw.format === 1 && raw.entries && typeof raw.entries === 'object') {
        for (const [p, e] of Object.entries(raw.entries)) if (Array.isArray(e) && e.length === 6) c.entries.set(p, e);
      }
    } catch {
      // No cache yet, or damaged: start empty.
    }
    return c;
  }

  /** The cached hash of `path` if its stat is unchanged and the entry is not racy. */
  lookup(path: string, st: FileStat, fine: boolean): string | null {
    const e = this.entries.get(path);
    if (!e) return null;
    const [size, mtimeMs, ctimeMs, ino, sha, hashedAt] = e;
    if (size !== st.size || mtimeMs !== st.mtimeMs || ctimeMs !== st.ctimeMs || ino !== st.ino) return null;
    const margin = fine ? RACY_MS.fine : RACY_MS.coarse;
    if (mtimeMs >= hashedAt - margin || ctimeMs >= hashedAt - margin) return null;
    return sha;
  }

  /** Records the hash of `path` as taken now. */
  remember(path: string, st: FileStat, sha: string, hashedAt: number): void {
    this.entries.set(path, [st.size, st.mtimeMs, st.ctimeMs, st.ino, sha, hashedAt]);
    this.dirty = true;
  }

  /** Drops entries of files that no longer exist. */
  retain(paths: ReadonlySet<string>): void {
    for (const p of this.entries.keys()) {
      if (!paths.has(p)) {
        this.entries.delete(p);
        this.dirty = true;
      }
    }
  }

  /** Writes the cache if it changed; failures are ignored (it is only a hint). */
  async save(): Promise<void> {
    if (!this.dirty) return;
    try {
      await ensureDir(this.fs, dirname(this.file));
      const data = new TextEncoder().encode(JSON.stringify({ format: 1, entries: Object.fromEntries(this.entries) }));
      await writeRenamed(this.fs, this.file, data, false);
      this.dirty = false;
      this.fileKey = await this.currentKey();
    } catch {
      // A cache that cannot be written only costs a re-hash next time.
    }
  }
}
