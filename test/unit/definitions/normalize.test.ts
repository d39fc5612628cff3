// Utterance normalisation: the one-pass fast path gives exactly what the definition
// (NFC, lower case, punctuation and spaces made one space) gives, for every character it
// handles itself and for random text of any script.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { normalizeSlow, normalizeUtterance } from '../../../server/src/definitions/text/normalize';

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

  it('agrees with the definition on every character below U+0300 and in General Punctuation, alone and between words', () => {
    const codes = [...Array(0x300).keys(), ...Array.from({ length: 0x70 }, (_, i) => 0x2000 + i)];
    for (const c of codes) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, ` ${ch} `, `A${ch}${ch}Z`]) assert.equal(normalizeUtterance(s), normalizeSlow(s), `U+${c.toString(16)} in ${JSON.stringify(s)}`);
    }
  });

  it('agrees with the definition on random text mixing Latin, punctuation, combining marks and any other character', () => {
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
      }),
      { numRuns: RUNS * 25 },
    );
  });
});
