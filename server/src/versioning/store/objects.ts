/**
 * Content-addressed objects: file contents and trees, stored raw (not compressed) under
 * `objects/ab/cdef…`, each named by the SHA-256 of its bytes. Raw objects let git find
 * deltas between versions of a file; see docs/store.md for the measured trade-off.
 * Every read re-hashes what it read, so a flipped bit is reported with the file's name.
 */
import { relative } from 'node:path';
import { BotvError, errnoOf, ioError } from '../errors';
import { eachLimit, ensureDir, syncDirs, writeRenamed } from '../fs/atomic';
import type { StoreFs } from '../fs/fsio';
import { sha256 } from './hash';
import type { StoreLayout } from './layout';
import { dirname } from 'node:path';

/** Reads and writes objects of one store. */
export class ObjectStore {
  constructor(
    private readonly fs: StoreFs,
    private readonly layout: StoreLayout,
  ) {}

  /** Path of an object relative to the workspace root, for messages. */
  display(sha: string): string {
    return relative(this.layout.root, this.layout.object(sha)).split('\\').join('/');
  }

  /** Reads an object and checks its hash; throws MISSING_OBJECT or CORRUPT. */
  async read(sha: string): Promise<Uint8Array> {
    const path = this.layout.object(sha);
    let data: Uint8Array;
    try {
      data = await this.fs.readFile(path);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') {
        throw new BotvError(
          'MISSING_OBJECT',
          `The store lacks ${this.display(sha)}, which a record needs. Run \`botv verify\` to see what is affected; if the store is in git, \`git checkout -- .botversions\` or a pull may bring it back.`,
          { object: sha },
        );
      }
      throw ioError('read', path, e);
    }
    const actual = sha256(data);
    if (actual !== sha) {
      throw new BotvError(
        'CORRUPT',
        `${this.display(sha)} is damaged: its content hashes to ${actual.slice(0, 12)}…, not to its name. Run \`botv verify\`, then restore the file from git (\`git checkout -- ${this.display(sha)}\`) or a backup.`,
        { file: this.display(sha) },
      );
    }
    return data;
  }

  /** True when an object exists with the expected size (a cheap check; reads verify). */
  async has(sha: string, size?: number): Promise<boolean> {
    try {
      const st = await this.fs.lstat(this.layout.object(sha));
      return st.kind === 'file' && (size === undefined || st.size === size);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return false;
      throw ioError('inspect', this.layout.object(sha), e);
    }
  }

  /**
   * Writes the objects that are missing, durably (each flushed and renamed, then each
   * folder flushed) before returning, so a record written afterwards never points at an
   * object that a crash could lose. Returns how many were written.
   */
  async writeMany(items: ReadonlyArray<{ sha: string; data: Uint8Array }>): Promise<number> {
    const seen = new Set<string>();
    const todo: Array<{ sha: string; data: Uint8Array }> = [];
    for (const it of items) {
      if (seen.has(it.sha)) continue;
      seen.add(it.sha);
      if (!(await this.has(it.sha, it.data.length))) todo.push(it);
    }
    const dirs = [...new Set(todo.map((t) => dirname(this.layout.object(t.sha))))];
    for (const d of dirs) await ensureDir(this.fs, d);
    await eachLimit(todo, 8, (t) => writeRenamed(this.fs, this.layout.object(t.sha), t.data));
    await syncDirs(this.fs, dirs);
    return todo.length;
  }

  /** Hashes and writes one object; returns its name. */
  async put(data: Uint8Array): Promise<string> {
    const sha = sha256(data);
    await this.writeMany([{ sha, data }]);
    return sha;
  }
}
