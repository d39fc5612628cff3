// Whether a JSON text is a LivePerson Conversation Builder bot export, from its top-level
// keys alone: an object whose keys include `bot` and `conversationMessage`, the keys met
// before both being keys an export has. The text is skimmed, never parsed: strings are
// jumped over, nesting is counted, and the skim stops as soon as it can tell (an export's
// fifth key is `conversationMessage`; any other JSON file is told by its first key). It is
// lenient where a person typing makes the JSON wrong for a moment (a missing comma, a stray
// colon), so an export being edited stays an export. Light: index.ts runs it on every
// candidate file, discovery on the beginning of every `*.json` in a folder no bot holds.

/** The top-level keys of an export (FORMATS.md §11), in the order Conversation Builder writes them. */
export const EXPORT_KEYS: ReadonlySet<string> = new Set([
  'hash',
  'bot',
  'responder',
  'requiredContext',
  'conversationMessage',
  'menus',
  'groups',
  'globalFunctions',
  'platforms',
  'associatedDomains',
  'associatedIntents',
  'dialogTemplates',
]);

/** 'yes' or 'no' when the text tells, 'more' when it ends (a beginning only) before it does. */
export function skimExport(text: string, partial: boolean): 'yes' | 'no' | 'more' {
  const n = text.length;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i >= n) return partial ? 'more' : 'no';
  if (text.charCodeAt(i) !== 0x7b /* { */) return 'no';
  i++;
  let depth = 1;
  let sawBot = false;
  let sawMessages = false;
  let first = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const close = stringEnd(text, i + 1);
      if (close < 0) return partial ? 'more' : 'no';
      if (depth === 1) {
        // A key at the top level when a colon follows it.
        let j = close + 1;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (j >= n) return partial ? 'more' : 'no';
        if (text.charCodeAt(j) === 0x3a /* : */) {
          const key = text.slice(i + 1, close);
          if (first && !EXPORT_KEYS.has(key)) return 'no';
          first = false;
          if (key === 'bot') sawBot = true;
          else if (key === 'conversationMessage') sawMessages = true;
          if (sawBot && sawMessages) return 'yes';
        }
      }
      i = close + 1;
      continue;
    }
    if (c === 0x7b || c === 0x5b /* { [ */) depth++;
    else if (c === 0x7d || c === 0x5d /* } ] */) {
      depth--;
      if (depth <= 0) return 'no';
    }
    i++;
  }
  return partial ? 'more' : 'no';
}

/** The index of the quote that closes a string whose text starts at `from`, or -1. */
function stringEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return -1;
    // The quote is escaped when an odd number of backslashes stands before it.
    let b = q - 1;
    while (b >= from && text.charCodeAt(b) === 0x5c) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    i = q + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Where the value of a top-level key lies in a JSON object's text (`bot` of an export, read
 * without parsing the rest), or undefined when the text is no object or lacks the key.
 */
export function topLevelValue(text: string, key: string): { start: number; end: number } | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x7b) return undefined;
  i++;
  for (;;) {
    while (i < n && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2c)) i++;
    if (i >= n || text.charCodeAt(i) !== 0x22) return undefined;
    const close = stringEnd(text, i + 1);
    if (close < 0) return undefined;
    const name = text.slice(i + 1, close);
    i = close + 1;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3a) return undefined;
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    const end = valueEnd(text, i);
    if (end < 0) return undefined;
    if (name === key) return { start, end };
    i = end;
  }
}

/** The end of the JSON value that starts at `i` (strings and nesting skipped), or -1. */
function valueEnd(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === 0x22) {
    const close = stringEnd(text, i + 1);
    return close < 0 ? -1 : close + 1;
  }
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 0x22) {
        const close = stringEnd(text, i + 1);
        if (close < 0) return -1;
        i = close + 1;
        continue;
      }
      if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return -1;
  }
  while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x2c && text.charCodeAt(i) !== 0x7d) i++;
  return i;
}
