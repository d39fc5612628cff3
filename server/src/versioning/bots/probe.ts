/**
 * Folders as the formats' recognition sees them, read from the disk: which of the formats'
 * markers a folder holds and, for identity, their text. The language server answers the
 * same questions from the files it holds (definitions/model/workspace.ts), so both find the
 * same bots.
 */
import { join } from 'node:path';
import { isDefinitionFile, isWildMarker, oneFileFormats, recogniseOneFile, searchesDir, type BotFormat, type FolderProbe, type Recognition } from '../../definitions/index';
import { errnoOf, ioError } from '../errors';
import type { DirEntry, StoreFs } from '../fs/fsio';

/** Marker files larger than this are not read for identity (the definitions library reads files up to this size). */
const MAX_MARKER_BYTES = 64 * 1024 * 1024;

/** The listing of a folder, or undefined when it is gone or unreadable. */
async function list(fs: StoreFs, abs: string): Promise<DirEntry[] | undefined> {
  try {
    return await fs.readdir(abs);
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR') return undefined;
    throw ioError('list', abs, e);
  }
}

/** The formats' markers, worked out once per list of formats: the plain ones, and the first name of every marker. */
const MARKERS = new WeakMap<readonly BotFormat[], { plain: string[]; firstNames: Set<string> }>();

function markersOf(formats: readonly BotFormat[]): { plain: string[]; firstNames: Set<string> } {
  let m = MARKERS.get(formats);
  if (!m) {
    const all = formats.flatMap((f) => f.markers);
    m = { plain: [...new Set(all.filter((x) => !isWildMarker(x)))], firstNames: new Set(all.map((x) => x.split('/')[0]!)) };
    MARKERS.set(formats, m);
  }
  return m;
}

/** The probe of a folder that holds none of the markers. */
const EMPTY_PROBE = (dir: string): FolderProbe => ({ dir, hasFile: () => false, hasDir: () => false, read: () => undefined, matches: () => [] });

/**
 * A probe of the folder `abs` (`rel` from the workspace root) whose listing is `entries`.
 * Only the markers of `formats` are looked at: sub-folders a marker names are listed, and
 * with `read` the marker files that exist are read, so that identity can parse them.
 */
export async function diskProbe(
  fs: StoreFs,
  abs: string,
  rel: string,
  entries: readonly DirEntry[],
  formats: readonly BotFormat[],
  read: boolean,
): Promise<FolderProbe> {
  const known = markersOf(formats);
  // Most folders of a bot (an intent's, a page's) hold nothing any marker starts with: nothing to look at.
  if (!entries.some((e) => known.firstNames.has(e.name))) return EMPTY_PROBE(rel);
  const listings = new Map<string, readonly DirEntry[] | undefined>([['', entries]]);
  const listing = async (sub: string): Promise<readonly DirEntry[] | undefined> => {
    if (!listings.has(sub)) {
      const parent = sub.includes('/') ? sub.slice(0, sub.lastIndexOf('/')) : '';
      const name = sub.slice(sub.lastIndexOf('/') + 1);
      const up = await listing(parent);
      listings.set(sub, up?.some((e) => e.kind === 'dir' && e.name === name) ? await list(fs, join(abs, ...sub.split('/'))) : undefined);
    }
    return listings.get(sub);
  };
  const files = new Set<string>();
  const dirs = new Set<string>();
  const texts = new Map<string, string>();
  /** What each marker with `*` parts matched, in the folders where it was looked at. */
  const wild = new Map<string, string[]>();
  const readMarker = async (marker: string): Promise<void> => {
    const path = join(abs, ...marker.split('/'));
    try {
      const st = await fs.lstat(path);
      if (st.size <= MAX_MARKER_BYTES) texts.set(marker, new TextDecoder().decode(await fs.readFile(path)));
    } catch (e) {
      if (errnoOf(e) !== 'ENOENT') throw ioError('read', path, e);
    }
  };
  for (const marker of known.plain) {
    if (marker.endsWith('/')) {
      const sub = marker.slice(0, -1);
      const inside = await listing(sub);
      // As the language server counts it: a folder with a file some format parses, or a folder below.
      if (inside?.some((e) => (e.kind === 'file' && isDefinitionFile(formats, e.name)) || (e.kind === 'dir' && searchesDir(e.name)))) dirs.add(sub);
      continue;
    }
    const slash = marker.lastIndexOf('/');
    const parent = slash < 0 ? '' : marker.slice(0, slash);
    const name = marker.slice(slash + 1);
    if (!(await listing(parent))?.some((e) => e.kind === 'file' && e.name === name)) continue;
    // A file that is a bot by itself (a LivePerson export saved as bot.json) is no marker of its folder.
    if (oneFileFormats(formats, name).length > 0 && (await recogniseFileOnDisk(fs, join(abs, ...marker.split('/')), formats))) continue;
    files.add(marker);
    if (read) await readMarker(marker);
  }
  // Markers with `*` parts, only where their format's plain file markers are (so other folders list nothing more).
  for (const format of formats) {
    const wilds = format.markers.filter(isWildMarker);
    if (wilds.length === 0 || !format.markers.some((m) => !m.endsWith('/') && !isWildMarker(m) && files.has(m))) continue;
    for (const marker of wilds) {
      if (wild.has(marker)) continue;
      const parts = marker.split('/');
      let at = [''];
      for (let i = 0; i < parts.length - 1; i++) {
        const next: string[] = [];
        for (const sub of at) {
          const inside = (await listing(sub)) ?? [];
          const names = parts[i] === '*' ? inside.filter((e) => e.kind === 'dir').map((e) => e.name) : inside.some((e) => e.kind === 'dir' && e.name === parts[i]) ? [parts[i]!] : [];
          for (const n of names) next.push(sub === '' ? n : `${sub}/${n}`);
        }
        at = next;
      }
      const name = parts[parts.length - 1]!;
      const found: string[] = [];
      for (const sub of at) if ((await listing(sub))?.some((e) => e.kind === 'file' && e.name === name)) found.push(`${sub}/${name}`);
      found.sort();
      wild.set(marker, found);
      if (read) for (const m of found) await readMarker(m);
    }
  }
  return {
    dir: rel,
    hasFile: (m) => (isWildMarker(m) ? (wild.get(m)?.length ?? 0) > 0 : files.has(m)),
    hasDir: (m) => dirs.has(m.replace(/\/$/, '')),
    read: (m) => texts.get(m),
    matches: (m) => (isWildMarker(m) ? [...(wild.get(m) ?? [])] : files.has(m) ? [m] : []),
  };
}

