// Folding ranges: every mapping or list that spans more than one line.
import type { BotWorkspace } from '../model/workspace';
import { walk } from '../parse/tree';
import { lineIndexOf } from './lines';

export interface FoldingRange {
  /** Offsets of the first and last character of the region; the server turns them into lines. */
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

/** The folding ranges of a file, in order. */
export function foldingRanges(ws: BotWorkspace, file: string): FoldingRange[] {
  const doc = ws.botOf(file) && ws.getDocument(file);
  if (!doc) return [];
  const lines = lineIndexOf(doc);
  const out: FoldingRange[] = [];
  walk(doc.root, (n) => {
    if (n.type !== 'object' && n.type !== 'array') return;
    // Fold from the key that owns the block ("intents:") so the key stays visible.
    const start = n.property ? n.property.keyStart : n.start;
    let end = n.end;
    while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(Math.max(start, end - 1)).line;
    if (endLine > startLine) out.push({ start, end, startLine, endLine });
  });
  return out.sort((a, b) => a.start - b.start);
}
