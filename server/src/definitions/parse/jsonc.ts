// JSON with comments → tree. jsonc-parser's own tree builder recurses (10,000 nested
// arrays overflow the stack), so this drives its scanner with an explicit stack instead.
import { createScanner } from 'jsonc-parser';
import type { Finding } from '../types';
import { MAX_DEPTH, PropertyCollector, tooDeep } from './build';
import { parseJsonFast } from './fastJson';
import type { ArrayNode, Container, Node, ObjectNode, Property, ScalarNode } from './tree';

// jsonc-parser's SyntaxKind and ScanError are const enums, which isolated modules cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const NULL = 7;
const TRUE = 8;
const FALSE = 9;
const STRING = 10;
const NUMBER = 11;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;

const SCAN_ERRORS: Record<number, string> = {
  1: 'Unterminated comment. Close it with */.',
  2: 'Unterminated string. Add the closing quote.',
  3: 'Unterminated number. Complete the number.',
  4: 'Invalid unicode escape. Use \\u followed by four hex digits.',
  5: 'Invalid escape character. Escape a backslash as \\\\.',
  6: 'Invalid character in a string. Escape control characters (\\n, \\t).',
};

export interface JsoncOptions {
  /** `.json` files: comments and trailing commas are errors; `.jsonc` allows both. */
  strict: boolean;
}

interface ObjectFrame {
  node: ObjectNode;
  keys: PropertyCollector;
  state: 'key' | 'colon' | 'value' | 'comma';
  prop: Property | null;
  afterComma: boolean;
}
interface ArrayFrame {
  node: ArrayNode;
  state: 'value' | 'comma';
  afterComma: boolean;
}

type Frame = ObjectFrame | ArrayFrame;

