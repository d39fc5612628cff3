/**
 * The store's single writer lock. Writers (editor windows, the CLI, CI) take it for the
 * whole read-decide-write of an operation; readers never take it, because every record is
 * immutable and appears whole.
 *
 * The lock is the file `.botversions/local/lock`, published whole with `link()` (which
 * fails when the file exists, like O_EXCL) and holding {pid, host, token, since}. Its
 * holder touches it periodically. A lock is abandoned when its holder's pid is dead on
 * this host, or when it has not been touched for `staleMs` (a holder on another machine,
 * or a reused pid). Recovery is serialised by a second, short-lived guard file, so two
 * processes that both find the same abandoned lock cannot both remove it and both win:
 * only the guard's holder removes the lock, and only if it still carries the token that
 * was judged abandoned.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { BotvError, errnoOf, ioError } from '../errors';
import { ensureDir, TEMP_PREFIX } from './atomic';
import type { StoreFs } from './fsio';

/** What the lock file says about its holder. */
export interface LockOwner {
  pid: number;
  host: string;
  token: string;
  since: string;
  purpose: string;
}

/** A held lock. */
export interface LockHandle {
  readonly owner: LockOwner;
  /** Whether the lock was found taken over by another process (after a long stall). */
  lost(): boolean;
  release(): Promise<void>;
}

/** Options of {@link acquireLock}. */
export interface LockOptions {
  timeoutMs: number;
  staleMs: number;
  purpose: string;
  clock: () => number;
}

const GUARD_STALE_MS = 10_000;

/**
 * Tokens of locks this process released but could not remove (the unlink failed, e.g.
 * on a full or failing disk). Such a lock is treated as abandoned at once by this process,
 * instead of blocking its next write until the lock goes stale.
 */
const orphaned = new Set<string>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates `path` holding `data`, failing with EEXIST if it exists; never visible half-written. */
async function publishExclusive(fs: StoreFs, path: string, data: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `${TEMP_PREFIX}lock-${process.pid}-${randomBytes(6).toString('hex')}`);
  const h = await fs.openWrite(tmp, true);
  try {
    // Not flushed: after a power loss the lock's holder is gone anyway.
    await h.write(data);
  } finally {
    await h.close();
  }
  try {
    await fs.link(tmp, path);
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
}

async function readOwner(fs: StoreFs, path: string): Promise<LockOwner | null | 'gone'> {
  try {
    const text = new TextDecoder().decode(await fs.readFile(path));
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || typeof o.host !== 'string' || typeof o.token !== 'string') return null;
    return o as LockOwner;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return 'gone';
    return null; // unreadable: judged by its age alone
  }
}

async function ageMs(fs: StoreFs, path: string, now: number): Promise<number | 'gone'> {
  try {
    return now - (await fs.lstat(path)).mtimeMs;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return 'gone';
    throw ioError('inspect', path, e);
  }
}

async function isAbandoned(fs: StoreFs, path: string, owner: LockOwner | null, staleMs: number, now: number): Promise<boolean | 'gone'> {
  if (owner && owner.host === hostname() && !pidAlive(owner.pid)) return true;
  if (owner && orphaned.has(owner.token)) return true;
  const age = await ageMs(fs, path, now);
  if (age === 'gone') return 'gone';
  return age > staleMs;
}

