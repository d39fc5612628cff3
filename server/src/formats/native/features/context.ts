// Where the cursor is in the format: on a key of some mapping, or on the value at some
// path. Works on the tree, and for YAML being typed (an empty value, a new line) on the
// text around the cursor, since half-typed YAML often has no node there yet.
import type { ParsedDocument } from '../../../definitions/parse/document';
import { nodeAt, pathOf } from '../../../definitions/parse/tree';
import type { ObjectNode, PathSegment } from '../../../definitions/parse/tree';

export type CursorContext =
  | { kind: 'key'; path: PathSegment[]; object?: ObjectNode; start: number; end: number }
  | { kind: 'value'; path: PathSegment[]; start: number; end: number; quoted: boolean }
  | { kind: 'none' };

const NAME_CHAR = /[A-Za-z0-9_.$-]/;

function wordAround(text: string, offset: number): { start: number; end: number } {
  let s = offset;
  while (s > 0 && NAME_CHAR.test(text[s - 1]!)) s--;
  let e = offset;
  while (e < text.length && NAME_CHAR.test(text[e]!)) e++;
  return { start: s, end: e };
}

/** The completion context at an offset. */
export function cursorContext(doc: ParsedDocument, offset: number): CursorContext {
  const text = doc.text;
  const hit = nodeAt(doc.root, offset);
  if (hit?.keyOf) {
    const p = hit.keyOf;
    const q = text[p.keyStart] === '"' || text[p.keyStart] === "'";
    return { kind: 'key', path: pathOf(p.parent), object: p.parent, start: q ? p.keyStart + 1 : p.keyStart, end: q ? Math.max(p.keyStart + 1, p.keyEnd - 1) : p.keyEnd };
  }
  if (hit && hit.node.type === 'scalar' && hit.node.end > hit.node.start) {
    const n = hit.node;
    const q = n.quoted && (text[n.start] === '"' || text[n.start] === "'");
    return { kind: 'value', path: pathOf(n), start: q ? n.start + 1 : n.start, end: q ? Math.max(n.start + 1, n.end - 1) : n.end, quoted: q };
  }
  return doc.format === 'yaml' ? yamlLineContext(doc, offset) : jsonContext(doc, offset);
}

function jsonContext(doc: ParsedDocument, offset: number): CursorContext {
  const text = doc.text;
  const hit = nodeAt(doc.root, offset);
  const { start, end } = wordAround(text, offset);
  if (!hit) return doc.root ? { kind: 'none' } : { kind: 'key', path: [], start, end };
  const node = hit.node;
  const before = text.slice(Math.max(node.start, offset - 200), start);
  if (node.type === 'object') {
    const m = /"([^"\\]*)"\s*:\s*"?$/.exec(before);
    if (m) return { kind: 'value', path: [...pathOf(node), m[1]!], start, end, quoted: before.endsWith('"') };
    return { kind: 'key', path: pathOf(node), object: node, start, end };
  }
  if (node.type === 'array') {
    const index = node.items.filter((i) => i.end <= offset).length;
    return { kind: 'value', path: [...pathOf(node), index], start, end, quoted: before.endsWith('"') };
  }
  return { kind: 'none' };
}

interface LineInfo {
  start: number;
  indent: number;
  /** Column where the key starts (after "- "), or -1 when the line holds no key. */
  keyCol: number;
  dash: boolean;
  /** `key:` with nothing after it. */
  opens: boolean;
}

function lineInfo(text: string, start: number, end: number): LineInfo | undefined {
  const line = text.slice(start, end);
  if (!line.trim() || line.trimStart().startsWith('#')) return undefined;
  const m = /^(\s*)(-\s+)?(.*)$/.exec(line)!;
  const indent = m[1]!.length;
  const rest = m[3]!;
  const key = /^("[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:(\s|$)/.exec(rest);
  return {
    start,
    indent,
    dash: !!m[2],
    keyCol: key ? indent + (m[2]?.length ?? 0) : -1,
    opens: !!key && /:\s*(#.*)?$/.test(rest) && rest.trimEnd().endsWith(':'),
  };
}

/**
 * Where the line holding `offset` starts. (lastIndexOf treats a negative position as 0, so
 * a text that starts with a line break would otherwise put line 1 before offset 0.)
 */
function lineStartBefore(text: string, offset: number): number {
  return offset > 0 ? Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1 : 0;
}

function yamlLineContext(doc: ParsedDocument, offset: number): CursorContext {
  const text = doc.text;
  const lineStart = lineStartBefore(text, offset);
  const before = text.slice(lineStart, offset);
  const { start, end } = wordAround(text, offset);

  // `key: |` — a value for a key on this line.
  const v = /^(\s*)(-\s+)?([^\s#:][^:#]*?):\s+([^\s]*)$/.exec(before);
  if (v) {
    const keyOffset = lineStart + v[1]!.length + (v[2]?.length ?? 0);
    const kh = nodeAt(doc.root, keyOffset);
    if (kh?.keyOf) return { kind: 'value', path: [...pathOf(kh.keyOf.parent), kh.keyOf.key], start, end, quoted: false };
    return { kind: 'none' };
  }
  const k = /^(\s*)(-\s+)?([A-Za-z0-9_$-]*)$/.exec(before);
  if (!k) return { kind: 'none' };
  const col = k[1]!.length + (k[2]?.length ?? 0);
  const newItem = !!k[2];
  // Walk up the previous lines to a sibling key (same column) or the key that opens this block.
  let pos = lineStart;
  while (pos > 0) {
    const prevEnd = pos - 1 - (text[pos - 2] === '\r' ? 1 : 0);
    const prevStart = lineStartBefore(text, prevEnd);
    if (prevStart >= pos) break;
    pos = prevStart;
    const info = lineInfo(text, prevStart, prevEnd);
    if (!info) continue;
    if (!newItem && info.keyCol === col) {
      const kh = nodeAt(doc.root, info.start + info.keyCol);
      if (kh?.keyOf) return { kind: 'key', path: pathOf(kh.keyOf.parent), object: kh.keyOf.parent, start, end };
      return { kind: 'none' };
    }
    if (newItem && info.dash && info.indent === k[1]!.length) {
      // A sibling item of the list: this is the next item of the same list.
      const kh = nodeAt(doc.root, info.start + info.indent + 2);
      const item = kh?.keyOf ? kh.keyOf.parent : kh?.node;
      const arr = item?.parent;
      if (arr && arr.type === 'array') return { kind: 'key', path: [...pathOf(arr), arr.items.length], start, end };
      return { kind: 'none' };
    }
    const lineCol = info.dash ? info.indent : info.keyCol;
    if (info.keyCol >= 0 && info.opens && (info.indent < k[1]!.length || (newItem && info.indent === k[1]!.length))) {
      const kh = nodeAt(doc.root, info.start + info.keyCol);
      if (!kh?.keyOf) return { kind: 'none' };
      const base = [...pathOf(kh.keyOf.parent), kh.keyOf.key];
      const value = kh.keyOf.value;
      if (newItem) return { kind: 'key', path: [...base, value && value.type === 'array' ? value.items.length : 0], start, end };
      return { kind: 'key', path: base, ...(value && value.type === 'object' ? { object: value } : {}), start, end };
    }
    if (lineCol >= 0 && lineCol < col) return { kind: 'none' };
  }
  if (col === 0 && !newItem) {
    const root = doc.root && doc.root.type === 'object' ? doc.root : undefined;
    return { kind: 'key', path: [], ...(root ? { object: root } : {}), start, end };
  }
  return { kind: 'none' };
}
