/**
 * Working-copy writes that survive a crash whole. A restore or a release acceptance first
 * writes a journal (`.botversions/local/journal/<bot>.json`) naming every file to write
 * and remove and the records that complete the operation, and flushes it: that is the
 * operation's commit point. Then it carries the plan out, flushes the files, writes the
 * records, and removes the journal. If the process dies or the power fails in between,
 * the next writer (under the lock) replays the journal, so the working copy ends as the
 * new tree, never a mix. Every object the plan needs is already in the store, so replay
 * cannot fail for want of content.
 */
import { basename, dirname, join, relative, sep } from 'node:path';
import { BotvError, errnoOf, ioError } from '../errors';
import { eachLimit, ensureDir, ensureDirs, forgetDir, isTempName, prepareRenamed, syncDirs, tempPathFor, unlinkIfExists } from '../fs/atomic';
import type { StoreFs } from '../fs/fsio';
import { objectHint } from '../store/layout';
import type { EncodedRecord } from '../store/records';
import type { StoreRecord } from '../store/schema';
import type { FileEntry } from '../types';
import { treeProblems, pathProblem } from '../workingcopy/paths';
import type { Core } from './context';

/** A record to write once the files are in place. */
interface JournalRecord {
  /** Folder relative to the store. */
  dir: string;
  id: string;
  record: StoreRecord;
}

/** The plan of one working-copy write. */
export interface Journal {
  format: 1;
  bot: string;
  /** The bot folder relative to the workspace root ('/'-separated, '.' for the root). */
  botDir: string;
  operation: 'restore' | 'release-accept';
  writes: FileEntry[];
  removes: string[];
  records: JournalRecord[];
}

function absBotDir(core: Core, j: Journal): string {
  return j.botDir === '.' ? core.root : join(core.root, ...j.botDir.split('/'));
}

/** Refuses a plan whose paths are unsafe or that would write through links, before anything is written. */
/** The folder of a bot's working copy, relative to the root as journals record it ('.' for the root): a one-file bot's is the folder holding the file. */
export function workingFolder(bot: { dir: string; file?: string }): string {
  if (bot.file === undefined) return bot.dir;
  const i = bot.dir.lastIndexOf('/');
  return i < 0 ? '.' : bot.dir.slice(0, i);
}

export async function checkPlan(fs: StoreFs, botDir: string, writes: readonly FileEntry[], removes: readonly string[], what: string): Promise<void> {
  const problems = treeProblems(writes.map((w) => w.path));
  for (const r of removes) {
    const why = pathProblem(r);
    if (why) problems.push(`${JSON.stringify(r)}: ${why}`);
  }
  if (problems.length === 0) {
    const removed = new Set(removes);
    const checked = new Map<string, string | null>();
    const inspect = async (rel: string, mustBeDir: boolean): Promise<string | null> => {
      const key = `${rel}\u0000${mustBeDir}`;
      if (checked.has(key)) return checked.get(key)!;
      let result: string | null = null;
      try {
        const st = await fs.lstat(join(botDir, ...rel.split('/')));
        if (st.kind === 'symlink') result = `${rel} is a link; links are never written through. Remove the link and try again`;
        else if (mustBeDir && st.kind !== 'dir' && !removed.has(rel)) result = `${rel} is a file where the version has a folder; move it away and try again`;
        else if (!mustBeDir && st.kind === 'dir') result = `${rel} is a folder where the version has a file; move it away and try again`;
        else if (!mustBeDir && st.kind === 'other') result = `${rel} is not a regular file; move it away and try again`;
      } catch (e) {
        if (errnoOf(e) !== 'ENOENT' && errnoOf(e) !== 'ENOTDIR') throw ioError('inspect', join(botDir, rel), e);
      }
      checked.set(key, result);
      return result;
    };
    for (const w of writes) {
      const parts = w.path.split('/');
      for (let i = 1; i < parts.length; i++) {
        const p = await inspect(parts.slice(0, i).join('/'), true);
        if (p) problems.push(p);
      }
      const p = await inspect(w.path, false);
      if (p) problems.push(p);
    }
  }
  if (problems.length > 0) {
    const unique = [...new Set(problems)];
    throw new BotvError(
      'UNSAFE_PATH',
      `Refusing to ${what}: nothing was written.\n${unique.map((p) => `  ${p}`).join('\n')}`,
      { problems: unique },
    );
  }
}

async function pruneEmptyDirs(fs: StoreFs, botDir: string, removed: readonly string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const r of removed) {
    const parts = r.split('/');
    for (let i = parts.length - 1; i >= 1; i--) dirs.add(parts.slice(0, i).join('/'));
  }
  const deepestFirst = [...dirs].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const d of deepestFirst) {
    try {
      await fs.rmdir(join(botDir, ...d.split('/')));
      forgetDir(fs, join(botDir, ...d.split('/')));
    } catch {
      // Not empty (it holds files that stay) or already gone.
    }
  }
}