/** Removes an abandoned guard without ever removing a live one (rename aside, check, undo). */
async function removeAbandonedGuard(fs: StoreFs, guard: string, token: string | null): Promise<void> {
  const aside = `${guard}.${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(guard, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readOwner(fs, aside);
  const movedToken = moved && moved !== 'gone' ? moved.token : null;
  if (movedToken !== token) {
    // A fresh guard replaced the abandoned one in between: put it back.
    await fs.link(aside, guard).catch(() => undefined);
  }
  await fs.unlink(aside).catch(() => undefined);
}

/** Removes the lock iff it still carries `staleToken`; returns whether the caller may retry at once. */
async function recover(fs: StoreFs, lockPath: string, staleToken: string | null, opts: LockOptions, me: LockOwner): Promise<boolean> {
  const guard = `${lockPath}.recover`;
  try {
    await publishExclusive(fs, guard, new TextEncoder().encode(JSON.stringify(me)));
  } catch (e) {
    if (errnoOf(e) !== 'EEXIST') throw ioError('create', guard, e);
    const g = await readOwner(fs, guard);
    if (g === 'gone') return true;
    const abandoned = await isAbandoned(fs, guard, g, GUARD_STALE_MS, opts.clock());
    if (abandoned === true) await removeAbandonedGuard(fs, guard, g ? g.token : null);
    return abandoned !== false;
  }
  try {
    const current = await readOwner(fs, lockPath);
    const currentToken = current && current !== 'gone' ? current.token : null;
    if (current !== 'gone' && currentToken === staleToken) {
      await fs.unlink(lockPath).catch((e) => {
        if (errnoOf(e) !== 'ENOENT') throw ioError('remove the abandoned lock', lockPath, e);
      });
    }
  } finally {
    await fs.unlink(guard).catch(() => undefined);
  }
  return true;
}

function describe(owner: LockOwner | null): string {
  if (!owner) return 'another process';
  return `process ${owner.pid} on ${owner.host} (${owner.purpose}, since ${owner.since})`;
}

/** Takes the store lock, waiting up to `timeoutMs`; recovers a lock whose holder died. */
export async function acquireLock(fs: StoreFs, lockPath: string, opts: LockOptions): Promise<LockHandle> {
  await ensureDir(fs, dirname(lockPath));
  const started = opts.clock();
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(12).toString('hex'),
    since: new Date(started).toISOString(),
    purpose: opts.purpose,
  };
  const bytes = new TextEncoder().encode(JSON.stringify(me));
  let delay = 5;
  let lastOwner: LockOwner | null = null;
  for (;;) {
    try {
      await publishExclusive(fs, lockPath, bytes);
      return startHeartbeat(fs, lockPath, me, opts);
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST') throw ioError('create the store lock', lockPath, e);
    }
    const owner = await readOwner(fs, lockPath);
    if (owner === 'gone') continue;
    lastOwner = owner;
    const abandoned = await isAbandoned(fs, lockPath, owner, opts.staleMs, opts.clock());
    if (abandoned === 'gone') continue;
    if (abandoned && (await recover(fs, lockPath, owner ? owner.token : null, opts, me))) continue;
    if (opts.clock() - started > opts.timeoutMs) {
      throw new BotvError(
        'LOCKED',
        `The store is locked by ${describe(lastOwner)}. Wait for it to finish and try again; if that process is gone, delete ${lockPath}.`,
        { owner: lastOwner },
      );
    }
    await sleep(delay);
    delay = Math.min(200, Math.ceil(delay * 1.5));
  }
}

function startHeartbeat(fs: StoreFs, lockPath: string, me: LockOwner, opts: LockOptions): LockHandle {
  let lost = false;
  let released = false;
  const beat = async () => {
    const cur = await readOwner(fs, lockPath);
    if (cur === 'gone' || !cur || cur.token !== me.token) {
      lost = true;
      return;
    }
    const now = opts.clock();
    await fs.utimes(lockPath, now, now).catch(() => undefined);
  };
  const timer = setInterval(() => void beat(), Math.max(50, Math.floor(opts.staleMs / 3)));
  timer.unref();
  return {
    owner: me,
    lost: () => lost,
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      const cur = await readOwner(fs, lockPath);
      if (cur !== 'gone' && cur && cur.token === me.token) {
        try {
          await fs.unlink(lockPath);
        } catch (e) {
          if (errnoOf(e) !== 'ENOENT') {
            orphaned.add(me.token);
            throw ioError('release the store lock', lockPath, e);
          }
        }
      } else if (cur === null) {
        // Unreadable just now (a failing disk): let this process take it back at once.
        orphaned.add(me.token);
      }
    },
  };
}
