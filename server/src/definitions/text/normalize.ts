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

/** normalizeUtterance, cached per parsed item (items live as long as their document's parse). */
export function normalizedOf(item: TextItem): string {
  let n = cache.get(item);
  if (n === undefined) cache.set(item, (n = normalizeUtterance(item.text)));
  return n;
}
