/**
 * The only door from the versioning core to the file system. Every call the core makes goes
 * through a {@link StoreFs}, so a test can inject faults (make the Nth call fail with
 * ENOSPC, EIO, EPERM…) and prove that every operation either completes or leaves the store
 * as it was.
 *
 * The default implementation keeps every method asynchronous in shape but chooses per
 * call how to reach the kernel. Calls that complete in microseconds — metadata (lstat,
 * stat, readdir, open, close, rename, link, unlink, mkdir), reads and writes of small
 * files (records, most bot files) — are made synchronously: a round trip through libuv's
 * thread pool costs a hundred times more and queues behind other work. Flushes (fsync),
 * which wait for the disk, and large reads and writes go through the thread pool.
 */
import * as fs from 'node:fs';

/** What a directory entry is, without following links. */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'other';

/** A directory entry. */
export interface DirEntry {
  name: string;
  kind: EntryKind;
}

/** The parts of `lstat`/`stat` the core uses. */
export interface FileStat {
  kind: EntryKind;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** An open file being written. */
export interface WriteHandle {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls the core makes. Each method is one call for fault injection. */
export interface StoreFs {
  readFile(path: string): Promise<Uint8Array>;
  /** The first `max` bytes of a file (fewer when it is shorter). Absent: callers read the whole file. */
  readHead?(path: string, max: number): Promise<Uint8Array>;
  readdir(path: string): Promise<DirEntry[]>;
  lstat(path: string): Promise<FileStat>;
  stat(path: string): Promise<FileStat>;
  mkdir(path: string): Promise<void>;
  /** Opens for writing; `exclusive` fails with EEXIST when the file exists (O_EXCL). */
  openWrite(path: string, exclusive: boolean): Promise<WriteHandle>;
  rename(from: string, to: string): Promise<void>;
  /** Creates a hard link; fails with EEXIST when `to` exists (used to publish the lock whole). */
  link(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
  /** Flushes a directory's entries (after a rename into it). */
  syncDir(path: string): Promise<void>;
  /** Flushes a file written and closed earlier (opened again for writing, not truncated). */
  syncFile(path: string): Promise<void>;
  utimes(path: string, atimeMs: number, mtimeMs: number): Promise<void>;
}

function kindOf(s: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'dir';
  if (s.isSymbolicLink()) return 'symlink';
  return 'other';
}

function toStat(s: fs.Stats): FileStat {
  return { kind: kindOf(s), size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
}

function call<T>(fn: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));
}

function done(fn: (cb: (err: NodeJS.ErrnoException | null) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));
}

/** Writes up to this size are made without the thread pool. */
const SMALL_WRITE = 256 * 1024;

/** Runs a synchronous call as a promise (errors become rejections). */
function now<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(e);
  }
}

class NodeWriteHandle implements WriteHandle {
  constructor(private readonly fd: number) {}
  async write(data: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      const fd = this.fd;
      const n =
        data.length <= SMALL_WRITE
          ? fs.writeSync(fd, data, offset, data.length - offset)
          : await call<number>((cb) => fs.write(fd, data, offset, data.length - offset, null, cb));
      offset += n;
    }
  }
  sync(): Promise<void> {
    return done((cb) => fs.fsync(this.fd, cb));
  }
  close(): Promise<void> {
    return now(() => fs.closeSync(this.fd));
  }
}

/** Files up to this size are read without the thread pool (tens of microseconds from the page cache; bot files are mostly under it). */
const SMALL_READ = 256 * 1024;
const scratch = Buffer.allocUnsafe(SMALL_READ);

function readFile(p: string): Promise<Uint8Array> {
  let fd: number;
  let first: Buffer;
  try {
    fd = fs.openSync(p, 'r');
  } catch (e) {
    return Promise.reject(e);
  }
  try {
    const n = fs.readSync(fd, scratch, 0, SMALL_READ, null);
    first = Buffer.from(scratch.subarray(0, n));
    if (n < SMALL_READ) {
      fs.closeSync(fd);
      return Promise.resolve(first);
    }
  } catch (e) {
    fs.closeSync(fd);
    return Promise.reject(e);
  }
  // A larger file: the rest is read from the current position through the thread pool.
  return new Promise((resolve, reject) =>
    fs.readFile(fd, (err, rest) => {
      fs.close(fd, () => undefined);
      if (err) reject(err);
      else resolve(rest.length === 0 ? first : Buffer.concat([first, rest]));
    }),
  );
}

/** The first bytes of a file, read at once (a recognition by content needs only the beginning). */
function readHead(p: string, max: number): Promise<Uint8Array> {
  return now(() => {
    const fd = fs.openSync(p, 'r');
    try {
      const buf = Buffer.allocUnsafe(max);
      let n = 0;
      while (n < max) {
        const got = fs.readSync(fd, buf, n, max - n, null);
        if (got === 0) break;
        n += got;
      }
      return buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  });
}

/** The real file system. */
export const nodeFs: StoreFs = {
  readFile,
  readHead,
  readdir: async (p) => fs.readdirSync(p, { withFileTypes: true }).map((e) => ({ name: e.name, kind: kindOf(e) })),
  lstat: async (p) => toStat(fs.lstatSync(p)),
  stat: async (p) => toStat(fs.statSync(p)),
  mkdir: (p) => now(() => void fs.mkdirSync(p, { recursive: true })),
  openWrite: (p, exclusive) => now(() => new NodeWriteHandle(fs.openSync(p, exclusive ? 'wx' : 'w', 0o666))),
  rename: (a, b) => now(() => fs.renameSync(a, b)),
  link: (a, b) => now(() => fs.linkSync(a, b)),
  unlink: (p) => now(() => fs.unlinkSync(p)),
  rmdir: (p) => now(() => fs.rmdirSync(p)),
  syncDir: async (p) => {
    // Windows cannot open a directory for fsync; its rename is durable through NTFS's journal.
    if (process.platform === 'win32') return;
    const fd = fs.openSync(p, 'r');
    try {
      await done((cb) => fs.fsync(fd, cb));
    } finally {
      fs.closeSync(fd);
    }
  },
  syncFile: async (p) => {
    // Opened for writing: Windows flushes only through a handle that may write.
    const fd = fs.openSync(p, 'r+');
    try {
      await done((cb) => fs.fsync(fd, cb));
    } finally {
      fs.closeSync(fd);
    }
  },
  utimes: (p, a, m) => now(() => fs.utimesSync(p, a / 1000, m / 1000)),
};
