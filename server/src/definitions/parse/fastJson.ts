// Strict JSON → the shared tree, fast: one pass over the character codes with an explicit
// stack, building the same nodes, properties and findings as parseJsonc (jsonc.ts) does for
// valid JSON. It gives up — returns undefined, and parseJsonc's scanner-driven parse runs,
// with its messages — at the first thing that is not plain valid JSON: a syntax error, a
// comment, a trailing comma, nesting past the limit, a key repeated in an object or a
// `__proto__` key (the findings those make are parseJsonc's). Exported bots are large, machine-written
// JSON (a LivePerson bot of 6,000 interactions is 10 MB in one file), which this reads several
// times faster.
import type { Finding } from '../types';
import { MAX_DEPTH } from './build';
import type { ArrayNode, Container, Node, ObjectNode, Property, ScalarNode } from './tree';

interface Frame {
  node: ObjectNode | ArrayNode;
  /** The keys of a large object, for the duplicate check (small ones are searched). */
  keys: Set<string> | undefined;
  /** The property whose value comes next, in an object. */
  prop: Property | null;
}

/** Up to this many keys, an object's keys are searched for a repeat; a Set takes over above it. */
const SMALL = 8;

const enum C {
  Space = 0x20,
  Tab = 0x09,
  Lf = 0x0a,
  Cr = 0x0d,
  Quote = 0x22,
  Backslash = 0x5c,
  Comma = 0x2c,
  Colon = 0x3a,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
  Minus = 0x2d,
  Zero = 0x30,
  Nine = 0x39,
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The tree of a strict JSON text, or undefined when it is not plain valid JSON (parseJsonc then says why). */
export function parseJsonFast(text: string): { root: Node | null; findings: Finding[] } | undefined {
  const n = text.length;
  const findings: Finding[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Frame[] = [];
  let root: Node | null = null;

  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== C.Space && c !== C.Lf && c !== C.Cr && c !== C.Tab) return;
      i++;
    }
  };

  /** A string token from i (at its opening quote): its value, or undefined when it is invalid. */
  const string = (): string | undefined => {
    const start = i + 1;
    let j = start;
    // Most strings have no escape: find the closing quote and slice.
    for (;;) {
      if (j >= n) return undefined;
      const c = text.charCodeAt(j);
      if (c === C.Quote) {
        i = j + 1;
        return text.slice(start, j);
      }
      if (c === C.Backslash) break;
      if (c < 0x20) return undefined;
      j++;
    }
    let out = text.slice(start, j);
    for (;;) {
      if (j >= n) return undefined;
      const c = text.charCodeAt(j);
      if (c === C.Quote) {
        i = j + 1;
        return out;
      }
      if (c < 0x20) return undefined;
      if (c !== C.Backslash) {
        const k = j;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === C.Quote || d === C.Backslash || d < 0x20) break;
          j++;
        }
        out += text.slice(k, j);
        continue;
      }
      const e = text.charCodeAt(j + 1);
      switch (e) {
        case 0x22:
          out += '"';
          break;
        case 0x5c:
          out += '\\';
          break;
        case 0x2f:
          out += '/';
          break;
        case 0x62:
          out += '\b';
          break;
        case 0x66:
          out += '\f';
          break;
        case 0x6e:
          out += '\n';
          break;
        case 0x72:
          out += '\r';
          break;
        case 0x74:
          out += '\t';
          break;
        case 0x75: {
          const hex = text.slice(j + 2, j + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
          out += String.fromCharCode(parseInt(hex, 16));
          j += 4;
          break;
        }
        default:
          return undefined;
      }
      j += 2;
    }
  };

  const attach = (node: Node): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = node;
      return;
    }
    node.parent = top.node as Container;
    if (top.node.type === 'object') {
      const p = top.prop!;
      p.value = node;
      node.property = p;
      p.end = node.end;
      top.prop = null;
    } else top.node.items.push(node);
  };

  /** A value starting at i; false when there is none that is valid. */
  const value = (): boolean => {
    const start = i;
    const c = text.charCodeAt(i);
    if (c === C.OpenBrace || c === C.OpenBracket) {
      if (stack.length >= MAX_DEPTH) return false;
      i++;
      if (c === C.OpenBrace) {
        const node: ObjectNode = { type: 'object', properties: [], flow: true, start, end: start + 1, parent: null, property: null };
        attach(node);
        stack.push({ node, keys: undefined, prop: null });
      } else {
        const node: ArrayNode = { type: 'array', items: [], flow: true, start, end: start + 1, parent: null, property: null };
        attach(node);
        stack.push({ node, keys: undefined, prop: null });
      }
      return true;
    }
    let v: ScalarNode['value'];
    if (c === C.Quote) {
      const s = string();
      if (s === undefined) return false;
      v = s;
    } else if (c === C.Minus || (c >= C.Zero && c <= C.Nine)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return false;
      i += m[0].length;
      v = Number(m[0]);
    } else if (text.startsWith('true', i)) {
      i += 4;
      v = true;
    } else if (text.startsWith('false', i)) {
      i += 5;
      v = false;
    } else if (text.startsWith('null', i)) {
      i += 4;
      v = null;
    } else return false;
    // A number or literal runs into no word character (jsonc-parser reads "truex" as one token).
    if (c !== C.Quote && i < n && /[\w.$]/.test(text[i]!)) return false;
    attach({ type: 'scalar', value: v, quoted: c === C.Quote, start, end: i, parent: null, property: null });
    return true;
  };

  const close = (end: number): void => {
    const f = stack.pop()!;
    f.node.end = end;
    if (f.node.property) f.node.property.end = end;
  };

  ws();
  if (i >= n || !value()) return undefined;
  for (;;) {
    const top = stack[stack.length - 1];
    if (!top) break;
    ws();
    if (i >= n) return undefined;
    const c = text.charCodeAt(i);
    if (top.node.type === 'object') {
      const empty = top.node.properties.length === 0;
      if (c === C.CloseBrace) {
        close(++i);
        continue;
      }
      if (!empty) {
        if (c !== C.Comma) return undefined;
        i++;
        ws();
      }
      if (text.charCodeAt(i) !== C.Quote) return undefined;
      const keyStart = i;
      const key = string();
      if (key === undefined) return undefined;
      // A repeated or reserved key is a finding: parseJsonc makes it.
      if (key === '__proto__') return undefined;
      const props = top.node.properties;
      if (top.keys) {
        if (top.keys.has(key)) return undefined;
        top.keys.add(key);
      } else {
        for (let k = 0; k < props.length; k++) if (props[k]!.key === key) return undefined;
        if (props.length >= SMALL) top.keys = new Set(props.map((p) => p.key)).add(key);
      }
      const prop: Property = { key, keyStart, keyEnd: i, value: null, start: keyStart, end: i, parent: top.node };
      props.push(prop);
      ws();
      if (text.charCodeAt(i) !== C.Colon) return undefined;
      i++;
      ws();
      top.prop = prop;
      if (i >= n || !value()) return undefined;
    } else {
      const empty = top.node.items.length === 0;
      if (c === C.CloseBracket) {
        close(++i);
        continue;
      }
      if (!empty) {
        if (c !== C.Comma) return undefined;
        i++;
        ws();
      }
      if (i >= n || !value()) return undefined;
    }
  }
  ws();
  // Anything after the one top-level value is parseJsonc's to report.
  if (i < n) return undefined;
  return { root, findings };
}
