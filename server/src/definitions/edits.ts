// Small, format-aware text edits for quick fixes: add a key to a mapping, an item to a
// list, a section to a file. YAML block style keeps the file's indentation; JSON keeps
// its layout (one line or one entry per line).
import type { ParsedDocument } from './parse/document';
import type { ArrayNode, ObjectNode } from './parse/tree';
import type { FileEdit } from './types';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

const PLAIN_SAFE = /^[A-Za-z][A-Za-z0-9 _./-]*$/;
const YAML_WORDS = /^(true|false|null|yes|no|on|off|~)$/i;

function yamlScalar(v: string | number | boolean | null): string {
  if (typeof v !== 'string') return String(v);
  return PLAIN_SAFE.test(v) && !YAML_WORDS.test(v) && !v.endsWith(' ') ? v : JSON.stringify(v);
}

function yamlFlow(v: PlainValue): string {
  if (Array.isArray(v)) return `[${v.map(yamlFlow).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${yamlScalar(k)}: ${yamlFlow(x)}`).join(', ')} }`;
  return yamlScalar(v);
}

/** `key: value` in YAML block style; nested mappings go one level (2 spaces) deeper. */
function yamlEntry(key: string, v: PlainValue, indent: string): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const inner = indent + '  ';
    return `${yamlScalar(key)}:` + Object.entries(v).map(([k, x]) => `\n${inner}${yamlEntry(k, x, inner)}`).join('');
  }
  return `${yamlScalar(key)}: ${yamlFlow(v)}`;
}

function columnOf(text: string, offset: number): string {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  const head = text.slice(i, offset);
  // A key after "- " sits in a sequence item; its siblings share the column, written as spaces.
  return head.replace(/[^\s]/g, ' ');
}

function lineEndAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function isJson(doc: ParsedDocument): boolean {
  return doc.format !== 'yaml';
}

/** Adds `key: value` at the end of a mapping. */
export function addProperty(doc: ParsedDocument, obj: ObjectNode, key: string, value: PlainValue): FileEdit {
  const text = doc.text;
  const nl = eol(text);
  const last = obj.properties[obj.properties.length - 1];
  if (isJson(doc) || obj.flow) {
    const entry = isJson(doc) ? `${JSON.stringify(key)}: ${JSON.stringify(value)}` : `${yamlScalar(key)}: ${yamlFlow(value)}`;
    if (!last) return { file: doc.path, start: obj.start + 1, end: obj.start + 1, newText: isJson(doc) ? entry : ` ${entry} ` };
    const multiline = /[\r\n]/.test(text.slice(obj.start, last.keyStart));
    const sep = multiline ? `,${nl}${columnOf(text, last.keyStart)}` : ', ';
    return { file: doc.path, start: last.end, end: last.end, newText: sep + entry };
  }
  if (!last) return { file: doc.path, start: obj.start, end: obj.start, newText: yamlEntry(key, value, '') };
  const indent = columnOf(text, obj.properties[0]!.keyStart);
  const at = lineEndAfter(text, last.end);
  return { file: doc.path, start: at, end: at, newText: nl + indent + yamlEntry(key, value, indent).replace(/\n/g, nl) };
}

/** Appends an item to a list. */
export function appendItem(doc: ParsedDocument, arr: ArrayNode, value: PlainValue): FileEdit {
  const text = doc.text;
  const last = arr.items[arr.items.length - 1];
  const rendered = isJson(doc) ? JSON.stringify(value) : yamlFlow(value);
  if (isJson(doc) || arr.flow) {
    if (!last) return { file: doc.path, start: arr.start + 1, end: arr.start + 1, newText: rendered };
    return { file: doc.path, start: last.end, end: last.end, newText: `, ${rendered}` };
  }
  const first = arr.items[0]!;
  // The dash sits two columns before the first item's value in "- value".
  const indent = columnOf(text, first.start).slice(0, -2);
  const at = lineEndAfter(text, last.end);
  return { file: doc.path, start: at, end: at, newText: `${eol(text)}${indent}- ${rendered}` };
}

/** Adds a top-level section to a file that has none of that name. */
export function addSection(doc: ParsedDocument, key: string, value: PlainValue): FileEdit {
  const root = doc.root;
  if (root && root.type === 'object') return addProperty(doc, root, key, value);
  const nl = eol(doc.text);
  const at = doc.text.length;
  const lead = at > 0 && !doc.text.endsWith('\n') ? nl : '';
  const body = isJson(doc) ? `{${nl}  ${JSON.stringify(key)}: ${JSON.stringify(value)}${nl}}${nl}` : yamlEntry(key, value, '').replace(/\n/g, nl) + nl;
  return { file: doc.path, start: at, end: at, newText: lead + body };
}

/** Removes one item of a list: its whole line in a YAML block list, else the item and one comma. */
export function removeItem(doc: ParsedDocument, arr: ArrayNode, index: number): FileEdit {
  const text = doc.text;
  const item = arr.items[index]!;
  if (doc.format === 'yaml' && !arr.flow) {
    let start = item.start;
    while (start > 0 && text[start - 1] !== '\n') start--;
    let end = item.end;
    while (end < text.length && text[end] !== '\n') end++;
    return { file: doc.path, start, end: Math.min(text.length, end + 1), newText: '' };
  }
  const prev = arr.items[index - 1];
  const next = arr.items[index + 1];
  // Take the comma before the item (or, for the first one, the comma after it).
  if (prev) return { file: doc.path, start: prev.end, end: item.end, newText: '' };
  if (next) return { file: doc.path, start: item.start, end: next.start, newText: '' };
  return { file: doc.path, start: item.start, end: item.end, newText: '' };
}
