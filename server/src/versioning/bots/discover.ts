/**
 * Bot discovery: a bot is a folder that one of the registry's formats recognises from its
 * marker files (a native manifest, a Rasa config.yml with its domain, …), with no file
 * added. The walk never follows links and skips the folders no bot holds (.git,
 * node_modules, .botversions, hidden folders) and those a bot's format leaves out of it
 * (Rasa's models/); bots may nest (a nested bot is its own bot and not part of the outer one).
 */
import { basename, dirname, join, relative } from 'node:path';
import { archiveProbe, BOT_ID, commonRoot, isArchiveName, isWildMarker, MAX_ZIP_BYTES, oneFileFormats, oneFileProbe, openZip, searchesDir, toBotId, type BotFormat, type BotIdentity } from '../../definitions/index';
import { FORMATS } from '../../formats/registry';
import { errnoOf, ioError } from '../errors';
import type { StoreFs } from '../fs/fsio';
import { STORE_DIR } from '../store/layout';
import type { BotInfo, BotList, DiscoveryProblem, StoreConfig } from '../types';
import { diskProbe, recogniseFileOnDisk, recogniseFolder } from './probe';

const MAX_DEPTH = 12;


/** Identities already read, by marker path, with the stat they were read at. */
export type ManifestCache = Map<string, { key: string; ident: BotIdentity }>;

/** A zip read as a bot: its format, its marker's path inside the zip and its identity. */
interface ZipHit {
  format: BotFormat;
  marker: string;
  ident: BotIdentity;
}

/** What discovery learnt of each zip, by path, with the stat it was read at (null: no bot). */
const zipCache = new Map<string, { key: string; hit: ZipHit | null }>();

/** The bot a zip holds at its root or inside its one wrapper folder, if a format whose bots may be zips claims it. */
function recogniseZip(bytes: Uint8Array, relPath: string, formats: readonly BotFormat[]): ZipHit | null {
  const zipFormats = formats.filter((f) => f.zips);
  if (zipFormats.length === 0) return null;
  const zip = openZip(bytes);
  const wrapper = commonRoot(zip.entries);
  for (const folder of wrapper === undefined ? [''] : ['', wrapper]) {
    const probe = archiveProbe(zip, folder === '' ? relPath : `${relPath}/${folder}`, folder);
    const found = recogniseFolder(probe, zipFormats);
    if (found) return { format: found.format, marker: folder === '' ? found.recognition.marker : `${folder}/${found.recognition.marker}`, ident: found.format.identity(probe, found.recognition) };
  }
  return null;
}