/** What {@link apply} wrote, for {@link finish} to flush. */
interface Applied {
  /** The replaced working files, moved to the store's aside folder, to remove. */
  aside: string[];
  /** Working files and records. */
  files: string[];
  /** Folders whose entries changed: of written and removed files, and folders created. */
  dirs: string[];
}

/**
 * Puts the plan in place: removes files, then writes each file under a temporary name,
 * moves the file it replaces to the aside folder and renames the new one into place, then
 * does the same for each record. Nothing is flushed yet (see {@link finish}): until the
 * journal is removed, a crash or a power loss at any point is finished by replaying it.
 */
async function apply(core: Core, j: Journal, contents: ReadonlyMap<string, Uint8Array> = new Map()): Promise<Applied> {
  const botDir = absBotDir(core, j);
  const records: EncodedRecord[] = j.records.map((r) => {
    const enc = core.records.encode(join(core.layout.store, ...r.dir.split('/')), r.record);
    if (enc.id !== r.id) throw new BotvError('CORRUPT', `The journal of ${j.bot} is damaged (a record does not match its id). Delete ${core.layout.journal(j.bot)} and check the working copy with \`botv status ${j.bot}\`.`);
    return enc;
  });
  for (const r of j.removes) await unlinkIfExists(core.fs, join(botDir, ...r.split('/')));
  await pruneEmptyDirs(core.fs, botDir, j.removes);
  const targets = j.writes.map((w) => ({ w, abs: join(botDir, ...w.path.split('/')) }));
  const parents: string[] = [];
  await ensureDirs(core.fs, targets.map((t) => dirname(t.abs)), parents);
  const aside: string[] = [];
  if (targets.length > 0) await ensureDir(core.fs, core.layout.aside);
  await eachLimit(targets, 16, async ({ w, abs }) => {
    const data = contents.get(w.sha256) ?? (await core.objects.read(w.sha256, objectHint(w.path)));
    const prepared = await prepareRenamed(core.fs, abs, data, false);
    // The old file is moved out of the bot's folder rather than replaced by the rename:
    // replacing it would free its blocks and (on ext4) start writing the new file out,
    // both on the caller's time. It is removed after the commit point.
    const old = join(core.layout.aside, basename(tempPathFor(abs)));
    try {
      await core.fs.rename(abs, old);
      aside.push(old);
    } catch (e) {
      const code = errnoOf(e);
      if (code === 'EXDEV') await unlinkIfExists(core.fs, abs); // the bot is on another file system than the store
      else if (code !== 'ENOENT') {
        await prepared.abort();
        throw ioError('move aside', abs, e);
      }
    }
    await prepared.commit();
  });
  const placed = await core.records.place(records);
  // Every folder a removal changed: the file's own, and the parents of folders pruned.
  const removedFrom = j.removes.flatMap((r) => {
    const parts = r.split('/');
    return parts.slice(0, -1).map((_, i) => join(botDir, ...parts.slice(0, parts.length - 1 - i)));
  });
  if (j.removes.length > 0) removedFrom.push(botDir);
  return {
    aside,
    files: [...targets.map((t) => t.abs), ...placed.files],
    dirs: [...new Set([...targets.map((t) => dirname(t.abs)), ...parents, ...removedFrom, ...placed.dirs])],
  };
}

/** Flushes what {@link apply} wrote (the files, then their folders) and removes the old files it moved aside. */
async function finish(core: Core, done: Applied): Promise<void> {
  const tolerant = (flush: (p: string) => Promise<void>, what: string) => async (p: string) => {
    try {
      await flush(p);
    } catch (e) {
      // Gone since (a folder pruned, a file the user removed): nothing of ours to flush.
      if (errnoOf(e) !== 'ENOENT') throw ioError(what, p, e);
    }
  };
  await Promise.all([eachLimit(done.files, 16, tolerant((p) => core.fs.syncFile(p), 'flush')), eachLimit(done.aside, 16, async (p) => void (await unlinkIfExists(core.fs, p)))]);
  await eachLimit(done.dirs, 16, tolerant((p) => core.fs.syncDir(p), 'flush folder'));
}

/** Objects read ahead of a plan, up to this many bytes; the rest are read as they are written. */
const READ_AHEAD = 64 * 1024 * 1024;

/**
 * Reads (and hash-checks) the objects a plan writes, keyed by hash, up to {@link READ_AHEAD}
 * bytes; beyond that, checks that each object is present. A journal must be replayable:
 * every object it writes is in the store before the journal exists.
 */
