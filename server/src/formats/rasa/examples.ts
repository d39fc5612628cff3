// Training examples as Rasa reads them: the lines of a block `examples: |` each starting
// with "- ", or a list of `{text: …}`; and the entity annotations inside an example,
// `[text](entity)`, `[text](entity:value)` and `[text]{"entity": …, "role": …, "value": …}`.
// Every piece keeps its exact offsets in the file, so a finding points at the name itself.
import type { Node, ScalarNode } from '../../definitions/index';

/** A string with the span of its text in the file. */
export interface Spanned {
  text: string;
  start: number;
  end: number;
}

/** One entity annotation in an example. */
export interface Annotation {
  /** The annotated words, as the user would type them. */
  words: Spanned;
  entity: Spanned;
  /** The value it maps to when it differs from the words (a synonym), as written. */
  value?: Spanned;
  role?: Spanned;
  group?: Spanned;
  /** Why the annotation cannot be read (bad JSON, no "entity"), when it cannot. */
  problem?: string;
  /** The whole annotation, brackets included. */
  start: number;
  end: number;
}

/** One example line. `text` is the example with its annotations replaced by their words. */
export interface Example {
  /** The example as written (after "- "), with its span. */
  raw: Spanned;
  /** What Rasa trains on: annotations replaced by their words. */
  text: string;
  annotations: Annotation[];
}

/** A line of a block scalar that does not start with "-": Rasa skips it. */
export interface BadLine extends Spanned {}

// Rasa's annotation grammar: [words] then (entity[:value]) or {json}; neither part may nest.
// Groups: 1 words, 2 entity, 3 value, 4 json. Read with exec and numbered groups: thousands
// of annotated examples are read on every edit of a large NLU file.
const ANNOTATION = /\[([^\]]+?)\](?:\(([^:)]+?)(?::([^)]+))?\)|\{([^}]+?)\})/g;

/** The entity annotations of an example whose text starts at `offset` in the file. */
export function parseAnnotations(raw: string, offset: number): { text: string; annotations: Annotation[] } {
  const annotations: Annotation[] = [];
  if (!raw.includes('[')) return { text: raw, annotations };
  let plain = '';
  let last = 0;
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(raw); m; m = ANNOTATION.exec(raw)) {
    const at = m.index;
    plain += raw.slice(last, at);
    last = at + m[0].length;
    const wordsText = m[1]!;
    const entity = m[2];
    const wordsAt = at + 1;
    const words: Spanned = { text: wordsText, start: offset + wordsAt, end: offset + wordsAt + wordsText.length };
    plain += wordsText;
    const a: Annotation = { words, entity: { text: '', start: offset + at, end: offset + last }, start: offset + at, end: offset + last };
    if (entity !== undefined) {
      const entityAt = wordsAt + wordsText.length + 2;
      a.entity = { text: entity, start: offset + entityAt, end: offset + entityAt + entity.length };
      const value = m[3];
      if (value !== undefined) {
        const valueAt = entityAt + entity.length + 1;
        a.value = { text: value, start: offset + valueAt, end: offset + valueAt + value.length };
      }
    } else {
      const bodyAt = wordsAt + wordsText.length + 2;
      readJsonAnnotation(a, m[4]!, offset + bodyAt);
    }
    annotations.push(a);
  }
  plain += raw.slice(last);
  return { text: plain, annotations };
}

/** Where the value of each field of a JSON annotation starts: after `"key"`, a colon and the opening quote. */
const FIELD_AT = { entity: /"entity"\s*:\s*"/, role: /"role"\s*:\s*"/, group: /"group"\s*:\s*"/, value: /"value"\s*:\s*"/ } as const;

/** Reads `{"entity": …}` (body without braces, starting at `offset`) into the annotation. */
function readJsonAnnotation(a: Annotation, body: string, offset: number): void {
  let data: unknown;
  try {
    data = JSON.parse(`{${body}}`);
  } catch {
    a.problem = `The annotation {${body}} is not valid JSON. Write it as {"entity": "name"} (double quotes, no trailing comma).`;
    return;
  }
  const obj = data as Record<string, unknown>;
  const field = (key: 'entity' | 'role' | 'group' | 'value'): Spanned | undefined => {
    const v = obj[key];
    if (typeof v !== 'string') return undefined;
    // The value's place in the body: after `"key"`, a colon and the opening quote.
    const m = FIELD_AT[key].exec(body);
    if (!m) return { text: v, start: offset, end: offset + body.length };
    const at = offset + m.index + m[0].length;
    const rawLen = JSON.stringify(v).length - 2;
    return { text: v, start: at, end: at + rawLen };
  };
  const entity = field('entity');
  if (!entity) {
    a.problem = `The annotation {${body}} names no "entity". Add "entity": "<name>".`;
    return;
  }
  a.entity = entity;
  for (const k of ['value', 'role', 'group'] as const) {
    const f = field(k);
    if (f) a[k] = f;
  }
}

