// The PolyAI fixtures, as the editor and `botv validate` see them: the clean project (and the
// sample) has no finding at all, and each broken project has exactly the findings its
// expected.json lists — code, file, line, severity and the source text at the finding.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Expected, order, polyFindings } from './support';

const FIXTURES = join(__dirname, '../../../fixtures/polyai');
const SAMPLE = join(__dirname, '../../../../samples/polyai-dental');

describe('polyai: fixtures', function () {
  this.timeout(60_000);

  it('clean: one PolyAI project with its languages, no finding', async () => {
    const { bots, found } = await polyFindings(join(FIXTURES, 'clean'));
    assert.deepEqual(bots, [{ format: 'polyai', dir: '', id: 'Maple Dental Reception', locales: ['en-GB', 'fr-FR'] }]);
    assert.deepEqual(found, []);
  });

  it('samples/polyai-dental: one PolyAI project at the root, no finding', async () => {
    const { bots, found } = await polyFindings(SAMPLE);
    assert.deepEqual(bots.map((b) => b.format), ['polyai']);
    assert.deepEqual(found, []);
  });

  const broken = join(FIXTURES, 'broken');
  for (const name of readdirSync(broken).sort()) {
    it(`broken/${name}: exactly the findings of its expected.json`, async () => {
      const file = join(broken, name, 'expected.json');
      assert.ok(existsSync(file), `broken/${name} has no expected.json`);
      const expected = (JSON.parse(readFileSync(file, 'utf8')) as Expected[]).sort(order);
      const { found } = await polyFindings(join(broken, name));
      assert.deepEqual(found, expected);
    });
  }
});
