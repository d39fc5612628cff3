// Utterance normalisation: the one-pass fast path, and the word scanner the training index
// reads utterances with, give exactly what the definition (NFC, lower case, punctuation and
// spaces made one space) gives, for every character they handle themselves and for random
// text of any script.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lowerCharAt, normalizeSlow, normalizeUtterance, wordsOf } from '../../../server/src/definitions/text/normalize';
import type { WordSpans } from '../../../server/src/definitions/text/normalize';

/** The normal form as the one-pass word scanner sees it: its words, lowered, joined by spaces. */
function fromWords(text: string): string {
  const w: WordSpans = { source: '', raw: false, starts: [], ends: [], upper: [], count: 0 };
  wordsOf(text, w);
  const words: string[] = [];
  for (let i = 0; i < w.count; i++) {
    let word = '';
    for (let j = w.starts[i]!; j < w.ends[i]!; j++) {
      // A word said to need no lowering must read the same either way.
      if (w.raw && !w.upper[i]) assert.equal(lowerCharAt(w.source, j), w.source.charCodeAt(j));
      word += String.fromCharCode(w.raw ? lowerCharAt(w.source, j) : w.source.charCodeAt(j));
    }
    words.push(word);
  }
  return words.join(' ');
}

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 400);

describe('definitions: utterance normalisation', () => {
  it('normalises case, punctuation and spacing, keeping placeholders', () => {
    assert.equal(normalizeUtterance('Order a {size} pizza!'), 'order a {size} pizza');
    assert.equal(normalizeUtterance('  order   a\tpizza '), 'order a pizza');
    assert.equal(normalizeUtterance("J'ai oublié comment déplacer MON abonnement"), 'j ai oublié comment déplacer mon abonnement');
    assert.equal(normalizeUtterance('de fin d’année…'), 'de fin d année');
    assert.equal(normalizeUtterance('already normal'), 'already normal');
    assert.equal(normalizeUtterance('?!'), '');
    // Outside the table: a decomposed accent is composed first (NFC), Greek lowers by context.
    assert.equal(normalizeUtterance('Cafe\u0301'), 'café');
    assert.equal(normalizeUtterance('ΟΔΟΣ'), 'οδο\u03c2');
    assert.equal(normalizeUtterance('İstanbul'), normalizeSlow('İstanbul'));
  });

  it('agrees with the definition on every character below U+0300 and in General Punctuation, alone and between words, as a string and as words', () => {
    const codes = [...Array(0x300).keys(), ...Array.from({ length: 0x70 }, (_, i) => 0x2000 + i)];
    for (const c of codes) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, ` ${ch} `, `A${ch}${ch}Z`]) {
        assert.equal(normalizeUtterance(s), normalizeSlow(s), `U+${c.toString(16)} in ${JSON.stringify(s)}`);
        assert.equal(fromWords(s), normalizeSlow(s), `words, U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
  });

  it('agrees with the definition on random text mixing Latin, punctuation, combining marks and any other character, as a string and as words', () => {
    const char = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0, max: 0x24f }),
      fc.integer({ min: 0x300, max: 0x36f }),
      fc.integer({ min: 0x2000, max: 0x206f }),
      fc.integer({ min: 0, max: 0xffff }),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (codes) => {
        const s = String.fromCharCode(...codes);
        assert.equal(normalizeUtterance(s), normalizeSlow(s));
        assert.equal(fromWords(s), normalizeSlow(s));
      }),
      { numRuns: RUNS * 25 },
    );
  });
});