/** The first of `formats` that recognises the folder, with its recognition. */
export function recogniseFolder(probe: FolderProbe, formats: readonly BotFormat[]) {
  for (const format of formats) {
    const recognition = format.recognise(probe);
    if (recognition) return { format, recognition };
  }
  return undefined;
}

/** How much of a file recognition by content reads first; the rest only when that cannot tell. */
const HEAD_BYTES = 64 * 1024;

/** What recognition by content decided of each file, by absolute path, with the stat it was decided at (null: no bot). */
const oneFileCache = new Map<string, { key: string; hit: { format: BotFormat; recognition: Recognition } | null }>();

/**
 * Whether the file at `abs` is a bot by itself for one of `formats` (those whose file markers
 * name it): its beginning is read, and the whole file only when the beginning cannot tell.
 * Kept by the file's stat, so a discovery that finds nothing changed reads nothing again.
 */
export async function recogniseFileOnDisk(fs: StoreFs, abs: string, formats: readonly BotFormat[]): Promise<{ format: BotFormat; recognition: Recognition } | null> {
  const slashed = abs.replace(/\\/g, '/');
  const candidates = oneFileFormats(formats, slashed);
  if (candidates.length === 0) return null;
  let st;
  try {
    st = await fs.lstat(abs);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null;
    throw ioError('inspect', abs, e);
  }
  if (st.kind !== 'file' || st.size > MAX_MARKER_BYTES) return null;
  const key = `${candidates.map((f) => f.id).join(',')}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
  const cached = oneFileCache.get(abs);
  if (cached && cached.key === key) return cached.hit;
  let hit: { format: BotFormat; recognition: Recognition } | null = null;
  try {
    const head = fs.readHead && st.size > HEAD_BYTES ? await fs.readHead(abs, HEAD_BYTES) : await fs.readFile(abs);
    let answer = recogniseOneFile(candidates, slashed, new TextDecoder().decode(head), head.length < st.size);
    if (answer === 'more') answer = recogniseOneFile(candidates, slashed, new TextDecoder().decode(await fs.readFile(abs)), false);
    hit = answer && answer !== 'more' ? answer : null;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null;
    throw ioError('read', abs, e);
  }
  oneFileCache.set(abs, { key, hit });
  return hit;
}
