/**
 * Content-addressed objects: file contents and trees, stored raw (not compressed) under
 * `objects/ab/cdef….hint`, each named by the SHA-256 of its bytes and a hint of what it
 * holds (see objectHint). Raw objects with hints let git find deltas between versions of
 * a file; see docs/store.md for the measured trade-off. Every read re-hashes what it
 * read, so a flipped bit is reported with the file's name.
 */
import { dirname, join, relative } from 'node:path';
import { BotvError, errnoOf, ioError } from '../errors';
import { eachLimit, ensureDirs, syncDirs, writeRenamed } from '../fs/atomic';
import type { StoreFs } from '../fs/fsio';
import { sha256 } from './hash';
import { parseObjectName, type StoreLayout } from './layout';

/** Reads and writes objects of one store. */
export class ObjectStore {
  constructor(
    private readonly fs: StoreFs,
    private readonly layout: StoreLayout,
  ) {}

  /** Path of an object relative to the workspace root, for messages. */
  display(sha: string, hint: string): string {
    return this.rel(this.layout.object(sha, hint));
  }

  private rel(path: string): string {
    return relative(this.layout.root, path).split('\\').join('/');
  }

  /** The same content stored under another hint (a file that was renamed), if any. */
  private async anyHint(sha: string): Promise<string | null> {
    const fan = join(this.layout.objects, sha.slice(0, 2));
    try {
      const hit = (await this.fs.readdir(fan)).find((e) => e.kind === 'file' && parseObjectName(e.name)?.rest === sha.slice(2));
      return hit ? join(fan, hit.name) : null;
    } catch {
      return null;
    }
  }

  /** Reads an object and checks its hash; throws MISSING_OBJECT or CORRUPT. */
  async read(sha: string, hint: string): Promise<Uint8Array> {
    let path = this.layout.object(sha, hint);
    let data: Uint8Array;
    try {
      data = await this.fs.readFile(path);
    } catch (e) {
      const other = errnoOf(e) === 'ENOENT' ? await this.anyHint(sha) : null;
      if (other) {
        path = other;
        data = await this.fs.readFile(other).catch((e2) => {
          throw ioError('read', other, e2);
        });
      } else if (errnoOf(e) === 'ENOENT') {
        throw new BotvError(
          'MISSING_OBJECT',
          `The store lacks ${this.display(sha, hint)}, which a record needs. Run \`botv verify\` to see what is affected; if the store is in git, \`git checkout -- .botversions\` or a pull may bring it back.`,
          { object: sha },
        );
      } else {
        throw ioError('read', path, e);
      }
    }
    const actual = sha256(data);
    if (actual !== sha) {
      throw new BotvError(
        'CORRUPT',
        `${this.rel(path)} is damaged: its content hashes to ${actual.slice(0, 12)}…, not to its name. Run \`botv verify\`, then restore the file from git (\`git checkout -- ${this.rel(path)}\`) or a backup.`,
        { file: this.rel(path) },
      );
    }
    return data;
  }

  /** True when an object exists with the expected size (a cheap check; reads verify). */
  async has(sha: string, hint: string, size?: number): Promise<boolean> {
    try {
      const st = await this.fs.lstat(this.layout.object(sha, hint));
      return st.kind === 'file' && (size === undefined || st.size === size);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return false;
      throw ioError('inspect', this.layout.object(sha, hint), e);
    }
  }

  /**
   * Writes the objects that are missing, durably (each flushed and renamed, then each
   * folder flushed) before returning, so a record written afterwards never points at an
   * object that a crash could lose. Returns how many were written.
   */
  async writeMany(items: ReadonlyArray<{ sha: string; hint: string; data: Uint8Array }>): Promise<number> {
    const seen = new Set<string>();
    const todo: Array<{ sha: string; hint: string; data: Uint8Array }> = [];
    for (const it of items) {
      const key = `${it.sha}.${it.hint}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!(await this.has(it.sha, it.hint, it.data.length))) todo.push(it);
    }
    const dirs = [...new Set(todo.map((t) => dirname(this.layout.object(t.sha, t.hint))))];
    const parents: string[] = [];
    await ensureDirs(this.fs, dirs, parents);
    await eachLimit(todo, 16, (t) => writeRenamed(this.fs, this.layout.object(t.sha, t.hint), t.data));
    await syncDirs(this.fs, [...dirs, ...parents]);
    return todo.length;
  }

  /** Hashes and writes one object; returns its hash. */
  async put(data: Uint8Array, hint: string): Promise<string> {
    const sha = sha256(data);
    await this.writeMany([{ sha, hint, data }]);
    return sha;
  }
}
