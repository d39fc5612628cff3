// Utterances are compared after normalising case, spacing and punctuation, so that
// "Order a pizza!" and "order  a pizza" count as the same example.
//
// The definition is `normalizeSlow`: NFC, lower case, every run of characters that are not
// letters, digits, `{`, `}` or `_` made one space, trimmed. It is exact for any text but
// costs a Unicode normalisation and property-class regexes per call, and 80,000 utterances
// are normalised when a large bot is opened. Most training data (English, and French,
// Spanish, German…) uses only Latin-1, Latin Extended and common punctuation, where the
// definition reduces to a table look-up per character; `normalizeUtterance` takes that
// path in one pass and falls back to the definition for anything else.

const WORD = /^[\p{L}\p{N}{}_]$/u;
const NOT_WORD = /[^\p{L}\p{N}{}_\s]+/gu;
const SPACES = /\s+/g;

/** The definition: exact for every text, and slow. */
export function normalizeSlow(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(NOT_WORD, ' ').replace(SPACES, ' ').trim();
}

/** Not covered by the table: the text takes the slow path. */
const SLOW = 0;
/** Neither a letter, a digit, `{`, `}` nor `_` (punctuation, spaces, controls): separates words. */
const SEPARATOR = 1;
/** A word character that is its own lower case. */
const WORD_LOWER = 2;
/** A word character whose lower case is another single character. */
const WORD_UPPER = 3;

/**
 * Classes of the characters below U+0250 (Latin-1, Latin Extended-A and -B) and of the
 * General Punctuation block (dashes, quotes, the ellipsis). Each is its own NFC form, none
 * composes with a neighbour (composition needs a combining mark, all above U+02FF), and each
 * lowers to one character on its own (İ, which lowers to two, takes the slow path). So for
 * a text made only of them the definition is: lower each character, keep word characters,
 * make runs of the others one space. The table is computed from the definition's own
 * pieces, so the two cannot disagree.
 */
const TABLE_END = 0x2060;
const CLASS = new Uint8Array(TABLE_END);
/** The lower case of each word character of the table. */
const LOWER = new Uint16Array(TABLE_END);
for (let c = 0; c < TABLE_END; c++) {
  if (c >= 0x250 && c < 0x2010) continue;
  const s = String.fromCharCode(c);
  const lower = s.toLowerCase();
  if (s.normalize('NFC') !== s || lower.length !== 1) continue;
  CLASS[c] = WORD.test(lower) ? (lower === s ? WORD_LOWER : WORD_UPPER) : SEPARATOR;
  LOWER[c] = lower.charCodeAt(0);
}

/**
 * The words of an utterance's normal form, as spans of `source`: of the text itself, whose
 * characters then still need lowering (`lowerCharAt`), or of its normal form made the slow
 * way. Filled by `wordsOf`, which reuses the arrays.
 */
export interface WordSpans {
  source: string;
  /** Whether `source` is the raw text, to be read through `lowerCharAt`. */
  raw: boolean;
  starts: number[];
  ends: number[];
  /** Per word, whether it holds a character that lowering changes (most words hold none). */
  upper: boolean[];
  count: number;
}

/** The character code at `i` of a word `wordsOf` found in the raw text, lowered. */
export function lowerCharAt(source: string, i: number): number {
  return LOWER[source.charCodeAt(i)]!;
}

/**
 * Finds the words of `normalizeUtterance(text)` without making it: one pass over the text
 * for the characters the table knows (nearly all training data), the definition otherwise.
 * Joined by single spaces, the words (lowered) are exactly the normal form.
 */
export function wordsOf(text: string, out: WordSpans): void {
  out.count = 0;
  const n = text.length;
  let start = -1;
  let upper = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = c < TABLE_END ? CLASS[c]! : SLOW;
    if (k === SLOW) return slowWords(text, out);
    if (k === SEPARATOR) {
      if (start >= 0) push(out, start, i, upper);
      start = -1;
    } else {
      if (start < 0) {
        start = i;
        upper = false;
      }
      if (k === WORD_UPPER) upper = true;
    }
  }
  if (start >= 0) push(out, start, n, upper);
  out.source = text;
  out.raw = true;
}

function slowWords(text: string, out: WordSpans): void {
  const norm = normalizeSlow(text);
  out.count = 0;
  out.source = norm;
  out.raw = false;
  let start = 0;
  for (let i = 0; i <= norm.length; i++) {
    if (i < norm.length && norm.charCodeAt(i) !== 0x20) continue;
    if (i > start) push(out, start, i, false);
    start = i + 1;
  }
}

function push(out: WordSpans, start: number, end: number, upper: boolean): void {
  out.starts[out.count] = start;
  out.ends[out.count] = end;
  out.upper[out.count] = upper;
  out.count++;
}

/** Lower case, punctuation removed, runs of spaces made one; placeholders like {size} are kept. */
export function normalizeUtterance(text: string): string {
  const n = text.length;
  // One pass: classify, and see whether the text is already in normal form (lower-case
  // words separated by single spaces), which most training data is.
  let clean = true;
  let upper = false;
  let prevWord = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = c < TABLE_END ? CLASS[c]! : SLOW;
    if (k === SLOW) return normalizeSlow(text);
    if (k === SEPARATOR) {
      // A single ASCII space between two words stays as it is.
      if (clean && (c !== 0x20 || !prevWord || i + 1 === n || CLASS[text.charCodeAt(i + 1)]! === SEPARATOR)) clean = false;
      prevWord = false;
    } else {
      if (k === WORD_UPPER) upper = true;
      prevWord = true;
    }
  }
  if (clean && !upper) return text;
  // Every character lowers to one, so offsets in `lower` are offsets in `text`.
  const lower = upper ? text.toLowerCase() : text;
  if (clean) return lower;
  let out = '';
  let start = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && CLASS[text.charCodeAt(i)]! !== SEPARATOR) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out = out === '' ? lower.slice(start, i) : `${out} ${lower.slice(start, i)}`;
      start = -1;
    }
  }
  return out;
}
