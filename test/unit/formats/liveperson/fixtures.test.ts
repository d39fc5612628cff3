// The LivePerson fixtures, as the editor and `botv validate` see them: the clean bot (and the
// sample) has no finding at all, and each broken bot has exactly the findings its
// expected.json lists — code, file, line, severity and the source text at the finding.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Expected, livePersonFindings, order } from './support';

const FIXTURES = join(__dirname, '../../../fixtures/liveperson');
const SAMPLE = join(__dirname, '../../../../samples/liveperson-support');

describe('liveperson: fixtures', function () {
  this.timeout(60_000);

  it('clean: one LivePerson bot, no finding', async () => {
    const { bots, found } = await livePersonFindings(join(FIXTURES, 'clean'));
    assert.deepEqual(bots, [{ format: 'liveperson', dir: 'harbor-bikes-support.json' }]);
    assert.deepEqual(found, []);
  });

  it('samples/liveperson-support: its bots, no finding', async () => {
    const { bots, found } = await livePersonFindings(SAMPLE);
    assert.ok(bots.length >= 1 && bots.every((b) => b.format === 'liveperson'));
    assert.deepEqual(found, []);
  });

  const broken = join(FIXTURES, 'broken');
  for (const name of readdirSync(broken).sort()) {
    it(`broken/${name}: exactly the findings of its expected.json`, async () => {
      const file = join(broken, name, 'expected.json');
      assert.ok(existsSync(file), `broken/${name} has no expected.json`);
      const expected = (JSON.parse(readFileSync(file, 'utf8')) as Expected[]).sort(order);
      const { bots, found } = await livePersonFindings(join(broken, name));
      assert.deepEqual(bots.map((b) => b.format), ['liveperson']);
      assert.deepEqual(found, expected);
    });
  }
});
