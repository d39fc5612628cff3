// Text-level hazards found before parsing: things neither parser reports well, each with
// a diagnostic of its own. One linear pass over the text.
import type { Finding } from '../types';

/** At most this many findings of one kind per file; a summary follows when more exist. */
const MAX_PER_KIND = 50;

/** Scans for a BOM, merge-conflict markers and forbidden control characters. */
export function scanHazards(text: string): { findings: Finding[]; conflictLines: Set<number> } {
  const findings: Finding[] = [];
  const conflictLines = new Set<number>();
  if (text.charCodeAt(0) === 0xfeff) {
    findings.push({
      start: 0,
      end: 1,
      severity: 'hint',
      code: 'syntax/bom',
      message: 'The file starts with a byte order mark; it is ignored. Save the file as UTF-8 without BOM to drop it.',
    });
  }
  scanConflictMarkers(text, findings, conflictLines);
  scanControlCharacters(text, findings);
  return { findings, conflictLines };
}

const MARKERS = ['<<<<<<<', '=======', '>>>>>>>', '|||||||'];

function scanConflictMarkers(text: string, findings: Finding[], lines: Set<number>): void {
  // Markers only start lines; indexOf on the rare first character keeps this fast.
  let line = 0;
  let lineStart = 0;
  let count = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10) continue;
    const first = text.charCodeAt(lineStart);
    if (first === 60 || first === 61 || first === 62 || first === 124) {
      const head = text.slice(lineStart, lineStart + 7);
      const after = text.charCodeAt(lineStart + 7);
      if (MARKERS.includes(head) && (Number.isNaN(after) || after === 32 || after === 10 || after === 13)) {
        lines.add(line);
        if (count++ < MAX_PER_KIND) {
          let end = i;
          if (text.charCodeAt(end - 1) === 13) end--;
          findings.push({
            start: lineStart,
            end,
            severity: 'error',
            code: 'syntax/merge-conflict',
            message: `Unresolved merge conflict marker "${head}". Keep the side you want, delete the markers, and save.`,
          });
        }
      }
    }
    line++;
    lineStart = i + 1;
  }
}

function scanControlCharacters(text: string, findings: Finding[]): void {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, LF and CR are allowed; every other C0 control, DEL and the C1 range are not (YAML 1.2 §5.1).
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || (c >= 0x80 && c <= 0x9f && c !== 0x85)) {
      if (count++ < MAX_PER_KIND) {
        const name = c === 0 ? 'NUL' : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
        findings.push({
          start: i,
          end: i + 1,
          severity: 'error',
          code: 'syntax/control-character',
          message: `Control character ${name} is not allowed in a bot file. Delete it (it is often left by a binary paste or a broken encoding).`,
        });
      }
    }
  }
  if (count > MAX_PER_KIND) {
    findings.push({
      start: 0,
      end: 0,
      severity: 'error',
      code: 'syntax/control-character',
      message: `${count - MAX_PER_KIND} more control characters are not shown. Is this a binary file? Remove it from the bot's include globs.`,
    });
  }
}
