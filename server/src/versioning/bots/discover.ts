/**
 * Bot discovery: a bot is a folder holding a manifest (bot.yaml, bot.json or bot.jsonc).
 * The walk never follows links and skips .git, node_modules, .botversions and hidden
 * folders; bots may nest (a nested bot is its own bot and not part of the outer one).
 */
import { join, relative } from 'node:path';
import { errnoOf, ioError } from '../errors';
import type { StoreFs } from '../fs/fsio';
import type { BotInfo, BotList, DiscoveryProblem } from '../types';
import { MANIFEST_NAMES, readIdentity, type ManifestIdentity } from '../../formats/native/manifest';

/** Folder names never entered by the walk or by a working-copy scan. */
export const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.botversions', '.hg', '.svn']);

const MAX_DEPTH = 12;

/** Manifest identities already read, by path, with the stat they were read at. */
export type ManifestCache = Map<string, { key: string; ident: ManifestIdentity }>;

/** Finds every bot under `root`; duplicate ids and unreadable manifests become problems. */
export async function discoverBots(fs: StoreFs, root: string, protectedIds: readonly string[], cache: ManifestCache = new Map()): Promise<BotList> {
  const found: BotInfo[] = [];
  const problems: DiscoveryProblem[] = [];
  const rel = (p: string) => relative(root, p).split('\\').join('/') || '.';

  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir);
    } catch (e) {
      const code = errnoOf(e);
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR') return;
      throw ioError('list', dir, e);
    }
    const manifests = MANIFEST_NAMES.filter((m) => entries.some((e) => e.name === m && e.kind === 'file'));
    if (manifests.length > 0) {
      const manifest = manifests[0]!;
      if (manifests.length > 1) {
        problems.push({
          code: 'SEVERAL_MANIFESTS',
          message: `${rel(dir)} holds ${manifests.join(' and ')}; ${manifest} is used. Remove the others.`,
          dirs: [rel(dir)],
        });
      }
      const path = join(dir, manifest);
      let ident: ManifestIdentity;
      try {
        const st = await fs.lstat(path);
        const key = `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${rel(dir)}`;
        const hit = cache.get(path);
        if (hit && hit.key === key) ident = hit.ident;
        else {
          ident = readIdentity(new TextDecoder().decode(await fs.readFile(path)), `${rel(dir)}/${manifest}`);
          cache.set(path, { key, ident });
        }
      } catch (e) {
        throw ioError('read', path, e);
      }
      if (ident.problem || !ident.id) {
        problems.push({ code: 'BAD_MANIFEST', message: `${ident.problem ?? 'bot.id is missing'}. Fix the manifest to version this bot.`, dirs: [rel(dir)] });
      } else {
        found.push({
          id: ident.id,
          name: ident.name ?? ident.id,
          dir: rel(dir),
          path: dir,
          manifest,
          protected: protectedIds.includes(ident.id),
        });
      }
    }
    if (depth >= MAX_DEPTH) return;
    const subdirs = entries.filter((e) => e.kind === 'dir' && !SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.'));
    await Promise.all(subdirs.map((e) => walk(join(dir, e.name), depth + 1)));
  };
  await walk(root, 0);

  const byId = new Map<string, BotInfo[]>();
  for (const b of found) byId.set(b.id, [...(byId.get(b.id) ?? []), b]);
  const bots: BotInfo[] = [];
  for (const [id, list] of byId) {
    if (list.length === 1) bots.push(list[0]!);
    else {
      const dirs = list.map((b) => b.dir).sort();
      problems.push({
        code: 'DUPLICATE_BOT',
        message: `Bot id "${id}" is declared by ${dirs.join(' and ')}. Give each bot its own bot.id.`,
        dirs,
      });
    }
  }
  bots.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { bots, problems };
}
