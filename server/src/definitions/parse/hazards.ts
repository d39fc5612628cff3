// Text-level hazards found before parsing: things neither parser reports well, each with
// a diagnostic of its own. One linear pass over the text.
import type { Finding } from '../types';

/** At most this many findings of one kind per file; a summary follows when more exist. */
const MAX_PER_KIND = 50;

/**
 * Scans for a BOM, merge-conflict markers and forbidden control characters. `unusual` says
 * whether the text holds any character the fast YAML path leaves to the full parser (a
 * control character, NEL, a BOM, a line or paragraph separator, a lone CR): one pass for both.
 */
export function scanHazards(text: string): { findings: Finding[]; conflictLines: Set<number>; unusual: boolean } {
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
  const unusual = scanControlCharacters(text, findings);
  return { findings, conflictLines, unusual };
}

/** Conflict markers start a line: 7 of <, =, > or | and then a space or the line's end. */
const MARKER = /^(<{7}|={7}|>{7}|\|{7})(?=[ \r\n]|$)/gm;
/**
 * Tab, LF and CR are allowed; every other C0 control, DEL and the C1 range (but NEL) are not
 * (YAML 1.2 §5.1). The regex also finds what the fast YAML path leaves to the full parser
 * (fastYaml.ts, UNUSUAL); `isControl` tells the two apart.
 */
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]|\r(?!\n)/g;

function isControl(c: number): boolean {
  return c <= 0x08 || c === 0x0b || c === 0x0c || (c >= 0x0e && c <= 0x1f) || (c >= 0x7f && c <= 0x9f && c !== 0x85);
}

function scanConflictMarkers(text: string, findings: Finding[], lines: Set<number>): void {
  // Regular expressions scan far faster than a loop over characters; lines are counted only at hits.
  MARKER.lastIndex = 0;
  let count = 0;
  let line = 0;
  let counted = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    for (let i = text.indexOf('\n', counted); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    lines.add(line);
    if (count++ >= MAX_PER_KIND) continue;
    let end = text.indexOf('\n', m.index);
    if (end < 0) end = text.length;
    if (text.charCodeAt(end - 1) === 13) end--;
    findings.push({
      start: m.index,
      end,
      severity: 'error',
      code: 'syntax/merge-conflict',
      message: `Unresolved merge conflict marker "${m[1]}". Keep the side you want, delete the markers, and save.`,
    });
  }
}

/** Reports control characters; returns whether the text holds anything unusual (see UNUSUAL). */
function scanControlCharacters(text: string, findings: Finding[]): boolean {
  UNUSUAL.lastIndex = 0;
  let count = 0;
  let unusual = false;
  for (let m = UNUSUAL.exec(text); m; m = UNUSUAL.exec(text)) {
    unusual = true;
    const c = text.charCodeAt(m.index);
    if (!isControl(c)) continue;
    if (count++ >= MAX_PER_KIND) continue;
    const name = c === 0 ? 'NUL' : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    findings.push({
      start: m.index,
      end: m.index + 1,
      severity: 'error',
      code: 'syntax/control-character',
      message: `Control character ${name} is not allowed in a bot file. Delete it (it is often left by a binary paste or a broken encoding).`,
    });
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
  return unusual;
}
