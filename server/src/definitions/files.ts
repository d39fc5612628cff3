// Which folders and files no bot of any format ever holds. One answer, asked by discovery,
// the store's scan of a working copy, the language server and the CLI alike.

/** Folders never searched for bots nor versioned in one: version control, the store, dependencies. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', '.botversions', 'node_modules']);

/** Files that operating systems drop into folders; never part of a bot. */
export const JUNK_FILES: ReadonlySet<string> = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Whether discovery enters a folder of this name: not a skipped one, not a hidden one. */
export function searchesDir(name: string): boolean {
  return !SKIPPED_DIRS.has(name) && !name.startsWith('.');
}
