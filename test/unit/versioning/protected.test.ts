/**
 * "The protected bot's files edited outside a release": one function of the core, which
 * `botv validate` and the language server both use, removed files included.
 */
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/program';
import { VersioningService } from '../../../server/src/lsp/versioningService';
import { gateValidator } from '../../../server/src/formats/gate';
import { copyFixture, open, put } from './support/workspace';

async function edited() {
  const root = copyFixture();
  const ws = await open(root);
  // The baseline: a protected bot's first save is allowed.
  await ws.save('shop-prod');
  put(root, 'shop-prod/intents/greet.yaml', 'intents:\n  - name: Greet\n    utterances:\n      en-US: [hello, hi, good evening]\n');
  put(root, 'shop-prod/intents/extra.yaml', 'intents:\n  - name: Extra\n    utterances:\n      en-US: [one, two, three]\n');
  rmSync(join(root, 'shop-prod', 'secrets', 'keys.yaml'));
  return { root, ws };
}

describe('protected edits', () => {
  it('lists every file of a protected bot that differs from its base, removed ones included', async () => {
    const { ws } = await edited();
    const all = await ws.protectedEdits();
    assert.deepEqual(all.map((e) => e.bot), ['shop-prod'], 'only protected bots');
    assert.equal(all[0]!.base?.label, 'v1');
    assert.deepEqual(all[0]!.changes, [
      { path: 'intents/extra.yaml', change: 'added' },
      { path: 'intents/greet.yaml', change: 'modified' },
      { path: 'secrets/keys.yaml', change: 'removed' },
    ]);
  });

  it('has nothing to compare with before the first version', async () => {
    const root = copyFixture();
    const ws = await open(root);
    put(root, 'shop-prod/intents/greet.yaml', 'intents: []\n');
    assert.deepEqual(await ws.protectedEdits(), [{ bot: 'shop-prod', base: null, changes: [] }]);
  });

  it('is what the language server and botv validate both use', async () => {
    const { root, ws } = await edited();
    const expected = new Set((await ws.protectedEdits())[0]!.changes.map((c) => c.path));
    const service = new VersioningService({ roots: [root], validate: gateValidator } as ConstructorParameters<typeof VersioningService>[0]);
    await service.init();
    const facts = await service.storeFacts();
    assert.deepEqual(facts.protectedBots.get('shop-prod'), expected);
    assert.equal(facts.protectedBots.has('shop-dev'), false);

    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s), cwd: root, env: { BOTV_AUTHOR: 'Tester' }, isTTY: false };
    assert.equal(await runCli(['validate', 'shop-prod', '--json'], io), 0);
    const flagged = (JSON.parse(out.join('')) as Array<{ file: string; code: string }>).filter((d) => d.code === 'protected/edited').map((d) => d.file);
    // The files that exist are flagged; the removed one has no file to carry a diagnostic.
    assert.deepEqual(flagged.sort(), ['shop-prod/intents/extra.yaml', 'shop-prod/intents/greet.yaml']);
  });
});