/**
 * The examples of an `examples:` value: a block scalar's lines ("- text" each), or a list
 * of `{text: …}` mappings or plain strings. Lines of a block that do not start with "-" are
 * returned apart: Rasa skips them.
 */
export function readExamples(text: string, node: Node | null | undefined): { examples: Example[]; bad: BadLine[] } {
  const examples: Example[] = [];
  const bad: BadLine[] = [];
  if (!node) return { examples, bad };
  const one = (raw: Spanned): void => {
    // Most examples hold no annotation, which always starts with "[".
    if (!raw.text.includes('[')) {
      examples.push({ raw, text: raw.text, annotations: [] });
      return;
    }
    const { text: plain, annotations } = parseAnnotations(raw.text, raw.start);
    examples.push({ raw, text: plain, annotations });
  };
  if (node.type === 'scalar' && typeof node.value === 'string' && (text[node.start] === '|' || text[node.start] === '>')) {
    // A block scalar, line by line in the file (tens of thousands of examples: no regular
    // expression or copy per line): what the loop below does with blockLines' lines.
    const end = node.end;
    for (let at = text.indexOf('\n', node.start); at >= 0 && at < end; ) {
      const lineStart = at + 1;
      let nl = text.indexOf('\n', lineStart);
      if (nl < 0 || nl > end) nl = end;
      at = nl < end ? nl : -1;
      const lineEnd = nl > lineStart && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      let i = lineStart;
      while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
      if (i === lineEnd) continue;
      if (text.charCodeAt(i) !== 45) {
        bad.push({ text: text.slice(i, lineEnd), start: i, end: lineEnd });
        continue;
      }
      let j = i + 1;
      while (j < lineEnd && isBlank(text.charCodeAt(j))) j++;
      let k = lineEnd;
      while (k > j && (isBlank(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 13)) k--;
      if (k > j) one({ text: text.slice(j, k), start: j, end: k });
    }
  } else if (node.type === 'scalar' && typeof node.value === 'string') {
    for (const line of blockLines(text, node)) {
      const lead = /^[ \t]*/.exec(line.text)![0].length;
      const body = line.text.slice(lead);
      if (body === '') continue;
      if (!body.startsWith('-')) {
        bad.push({ text: body, start: line.start + lead, end: line.end });
        continue;
      }
      const after = body.slice(1);
      const skip = /^[ \t]*/.exec(after)![0].length;
      const value = after.slice(skip).replace(/[ \t\r]+$/, '');
      const start = line.start + lead + 1 + skip;
      if (value !== '') one({ text: value, start, end: start + value.length });
    }
  } else if (node.type === 'array') {
    for (const item of node.items) {
      const t = item.type === 'object' ? item.properties.find((p) => p.key === 'text')?.value : item;
      if (t && t.type === 'scalar' && typeof t.value === 'string') {
        const q = t.quoted ? 1 : 0;
        one({ text: t.value.trim(), start: t.start + q, end: t.end - q });
      }
    }
  }
  return { examples, bad };
}

/** A space or a tab. */
const isBlank = (c: number): boolean => c === 32 || c === 9;

/**
 * The lines of a scalar's value with their offsets in the file. For a block scalar (`|`,
 * `>`) the source lines after its indicator, which Rasa reads one by one; for a one-line
 * plain or quoted scalar, its text.
 */
export function blockLines(text: string, node: ScalarNode): Spanned[] {
  const out: Spanned[] = [];
  const src = text.slice(node.start, node.end);
  if (src.startsWith('|') || src.startsWith('>')) {
    let at = text.indexOf('\n', node.start);
    while (at >= 0 && at < node.end) {
      const lineStart = at + 1;
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > node.end) lineEnd = node.end;
      const raw = text.slice(lineStart, lineEnd).replace(/\r$/, '');
      out.push({ text: raw, start: lineStart, end: lineStart + raw.length });
      at = lineEnd < node.end ? lineEnd : -1;
    }
    return out;
  }
  // A plain or quoted multi-line value: Rasa splits its folded value; offsets fall back to the node.
  const q = node.quoted ? 1 : 0;
  for (const line of String(node.value).split('\n')) out.push({ text: line, start: node.start + q, end: node.end - q });
  return out;
}
