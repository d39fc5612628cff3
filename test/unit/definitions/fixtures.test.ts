// Data-driven: each folder under test/fixtures/definitions is a bot (or a few) with one
// kind of mistake, and expected.json lists exactly the diagnostics it must produce.
// A fixture without expected.json fails. To record or refresh the files from the current
// output, run with BOTV_UPDATE_FIXTURES=1, then review the diff before committing:
//   BOTV_UPDATE_FIXTURES=1 npx mocha -g "bad examples"
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, FORMATS } from '../../../server/src/formats/index';
import { actualDiagnostics, FIXTURES, loadFixture } from './support/fixtures';
import type { ExpectedDiagnostic } from './support/fixtures';

const names = readdirSync(FIXTURES).sort();
/** Set to (re)write every expected.json from the current output instead of checking it. */
const UPDATE = process.env.BOTV_UPDATE_FIXTURES === '1';

describe('definitions: bad examples', () => {
  for (const name of names) {
    it(`${name} gives exactly its expected diagnostics`, () => {
      const dir = join(FIXTURES, name);
      const actual = actualDiagnostics(loadFixture(dir));
      const file = join(dir, 'expected.json');
      if (UPDATE) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
      assert.ok(
        existsSync(file),
        `${name} has no expected.json. Record it with BOTV_UPDATE_FIXTURES=1 npx mocha -g "bad examples", then check that it lists exactly the diagnostics the fixture is meant to produce.`,
      );
      const expected = JSON.parse(readFileSync(file, 'utf8')) as ExpectedDiagnostic[];
      assert.deepEqual(actual, expected);
    });
  }

  it('every diagnostic code has a bad example, except internal failures', () => {
    // The native format's and the engine's codes are shown here; every other format's in
    // its own broken fixtures (test/fixtures/<format>/broken/<case>/expected.json).
    const seen = new Set<string>();
    for (const name of names) {
      for (const d of JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as ExpectedDiagnostic[]) seen.add(d.code);
    }
    const other = join(FIXTURES, '..');
    for (const format of FORMATS) {
      const broken = join(other, format.id, 'broken');
      if (!existsSync(broken)) continue;
      for (const name of readdirSync(broken)) {
        const file = join(broken, name, 'expected.json');
        if (existsSync(file)) for (const d of JSON.parse(readFileSync(file, 'utf8')) as { code: string }[]) seen.add(d.code);
      }
    }
    // The zip reader's codes are shown by test/unit/definitions/zip.test.ts and archive.test.ts,
    // which build a damaged or hostile zip for each; no format of the registry reads zips yet.
    const missing = Object.keys(CODES).filter((c) => !seen.has(c) && c !== 'syntax/internal' && !c.startsWith('zip/'));
    assert.deepEqual(missing, []);
  });
});