/** Finds every bot under `root`; duplicate ids and unreadable manifests become problems. */
export async function discoverBots(
  fs: StoreFs,
  root: string,
  config: Pick<StoreConfig, 'protected' | 'bots'>,
  cache: ManifestCache = new Map(),
  formats: readonly BotFormat[] = FORMATS,
): Promise<BotList> {
  const protectedIds = config.protected;
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
        // Markers with `*` parts (a Lex export's locale folders) are part of the identity too.
        const wild = format.markers.filter(isWildMarker).map((m) => probe.matches?.(m).join('|') ?? '');
        const key = `${format.id}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${rel(dir)}:${wild.join(':')}`;
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
      // The id: as config.json records it for this folder, else as the bot's files give it,
      // else (a platform whose files name no bot) from the folder's name.
      const pinned = config.bots[rel(dir)]?.id;
      let id = pinned ?? ident.id;
      let idSource: BotInfo['idSource'] = pinned ? 'config' : 'files';
      if (!id && !ident.problem && format.id !== 'native') {
        id = toBotId(basename(dir)) || 'bot';
        idSource = 'folder';
      }
      if (ident.problem && !pinned) {
        problems.push({ code: 'BAD_MANIFEST', message: `${ident.problem}. Fix the manifest to version this bot.`, dirs: [rel(dir)] });
      } else if (!id) {
        problems.push({ code: 'BAD_MANIFEST', message: `${rel(dir)}/${recognition.marker} gives no bot id. Fix the manifest to version this bot.`, dirs: [rel(dir)] });
      } else {
        found.push({
          id,
          // A platform that names no bot (Rasa): the folder's name, as the platform's console would show it.
          name: ident.name ?? (format.id === 'native' ? id : basename(dir)),
          format: format.id,
          idSource,
          locales: ident.locales,
          dir: rel(dir),
          path: dir,
          manifest: recognition.marker,
          protected: protectedIds.includes(id),
        });
      }
      inside = { path: dir, format };
    } else if (!inside) {
      // Committed export zips of this folder, read in place (a zip inside a bot's folder is one of its files).
      for (const e of entries) if (e.kind === 'file' && isArchiveName(formats, e.name)) await zipBot(join(dir, e.name));
      // Files that are bots by themselves (LivePerson exports), known by their content.
      for (const e of entries) if (e.kind === 'file' && oneFileFormats(formats, e.name).length > 0) await fileBot(join(dir, e.name));
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
  /** A zip one of the formats recognises at its root or inside its one wrapper folder, as a bot. */
  const zipBot = async (zipPath: string): Promise<void> => {
    let st;
    try {
      st = await fs.lstat(zipPath);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return;
      throw ioError('inspect', zipPath, e);
    }
    if (st.size > MAX_ZIP_BYTES) return;
    const key = `zip:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${rel(zipPath)}`;
    const cached = zipCache.get(zipPath);
    let hit: ZipHit | null;
    if (cached && cached.key === key) hit = cached.hit;
    else {
      let bytes: Uint8Array;
      try {
        bytes = await fs.readFile(zipPath);
      } catch (e) {
        throw ioError('read', zipPath, e);
      }
      hit = recogniseZip(bytes, rel(zipPath), formats);
      zipCache.set(zipPath, { key, hit });
    }
    if (!hit) return;
    const pinned = config.bots[rel(zipPath)]?.id;
    const id = pinned ?? hit.ident.id ?? (toBotId(basename(zipPath).replace(/\.zip$/i, '')) || 'bot');
    if (hit.ident.problem && !pinned) {
      problems.push({ code: 'BAD_MANIFEST', message: `${hit.ident.problem}. Export the bot again, or fix it and zip it again, to version it.`, dirs: [rel(zipPath)] });
      return;
    }
    found.push({
      id,
      name: hit.ident.name ?? basename(zipPath),
      format: hit.format.id,
      idSource: pinned ? 'config' : hit.ident.id ? 'files' : 'folder',
      locales: hit.ident.locales,
      dir: rel(zipPath),
      path: dirname(zipPath),
      file: basename(zipPath),
      manifest: hit.marker,
      protected: protectedIds.includes(id),
    });
  };

  /** A file one of the formats recognises by its content as a bot by itself (a LivePerson export): its identity is read from it. */
  const fileBot = async (filePath: string): Promise<void> => {
    const hit = await recogniseFileOnDisk(fs, filePath, formats);
    if (!hit) return;
    const { format, recognition } = hit;
    let ident: BotIdentity;
    try {
      const st = await fs.lstat(filePath);
      const key = `${format.id}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${rel(filePath)}`;
      const cached = cache.get(filePath);
      if (cached && cached.key === key) ident = cached.ident;
      else {
        ident = format.identity(oneFileProbe(rel(filePath), new TextDecoder().decode(await fs.readFile(filePath))), recognition);
        cache.set(filePath, { key, ident });
      }
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return;
      throw ioError('read', filePath, e);
    }
    if (!ident.problem && ident.id && !BOT_ID.test(ident.id)) ident = { ...ident, problem: `${rel(filePath)}: the bot id "${ident.id}" must be lowercase letters, digits and "-", starting with a letter or digit` };
    const pinned = config.bots[rel(filePath)]?.id;
    const id = pinned ?? ident.id ?? (toBotId(basename(filePath).replace(/\.[^.]*$/, '')) || 'bot');
    if (ident.problem && !pinned) {
      problems.push({ code: 'BAD_MANIFEST', message: `${ident.problem}. Fix the file to version this bot.`, dirs: [rel(filePath)] });
      return;
    }
    found.push({
      id,
      name: ident.name ?? basename(filePath),
      format: format.id,
      idSource: pinned ? 'config' : ident.id ? 'files' : 'folder',
      locales: ident.locales,
      dir: rel(filePath),
      path: dirname(filePath),
      file: basename(filePath),
      manifest: recognition.marker,
      protected: protectedIds.includes(id),
    });
  };

  await walk(root, 0, undefined);
  // A committed export zip beside its unzipped copy: both name one platform bot (a Lex
  // export's Bot.json), yet they are two bots of the workspace, so the zip takes the id of its
  // file's name instead — and when that is the folder's id too (a platform whose files name
  // no bot, as Dialogflow ES, names both after the agent), that id with "-zip". Its first
  // version records it.
  const isZip = (b: BotInfo): boolean => !!b.file && /\.zip$/i.test(b.file);
  const clashes = (b: BotInfo): boolean => found.some((o) => o !== b && !isZip(o) && o.id === b.id);
  for (const b of found) {
    if (!isZip(b) || (b.idSource !== 'files' && b.idSource !== 'folder') || !clashes(b)) continue;
    const own = toBotId(b.file!.replace(/\.zip$/i, ''));
    b.id = own !== '' && own !== b.id ? own : `${b.id}-zip`;
    if (clashes(b)) b.id = `${b.id}-zip`;
    b.idSource = 'folder';
    b.protected = protectedIds.includes(b.id);
  }
  await adoptMoved(fs, root, config, found, problems);
  await exclusiveRepositories(fs, root, found, problems, formats);

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

/**
 * A bot whose platform's git sync owns its repository (Dialogflow CX's Git integration: every
 * file of the branch that is not agent JSON is removed on each push), at the top of the
 * repository the store is kept in: the next push from the console wipes the store. Said of
 * the bot (BotInfo.warning) and as a problem, with what to do.
 */
async function exclusiveRepositories(fs: StoreFs, root: string, found: BotInfo[], problems: DiscoveryProblem[], formats: readonly BotFormat[]): Promise<void> {
  for (const b of found) {
    const warning = formats.find((f) => f.id === b.format)?.exclusiveRepository;
    if (!warning || b.dir !== '.' || b.file !== undefined) continue;
    try {
      await fs.lstat(join(root, '.git'));
    } catch {
      continue;
    }
    b.warning = `${b.id}: ${warning}`;
    problems.push({ code: 'STORE_AT_RISK', message: b.warning, dirs: [b.dir] });
  }
}

/** Whether the store holds versions of a bot. */
async function hasHistory(fs: StoreFs, root: string, id: string): Promise<boolean> {
  try {
    return (await fs.readdir(join(root, STORE_DIR, 'bots', id, 'versions'))).some((e) => e.kind === 'file');
  } catch {
    return false;
  }
}

/**
 * A folder renamed or moved keeps its bot's history. config.json records the folder of every
 * bot whose files give no lasting id (on its first version); when such a folder holds no bot
 * any more and exactly one bot of the workspace is new to the store (no versions, no
 * recorded folder), that bot is taken to be the one that moved: it gets the recorded id, and
 * its next version records the new folder. Anything less clear is left to the user, who is
 * told how to say which bot is which.
 */
async function adoptMoved(fs: StoreFs, root: string, config: Pick<StoreConfig, 'bots'>, found: BotInfo[], problems: DiscoveryProblem[]): Promise<void> {
  const held = new Set(found.map((b) => b.dir));
  const orphans = Object.entries(config.bots).filter(([dir]) => !held.has(dir));
  if (orphans.length === 0) return;
  const moved = (bot: BotInfo, oldDir: string, id: string): void => {
    problems.push({
      code: 'MOVED',
      message: `${bot.dir} is taken to be ${id}, whose folder was ${oldDir}: its history stays. The next version saved records the new folder in .botversions/config.json. If it is another bot, give each its own id under "bots" there.`,
      dirs: [oldDir, bot.dir],
    });
    bot.id = id;
    bot.idSource = 'moved';
  };
  const left: [string, { id: string }][] = [];
  for (const [dir, pin] of orphans) {
    // The folder moved and the bot still gives the same id (its files, or its folder's name).
    const same = found.find((b) => b.id === pin.id && b.idSource !== 'config');
    if (same) moved(same, dir, pin.id);
    else if (!found.some((b) => b.id === pin.id) && (await hasHistory(fs, root, pin.id))) left.push([dir, pin]);
  }
  if (left.length === 0) return;
  const fresh: BotInfo[] = [];
  for (const b of found) if (b.format !== 'native' && (b.idSource === 'folder' || b.idSource === 'files') && !(await hasHistory(fs, root, b.id))) fresh.push(b);
  if (left.length === 1 && fresh.length === 1) {
    moved(fresh[0]!, left[0]![0], left[0]![1].id);
    return;
  }
  if (fresh.length > 0) {
    problems.push({
      code: 'MOVED',
      message: `${left.map(([d, v]) => `${v.id} (was ${d})`).join(', ')} ${left.length === 1 ? 'is' : 'are'} no longer where .botversions/config.json records ${left.length === 1 ? 'it' : 'them'}, and ${fresh.map((b) => b.dir).join(', ')} ${fresh.length === 1 ? 'is' : 'are'} new: say which is which under "bots" in .botversions/config.json (e.g. "${fresh[0]!.dir}": { "id": "${left[0]![1].id}" }).`,
      dirs: [...left.map(([d]) => d), ...fresh.map((b) => b.dir)],
    });
  }
}
