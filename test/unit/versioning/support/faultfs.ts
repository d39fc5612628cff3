/**
 * A file system that fails on purpose: the Nth call (counting every StoreFs method and
 * every call on an open file, or only the calls of one kind) fails with a chosen errno,
 * once or from then on.
 */
import { nodeFs, type StoreFs, type WriteHandle } from '../../../../server/src/versioning/fs/fsio';

/** Errors a disk really returns, in rotation. */
export const ERRNOS = ['ENOSPC', 'EIO', 'EACCES', 'EPERM'] as const;

/** Counts calls and fails the configured one(s). */
export class FaultFs implements StoreFs {
  calls = 0;
  failures = 0;
  constructor(
    private readonly failAt: number,
    private readonly mode: 'once' | 'from',
    private readonly errno: string = 'EIO',
    /** Count and fail only calls of this kind ('rename', 'fsync', …); default every call. */
    private readonly only?: string,
  ) {}

  private tick(what: string): void {
    if (this.only && what !== this.only) return;
    this.calls++;
    const hit = this.mode === 'once' ? this.calls === this.failAt : this.calls >= this.failAt;
    if (hit) {
      this.failures++;
      throw Object.assign(new Error(`${this.errno}: injected failure of ${what}`), { code: this.errno });
    }
  }

  private wrap<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      this.tick(what);
    } catch (e) {
      return Promise.reject(e);
    }
    return fn();
  }

  readFile = (p: string) => this.wrap('readFile', () => nodeFs.readFile(p));
  readdir = (p: string) => this.wrap('readdir', () => nodeFs.readdir(p));
  lstat = (p: string) => this.wrap('lstat', () => nodeFs.lstat(p));
  stat = (p: string) => this.wrap('stat', () => nodeFs.stat(p));
  mkdir = (p: string) => this.wrap('mkdir', () => nodeFs.mkdir(p));
  rename = (a: string, b: string) => this.wrap('rename', () => nodeFs.rename(a, b));
  link = (a: string, b: string) => this.wrap('link', () => nodeFs.link(a, b));
  unlink = (p: string) => this.wrap('unlink', () => nodeFs.unlink(p));
  rmdir = (p: string) => this.wrap('rmdir', () => nodeFs.rmdir(p));
  syncDir = (p: string) => this.wrap('syncDir', () => nodeFs.syncDir(p));
  syncFile = (p: string) => this.wrap('syncFile', () => nodeFs.syncFile(p));
  utimes = (p: string, a: number, m: number) => this.wrap('utimes', () => nodeFs.utimes(p, a, m));
  openWrite = (p: string, exclusive: boolean) =>
    this.wrap('open', async () => {
      const h = await nodeFs.openWrite(p, exclusive);
      const wrapped: WriteHandle = {
        write: (d) => this.wrap('write', () => h.write(d)),
        sync: () => this.wrap('fsync', () => h.sync()),
        // A close must release the descriptor even when it "fails".
        close: () => this.wrap('close', () => h.close()).catch(async (e) => {
          await h.close().catch(() => undefined);
          throw e;
        }),
      };
      return wrapped;
    });
}
