// YAML → tree. `yaml`'s Parser builds the CST, which we trim to MAX_DEPTH (its Composer
// recurses, and catching a stack overflow is no plan); the Composer then gives precise
// errors and node ranges. Its own duplicate-key check is quadratic, so it is off and the
// tree builder finds duplicates with a Map. Aliases are never expanded.
import type * as Yaml from 'yaml';
import type { CST } from 'yaml';
import type { Finding } from '../types';
import { MAX_DEPTH, PropertyCollector, tooDeep } from './build';
import { parseYamlFast } from './fastYaml';
import type { ArrayNode, Container, Node, ObjectNode, OpaqueNode, Property } from './tree';

/** `yaml`, loaded on first use: the fast path reads nearly every bot file without it. */
let yamlLib: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlLib ??= require('yaml') as typeof Yaml);

/** Tags that only restate a core type; any other tag is reported and ignored. */
const KNOWN_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

/** What to do about each of `yaml`'s error codes, appended to its message. */
const HINTS: Record<string, string> = {
  BAD_INDENT: 'Check the indentation: the entries of one mapping or list start in the same column.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line: is a colon, a dash or a closing quote missing above?',
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  MISSING_CHAR: 'Add the missing character.',
  BAD_SCALAR_START: 'Quote the value: it starts with a character YAML reserves.',
  UNEXPECTED_TOKEN: 'Quote the value if it contains YAML punctuation, or check the line above.',
  BLOCK_AS_IMPLICIT_KEY: 'A key cannot be a mapping or a list; check the indentation.',
  BAD_DQ_ESCAPE: 'Fix the escape sequence or use single quotes.',
  KEY_OVER_1024_CHARS: 'Shorten the key.',
  MULTIPLE_ANCHORS: 'Keep one anchor.',
  MULTIPLE_TAGS: 'Keep one tag.',
  BAD_DIRECTIVE: 'Remove the directive; bot files need none.',
};

export interface YamlParse {
  root: Node | null;
  findings: Finding[];
}

/** Parses YAML text into the shared tree; every problem becomes a finding, nothing throws. `plain`: see parseYamlFast. */
export function parseYaml(text: string, plain = false): YamlParse {
  // Bot files are nearly always plain block YAML, which the fast path reads several times faster.
  return parseYamlFast(text, plain) ?? parseYamlFull(text);
}

/** Parses with `yaml`'s own parser and composer: any YAML, with its precise errors. */
export function parseYamlFull(text: string): YamlParse {
  const findings: Finding[] = [];
  const cut = new Set<number>();
  const tokens: CST.Token[] = [];
  for (const tok of new (yaml().Parser)().parse(text)) {
    if (tok.type === 'document') limitDepth(tok, cut, findings);
    tokens.push(tok);
  }
  const composer = new (yaml().Composer)({ uniqueKeys: false, prettyErrors: false });
  let root: Node | null = null;
  let docIndex = 0;
  for (const doc of composer.compose(tokens, true, text.length)) {
    for (const e of doc.errors) findings.push(braceHint(yamlError(e.code, e.message, e.pos, text.length), text));
    for (const w of doc.warnings) {
      if (w.code === 'TAG_RESOLVE_FAILED') continue; // reported by the tree builder, with its own words
      findings.push({ ...yamlError(w.code, w.message, w.pos, text.length), severity: 'warning' });
    }
    if (docIndex === 0) {
      root = doc.contents ? convert(doc.contents, null, null, findings, cut) : null;
      if (root) trimEnds(root);
    } else if (docIndex === 1) {
      const at = doc.range[0];
      findings.push({
        start: at,
        end: Math.min(text.length, at + 3),
        severity: 'error',
        code: 'syntax/multiple-documents',
        message: 'A bot file holds one YAML document; everything after this "---" is ignored. Move it to a file of its own.',
      });
    }
    docIndex++;
  }
  return { root, findings };
}

function yamlError(code: string, message: string, pos: [number, number], len: number): Finding {
  const start = Math.min(pos[0], len);
  const end = Math.max(start, Math.min(pos[1] > pos[0] ? pos[1] : pos[0] + 1, len));
  const hint = HINTS[code] ?? 'Fix the YAML syntax here.';
  const text = message.replace(/\s+$/, '').replace(/[.:]$/, '');
  return { start, end, severity: 'error', code: 'syntax/yaml', message: `${text}. ${hint}` };
}

const MAP_MARK = Symbol('pair as map');

/** The commonest YAML slip in bot files: `[I want a {size} pizza]`, where `{` opens a mapping. */
function braceHint(f: Finding, text: string): Finding {
  const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
  let lineEnd = text.indexOf('\n', f.start);
  if (lineEnd < 0) lineEnd = text.length;
  if (/\[[^\]\n]*\{[A-Za-z_]/.test(text.slice(lineStart, lineEnd))) {
    f.message += ' A {slot} inside [ … ] starts a YAML mapping: quote the text ("… {size} …") or write one item per line (- … {size} …).';
  }
  return f;
}

/**
 * A block collection ends where its last entry does (`yaml` counts trailing comments and
 * line breaks in); so does a property. Children are settled before their parents.
 */
function trimEnds(root: Node): void {
  const order: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    if (n.type === 'object') for (const p of n.properties) if (p.value) stack.push(p.value);
    if (n.type === 'array') for (const i of n.items) stack.push(i);
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k]!;
    if (n.type === 'object') {
      for (const p of n.properties) p.end = Math.max(p.keyEnd, p.value ? p.value.end : p.keyEnd);
      const last = n.properties[n.properties.length - 1];
      if (!n.flow && last) n.end = last.end;
    } else if (n.type === 'array' && !n.flow) {
      const last = n.items[n.items.length - 1];
      if (last) n.end = last.end;
    }
  }
}

