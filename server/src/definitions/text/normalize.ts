// Utterances are compared after normalising case, spacing and punctuation, so that
// "Order a pizza!" and "order  a pizza" count as the same example.
import type { TextItem } from '../model/facts';

const cache = new WeakMap<TextItem, string>();
const NOT_WORD = /[^\p{L}\p{N}{}_\s]+/gu;
const SPACES = /\s+/g;

const ASCII = /^[\x00-\x7f]*$/;
const NOT_WORD_ASCII = /[^a-z0-9{}_\s]+/g;

/** Lower case, punctuation removed, runs of spaces made one; placeholders like {size} are kept. */
export function normalizeUtterance(text: string): string {
  // Most training data is ASCII: skip Unicode normalisation and property classes for it.
  if (ASCII.test(text)) return text.toLowerCase().replace(NOT_WORD_ASCII, ' ').replace(SPACES, ' ').trim();
  return text.normalize('NFC').toLowerCase().replace(NOT_WORD, ' ').replace(SPACES, ' ').trim();
}

/** Texts seen recently → their normal form: an edit re-parses a file, but its texts rarely change. */
let byText = new Map<string, string>();
const BY_TEXT_LIMIT = 200_000;

/** normalizeUtterance, cached per parsed item and per text. */
export function normalizedOf(item: TextItem): string {
  let n = cache.get(item);
  if (n === undefined) {
    n = byText.get(item.text);
    if (n === undefined) {
      if (byText.size >= BY_TEXT_LIMIT) byText = new Map();
      byText.set(item.text, (n = normalizeUtterance(item.text)));
    }
    cache.set(item, n);
  }
  return n;
}
