// A workspace whose bots are all of one platform with environments of its own (PolyAI's
// sandbox → pre-release → live) promotes through those until its configuration names a
// pipeline: the views show them before the first save, the first save writes them into the
// new store's config.json, and a workspace that mixes platforms, or names its own pipeline,
// keeps what it says.
import { strict as assert } from 'node:assert';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { get, open, put, REPO, tempDir } from './support/workspace';

const POLY = join(REPO, 'test', 'fixtures', 'polyai', 'clean');

function polyWorkspace(): { root: string } {
  const root = tempDir('botv-poly-pipeline-');
  cpSync(POLY, join(root, 'agents', 'dental'), { recursive: true });
  return { root };
}

describe('a platform’s own environments as the default pipeline', function () {
  this.timeout(60_000);

  it('PolyAI alone: sandbox → pre-release → live before the first save, and written by it', async () => {
    const { root } = polyWorkspace();
    const ws = await open(root);
    const [bot] = (await ws.bots()).bots;
    assert.equal(bot!.format, 'polyai');
    assert.deepEqual((await ws.environments(bot!.id)).map((e) => e.name), ['sandbox', 'pre-release', 'live']);
    await ws.save(bot!.id);
    const config = JSON.parse(get(root, '.botversions/config.json'));
    assert.deepEqual(config.pipeline, ['sandbox', 'pre-release', 'live']);
    assert.deepEqual(config.gates.validateBefore, ['live']);
    await ws.setEnvironment(bot!.id, 'sandbox', '1');
    const c = await ws.promote(bot!.id, 'pre-release');
    assert.equal(c.event.environment, 'pre-release');
    // A fresh process reads the same from the file.
    const again = await open(root);
    assert.deepEqual((await again.environments(bot!.id)).map((e) => e.name), ['sandbox', 'pre-release', 'live']);
  });

  it('keeps the default pipeline beside a bot of another platform, and a pipeline the configuration names', async () => {
    const { root } = polyWorkspace();
    cpSync(join(REPO, 'samples', 'pizza-shop', 'pizza-dev'), join(root, 'pizza-dev'), { recursive: true });
    const mixed = await open(root);
    const poly = (await mixed.bots()).bots.find((b) => b.format === 'polyai')!;
    assert.deepEqual((await mixed.environments(poly.id)).map((e) => e.name), ['development', 'staging', 'production']);

    const { root: named } = polyWorkspace();
    put(named, '.botversions/config.json', JSON.stringify({ pipeline: ['test', 'prod'] }));
    const ws = await open(named);
    const [bot] = (await ws.bots()).bots;
    assert.deepEqual((await ws.environments(bot!.id)).map((e) => e.name), ['test', 'prod']);
    await ws.save(bot!.id);
    assert.deepEqual(JSON.parse(get(named, '.botversions/config.json')).pipeline, ['test', 'prod']);
  });
});
