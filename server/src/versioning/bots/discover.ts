/**
 * Bot discovery: a bot is a folder that one of the registry's formats recognises from its
 * marker files (a native manifest, a Rasa config.yml with its domain, …), with no file
 * added. The walk never follows links and skips the folders no bot holds (.git,
 * node_modules, .botversions, hidden folders) and those a bot's format leaves out of it
 * (Rasa's models/); bots may nest (a nested bot is its own bot and not part of the outer one).
 */
import { basename, join, relative } from 'node:path';
import { BOT_ID, searchesDir, type BotFormat, type BotIdentity } from '../../definitions/index';
import { FORMATS } from '../../formats/index';
import { errnoOf, ioError } from '../errors';
import type { StoreFs } from '../fs/fsio';
import type { BotInfo, BotList, DiscoveryProblem } from '../types';
import { diskProbe, recogniseFolder } from './probe';

const MAX_DEPTH = 12;


/** Identities already read, by marker path, with the stat they were read at. */
export type ManifestCache = Map<string, { key: string; ident: BotIdentity }>;

/** Finds every bot under `root`; duplicate ids and unreadable manifests become problems. */
export async function discoverBots(
  fs: StoreFs,
  root: string,
  protectedIds: readonly string[],
  cache: ManifestCache = new Map(),
  formats: readonly BotFormat[] = FORMATS,
): Promise<BotList> {
  const found: BotInfo[] = [];
  const problems: DiscoveryProblem[] = [];
  const rel = (p: string) => relative(root, p).split('\\').join('/') || '.';
  const relRoot = (p: string) => (rel(p) === '.' ? '' : rel(p));

  /** `inside`: the nearest bot folder above, and its format, whose left-out folders are not entered. */
  const walk = async (dir: string, depth: number, inside: { path: string; format: BotFormat } | undefined): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir);
    } catch (e) {
      const code = errnoOf(e);
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR') return;
      throw ioError('list', dir, e);
    }
    const probe = await diskProbe(fs, dir, relRoot(dir), entries, formats, false);
    const hit = recogniseFolder(probe, formats);
    if (hit) {
      const { format, recognition } = hit;
      if (recognition.ignored?.length) {
        problems.push({
          code: 'SEVERAL_MANIFESTS',
          message: `${rel(dir)} holds ${[recognition.marker, ...recognition.ignored].join(' and ')}; ${recognition.marker} is used. Remove the others.`,
          dirs: [rel(dir)],
        });
      }
      const markerPath = join(dir, ...recognition.marker.split('/'));
      let ident: BotIdentity;
      try {
        const st = await fs.lstat(markerPath);
        const key = `${format.id}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${rel(dir)}`;
        const cached = cache.get(markerPath);
        if (cached && cached.key === key) ident = cached.ident;
        else {
          ident = format.identity(await diskProbe(fs, dir, relRoot(dir), entries, [format], true), recognition);
          cache.set(markerPath, { key, ident });
        }
      } catch (e) {
        throw ioError('read', markerPath, e);
      }
      if (!ident.problem && ident.id && !BOT_ID.test(ident.id)) {
        ident = { ...ident, problem: `${rel(dir)}/${recognition.marker}: the bot id "${ident.id}" must be lowercase letters, digits and "-", starting with a letter or digit` };
      }
      if (ident.problem || !ident.id) {
        const what = ident.problem ?? `${rel(dir)}/${recognition.marker} gives no bot id`;
        problems.push({ code: 'BAD_MANIFEST', message: `${what}. Fix the manifest to version this bot.`, dirs: [rel(dir)] });
      } else {
        found.push({
          id: ident.id,
          // A platform that names no bot (Rasa): the folder's name, as the platform's console would show it.
          name: ident.name ?? (format.id === 'native' ? ident.id : basename(dir)),
          format: format.id,
          locales: ident.locales,
          dir: rel(dir),
          path: dir,
          manifest: recognition.marker,
          protected: protectedIds.includes(ident.id),
        });
      }
      inside = { path: dir, format };
    }
    if (depth >= MAX_DEPTH) return;
    const subdirs = entries.filter((e) => {
      if (e.kind !== 'dir' || !searchesDir(e.name)) return false;
      if (!inside) return true;
      const within = relative(inside.path, join(dir, e.name)).split('\\').join('/');
      return !inside.format.skipsDir(within);
    });
    await Promise.all(subdirs.map((e) => walk(join(dir, e.name), depth + 1, inside)));
  };
  await walk(root, 0, undefined);

  const byId = new Map<string, BotInfo[]>();
  for (const b of found) byId.set(b.id, [...(byId.get(b.id) ?? []), b]);
  const bots: BotInfo[] = [];
  for (const [id, list] of byId) {
    if (list.length === 1) bots.push(list[0]!);
    else {
      const dirs = list.map((b) => b.dir).sort();
      problems.push({
        code: 'DUPLICATE_BOT',
        message: `Bot id "${id}" is declared by ${dirs.join(' and ')}. Give each bot its own id.`,
        dirs,
      });
    }
  }
  bots.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { bots, problems };
}
