// Test Workbench test sets read as CSV: every cell's decoded text and its exact span in the
// file, whatever the quoting and line ends (a property test against a writer of the same
// grammar), and the header that makes a CSV file a test set.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { cellOffset, parseCsv, readTestSet, slotOfCell } from '../../../../server/src/formats/lex-v2/testSet';
import { testSetLocales } from '../../../../server/src/formats/lex-v2/model';

/** A field as a spreadsheet writes it: quoted when it holds a comma, a quote or a line end. */
const field = (s: string, force: boolean) => (force || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('lex-v2: test sets', () => {
  it('reads every cell back with its span, quoted or not, with CRLF, LF or CR line ends', () => {
    const cell = fc.tuple(fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '\r', '=', 'x') , maxLength: 8 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\r\n', '\n', '\r'), fc.boolean(), (rows, eol, bom) => {
        // A last row of one empty cell is no row at all: the writer ends every row with a line end.
        const written = rows.map((r) => r.map(([s, q]) => field(s, q || (r.length === 1 && s === ''))));
        const text = (bom ? '\ufeff' : '') + written.map((r) => r.join(',') + eol).join('');
        const parsed = parseCsv(text);
        assert.equal(parsed.unterminated, undefined);
        assert.deepEqual(parsed.rows.map((r) => r.map((c) => c.text)), rows.map((r) => r.map(([s]) => s)));
        parsed.rows.forEach((r, i) =>
          r.forEach((c, k) => {
            assert.equal(text.slice(c.start, c.end), written[i]![k]);
            // Each decoded character sits where cellOffset says.
            for (let d = 0; d < c.text.length; d++) assert.equal(text[cellOffset(text, c, d)], c.text[d]);
          }),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('reports an unclosed quote at the quote, keeping what comes before', () => {
    const text = 'Source,Input,Expected Output Intent\r\nUser,"a small mocha,OrderDrink\r\nUser,tea,OrderDrink\r\n';
    const set = readTestSet(text)!;
    assert.deepEqual(set.problems.map((p) => text.slice(p.start, p.end)), ['"']);
    assert.match(set.problems[0]!.message, /no closing quote/);
    assert.equal(set.rows.length, 1);
  });

  it('is a test set by its header alone, with the alternative column names', () => {
    assert.equal(readTestSet('id,name,price\n1,latte,3.5\n'), undefined, 'any other CSV file');
    assert.equal(readTestSet(''), undefined);
    const set = readTestSet('\n Line Number ,Conversation Participant,Expected Transcription,S3 Audio Location,Expected Output Intent,Intent Expected Output Slot 1\n1,User,one latte,s3://b/a.wav,OrderDrink,Drink = latte\n\n,,,,,\n')!;
    assert.deepEqual(set.problems, []);
    assert.deepEqual(set.rows.map((r) => [r.line, r.source?.text, r.input?.text, r.intent?.text, r.slots.map((s) => s.text)]), [[3, 'User', 'one latte', 'OrderDrink', ['Drink = latte']]]);
    const noInput = readTestSet('Source,Expected Output Intent\nUser,OrderDrink\n')!;
    assert.match(noInput.problems[0]!.message, /no "Input" column/);
  });

  it('reads an expected slot as the workbench does: a subslot names its slot, several values one slot', () => {
    const cell = (text: string) => ({ text, start: 0, end: text.length, quoted: false });
    assert.deepEqual(slotOfCell(cell('Size = large')), { name: 'Size', index: 0 });
    assert.deepEqual(slotOfCell(cell('  Car.Color = red')), { name: 'Car', index: 2 });
    assert.deepEqual(slotOfCell(cell('FlowerType = roses, lilies')), { name: 'FlowerType', index: 0 });
    assert.equal(slotOfCell(cell('large')), undefined);
    assert.equal(slotOfCell(cell('= large')), undefined);
  });

  it('takes the locale a path names, else every locale; none for a locale the bot lacks', () => {
    const all = ['en_GB', 'en_US', 'fr_FR'];
    assert.deepEqual(testSetLocales('TestSets/fr_FR/conversations.csv', all), ['fr_FR']);
    assert.deepEqual(testSetLocales('TestSets/smoke-en_US.csv', all), ['en_US']);
    assert.deepEqual(testSetLocales('TestSets/CafeOrders_en_US_v2.csv', all), ['en_US']);
    assert.deepEqual(testSetLocales('tests/smoke.csv', all), all);
    assert.deepEqual(testSetLocales('tests/en_US-vs-en_GB.csv', all), all, 'two locales named: every locale');
    assert.deepEqual(testSetLocales('tests/es_419/smoke.csv', all), [], 'a locale this bot (or version) does not have');
    assert.deepEqual(testSetLocales('tests/es_419/smoke.csv', [...all, 'es_419']), ['es_419']);
  });
});
