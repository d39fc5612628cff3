// Writing a zip: a bot's files as the platform's import takes them (a Dialogflow agent's
// package, a Lex export), for `botv export --zip`. The same files always make the same bytes:
// entries in path order, every timestamp 1980-01-01 00:00 (the zip format's first day, as
// machine-written exports have it), DEFLATE at one level.
import type * as Fflate from 'fflate';

let fflateLib: typeof Fflate | undefined;
const fflate = (): typeof Fflate => (fflateLib ??= require('fflate') as typeof Fflate);

/** A zip of these files ('/'-separated paths → bytes), byte for byte the same for the same files. */
export function writeZip(files: ReadonlyMap<string, Uint8Array> | Iterable<readonly [string, Uint8Array]>): Uint8Array {
  const sorted = [...files].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // Local-time fields of 1980-01-01 00:00, whatever the machine's zone: zips store local time.
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const input: Fflate.Zippable = {};
  // In path order (fflate keeps the order keys were added; no bot file's path is a bare number).
  for (const [path, data] of sorted) input[path] = [data, { level: 6, mtime }];
  return fflate().zipSync(input);
}
