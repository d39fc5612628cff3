// A fast path for the YAML that bot files are made of: block mappings and lists, plain
// and simply quoted scalars, literal block scalars (`|`, `|-`: Rasa's examples), one-line
// flow lists and mappings, comments. It reads such text several times faster than
// `yaml`'s general parser. At the first sign of anything else — a tab in indentation, an
// anchor, alias or tag, another block scalar, a multi-line scalar or flow collection, an
// escape sequence, an explicit key, a directive, a second document, deep nesting — it
// gives up, and the caller parses the text with `yaml`, which then also reports any error.
// A property test checks that whenever this path accepts a text, `yaml` accepts it too and
// builds the same tree.
import type { Finding } from '../types';
import { PropertyCollector } from './build';
import type { ArrayNode, Container, Node, ObjectNode, Property, ScalarNode } from './tree';

/** Thrown (and caught in this file) to hand the text to the full parser. */
class GiveUp {}
const GIVE_UP = new GiveUp();

/** Nesting at which the fast path leaves depth handling to the full parser. */
const DEPTH_LIMIT = 60;

// YAML 1.2 core schema, as `yaml` resolves plain scalars.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]|\r(?!\n)/;
/** A plain scalar may start with a digit, letter or most punctuation, but not with these. */
const NOT_PLAIN_START = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

