// Where the cursor is in a Rasa YAML file, for completion: the value of some key, an item of
// some list or a key of some mapping, with the path from the file's root (`stories.3.steps.0.
// intent`). Works on the tree where it has the line, and on the text of the lines above
// where YAML being typed (`- intent: `, `- `) has no node yet.
import type { ObjectNode, ParsedDocument, PathSegment } from '../../../definitions/index';
import { nodeAt, pathOf } from '../../../definitions/index';

export interface CursorContext {
  /** `value`: of the last key of `path`; `item`: a new or typed item of the list at `path`; `key`: a key of the mapping at `path`. */
  mode: 'value' | 'item' | 'key';
  path: PathSegment[];
  /** `path` with list indexes as `#`, joined by dots, for matching. */
  pattern: string;
  /** The word to replace (inside quotes when quoted). */
  start: number;
  end: number;
  /** The mapping the key of a value sits in, when known (its siblings). */
  parent?: ObjectNode;
}

const WORD = /[A-Za-z0-9_\-/.]/;

export function patternOf(path: readonly PathSegment[]): string {
  return path.map((p) => (typeof p === 'number' ? '#' : p)).join('.');
}

function lineStartOf(text: string, offset: number): number {
  return offset > 0 ? Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1 : 0;
}

/** The word around the cursor. */
export function wordAt(text: string, offset: number): { start: number; end: number } {
  let s = offset;
  while (s > 0 && WORD.test(text[s - 1]!)) s--;
  let e = offset;
  while (e < text.length && WORD.test(text[e]!)) e++;
  return { start: s, end: e };
}

interface LineShape {
  start: number;
  indent: number;
  /** Column after the dashes (`- - key`), or the indent. */
  keyCol: number;
  dash: boolean;
  key?: string;
}

function shape(text: string, start: number, end: number): LineShape | undefined {
  const line = text.slice(start, end);
  if (!line.trim() || /^\s*#/.test(line)) return undefined;
  const m = /^(\s*)((?:-(?:\s+|$))*)(.*)$/.exec(line)!;
  const key = /^("[^"]*"|'[^']*'|[^\s#'"-][^:#]*?)\s*:(\s|$)/.exec(m[3]!);
  const out: LineShape = { start, indent: m[1]!.length, keyCol: m[1]!.length + m[2]!.length, dash: m[2]!.length > 0 };
  if (key) out.key = key[1]!.replace(/^["']|["']$/g, '');
  return out;
}

/** The lines above `lineStart`, nearest first. */
function* linesAbove(text: string, lineStart: number): Generator<LineShape> {
  let pos = lineStart;
  while (pos > 0) {
    const prevEnd = pos - 1 - (text[pos - 2] === '\r' ? 1 : 0);
    const prevStart = lineStartOf(text, prevEnd);
    if (prevStart >= pos) return;
    pos = prevStart;
    const s = shape(text, prevStart, prevEnd);
    if (s) yield s;
  }
}

/**
 * The path of the container a line's content at column `col` belongs to: for an item (`- …`
 * at `col`), the list; for a key at `col`, the mapping. Found from the nearest line above
 * that is a sibling or opens the block.
 */
function containerAbove(doc: ParsedDocument, lineStart: number, col: number, item: boolean): { path: PathSegment[]; parent?: ObjectNode } | undefined {
  const text = doc.text;
  for (const l of linesAbove(text, lineStart)) {
    if (item) {
      if (l.dash && l.indent === col) {
        // A sibling item: the same list.
        const hit = nodeAt(doc.root, l.start + l.keyCol);
        let n = hit?.keyOf ? hit.keyOf.parent : hit?.node;
        while (n && n.parent && n.parent.type !== 'array') n = n.parent;
        const list = n?.parent;
        return list && list.type === 'array' ? { path: [...pathOf(list), list.items.length] } : undefined;
      }
      if (l.key !== undefined && (l.keyCol < col || (l.keyCol === col && !l.dash))) {
        const hit = nodeAt(doc.root, l.start + l.keyCol);
        if (!hit?.keyOf) return undefined;
        const v = hit.keyOf.value;
        return { path: [...pathOf(hit.keyOf.parent), hit.keyOf.key, v && v.type === 'array' ? v.items.length : 0] };
      }
      if (l.indent < col) return undefined;
      continue;
    }
    if (l.key !== undefined && l.keyCol === col) {
      // A sibling key: the same mapping.
      const hit = nodeAt(doc.root, l.start + l.keyCol);
      return hit?.keyOf ? { path: pathOf(hit.keyOf.parent), parent: hit.keyOf.parent } : undefined;
    }
    if (l.key !== undefined && l.keyCol < col) {
      const hit = nodeAt(doc.root, l.start + l.keyCol);
      if (!hit?.keyOf) return undefined;
      const v = hit.keyOf.value;
      return { path: [...pathOf(hit.keyOf.parent), hit.keyOf.key], ...(v && v.type === 'object' ? { parent: v } : {}) };
    }
    if (l.indent < col) return undefined;
  }
  return col === 0 && !item ? { path: [] } : undefined;
}

function make(mode: CursorContext['mode'], path: PathSegment[], word: { start: number; end: number }, parent?: ObjectNode): CursorContext {
  const c: CursorContext = { mode, path, pattern: patternOf(path), start: word.start, end: word.end };
  if (parent) c.parent = parent;
  return c;
}

/** The completion context at an offset, or undefined where nothing is completed (comments, block texts). */
export function cursorContext(doc: ParsedDocument, offset: number): CursorContext | undefined {
  const text = doc.text;
  const lineStart = lineStartOf(text, offset);
  const before = text.slice(lineStart, offset);
  const word = wordAt(text, offset);
  if (word.start < lineStart) word.start = lineStart;

  // `key: value` — the value of a key on this line.
  const v = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[^\s#'"-][^:#]*?)\s*:\s+["']?[A-Za-z0-9_\-/.]*$/.exec(before);
  if (v) {
    const col = v[1]!.length + v[2]!.length;
    const key = v[3]!.replace(/^["']|["']$/g, '');
    const hit = nodeAt(doc.root, lineStart + col);
    if (hit?.keyOf && hit.keyOf.key === key) return make('value', [...pathOf(hit.keyOf.parent), key], word, hit.keyOf.parent);
    const c = v[2] ? containerAbove(doc, lineStart, v[1]!.length, true) : containerAbove(doc, lineStart, col, false);
    return make('value', [...(c?.path ?? []), key], word, c?.parent);
  }
  // `- item` — an item of a list.
  const it = /^(\s*)((?:-\s+)+)["']?[A-Za-z0-9_\-/.]*$/.exec(before);
  if (it) {
    const hit = nodeAt(doc.root, offset);
    const n = hit && !hit.keyOf ? hit.node : undefined;
    if (n && n.type === 'scalar' && n.parent?.type === 'array' && n.start <= offset) return make('item', pathOf(n), word);
    const c = containerAbove(doc, lineStart, it[1]!.length, true);
    return c ? make('item', c.path, word) : undefined;
  }
  // `key` — a key being typed in a mapping.
  const k = /^(\s*)["']?[A-Za-z0-9_\-/.]*$/.exec(before);
  if (k) {
    const c = containerAbove(doc, lineStart, k[1]!.length, false);
    return c ? make('key', c.path, word, c.parent) : undefined;
  }
  return undefined;
}
