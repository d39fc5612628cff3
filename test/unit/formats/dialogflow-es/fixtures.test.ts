// The Dialogflow ES fixtures, as the editor and `botv validate` see them: the clean agent (two
// languages, follow-up intents with their contexts, an entity with synonyms, names with
// umlauts and spaces written raw) and its export zip have no finding at all, and each broken
// agent has exactly the findings its expected.json lists.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byPlace, findings } from '../support/findings';
import type { Finding as Expected } from '../support/findings';

const FIXTURES = join(__dirname, '../../../fixtures/dialogflow-es');

describe('dialogflow-es: fixtures', function () {
  this.timeout(60_000);

  it('clean: one ES agent in English and German, named by its folder, no finding', async () => {
    const { bots, found } = await findings(join(FIXTURES, 'clean'));
    assert.deepEqual(bots, [{ format: 'dialogflow-es', dir: '', locales: ['en', 'de'] }]);
    assert.deepEqual(found, []);
  });

  it('zips: the export zip is an agent of its own, read in place, no finding', async () => {
    const { bots, found } = await findings(join(FIXTURES, 'zips'));
    assert.deepEqual(bots, [{ format: 'dialogflow-es', dir: 'Café Bellevue.zip', locales: ['en', 'de'] }]);
    assert.deepEqual(found, []);
  });

  const broken = join(FIXTURES, 'broken');
  for (const name of readdirSync(broken).sort()) {
    it(`broken/${name}: exactly the findings of its expected.json`, async () => {
      const file = join(broken, name, 'expected.json');
      assert.ok(existsSync(file), `broken/${name} has no expected.json`);
      const expected = (JSON.parse(readFileSync(file, 'utf8')) as Expected[]).sort(byPlace);
      const { found } = await findings(join(broken, name));
      assert.deepEqual(found, expected);
    });
  }
});
