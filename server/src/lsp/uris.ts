// file: URIs and the paths the libraries take ('/'-separated on every system). An entry of a
// committed export zip, which the workspace reads in place at `<zip path>/<entry>`, has no
// file of its own: its URI is a read-only botv-entry: one (ENTRY_SCHEME), which the client
// serves through botVersions/readDocument.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ENTRY_SCHEME } from './protocol';

/** Whether a path is an entry of a zip the workspace reads (set by the language service). */
let isEntry: (path: string) => boolean = () => false;

/** Tells uriOf which paths are zips' entries. */
export function setEntryLookup(lookup: (path: string) => boolean): void {
  isEntry = lookup;
}

/** The path of a file: (or botv-entry:) URI. */
export function pathOf(uri: string): string {
  if (uri.startsWith(`${ENTRY_SCHEME}:`)) return fileURLToPath(`file://${uri.slice(ENTRY_SCHEME.length + 1).replace(/^\/*/, '/')}`).replace(/\\/g, '/');
  return fileURLToPath(uri).replace(/\\/g, '/');
}

/** The file: URI of a path, or the botv-entry: URI of a zip's entry. */
export function uriOf(path: string): string {
  const uri = pathToFileURL(path).toString();
  return isEntry(path) ? `${ENTRY_SCHEME}:${uri.slice('file://'.length)}` : uri;
}

/** Whether a URI names a zip's entry. */
export function isEntryUri(uri: string): boolean {
  return uri.startsWith(`${ENTRY_SCHEME}:`);
}
