// Offsets and positions: lines break at \n, \r\n and a lone \r, as in LSP, whichever of
// them a text uses (a text without \r takes a quicker path that must agree).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/definitions/parse/lines';

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 400);

/** The position of every offset, worked out the plain way. */
function reference(text: string): { line: number; character: number }[] {
  const out: { line: number; character: number }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i <= text.length; i++) {
    out.push({ line, character });
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      character = 0;
    } else character++;
  }
  return out;
}

describe('definitions: line index', () => {
  it('places every offset as the plain reading of the text does, with or without \\r', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n', 'é'), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const li = new LineIndex(text);
        const expected = reference(text);
        for (let i = 0; i <= text.length; i++) {
          assert.deepEqual(li.positionAt(i), expected[i], `offset ${i} of ${JSON.stringify(text)}`);
          assert.equal(li.offsetAt(expected[i]!), i);
        }
        assert.equal(li.lineCount, expected[text.length]!.line + 1);
      }),
      { numRuns: RUNS },
    );
  });
});