type Owner = { value?: CST.Token | null; key?: CST.Token | null };

/** Replaces every collection nested deeper than MAX_DEPTH with an empty scalar; iterative. */
function limitDepth(doc: CST.Document, cut: Set<number>, findings: Finding[]): void {
  const owners: Owner[] = [doc as Owner];
  const fields: ('value' | 'key')[] = ['value'];
  const depths: number[] = [0];
  while (owners.length) {
    const owner = owners.pop()!;
    const field = fields.pop()!;
    const depth = depths.pop()!;
    const tok = owner[field];
    if (!tok || (tok.type !== 'block-map' && tok.type !== 'block-seq' && tok.type !== 'flow-collection')) continue;
    if (depth >= MAX_DEPTH) {
      owner[field] = { type: 'scalar', offset: tok.offset, indent: tok.indent, source: '' };
      cut.add(tok.offset);
      findings.push(tooDeep(tok.offset, tok.offset + 1));
      continue;
    }
    for (const item of tok.items as Owner[]) {
      if (item.key) {
        owners.push(item);
        fields.push('key');
        depths.push(depth + 1);
      }
      if (item.value) {
        owners.push(item);
        fields.push('value');
        depths.push(depth + 1);
      }
    }
  }
}

function convert(n: unknown, parent: Container | null, property: Property | null, findings: Finding[], cut: Set<number>): Node {
  const range = (n as { range?: [number, number, number] | null }).range ?? [0, 0, 0];
  const base = { start: range[0], end: range[1], parent, property };
  const tag = (n as { tag?: string }).tag;
  if (tag && !KNOWN_TAGS.has(tag)) {
    findings.push({
      start: range[0],
      end: range[1] > range[0] ? range[1] : range[0] + 1,
      severity: 'warning',
      code: 'syntax/unknown-tag',
      message: `The tag ${tag} means nothing in a bot file and is ignored. Remove it.`,
    });
  }
  if (yaml().isScalar(n)) {
    if (cut.has(range[0]) && n.value === null) return { type: 'opaque', reason: 'too-deep', ...base };
    let v = n.value;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean' && v !== null) v = String(n.source ?? v);
    return { type: 'scalar', value: v as string | number | boolean | null, quoted: n.type !== 'PLAIN', ...base };
  }
  if (yaml().isMap(n) || (n as Record<symbol, unknown>)[MAP_MARK]) {
    const m = n as { items: unknown[]; flow?: boolean };
    const obj: ObjectNode = { type: 'object', properties: [], flow: m.flow === true, ...base };
    const keys = new PropertyCollector(obj, findings);
    for (const pair of m.items) {
      if (!yaml().isPair(pair)) continue;
      const k = pair.key;
      if (!yaml().isScalar(k)) {
        const kr = (k as { range?: [number, number, number] } | null)?.range;
        findings.push({
          start: kr?.[0] ?? range[0],
          end: kr?.[1] ?? range[0] + 1,
          severity: 'error',
          code: 'syntax/complex-key',
          message: 'Keys in a bot file are plain names; this key is a mapping, a list or an alias. Write a name.',
        });
        continue;
      }
      const kr = k.range ?? [range[0], range[0], range[0]];
      const key = typeof k.value === 'string' ? k.value : String(k.source ?? k.value ?? '');
      const prop: Property = { key, keyStart: kr[0], keyEnd: kr[1], value: null, start: kr[0], end: kr[1], parent: obj };
      if (pair.value !== null && pair.value !== undefined) {
        prop.value = convert(pair.value, obj, prop, findings, cut);
        prop.end = Math.max(prop.end, prop.value.end);
      }
      keys.add(prop);
    }
    return obj;
  }
  if (yaml().isSeq(n)) {
    const arr: ArrayNode = { type: 'array', items: [], flow: n.flow === true, ...base };
    for (const item of n.items) {
      if (item === null || item === undefined) continue;
      // `[a: 1]` holds a bare pair; treat it as the one-key mapping it means.
      const value = yaml().isPair(item) ? { items: [item], range: (item.key as { range?: unknown } | null)?.range, flow: true, [MAP_MARK]: true } : item;
      arr.items.push(convert(value, arr, null, findings, cut));
    }
    return arr;
  }
  if (yaml().isAlias(n)) {
    findings.push({
      start: range[0],
      end: range[1],
      severity: 'warning',
      code: 'syntax/alias',
      message: `Aliases (*${n.source}) are not expanded in bot files, so this value is ignored. Write the value out in full; text or a glob that starts with * must be quoted ("*.yaml").`,
    });
  }
  const opaque: OpaqueNode = { type: 'opaque', reason: 'alias', ...base };
  return opaque;
}
