// How Lex compares two sample utterances (lex-v2/duplicate-utterance, test-example-conflict):
// case and spacing aside. The key skips the copy for words with single spaces; it must be the
// key the full normalisation gives, whatever the whitespace.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { utteranceKey } from '../../../../server/src/formats/lex-v2/rules/duplicateUtterances';

describe('lex-v2: utterance keys', () => {
  it('equal the lower-cased text with every run of whitespace one space, trimmed', () => {
    const unit = fc.constantFrom('a', 'B', 'é', 'İ', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', '{', 'x');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (s) => assert.equal(utteranceKey(s), s.toLowerCase().replace(/\s+/g, ' ').trim())),
      { numRuns: 2000 },
    );
    assert.equal(utteranceKey('Track  my Order '), 'track my order');
  });
});
