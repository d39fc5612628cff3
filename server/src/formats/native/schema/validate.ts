// The shape check: interprets the format's JSON Schema over the tree, with messages that
// say what to do and did-you-mean fixes. Depth is bounded by the parser, so recursion is safe.
import type { Node, ObjectNode } from '../../../definitions/parse/tree';
import { typeName } from '../../../definitions/parse/tree';
import { closest, requote } from '../../../definitions/text/didYouMean';
import type { Finding } from '../../../definitions/types';
import { BOT_SCHEMA, resolve, typesOf } from './schema';
import type { SchemaNode } from './schema';

const patterns = new Map<string, RegExp>();
function regex(p: string): RegExp {
  let r = patterns.get(p);
  if (!r) patterns.set(p, (r = new RegExp(p, 'u')));
  return r;
}

const ARTICLE: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'nothing',
};

function describeTypes(types: string[]): string {
  const words = types.map((t) => ARTICLE[t] ?? t);
  return words.length <= 1 ? (words[0] ?? 'a value') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Checks a file's tree against the format; findings carry file-less spans. */
export function validateShape(root: Node | null, text: string, findings: Finding[]): void {
  if (!root) return;
  check(root, BOT_SCHEMA, text, findings);
}

function accepts(types: string[], node: Node): boolean {
  const t = typeName(node);
  if (types.includes(t)) return true;
  if (t === 'number' && types.includes('integer')) return Number.isInteger((node as { value: number }).value);
  return false;
}

/** Where a diagnostic about a whole object goes: the key that holds it, else its first key. */
function objectSpan(node: Node): { start: number; end: number } {
  if (node.property) return { start: node.property.keyStart, end: node.property.keyEnd };
  if (node.type === 'object' && node.properties.length > 0) {
    const p = node.properties[0]!;
    return { start: p.keyStart, end: p.keyEnd };
  }
  return { start: node.start, end: Math.max(node.start + 1, Math.min(node.end, node.start + 1)) };
}

function check(node: Node, schema: SchemaNode, text: string, out: Finding[]): void {
  if (node.type === 'opaque') return;
  let s = resolve(schema);
  if (s.oneOf) {
    const branch = s.oneOf.find((b) => {
      const t = typesOf(b);
      return !t || accepts(t, node);
    });
    if (!branch) {
      wrongType(node, typesOf(s) ?? [], out);
      return;
    }
    s = branchOf(s, branch);
  }
  const types = typesOf(s);
  if (types && !accepts(types, node)) {
    wrongType(node, types, out);
    return;
  }
  if (node.type === 'scalar') {
    checkScalar(node.value, node.start, node.end, s, text, out);
    return;
  }
  if (node.type === 'array') {
    if (s.minItems !== undefined && node.items.length < s.minItems) {
      out.push({
        ...objectSpan(node),
        code: 'shape/too-few',
        message: `This list needs at least ${s.minItems} ${s.minItems === 1 ? 'entry' : 'entries'}. Add ${s.minItems === 1 ? 'one' : 'more'}.`,
      });
    }
    if (s.items) for (const item of node.items) check(item, s.items, text, out);
    return;
  }
  checkObject(node, s, text, out);
}

const branches = new WeakMap<SchemaNode, Map<SchemaNode, SchemaNode>>();

/** A oneOf branch with the annotations of the schema that holds it (made once per pair). */
function branchOf(s: SchemaNode, branch: SchemaNode): SchemaNode {
  let byBranch = branches.get(s);
  if (!byBranch) branches.set(s, (byBranch = new Map()));
  let b = byBranch.get(branch);
  if (!b) byBranch.set(branch, (b = { ...resolve(branch), description: s.description ?? resolve(branch).description }));
  return b;
}

function wrongType(node: Node, types: string[], out: Finding[]): void {
  const found = typeName(node);
  let hint = 'Change the value.';
  if (types.includes('string') && (found === 'number' || found === 'boolean')) hint = 'Put it in quotes to make it text.';
  else if (found === 'null') hint = 'Give it a value.';
  else if (types.includes('array') && found !== 'array') hint = 'Write it as a list ([a, b] or one "- item" per line).';
  else if (types.includes('object')) hint = 'Write it as a mapping of keys to values.';
  const span = found === 'null' && node.property && node.end === node.start ? objectSpan(node) : { start: node.start, end: node.end };
  out.push({ ...span, code: 'shape/wrong-type', message: `Expected ${describeTypes(types)} here, found ${ARTICLE[found] ?? found}. ${hint}` });
}

function checkScalar(value: unknown, start: number, end: number, s: SchemaNode, text: string, out: Finding[]): void {
  if (s.enum && !s.enum.includes(value)) {
    const options = s.enum.map(String);
    const guess = typeof value === 'string' ? closest(value, options) : undefined;
    out.push({
      start,
      end,
      code: 'shape/bad-value',
      message: `"${String(value)}" is not allowed here. Use one of: ${options.join(', ')}.${guess ? ` Did you mean "${guess}"?` : ''}`,
      ...(guess ? { fixes: [{ title: `Change to "${guess}"`, preferred: true, edits: [{ file: '', start, end, newText: requote(text, start, end, guess) }] }] } : {}),
    });
    return;
  }
  if (s.const !== undefined && value !== s.const) {
    out.push({ start, end, code: 'shape/bad-value', message: `Only ${JSON.stringify(s.const)} is allowed here. Write ${JSON.stringify(s.const)}.` });
    return;
  }
  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength) {
      out.push({ start, end: Math.max(end, start + 1), code: 'shape/empty', message: 'This text is empty. Write something, or remove the entry.' });
      return;
    }
    if (s.maxLength !== undefined && value.length > s.maxLength) {
      out.push({
        start,
        end: Math.min(end, start + 200),
        code: 'shape/too-long',
        message: `This text is ${value.length} characters long; at most ${s.maxLength} are allowed here. Shorten it.`,
      });
      return;
    }
    if (s.pattern && !regex(s.pattern).test(value)) {
      out.push({
        start,
        end,
        code: s['x-code'] ?? 'shape/bad-name',
        message: `"${value.length > 60 ? value.slice(0, 60) + '…' : value}" is not a valid name here. ${s.patternErrorMessage ?? `It must match ${s.pattern}.`}`,
      });
    }
  } else if (typeof value === 'number') {
    if ((s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum)) {
      out.push({ start, end, code: 'shape/bad-value', message: `${value} is out of range: use a value from ${s.minimum ?? '-∞'} to ${s.maximum ?? '∞'}.` });
    }
  }
}