async function readAhead(core: Core, writes: readonly FileEntry[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  let budget = READ_AHEAD;
  await eachLimit(writes, 16, async (w) => {
    if (out.has(w.sha256)) return;
    if (w.size <= budget) {
      budget -= w.size;
      out.set(w.sha256, await core.objects.read(w.sha256, objectHint(w.path)));
    } else if (!(await core.objects.has(w.sha256, objectHint(w.path), w.size))) {
      await core.objects.read(w.sha256, objectHint(w.path)); // throws the missing object's message
    }
  });
  return out;
}

/**
 * Writes the journal, carries it out and removes it. The operation commits when the
 * journal is durable; this returns once the working copy holds the new files, and leaves
 * their flushes, the records and the journal's removal to run after the commit, still
 * under the lock (see Core.write): the caller's answer does not wait for the disk, and a
 * power loss before those flushes end is finished by replaying the journal.
 */
export async function runJournal(core: Core, j: Journal): Promise<void> {
  const path = core.layout.journal(j.bot);
  await ensureDir(core.fs, dirname(path));
  // The journal is flushed under a temporary name while the objects it names are read, and
  // appears only once all of them have been read whole.
  const [prepared, contents] = await Promise.allSettled([prepareRenamed(core.fs, path, new TextEncoder().encode(JSON.stringify(j))), readAhead(core, j.writes)]);
  if (prepared.status === 'rejected' || contents.status === 'rejected') {
    if (prepared.status === 'fulfilled') await prepared.value.abort();
    throw prepared.status === 'rejected' ? prepared.reason : (contents as PromiseRejectedResult).reason;
  }
  await prepared.value.commit();
  await syncDirs(core.fs, [dirname(path)]);
  const done = await apply(core, j, contents.value);
  core.afterCommit(async () => {
    await finish(core, done);
    // Not flushed: if a power loss brings the journal back, replaying it rewrites the same
    // files and the same records, which changes nothing.
    await unlinkIfExists(core.fs, path);
  });
}

/** Builds the journal entry for a record to write at the end. */
export function journalRecord(core: Core, enc: EncodedRecord): JournalRecord {
  return { dir: relative(core.layout.store, enc.dir).split(sep).join('/'), id: enc.id, record: enc.record };
}

/** Removes the temporaries an interrupted write left in the bot's folders. */
async function removeTemporaries(core: Core, j: Journal): Promise<void> {
  const botDir = absBotDir(core, j);
  const dirs = new Set([botDir, ...j.writes.map((w) => dirname(join(botDir, ...w.path.split('/'))))]);
  for (const d of dirs) {
    let entries;
    try {
      entries = await core.fs.readdir(d);
    } catch {
      continue;
    }
    for (const e of entries) if (e.kind === 'file' && isTempName(e.name)) await unlinkIfExists(core.fs, join(d, e.name));
  }
}

/** Removes what an interrupted write left in the aside folder (under the lock, nothing else is there). */
async function emptyAside(core: Core): Promise<void> {
  let entries;
  try {
    entries = await core.fs.readdir(core.layout.aside);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return;
    throw ioError('list', core.layout.aside, e);
  }
  for (const e of entries) if (e.kind === 'file') await unlinkIfExists(core.fs, join(core.layout.aside, e.name));
}

/** Finishes every interrupted working-copy write (run under the lock). */
export async function recoverJournals(core: Core): Promise<void> {
  await emptyAside(core);
  let names: string[];
  try {
    names = (await core.fs.readdir(core.layout.journals)).filter((e) => e.kind === 'file' && e.name.endsWith('.json')).map((e) => e.name);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return;
    throw ioError('list', core.layout.journals, e);
  }
  for (const name of names) {
    const path = join(core.layout.journals, name);
    let j: Journal;
    try {
      j = JSON.parse(new TextDecoder().decode(await core.fs.readFile(path))) as Journal;
    } catch (e) {
      throw new BotvError('CORRUPT', `The journal ${path} of an interrupted restore cannot be read (${errnoOf(e) ?? 'not JSON'}). Delete it, then check the bot's files with \`botv status\`.`);
    }
    if (j.format !== 1 || !Array.isArray(j.writes) || !Array.isArray(j.removes) || !Array.isArray(j.records)) {
      throw new BotvError('CORRUPT', `The journal ${path} has an unknown format. Delete it, then check the bot's files with \`botv status\`.`);
    }
    // A journal is local and trusted no more than a record: check its paths again.
    try {
      await checkPlan(core.fs, absBotDir(core, j), j.writes, j.removes, `finish the interrupted ${j.operation} of ${j.bot}`);
      await finish(core, await apply(core, j));
      await removeTemporaries(core, j);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new BotvError(
        e instanceof BotvError ? e.code : 'IO',
        `Could not finish the interrupted ${j.operation} of ${j.bot}: ${why}\nTo give up on it, delete ${path}, then check the bot's files with \`botv status ${j.bot}\`.`,
      );
    }
    await unlinkIfExists(core.fs, path);
  }
}

/** True when a bot has an unfinished journal. */
export async function hasJournal(core: Core, bot: string): Promise<boolean> {
  try {
    await core.fs.lstat(core.layout.journal(bot));
    return true;
  } catch {
    return false;
  }
}
