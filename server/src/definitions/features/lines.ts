// Line numbers for messages that mention them (hover's "defined in … line n").
import type { ParsedDocument } from '../parse/document';
import { LineIndex } from '../parse/lines';

const cache = new WeakMap<ParsedDocument, LineIndex>();

/** The LineIndex of a parsed document, built once. */
export function lineIndexOf(doc: ParsedDocument): LineIndex {
  let li = cache.get(doc);
  if (!li) cache.set(doc, (li = new LineIndex(doc.text)));
  return li;
}

/** Zero-based line of an offset. */
export function lineOf(doc: ParsedDocument, offset: number): number {
  return lineIndexOf(doc).positionAt(offset).line;
}
