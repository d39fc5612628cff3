// Bytes → text for files read from disk or from a stored version. Invalid UTF-8 is replaced
// by U+FFFD (as editors do) and each bad sequence is reported where it sits in the text.
import { isUtf8 } from 'node:buffer';
import type { Finding } from '../types';

const MAX_REPORTS = 50;

/** Decodes UTF-8 bytes, reporting every invalid sequence at its offset in the decoded text. */
export function decodeBotFile(bytes: Uint8Array): { text: string; findings: Finding[] } {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  if (isUtf8(bytes)) return { text, findings: [] };
  return { text, findings: findInvalidSequences(bytes) };
}

/**
 * Walks the bytes as the WHATWG decoder does (maximal subparts each become one U+FFFD),
 * tracking the UTF-16 offset, so the reported offsets match the decoded text.
 */
function findInvalidSequences(b: Uint8Array): Finding[] {
  const findings: Finding[] = [];
  let offset = 0;
  let i = 0;
  let count = 0;
  const report = (): void => {
    if (count++ < MAX_REPORTS) {
      findings.push({
        start: offset,
        end: offset + 1,
        severity: 'error',
        code: 'syntax/invalid-utf8',
        message: 'Invalid UTF-8 byte sequence, shown as �. Re-save the file as UTF-8.',
      });
    }
    offset += 1;
  };
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      offset++;
      continue;
    }
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lower = 0xa0;
      if (c === 0xed) upper = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lower = 0x90;
      if (c === 0xf4) upper = 0x8f;
    } else {
      i++;
      report();
      continue;
    }
    let j = 1;
    let ok = true;
    for (; j <= need; j++) {
      const cc = b[i + j];
      const lo = j === 1 ? lower : 0x80;
      const hi = j === 1 ? upper : 0xbf;
      if (cc === undefined || cc < lo || cc > hi) {
        ok = false;
        break;
      }
    }
    if (ok) {
      i += need + 1;
      offset += need === 3 ? 2 : 1;
    } else {
      i += j; // the maximal subpart read so far becomes one replacement character
      report();
    }
  }
  if (count > MAX_REPORTS) {
    findings.push({
      start: 0,
      end: 0,
      severity: 'error',
      code: 'syntax/invalid-utf8',
      message: `${count - MAX_REPORTS} more invalid UTF-8 sequences are not shown. Re-save the file as UTF-8.`,
    });
  }
  return findings;
}
