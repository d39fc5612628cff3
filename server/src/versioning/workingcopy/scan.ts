/**
 * Reads a bot's working copy: every file of its folder except nested bots (folders another
 * bot's format recognises), the folders no bot holds (.git, node_modules, .botversions) and
 * those the bot's format leaves out (caches, build outputs, trained models), links (never
 * followed) and the core's own temporaries. Hashes come from the stat cache when a file is
 * unchanged.
 */
import { join } from 'node:path';
import { JUNK_FILES, SKIPPED_DIRS, type BotFormat } from '../../definitions/index';
import { formatById, FORMATS } from '../../formats/registry';
import { diskProbe, recogniseFolder } from '../bots/probe';
import { errnoOf, ioError } from '../errors';
import { eachLimit, isTempName } from '../fs/atomic';
import type { FileStat, StoreFs } from '../fs/fsio';
import { sha256 } from '../store/hash';
import type { FileEntry } from '../types';
import { fineTimestamps, type StatCache } from './statcache';


/** The working copy as found on disk. */
export interface ScanResult {
  files: FileEntry[];
  /** Contents read during this scan (files whose hash was not cached). */
  contents: Map<string, Uint8Array>;
  /** Entries left out, with the reason (links, special files). */
  skipped: Array<{ path: string; reason: string }>;
  /** Stats of the files listed, for callers that update the cache after writing. */
  stats: Map<string, FileStat>;
}

/** The bot a scan reads: its folder and its format. */
export interface ScannedBot {
  path: string;
  format: BotFormat['id'];
  /** A bot that is one file of `path` (a committed export zip): that file alone is its working copy. */
  file?: string;
}

/** Lists the relative paths of a bot's files, without reading them. */
export async function listBotFiles(fs: StoreFs, bot: ScannedBot, formats: readonly BotFormat[] = FORMATS): Promise<{ paths: string[]; skipped: ScanResult['skipped'] }> {
  const botDir = bot.path;
  if (bot.file !== undefined) return listOneFile(fs, bot.path, bot.file);
  const format = formatById(bot.format);
  const paths: string[] = [];
  const skipped: ScanResult['skipped'] = [];
  const walk = async (rel: string): Promise<void> => {
    const abs = rel ? join(botDir, rel) : botDir;
    let entries;
    try {
      entries = await fs.readdir(abs);
    } catch (e) {
      if (rel && errnoOf(e) === 'ENOENT') return; // removed while scanning
      throw ioError('list', abs, e);
    }
    if (rel && recogniseFolder(await diskProbe(fs, abs, rel, entries, formats, false), formats)) {
      skipped.push({ path: rel, reason: 'a nested bot (versioned on its own)' });
      return;
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.kind === 'dir') {
        if (SKIPPED_DIRS.has(e.name)) continue;
        if (format?.skipsDir(p)) skipped.push({ path: p, reason: `left out of a ${format.label} bot (caches, build outputs, trained models)` });
        else subdirs.push(p);
      } else if (e.kind === 'file') {
        if (!JUNK_FILES.has(e.name) && !isTempName(e.name)) paths.push(p);
      } else if (e.kind === 'symlink') {
        skipped.push({ path: p, reason: 'a link (links are never followed)' });
      } else {
        skipped.push({ path: p, reason: 'not a regular file' });
      }
    }
    for (const d of subdirs) await walk(d);
  };
  await walk('');
  paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { paths, skipped };
}

/** The working copy of a bot that is one file: that file, when it is there and a regular file. */
async function listOneFile(fs: StoreFs, dir: string, file: string): Promise<{ paths: string[]; skipped: ScanResult['skipped'] }> {
  try {
    const st = await fs.lstat(join(dir, file));
    if (st.kind === 'file') return { paths: [file], skipped: [] };
    return { paths: [], skipped: [{ path: file, reason: st.kind === 'symlink' ? 'a link (links are never followed)' : 'not a regular file' }] };
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return { paths: [], skipped: [] };
    throw ioError('inspect', join(dir, file), e);
  }
}

/** Scans a bot's working copy, hashing only files the cache cannot vouch for. */
export async function scanWorkingCopy(fs: StoreFs, bot: ScannedBot, cache: StatCache, formats: readonly BotFormat[] = FORMATS): Promise<ScanResult> {
  const botDir = bot.path;
  const { paths, skipped } = await listBotFiles(fs, bot, formats);
  const stats = new Map<string, FileStat>();
  for (const p of paths) {
    const abs = join(botDir, ...p.split('/'));
    try {
      stats.set(p, await fs.lstat(abs));
    } catch (e) {
      if (errnoOf(e) !== 'ENOENT') throw ioError('inspect', abs, e); // else removed while scanning
    }
  }
  const fine = fineTimestamps(stats.values());
  const hashes = new Map<string, FileEntry>();
  const contents = new Map<string, Uint8Array>();
  const toRead: string[] = [];
  for (const [p, st] of stats) {
    const cached = cache.lookup(p, st, fine);
    if (cached) hashes.set(p, { path: p, sha256: cached, size: st.size });
    else toRead.push(p);
  }
  await eachLimit(toRead, 16, async (p) => {
    const abs = join(botDir, ...p.split('/'));
    const hashedAt = Date.now();
    let data: Uint8Array;
    try {
      data = await fs.readFile(abs);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') {
        stats.delete(p);
        return;
      }
      throw ioError('read', abs, e);
    }
    const sha = sha256(data);
    // The size read may differ from the stat's if the file changed in between; record
    // what was actually read, and let the cache entry fail its next check.
    hashes.set(p, { path: p, sha256: sha, size: data.length });
    contents.set(p, data);
    if (data.length === stats.get(p)!.size) cache.remember(p, stats.get(p)!, sha, hashedAt);
  });
  const files = paths.filter((p) => hashes.has(p)).map((p) => hashes.get(p)!);
  cache.retain(new Set(files.map((f) => f.path)));
  return { files, contents, skipped, stats };
}