/** Parses JSON(C) into the shared tree; recovers from errors like jsonc-parser does; never throws. */
export function parseJsonc(text: string, options: JsoncOptions): { root: Node | null; findings: Finding[] } {
  // Plain valid JSON (most bot files, and every export) takes the fast path; anything else is read here, with its messages.
  const fast = parseJsonFast(text);
  if (fast) return fast;
  const findings: Finding[] = [];
  const sc = createScanner(text, false);
  if (text.charCodeAt(0) === 0xfeff) sc.setPosition(1);
  const err = (start: number, end: number, message: string): void => {
    findings.push({ start, end: Math.max(end, start + 1 <= text.length ? start + 1 : start), severity: 'error', code: 'syntax/json', message });
  };

  const next = (): number => {
    for (;;) {
      const t = sc.scan();
      const e = sc.getTokenError();
      if (e) err(sc.getTokenOffset(), sc.getTokenOffset() + sc.getTokenLength(), SCAN_ERRORS[e] ?? 'Invalid token.');
      if (t === LINE_COMMENT || t === BLOCK_COMMENT) {
        if (options.strict) err(sc.getTokenOffset(), sc.getTokenOffset() + sc.getTokenLength(), 'Comments are not allowed in a .json file. Remove the comment, or rename the file to .jsonc.');
        continue;
      }
      if (t === LINE_BREAK || t === TRIVIA) continue;
      return t;
    }
  };

  const stack: Frame[] = [];
  /** Where the last comma was, to point at a trailing one. */
  let lastComma = 0;
  let root: Node | null = null;
  let rootDone = false;

  const attach = (node: Node): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = node;
      rootDone = true;
      return;
    }
    node.parent = top.node as Container;
    if (top.node.type === 'object') {
      const f = top as ObjectFrame;
      if (f.prop) {
        f.prop.value = node;
        node.property = f.prop;
        f.prop.end = node.end;
      }
    } else (top as ArrayFrame).node.items.push(node);
  };

  /** Skips a too-deep value to its matching close, returning its end. */
  const skipNested = (): number => {
    let depth = 1;
    for (;;) {
      const t = next();
      if (t === EOF) return text.length;
      if (t === OPEN_BRACE || t === OPEN_BRACKET) depth++;
      else if (t === CLOSE_BRACE || t === CLOSE_BRACKET) {
        if (--depth === 0) return sc.getTokenOffset() + 1;
      }
    }
  };

  /** Starts a value at the current token; returns false when the token cannot start one. */
  const startValue = (t: number): boolean => {
    const start = sc.getTokenOffset();
    const end = start + sc.getTokenLength();
    if (t === OPEN_BRACE || t === OPEN_BRACKET) {
      if (stack.length >= MAX_DEPTH) {
        const stop = skipNested();
        findings.push(tooDeep(start, start + 1));
        attach({ type: 'opaque', reason: 'too-deep', start, end: stop, parent: null, property: null });
        return true;
      }
      if (t === OPEN_BRACE) {
        const node: ObjectNode = { type: 'object', properties: [], flow: true, start, end, parent: null, property: null };
        attach(node);
        stack.push({ node, keys: new PropertyCollector(node, findings), state: 'key', prop: null, afterComma: false });
      } else {
        const node: ArrayNode = { type: 'array', items: [], flow: true, start, end, parent: null, property: null };
        attach(node);
        stack.push({ node, state: 'value', afterComma: false });
      }
      return true;
    }
    let value: ScalarNode['value'];
    if (t === STRING) value = sc.getTokenValue();
    else if (t === NUMBER) value = Number(sc.getTokenValue());
    else if (t === TRUE) value = true;
    else if (t === FALSE) value = false;
    else if (t === NULL) value = null;
    else return false;
    attach({ type: 'scalar', value, quoted: t === STRING, start, end, parent: null, property: null });
    return true;
  };

  const close = (endOffset: number): void => {
    const f = stack.pop()!;
    f.node.end = endOffset;
    if (f.node.property) f.node.property.end = endOffset;
  };

  const trailing = (f: Frame): void => {
    if (f.afterComma && options.strict) err(lastComma, lastComma + 1, 'Trailing comma. Remove it (or rename the file to .jsonc, which allows them).');
  };

  for (;;) {
    const t = next();
    const start = sc.getTokenOffset();
    const end = start + sc.getTokenLength();
    const top = stack[stack.length - 1];
    if (t === EOF) {
      if (top) err(text.length, text.length, `Expected "${top.node.type === 'object' ? '}' : ']'}" before the end of the file. Close what is open.`);
      while (stack.length) close(text.length);
      if (!rootDone) err(0, 0, 'The file is empty. A bot file holds one object, such as { "intents": [] }.');
      break;
    }
    if (!top) {
      if (rootDone) {
        err(start, end, 'Only one value may be at the top level. Remove what follows it.');
        break;
      }
      if (!startValue(t)) err(start, end, 'Expected a value ({, [, a string, a number, true, false or null).');
      continue;
    }
    if (top.node.type === 'object') {
      const f = top as ObjectFrame;
      switch (f.state) {
        case 'key':
          if (t === STRING) {
            const prop: Property = { key: sc.getTokenValue(), keyStart: start, keyEnd: end, value: null, start, end, parent: f.node };
            f.keys.add(prop);
            f.prop = prop;
            f.state = 'colon';
          } else if (t === CLOSE_BRACE) {
            trailing(f);
            close(end);
          } else err(start, end, 'Expected a property name in double quotes. Quote the name.');
          f.afterComma = false;
          break;
        case 'colon':
          if (t === COLON) f.state = 'value';
          else {
            err(start, end, 'Expected ":" after the property name. Add it.');
            if (t === CLOSE_BRACE) close(end);
            else if (t === COMMA) f.state = 'key';
            else if (startValue(t)) f.state = 'comma';
          }
          break;
        case 'value':
          f.state = 'comma';
          if (!startValue(t)) {
            err(start, end, 'Expected a value. Add one, such as "text", 1, true or [].');
            if (t === CLOSE_BRACE) close(end);
            else if (t === COMMA) f.state = 'key';
          }
          break;
        case 'comma':
          if (t === COMMA) {
            f.state = 'key';
            f.afterComma = true;
            lastComma = start;
          } else if (t === CLOSE_BRACE) close(end);
          else {
            err(start, end, 'Expected "," or "}". Add the missing comma.');
            if (t === STRING) {
              const prop: Property = { key: sc.getTokenValue(), keyStart: start, keyEnd: end, value: null, start, end, parent: f.node };
              f.keys.add(prop);
              f.prop = prop;
              f.state = 'colon';
            }
          }
          break;
      }
    } else {
      const f = top as ArrayFrame;
      if (f.state === 'value') {
        if (t === CLOSE_BRACKET) {
          trailing(f);
          close(end);
        } else if (startValue(t)) f.state = 'comma';
        else err(start, end, 'Expected a value. Add one, such as "text", 1, true or [].');
        f.afterComma = false;
      } else if (t === COMMA) {
        f.state = 'value';
        f.afterComma = true;
        lastComma = start;
      } else if (t === CLOSE_BRACKET) close(end);
      else {
        err(start, end, 'Expected "," or "]". Add the missing comma.');
        startValue(t);
      }
    }
  }
  return { root, findings };
}
