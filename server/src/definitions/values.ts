// Values set into a YAML or JSON file by key path ("action_endpoint.url", "models.0.url") or
// by JSON pointer ("/genericWebService/uri", for keys that hold dots), for an export resolved
// for one environment: only the value's own text changes, so the file's comments, quoting
// elsewhere and layout stay as they are.
import { parseDocument } from './parse/document';
import type { Node } from './parse/tree';

/** A value a key path may be set to. */
export type PlainScalar = string | number | boolean | null;

/** A key path's segments: a JSON pointer (RFC 6901: `/a/b`, `~1` a slash, `~0` a tilde) or dotted keys. */
function segments(path: string): string[] {
  if (!path.startsWith('/')) return path.split('.');
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The node at a key path (numeric segments index lists), or undefined. */
function nodeAtPath(root: Node | null, path: string): Node | undefined {
  let node: Node | null | undefined = root;
  for (const seg of segments(path)) {
    if (!node) return undefined;
    if (node.type === 'object') node = node.properties.find((p) => p.key === seg)?.value ?? undefined;
    else if (node.type === 'array' && /^\d+$/.test(seg)) node = node.items[Number(seg)];
    else return undefined;
    if (node === null) return undefined;
  }
  return node ?? undefined;
}

/** How a value is written in place of the old one: JSON text, which YAML reads alike. */
function render(value: PlainScalar): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : String(value);
}

/**
 * Sets each key path of `values` in the file's text. Paths the file does not have are
 * returned as missing (the export refuses them: a value the file has no place for is a
 * mistake), as is every path when the file cannot be parsed.
 */
export function applyValues(file: string, text: string, values: Readonly<Record<string, PlainScalar>>): { text: string; missing: string[] } {
  const doc = parseDocument(file, text);
  const broken = doc.syntax.some((f) => f.severity === 'error');
  const edits: { start: number; end: number; text: string }[] = [];
  const missing: string[] = [];
  for (const [path, value] of Object.entries(values)) {
    const node = broken ? undefined : nodeAtPath(doc.root, path);
    if (!node || node.type === 'opaque') {
      missing.push(path);
      continue;
    }
    edits.push({ start: node.start, end: node.end, text: render(value) });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, missing };
}
