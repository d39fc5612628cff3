// The zip reader: bot exports that platforms hand out as zips (Amazon Lex V2, Dialogflow CX
// and ES) are read in place, in memory, and never unpacked into the workspace; a version
// stores the zip's own bytes. It knows no bot format: it lists a zip's files and reads
// them, and says what is wrong with the zip as findings (codes `zip/…`, docs/diagnostics.md
// "Zip exports"), never by throwing.
//
// Limits (DEFAULT_ZIP_LIMITS; `openZip` takes others). A zip is refused whole past 20,000
// central-directory records (a bot of a thousand intents in two locales holds a few
// thousand files; the count is checked before the directory is walked) or past 512 MiB
// uncompressed in total. One entry is left out past 64 MiB uncompressed (bot files are
// JSON of a few MB at most), or when it is larger than 1 MiB and declares more than 200
// times its compressed size: JSON compresses typically 5–20:1 and DEFLATE can reach
// 1032:1, so only crafted or degenerate files cross 200:1, and small files are never
// judged by ratio. Entries whose bytes overlap (another zip-bomb trick) are left out.
// Declared sizes are not trusted: `read` inflates into a buffer of the declared size and
// stops at its first byte past it, a slice of input at a time, so a lying header costs at
// most one slice more (4 MiB of output, some 20 MiB of short-lived buffers, about 0.1 s);
// then it checks the CRC-32. Names are decoded as UTF-8 when flagged (or valid UTF-8),
// else CP437; names that would escape a folder when unpacked (`..`, `.`, `/x`, `C:`, `\`,
// NUL, empty parts) and symbolic links are refused with a finding; `__MACOSX/`, `._*`,
// `.DS_Store` and `Thumbs.db` are ignored silently; folders are inferred from file names.
//
// The library: fflate (pinned), for DEFLATE. It is small (8 kB, no dependencies), widely
// used and maintained, pure JavaScript on Uint8Array and synchronous, as the language
// server's workspace model is; yauzl and JSZip are asynchronous, and adm-zip is larger,
// with a history of path-traversal advisories. fflate's own `unzipSync` does not read the
// structure here: it decodes non-UTF-8 names as Latin-1 rather than CP437, hides the
// encryption flag and each entry's offset (so no entry can be read later on its own), keys
// entries by name (a duplicate silently replaces the first) and allocates each entry by
// its declared size. The structure (directory.ts) is read here, strictly, every offset
// checked before use.
export { openZip } from './archive';
export type { ZipArchive } from './archive';
export { commonRoot, entryPath, listFolder } from './folders';
export type { ZipFolder } from './folders';
export { classifyName, decodeCp437, decodeName, unsafeReason } from './names';
export type { NameKind } from './names';
export { crc32 } from './crc32';
export { writeZip } from './write';
export { DEFAULT_ZIP_LIMITS, ZIP_CODES } from './types';
export type { ZipCode, ZipEntry, ZipFinding, ZipLimits } from './types';
