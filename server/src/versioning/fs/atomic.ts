/**
 * Writes that never leave a half-written file behind. Each file is written to a temporary
 * name in its own folder, flushed, renamed over its final name, and then the folder is
 * flushed, so that after a crash (or power loss) a reader sees either the old file or the
 * whole new one. Temporary names start with {@link TEMP_PREFIX}; readers and scans skip
 * them and `gc` removes the ones a crash left behind.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, sep } from 'node:path';
import { errnoOf, ioError } from '../errors';
import type { StoreFs } from './fsio';

/** Prefix of every temporary file the core creates. */
export const TEMP_PREFIX = '.botv-tmp-';

/** True for a file name the core uses as a temporary. */
export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

/** A fresh temporary name in the folder of `path`. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
}

/** Folders already known to exist, per file system, so hot paths skip the lstat. */
const knownDirs = new WeakMap<StoreFs, Set<string>>();

/** Creates `dir` and missing parents; a created folder is flushed into its parent. */
export async function ensureDir(fs: StoreFs, dir: string): Promise<void> {
  let known = knownDirs.get(fs);
  if (!known) knownDirs.set(fs, (known = new Set()));
  if (known.has(dir)) return;
  try {
    const st = await fs.lstat(dir);
    if (st.kind !== 'dir') throw ioError('use as a folder', dir, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  } catch (e) {
    if (errnoOf(e) !== 'ENOENT') throw ioError('inspect', dir, e);
    const parent = dirname(dir);
    if (parent !== dir) await ensureDir(fs, parent);
    try {
      await fs.mkdir(dir);
    } catch (e2) {
      if (errnoOf(e2) !== 'EEXIST') throw ioError('create folder', dir, e2);
    }
    try {
      await fs.syncDir(parent);
    } catch (e3) {
      throw ioError('flush folder', parent, e3);
    }
  }
  known.add(dir);
}

/** Forgets cached folder knowledge (after gc removed folders). */
export function forgetDirs(fs: StoreFs): void {
  knownDirs.delete(fs);
}

/** Forgets that `dir` and the folders below it exist. */
export function forgetDir(fs: StoreFs, dir: string): void {
  const known = knownDirs.get(fs);
  if (!known) return;
  for (const d of known) if (d === dir || d.startsWith(dir + sep)) known.delete(d);
}

async function removeQuietly(fs: StoreFs, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch {
    // The temporary may not exist yet; gc removes any that a later failure leaves.
  }
}

/**
 * Writes `data` to a temporary beside `path`, flushes it and renames it into place.
 * The folder itself is NOT flushed: callers flush each folder once after a batch
 * (see {@link writeFilesAtomic}) before anything that depends on the batch is written.
 * `durable: false` skips the flush, for caches that may be lost but never be torn.
 */
export async function writeRenamed(fs: StoreFs, path: string, data: Uint8Array, durable = true): Promise<void> {
  await (await prepareRenamed(fs, path, data, durable)).commit();
}

/** A file written and flushed under a temporary name, waiting to be renamed into place. */
export interface Prepared {
  /** Renames the temporary over the final name (the folder is not flushed). */
  commit(): Promise<void>;
  /** Removes the temporary instead. */
  abort(): Promise<void>;
}

/**
 * Writes and flushes `data` under a temporary name beside `path`, without renaming it yet:
 * a record can be flushed while the objects it names are still being made durable, and
 * be renamed into place only after them.
 */
export async function prepareRenamed(fs: StoreFs, path: string, data: Uint8Array, durable = true): Promise<Prepared> {
  const tmp = tempPathFor(path);
  let handle;
  try {
    handle = await fs.openWrite(tmp, true);
  } catch (e) {
    if (errnoOf(e) !== 'ENOENT') throw ioError('create', tmp, e);
    // The folder went away since it was known (a restore pruned it, someone deleted it).
    forgetDir(fs, dirname(path));
    await ensureDir(fs, dirname(path));
    try {
      handle = await fs.openWrite(tmp, true);
    } catch (e2) {
      throw ioError('create', tmp, e2);
    }
  }
  try {
    await handle.write(data);
    if (durable) await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await removeQuietly(fs, tmp);
    throw ioError('write', path, e);
  }
  try {
    await handle.close();
  } catch (e) {
    await removeQuietly(fs, tmp);
    throw ioError('write', path, e);
  }
  return {
    async commit() {
      try {
        await fs.rename(tmp, path);
      } catch (e) {
        await removeQuietly(fs, tmp);
        throw ioError(`rename ${basename(tmp)} to`, path, e);
      }
    },
    abort: () => removeQuietly(fs, tmp),
  };
}

/** Flushes each folder once, several at a time (the file system batches them). */
export async function syncDirs(fs: StoreFs, dirs: Iterable<string>): Promise<void> {
  await eachLimit([...new Set(dirs)], 16, async (d) => {
    try {
      await fs.syncDir(d);
    } catch (e) {
      throw ioError('flush folder', d, e);
    }
  });
}

/**
 * Creates many folders (and missing parents), flushing each parent once — or, when
 * `flushLater` is given, adding the parents to it so the caller flushes them together
 * with the files it writes into the new folders (one round of flushes instead of two).
 */
export async function ensureDirs(fs: StoreFs, dirs: Iterable<string>, flushLater?: string[]): Promise<void> {
  let known = knownDirs.get(fs);
  if (!known) knownDirs.set(fs, (known = new Set()));
  const missing: string[] = [];
  for (const d of new Set(dirs)) {
    if (known.has(d)) continue;
    try {
      const st = await fs.lstat(d);
      if (st.kind === 'dir') {
        known.add(d);
        continue;
      }
    } catch (e) {
      if (errnoOf(e) !== 'ENOENT') throw ioError('inspect', d, e);
    }
    missing.push(d);
  }
  if (missing.length === 0) return;
  const parents = new Set(missing.map((d) => dirname(d)));
  for (const p of parents) await ensureDir(fs, p);
  for (const d of missing) {
    try {
      await fs.mkdir(d);
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST') throw ioError('create folder', d, e);
    }
  }
  if (flushLater) flushLater.push(...parents);
  else await syncDirs(fs, parents);
  for (const d of missing) known.add(d);
}

/** Runs `fn` over `items` with at most `limit` calls in flight; the first failure wins. */
export async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (e) {
        if (failure === undefined) failure = e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure;
}

/** Writes one file atomically and durably: temp, write, fsync, rename, fsync folder. */
export async function writeFileAtomic(fs: StoreFs, path: string, data: Uint8Array): Promise<void> {
  await ensureDir(fs, dirname(path));
  await writeRenamed(fs, path, data);
  await syncDirs(fs, [dirname(path)]);
}

/**
 * Writes many files atomically; returns once every file and every folder is flushed.
 * Writes run a few at a time because the file system batches concurrent flushes.
 */
export async function writeFilesAtomic(
  fs: StoreFs,
  files: ReadonlyArray<{ path: string; data: Uint8Array }>,
  concurrency = 8,
): Promise<void> {
  if (files.length === 0) return;
  const parents: string[] = [];
  await ensureDirs(fs, files.map((f) => dirname(f.path)), parents);
  await eachLimit(files, concurrency, (f) => writeRenamed(fs, f.path, f.data));
  await syncDirs(fs, [...files.map((f) => dirname(f.path)), ...parents]);
}

/** Removes a file; a file that is already gone is fine. */
export async function unlinkIfExists(fs: StoreFs, path: string): Promise<boolean> {
  try {
    await fs.unlink(path);
    return true;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return false;
    throw ioError('remove', path, e);
  }
}
