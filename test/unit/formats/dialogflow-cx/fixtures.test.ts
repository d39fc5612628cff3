// The Dialogflow CX fixtures, as the editor and `botv validate` see them: the clean agent (two
// languages, flows, pages, route groups, webhooks, a test case, percent-encoded names) and its
// export zips (entries at the root; wrapped in one folder with __MACOSX junk) have no finding
// at all, and each broken agent has exactly the findings its expected.json lists — code, file,
// line, severity and the source text at the finding.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byPlace, findings } from '../support/findings';
import type { Finding as Expected } from '../support/findings';

const FIXTURES = join(__dirname, '../../../fixtures/dialogflow-cx');
const SAMPLE = join(__dirname, '../../../../samples/dialogflow-cx-parcels');

describe('dialogflow-cx: fixtures', function () {
  this.timeout(60_000);

  it('clean: one CX agent named by its displayName, in English and German, no finding', async () => {
    const { bots, found } = await findings(join(FIXTURES, 'clean'));
    assert.deepEqual(bots, [{ format: 'dialogflow-cx', dir: '', id: 'parcel-desk', locales: ['en', 'de'] }]);
    assert.deepEqual(found, []);
  });

  it('zips: each export zip is an agent of its own, read in place (at the root, or in its one wrapper folder past __MACOSX), no finding', async () => {
    const { bots, found } = await findings(join(FIXTURES, 'zips'));
    assert.deepEqual(
      bots.map((b) => [b.format, b.dir, b.id, b.locales]).sort(),
      [
        ['dialogflow-cx', 'exported_agent_Parcel Desk.zip/agent', undefined, ['en', 'de']],
        ['dialogflow-cx', 'parcel-desk.zip', undefined, ['en', 'de']],
      ],
    );
    assert.deepEqual(found, []);
  });

  it('samples/dialogflow-cx-parcels: one agent, no finding', async function () {
    if (!existsSync(SAMPLE)) this.skip();
    const { bots, found } = await findings(SAMPLE);
    assert.deepEqual(bots.map((b) => b.format), ['dialogflow-cx']);
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
