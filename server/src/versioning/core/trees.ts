/** Reading a version's files, and scanning a bot's working copy with its stat cache. */
import { BotvError } from '../errors';
import { ensureGitignore } from '../store/config';
import { objectHint, TREE_HINT } from '../store/layout';
import type { Stored } from '../store/records';
import type { VersionRecord } from '../store/schema';
import { contentHash } from '../store/tree';
import type { BotInfo, FileEntry } from '../types';
import { scanWorkingCopy, type ScanResult } from '../workingcopy/scan';
import { StatCache } from '../workingcopy/statcache';
import type { Core } from './context';

/** The files of a version, checked against the content hash its record carries. */
export async function versionFiles(core: Core, v: Stored<VersionRecord>): Promise<FileEntry[]> {
  const tree = await core.trees.read(v.record.tree);
  if (contentHash(tree.files) !== v.record.content) {
    throw new BotvError(
      'CORRUPT',
      `The tree of ${v.record.bot} v${v.record.number} (${core.objects.display(v.record.tree, TREE_HINT)}) does not match the content hash its record carries. Run \`botv verify\` and restore the store from git or a backup.`,
    );
  }
  return tree.files;
}

/** Reads the contents of the given files of a version (each object hash-checked), in their order. */
export async function readContents(core: Core, files: readonly FileEntry[]): Promise<Map<string, Uint8Array>> {
  const data = await Promise.all(files.map((f) => core.objects.read(f.sha256, objectHint(f.path))));
  // Insert in the files' order, so callers (the gate validator) see a stable order.
  return new Map(files.map((f, i) => [f.path, data[i]!]));
}

/** Scans a bot's working copy, using and refreshing its stat cache. */
export async function scanBot(core: Core, bot: BotInfo): Promise<ScanResult> {
  const cache = await StatCache.reuse(core.fs, core.layout.statCache(bot.id), core.statCaches.get(bot.id));
  core.statCaches.set(bot.id, cache);
  const scan = await scanWorkingCopy(core.fs, bot, cache, core.formats);
  // A reader in a workspace without a store must not create one just for a cache, and
  // the cache must never show up in git. A read-only workspace keeps it in memory only.
  if (!core.readOnly && (await core.storeExists())) {
    await ensureGitignore(core.fs, core.layout).catch(() => undefined);
    // Inside a write the cache is written after the commit point, off the caller's time
    // (it is only a hint; a failed write loses it, and costs a re-hash next time).
    if (core.writing) core.afterCommit(() => cache.save());
    else await cache.save();
  }
  return scan;
}
