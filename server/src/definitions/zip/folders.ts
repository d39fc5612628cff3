// Walking a zip's names as folders: exports that wrap everything in one folder, and the
// files and subfolders of one folder (zips need not list folders, so they are inferred).
import type { ZipEntry } from './types';

/** The one folder every entry sits under (`MyBot` for `MyBot/Manifest.json`, `MyBot/…`), or undefined. */
export function commonRoot(entries: readonly { readonly name: string }[]): string | undefined {
  let root: string | undefined;
  for (const { name } of entries) {
    const slash = name.indexOf('/');
    if (slash < 0) return undefined;
    const top = name.slice(0, slash);
    if (root === undefined) root = top;
    else if (top !== root) return undefined;
  }
  return root;
}

/** What one folder of a zip holds directly. */
export interface ZipFolder {
  /** Its files, sorted by name. */
  readonly files: ZipEntry[];
  /** The names (not paths) of its subfolders, sorted. */
  readonly folders: string[];
}

/** The files and subfolders directly inside `folder` ('' for the zip's root; a trailing '/' is optional). */
export function listFolder(entries: readonly ZipEntry[], folder: string): ZipFolder {
  const prefix = folder === '' || folder.endsWith('/') ? folder : `${folder}/`;
  const files: ZipEntry[] = [];
  const folders = new Set<string>();
  for (const e of entries) {
    if (!e.name.startsWith(prefix)) continue;
    const rest = e.name.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) files.push(e);
    else folders.add(rest.slice(0, slash));
  }
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort((a, b) => byName(a.name, b.name)), folders: [...folders].sort(byName) };
}

/** Where a finding inside a zip points, as `botv validate` names it: `<zip path>/<entry path>`. */
export function entryPath(zipPath: string, entry: string): string {
  return `${zipPath.replace(/\/+$/, '')}/${entry}`;
}
