// Entry names: decoding the stored bytes, and sorting names into files, folders, junk that
// archivers add, and names no bot export has and that would escape a folder if unpacked.
import { crc32 } from './crc32';

// CP437, the zip format's default code page, bytes 0x80–0xFF (0x00–0x7F are ASCII).
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪' +
  '┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes as CP437. */
export function decodeCp437(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  return s;
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The Info-ZIP Unicode Path extra field (0x7075): a UTF-8 name valid while its CRC matches the stored name. */
function unicodePathField(extra: Uint8Array, raw: Uint8Array): string | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    const body = p + 4;
    if (body + len > extra.length) return undefined;
    if (id === 0x7075 && len >= 5 && extra[body] === 1 && view.getUint32(body + 1, true) === crc32(raw)) {
      return tryUtf8(extra.subarray(body + 5, body + len));
    }
    p = body + len;
  }
  return undefined;
}

/**
 * Decodes a stored entry name: UTF-8 when the zip says so (general-purpose flag bit 11) or
 * carries an Info-ZIP Unicode Path field; else UTF-8 when the bytes are valid
 * UTF-8 (macOS's Archive Utility writes UTF-8 without setting the flag, and CP437 text
 * that is also valid UTF-8 does not occur in practice); else CP437, as the format says.
 * `undefined` when the flag promises UTF-8 and the bytes are not.
 */
export function decodeName(raw: Uint8Array, utf8Flag: boolean, extra: Uint8Array): string | undefined {
  if (utf8Flag) return tryUtf8(raw);
  const unicode = unicodePathField(extra, raw);
  if (unicode !== undefined) return unicode;
  return tryUtf8(raw) ?? decodeCp437(raw);
}

/** What a decoded name is: a file, a folder, archiver junk, or a name that is refused. */
export type NameKind =
  | { kind: 'file' }
  | { kind: 'folder' }
  | { kind: 'junk' }
  | { kind: 'unsafe'; reason: string };

/** Why a name is unsafe, or undefined when it is a plain relative '/'-separated path. */
export function unsafeReason(name: string): string | undefined {
  if (name.includes('\0')) return 'it contains a NUL character';
  if (name.includes('\\')) return "it uses '\\' as a separator (some Windows tools, such as Windows PowerShell 5's Compress-Archive, write these)";
  if (name.startsWith('/')) return 'it is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'it starts with a drive letter';
  if (name === '') return 'it is empty';
  for (const part of name.split('/')) {
    if (part === '..') return "it has a '..' part, which points outside the zip's folder";
    if (part === '.') return "it has a '.' part";
    if (part === '') return "it has an empty part ('//')";
  }
  return undefined;
}

/** Files that macOS and Windows add beside real ones: never part of a bot. */
function isJunk(name: string): boolean {
  const parts = name.split('/');
  if (parts[0] === '__MACOSX') return true;
  return parts.some((p) => p.startsWith('._') || p === '.DS_Store' || p.toLowerCase() === 'thumbs.db');
}

/** Sorts a decoded name into file, folder, junk or unsafe; unsafe wins over junk. */
export function classifyName(name: string): NameKind {
  const folder = name.endsWith('/');
  const path = folder ? name.slice(0, -1) : name;
  const reason = unsafeReason(folder && path === '' ? '/' : path);
  if (reason !== undefined) return { kind: 'unsafe', reason };
  if (isJunk(path)) return { kind: 'junk' };
  return folder ? { kind: 'folder' } : { kind: 'file' };
}
