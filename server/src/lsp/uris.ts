// file: URIs and the paths the libraries take ('/'-separated on every system).
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The path of a file: URI. */
export function pathOf(uri: string): string {
  return fileURLToPath(uri).replace(/\\/g, '/');
}

/** The file: URI of a path. */
export function uriOf(path: string): string {
  return pathToFileURL(path).toString();
}
