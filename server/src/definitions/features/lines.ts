// Offsets to lines and characters: the one conversion every edge uses (the language
// server's diagnostics and features, `botv validate`, the promotion gate), and line numbers
// for messages that mention them (hover's "defined in … line n").
import type { ParsedDocument } from '../parse/document';
import { LineIndex } from '../parse/lines';
import type { Range } from '../parse/lines';

const cache = new WeakMap<ParsedDocument, LineIndex>();

/** The LineIndex of a parsed document, built once. */
export function lineIndexOf(doc: ParsedDocument): LineIndex {
  let li = cache.get(doc);
  if (!li) cache.set(doc, (li = new LineIndex(doc.text)));
  return li;
}

/**
 * Where the span `start`–`end` falls, by zero-based line and UTF-16 character (as in LSP),
 * in the text `lines` was built from (`lineIndexOf(doc)`). Without a line table (a file the
 * workspace does not hold), the top of the file.
 */
export function rangeOf(lines: LineIndex | undefined, start: number, end: number): Range {
  if (!lines) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/** Zero-based line of an offset. */
export function lineOf(doc: ParsedDocument, offset: number): number {
  return lineIndexOf(doc).positionAt(offset).line;
}