function checkObject(node: ObjectNode, s: SchemaNode, text: string, out: Finding[]): void {
  const n = node.properties.length;
  if ((s.minProperties !== undefined && n < s.minProperties) || (s.maxProperties !== undefined && n > s.maxProperties)) {
    out.push({
      ...(n > (s.maxProperties ?? Infinity) ? { start: node.properties[1]!.keyStart, end: node.properties[n - 1]!.keyEnd } : objectSpan(node)),
      code: 'shape/key-count',
      message: s['x-message'] ?? `Expected ${s.minProperties ?? 0} to ${s.maxProperties ?? 'any number of'} keys here.`,
    });
  }
  if (s.required) {
    for (const key of s.required) {
      if (!node.properties.some((p) => p.key === key)) {
        out.push({ ...objectSpan(node), code: 'shape/missing-key', message: `${capital(s.title ?? 'this mapping')} needs the key "${key}". Add it.` });
      }
    }
  }
  for (const p of node.properties) {
    const known = s.properties?.[p.key];
    if (known) {
      if (p.value) check(p.value, known, text, out);
      continue;
    }
    if (s.propertyNames) checkScalar(p.key, p.keyStart, p.keyEnd, resolve(s.propertyNames), text, out);
    const extra = s.additionalProperties;
    if (extra === false) {
      const names = Object.keys(s.properties ?? {}).filter((k) => k !== '$schema');
      const guess = closest(p.key, names);
      out.push({
        start: p.keyStart,
        end: p.keyEnd,
        code: 'shape/unknown-key',
        message: `Unknown key "${p.key}" in ${s.title ?? 'this mapping'}. ${guess ? `Did you mean "${guess}"?` : `Use one of: ${names.join(', ')}.`}`,
        ...(guess ? { fixes: [{ title: `Change to "${guess}"`, preferred: true, edits: [{ file: '', start: p.keyStart, end: p.keyEnd, newText: requote(text, p.keyStart, p.keyEnd, guess) }] }] } : {}),
      });
    } else if (extra && typeof extra === 'object' && p.value) check(p.value, extra, text, out);
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