function resolvePlain(s: string): string | number | boolean | null {
  const c = s.charCodeAt(0);
  // Only strings starting like a number, a null, a boolean or a float special can be one.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || s === '')) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT_SPECIAL.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/**
 * Parses bot-file YAML quickly, or returns undefined when the full parser must do it.
 * `plain` says the caller already knows the text holds nothing UNUSUAL (hazards.ts looks).
 */
export function parseYamlFast(text: string, plain = false): { root: Node | null; findings: Finding[] } | undefined {
  try {
    return new FastYaml(text, plain).parse();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

class FastYaml {
  private pos = 0;
  /** The last nextContentLine: from where, to where, and the column it returned. */
  private ahead = { from: -1, to: -1, col: -1 };
  private readonly findings: Finding[] = [];
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly plain: boolean,
  ) {}

  parse(): { root: Node | null; findings: Finding[] } {
    // Byte order marks, control characters, lone CRs and Unicode line separators are rare
    // and have their own rules; the full parser handles them.
    if (!this.plain && UNUSUAL.test(this.text)) throw GIVE_UP;
    const first = this.nextContentLine();
    if (first < 0) return { root: null, findings: this.findings };
    const t = this.text;
    if (t.startsWith('---', this.pos) || t[this.pos] === '%' || t.startsWith('...', this.pos)) throw GIVE_UP;
    const root = this.blockNode(first, null, null);
    if (this.nextContentLine() >= 0) throw GIVE_UP; // something left over, less indented than the root
    return { root, findings: this.findings };
  }

  /**
   * Moves to the content of the next line that has any (skipping blank and comment-only
   * lines) and returns its column, or -1 at the end. When pos already sits at the start of
   * a line's content, that line counts. Tabs in indentation give up.
   */
  private nextContentLine(): number {
    // Callers often look ahead and then ask again from the same place.
    if (this.pos === this.ahead.from) {
      this.pos = this.ahead.to;
      return this.ahead.col;
    }
    const from = this.pos;
    const col = this.scanContentLine();
    this.ahead = { from, to: this.pos, col };
    return col;
  }

  private scanContentLine(): number {
    const t = this.text;
    let i = this.pos;
    // Only spaces between the line start and pos: this line counts. Else go to the next.
    let k = i - 1;
    while (k >= 0 && t.charCodeAt(k) === 32) k--;
    if (k >= 0 && t.charCodeAt(k) !== 10) {
      const nl = t.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl + 1;
    } else i = k + 1;
    for (;;) {
      const start = i;
      while (t.charCodeAt(i) === 32) i++;
      if (i >= t.length) return -1;
      const c = t.charCodeAt(i);
      if (c === 9) throw GIVE_UP;
      if (c === 10 || c === 13 || c === 35) {
        const nl = t.indexOf('\n', i);
        if (nl < 0) return -1;
        i = nl + 1;
        continue;
      }
      this.pos = i;
      return i - start;
    }
  }

  /** Column of the line holding `pos`. */
  private column(p: number): number {
    let ls = p;
    while (ls > 0 && this.text.charCodeAt(ls - 1) !== 10) ls--;
    return p - ls;
  }

  private blockNode(col: number, parent: Container | null, property: Property | null): Node {
    if (++this.depth > DEPTH_LIMIT) throw GIVE_UP;
    const t = this.text;
    let node: Node;
    if (t[this.pos] === '-' && this.isBlankOrSpace(this.pos + 1)) node = this.blockSeq(col, parent, property);
    else if (this.keyEnd(this.pos) >= 0) node = this.blockMap(col, parent, property);
    else {
      node = this.inlineValue(parent, property);
      this.endOfLine();
    }
    this.depth--;
    return node;
  }

  /** Whether the character at i is a space, a line break or the end. */
  private isBlankOrSpace(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return i >= this.text.length || c === 32 || c === 10 || c === 13;
  }

  /**
   * If a block mapping key starts at i, the offset of its ':' (followed by a space or the
   * line end); else -1. Keys are plain names or simple quoted strings on one line.
   */
  private keyEnd(i: number): number {
    const t = this.text;
    const c = t[i]!;
    let j: number;
    if (c === '"' || c === "'") {
      j = t.indexOf(c, i + 1);
      const nl = t.indexOf('\n', i);
      if (j < 0 || (nl >= 0 && nl < j)) return -1;
      if (c === "'") while (j >= 0 && t[j + 1] === "'") j = t.indexOf("'", j + 2);
      if (j < 0 || (nl >= 0 && nl < j)) return -1;
      if (c === '"' && t.slice(i, j).includes('\\')) throw GIVE_UP;
      j++;
      while (t.charCodeAt(j) === 32) j++;
      return t[j] === ':' && this.isBlankOrSpace(j + 1) ? j : -1;
    }
    if (NOT_PLAIN_START.has(c)) return -1;
    for (j = i; j < t.length; j++) {
      const d = t.charCodeAt(j);
      if (d === 10 || d === 13) return -1;
      if (d === 9) throw GIVE_UP;
      if (d === 58 && this.isBlankOrSpace(j + 1)) return j; // ':'
      if (d === 35 && t.charCodeAt(j - 1) === 32) return -1; // ' #' comment
    }
    return -1;
  }

  private blockMap(col: number, parent: Container | null, property: Property | null): ObjectNode {
    const t = this.text;
    const obj: ObjectNode = { type: 'object', properties: [], flow: false, start: this.pos, end: this.pos, parent, property };
    const keys = new PropertyCollector(obj, this.findings);
    for (;;) {
      const colon = this.keyEnd(this.pos);
      if (colon < 0) throw GIVE_UP;
      const keyStart = this.pos;
      let keyEnd = colon;
      while (t.charCodeAt(keyEnd - 1) === 32) keyEnd--;
      const raw = t.slice(keyStart, keyEnd);
      const key = raw[0] === '"' ? raw.slice(1, -1) : raw[0] === "'" ? raw.slice(1, -1).replace(/''/g, "'") : raw;
      if (key === '' && raw[0] !== '"' && raw[0] !== "'") throw GIVE_UP;
      const prop: Property = { key, keyStart, keyEnd, value: null, start: keyStart, end: keyEnd, parent: obj };
      this.pos = colon + 1;
      prop.value = this.valueAfterIndicator(col, obj, prop, true);
      prop.end = Math.max(prop.keyEnd, prop.value.end);
      keys.add(prop);
      obj.end = prop.end;
      const next = this.nextContentLine();
      if (next < col) break; // end of file (-1) or a less indented line
      if (next > col) throw GIVE_UP;
      if (t[this.pos] === '-' && this.isBlankOrSpace(this.pos + 1)) break; // a list item at this column belongs to a parent
    }
    return obj;
  }

  private blockSeq(col: number, parent: Container | null, property: Property | null): ArrayNode {
    const t = this.text;
    const arr: ArrayNode = { type: 'array', items: [], flow: false, start: this.pos, end: this.pos, parent, property };
    for (;;) {
      this.pos++; // past '-'
      const item = this.valueAfterIndicator(col, arr, null, false);
      arr.items.push(item);
      arr.end = item.end;
      const next = this.nextContentLine();
      if (next < col) break;
      if (next > col) throw GIVE_UP;
      if (!(t[this.pos] === '-' && this.isBlankOrSpace(this.pos + 1))) break;
    }
    return arr;
  }

  /**
   * The value after `key:` or `-` at column `col`: on the same line, or on the following
   * more indented lines (and, for a key, a list at the key's own column), or nothing.
   */
  private valueAfterIndicator(col: number, parent: Container, property: Property | null, isKey: boolean): Node {
    const t = this.text;
    let i = this.pos;
    while (t.charCodeAt(i) === 32) i++;
    if (t.charCodeAt(i) === 9) throw GIVE_UP;
    const c = t.charCodeAt(i);
    const atEnd = i >= t.length || c === 10 || c === 13 || c === 35;
    if (!atEnd) {
      this.pos = i;
      // "- key: value" or "- - x" start a compact collection at this column.
      if (!isKey) {
        const c2 = this.column(i);
        if ((t[i] === '-' && this.isBlankOrSpace(i + 1)) || this.keyEnd(i) >= 0) return this.blockNode(c2, parent, property);
      } else if (t[i] === '-' && this.isBlankOrSpace(i + 1)) throw GIVE_UP; // "key: - x" is not YAML
      // A literal block scalar ends on a less indented line, which the caller reads next.
      if (t.charCodeAt(i) === 124) return this.literal(col, parent, property);
      const v = this.inlineValue(parent, property);
      this.endOfLine();
      // A more indented line after a scalar would continue it: the full parser decides.
      const save = this.pos;
      const next = this.nextContentLine();
      if (next > col) throw GIVE_UP;
      this.pos = save;
      return v;
    }
    // Nothing on this line: an empty value sits after the indicator and its spaces.
    const emptyAt = i;
    this.pos = i;
    const save = this.pos;
    const next = this.nextContentLine();
    if (next > col || (isKey && next === col && t[this.pos] === '-' && this.isBlankOrSpace(this.pos + 1))) {
      return this.blockNode(next, parent, property);
    }
    this.pos = save;
    return { type: 'scalar', value: null, quoted: false, start: emptyAt, end: emptyAt, parent, property };
  }

  /**
   * A literal block scalar at pos (`|` or `|-`, the examples of Rasa's training data): its
   * lines, indented as its first line with content, and more than `col`. It ends after its
   * last line with content (the line break included), and pos moves there. Anything rarer
   * gives up: folding (`>`), keeping trailing lines (`|+`), an indentation indicator, no
   * content, a tab in the indentation, or a line of spaces longer than the indentation.
   */
  private literal(col: number, parent: Container, property: Property | null): ScalarNode {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    const strip = t.charCodeAt(i) === 45; // '-'
    if (strip) i++;
    // The rest of the header line: spaces, and a comment after a space.
    const afterIndicator = i;
    while (t.charCodeAt(i) === 32) i++;
    if (t.charCodeAt(i) === 35 && i > afterIndicator) {
      const nl = t.indexOf('\n', i);
      i = nl < 0 ? t.length : nl;
    } else if (t.charCodeAt(i) === 13) i++; // CR LF (a lone CR never reaches the fast path)
    if (i >= t.length || t.charCodeAt(i) !== 10) throw GIVE_UP;
    const lines: string[] = [];
    let indent = -1;
    let leadingSpaces = 0;
    let lastContent = -1;
    let end = -1;
    for (let p = i + 1; p < t.length; ) {
      let s = p;
      while (t.charCodeAt(s) === 32) s++;
      const nl = t.indexOf('\n', s);
      const next = nl < 0 ? t.length : nl + 1;
      const c = t.charCodeAt(s);
      if (s >= t.length || c === 10 || c === 13) {
        // A line of spaces: an empty line of the text, unless it is longer than the indentation.
        if (indent < 0) leadingSpaces = Math.max(leadingSpaces, s - p);
        else if (s - p > indent) throw GIVE_UP;
        lines.push('');
        p = next;
        continue;
      }
      if (indent < 0) {
        indent = s - p;
        if (indent <= col || leadingSpaces > indent) throw GIVE_UP;
      }
      if (s - p < indent) {
        if (c === 9) throw GIVE_UP;
        break;
      }
      let lineEnd = nl < 0 ? t.length : nl;
      if (t.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      lines.push(t.slice(p + indent, lineEnd));
      lastContent = lines.length - 1;
      end = next;
      p = next;
    }
    if (lastContent < 0) throw GIVE_UP;
    lines.length = lastContent + 1;
    this.pos = end;
    return { type: 'scalar', value: strip ? lines.join('\n') : lines.join('\n') + '\n', quoted: true, start, end, parent, property };
  }

  /** After a value: only spaces and a comment may follow on the line. */
  private endOfLine(): void {
    const t = this.text;
    let i = this.pos;
    while (t.charCodeAt(i) === 32) i++;
    const c = t.charCodeAt(i);
    if (i < t.length && c !== 10 && c !== 13 && !(c === 35 && (t.charCodeAt(i - 1) === 32 || i === this.pos))) throw GIVE_UP;
    if (c === 35 && i === this.pos) throw GIVE_UP; // "value#x" would be part of the value
    if (c === 13 && t.charCodeAt(i + 1) !== 10) throw GIVE_UP; // a lone CR
    this.pos = i;
  }

  /** A scalar or a one-line flow collection in block context, at pos. */
  private inlineValue(parent: Container | null, property: Property | null): Node {
    const t = this.text;
    const c = t[this.pos]!;
    if (c === '[' || c === '{') return this.flow(parent, property);
    if (c === '"' || c === "'") return this.quoted(parent, property);
    if (NOT_PLAIN_START.has(c)) throw GIVE_UP;
    const start = this.pos;
    let end = start;
    for (let j = start; j < t.length; j++) {
      const d = t.charCodeAt(j);
      if (d === 10 || d === 13) break;
      if (d === 35 && (t.charCodeAt(j - 1) === 32 || t.charCodeAt(j - 1) === 9)) break;
      if (d === 58 && this.isBlankOrSpace(j + 1)) throw GIVE_UP; // "a: b: c"
      if (d === 9) throw GIVE_UP;
      if (d !== 32) end = j + 1;
    }
    this.pos = end;
    const raw = t.slice(start, end);
    return { type: 'scalar', value: resolvePlain(raw), quoted: false, start, end, parent, property };
  }

  private quoted(parent: Container | null, property: Property | null): ScalarNode {
    const t = this.text;
    const q = t[this.pos]!;
    const start = this.pos;
    let j = t.indexOf(q, start + 1);
    if (q === "'") while (j >= 0 && t[j + 1] === "'") j = t.indexOf("'", j + 2);
    const nl = t.indexOf('\n', start);
    if (j < 0 || (nl >= 0 && nl < j)) throw GIVE_UP; // multi-line or unterminated
    const inner = t.slice(start + 1, j);
    if (q === '"' && inner.includes('\\')) throw GIVE_UP;
    this.pos = j + 1;
    return { type: 'scalar', value: q === "'" ? inner.replace(/''/g, "'") : inner, quoted: true, start, end: j + 1, parent, property };
  }

  /** A flow list or mapping that closes on the same line. */
  private flow(parent: Container | null, property: Property | null): Node {
    if (++this.depth > DEPTH_LIMIT) throw GIVE_UP;
    const t = this.text;
    const open = t[this.pos]!;
    const start = this.pos;
    this.pos++;
    let node: ArrayNode | ObjectNode;
    if (open === '[') {
      const arr: ArrayNode = { type: 'array', items: [], flow: true, start, end: start, parent, property };
      node = arr;
      for (let first = true; ; first = false) {
        this.flowSpace();
        if (t[this.pos] === ']') {
          if (!first) throw GIVE_UP; // a trailing comma: leave it to the full parser
          break;
        }
        arr.items.push(this.flowItem(arr, null));
        this.flowSpace();
        if (t[this.pos] === ',') {
          this.pos++;
          continue;
        }
        if (t[this.pos] === ']') break;
        throw GIVE_UP;
      }
    } else {
      const obj: ObjectNode = { type: 'object', properties: [], flow: true, start, end: start, parent, property };
      node = obj;
      const keys = new PropertyCollector(obj, this.findings);
      for (let first = true; ; first = false) {
        this.flowSpace();
        if (t[this.pos] === '}') {
          if (!first) throw GIVE_UP;
          break;
        }
        const k = t[this.pos]!;
        let keyStart = this.pos;
        let keyEnd: number;
        let key: string;
        if (k === '"' || k === "'") {
          const s = this.quoted(null, null);
          keyStart = s.start;
          keyEnd = s.end;
          key = s.value as string;
        } else {
          if (NOT_PLAIN_START.has(k)) throw GIVE_UP;
          keyEnd = this.flowPlainEnd();
          key = t.slice(keyStart, keyEnd);
        }
        this.flowSpace();
        if (t[this.pos] !== ':') throw GIVE_UP;
        this.pos++;
        const prop: Property = { key, keyStart, keyEnd, value: null, start: keyStart, end: keyEnd, parent: obj };
        const afterColon = this.pos;
        this.flowSpace();
        const v = t[this.pos];
        if (v === ',' || v === '}') {
          // `{ key: }`: an empty value right after the colon and its spaces.
          prop.value = { type: 'scalar', value: null, quoted: false, start: this.pos, end: this.pos, parent: obj, property: prop };
          if (afterColon === this.pos && v === '}') prop.value.start = prop.value.end = this.pos;
        } else prop.value = this.flowItem(obj, prop);
        prop.end = Math.max(prop.keyEnd, prop.value.end);
        keys.add(prop);
        this.flowSpace();
        if (t[this.pos] === ',') {
          this.pos++;
          continue;
        }
        if (t[this.pos] === '}') break;
        throw GIVE_UP;
      }
    }
    this.pos++; // past the closing bracket
    node.end = this.pos;
    this.depth--;
    return node;
  }

  private flowSpace(): void {
    const t = this.text;
    while (t.charCodeAt(this.pos) === 32) this.pos++;
    const c = t.charCodeAt(this.pos);
    if (this.pos >= t.length || c === 10 || c === 13 || c === 9 || c === 35) throw GIVE_UP; // multi-line flow, tabs, comments
  }

  private flowItem(parent: Container, property: Property | null): Node {
    const t = this.text;
    const c = t[this.pos]!;
    if (c === '[' || c === '{') return this.flow(parent, property);
    if (c === '"' || c === "'") {
      const s = this.quoted(parent, property);
      const save = this.pos;
      this.flowSpace();
      if (t[this.pos] === ':') throw GIVE_UP; // a "key": value pair inside a flow list
      this.pos = save;
      return s;
    }
    if (NOT_PLAIN_START.has(c)) throw GIVE_UP;
    const start = this.pos;
    const end = this.flowPlainEnd();
    if (t[this.pos] === ':' && parent.type === 'array') throw GIVE_UP; // a key: value pair inside a flow list
    return { type: 'scalar', value: resolvePlain(t.slice(start, end)), quoted: false, start, end, parent, property };
  }

  /** Scans a plain scalar in flow context; leaves pos after it (and its spaces) and returns its end. */
  private flowPlainEnd(): number {
    const t = this.text;
    let end = this.pos;
    let j = this.pos;
    for (; j < t.length; j++) {
      const d = t.charCodeAt(j);
      if (d === 10 || d === 13 || d === 9) throw GIVE_UP;
      if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break; // , [ ] { }
      if (d === 58) {
        const n = t.charCodeAt(j + 1);
        if (n === 32 || n === 44 || n === 93 || n === 125 || j + 1 >= t.length || n === 10 || n === 13) break;
      }
      if (d === 35 && t.charCodeAt(j - 1) === 32) throw GIVE_UP;
      if (d !== 32) end = j + 1;
    }
    if (t[j] === '[' || t[j] === '{') throw GIVE_UP;
    this.pos = j;
    return end;
  }
}
