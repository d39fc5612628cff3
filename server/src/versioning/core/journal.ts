/**
 * Working-copy writes that survive a crash whole. A restore or a release acceptance first
 * writes a journal (`.botversions/local/journal/<bot>.json`) naming every file to write
 * and remove and the records that complete the operation; then it carries the plan out,
 * writes the records, and removes the journal. If the process dies in between, the next
 * writer (under the lock) replays the journal, so the working copy ends as the new tree,
 * never a mix. Every object the plan needs is already in the store, so replay cannot fail
 * for want of content.
 */
import { dirname, join, relative, sep } from 'node:path';
import { BotvError, errnoOf, ioError } from '../errors';
import { eachLimit, ensureDirs, forgetDir, isTempName, syncDirs, unlinkIfExists, writeFileAtomic, writeRenamed } from '../fs/atomic';
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

/** Carries out a journal; safe to run again after a crash at any point. */
async function execute(core: Core, j: Journal): Promise<void> {
  const botDir = absBotDir(core, j);
  const encoded: EncodedRecord[] = j.records.map((r) => {
    const enc = core.records.encode(join(core.layout.store, ...r.dir.split('/')), r.record);
    if (enc.id !== r.id) throw new BotvError('CORRUPT', `The journal of ${j.bot} is damaged (a record does not match its id). Delete ${core.layout.journal(j.bot)} and check the working copy with \`botv status ${j.bot}\`.`);
    return enc;
  });
  for (const r of j.removes) await unlinkIfExists(core.fs, join(botDir, ...r.split('/')));
  await pruneEmptyDirs(core.fs, botDir, j.removes);
  const targets = j.writes.map((w) => ({ w, abs: join(botDir, ...w.path.split('/')) }));
  const parents: string[] = [];
  await ensureDirs(core.fs, targets.map((t) => dirname(t.abs)), parents);
  // Files and records go in one round: until the journal is removed, a crash at any point
  // is finished by replaying it, so their order does not matter.
  await Promise.all([
    eachLimit(targets, 16, async ({ w, abs }) => {
      const data = await core.objects.read(w.sha256, objectHint(w.path));
      await writeRenamed(core.fs, abs, data);
    }).then(() => syncDirs(core.fs, [...targets.map((t) => dirname(t.abs)), ...parents])),
    core.records.write(encoded),
  ]);
}

/** Writes the journal, carries it out and removes it. */
export async function runJournal(core: Core, j: Journal): Promise<void> {
  // A journal must be replayable: every object it writes is in the store before it exists.
  for (const w of j.writes) {
    if (!(await core.objects.has(w.sha256, objectHint(w.path), w.size))) await core.objects.read(w.sha256, objectHint(w.path));
  }
  const path = core.layout.journal(j.bot);
  await writeFileAtomic(core.fs, path, new TextEncoder().encode(JSON.stringify(j)));
  await execute(core, j);
  // Not flushed: if a power loss brings the journal back, replaying it rewrites the same
  // files and the same records, which changes nothing.
  await unlinkIfExists(core.fs, path);
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

/** Finishes every interrupted working-copy write (run under the lock). */
export async function recoverJournals(core: Core): Promise<void> {
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
      await execute(core, j);
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
