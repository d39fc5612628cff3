/**
 * A workspace opened read-only (an untrusted workspace in the editor) reads everything and
 * writes nothing: no store, no stat cache, no lock; every writing operation refuses with
 * READ_ONLY. Trust granted later (the option is a function) lets writes through again.
 */
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError, type Workspace } from '../../../server/src/versioning/index';
import { listing, listingChanges } from '../../support/listing';
import { copyFixture, open, put, tempDir } from './support/workspace';

/** Every read the views make. */
async function readEverything(ws: Workspace): Promise<void> {
  await ws.config();
  for (const bot of (await ws.bots()).bots) {
    await ws.workingCopyStatus(bot.id);
    await ws.environments(bot.id);
    await ws.environmentHistory(bot.id);
    await ws.releases(bot.id);
    await ws.history(bot.id);
    for (const v of await ws.versions(bot.id)) {
      for (const f of (await ws.version(bot.id, v.id)).tree) await ws.readVersionFile(bot.id, v.id, f.path);
      await ws.diff(bot.id, v.id);
    }
  }
  await ws.verify();
}

/** Every write, each expected to refuse. */
const WRITES: Record<string, (ws: Workspace) => Promise<unknown>> = {
  save: (ws) => ws.save('shop-dev'),
  restore: (ws) => ws.restore('shop-dev', '1'),
  copy: (ws) => ws.copyVersion('shop-dev', '1'),
  delete: (ws) => ws.deleteVersion('shop-dev', '1'),
  pin: (ws) => ws.pin('shop-dev', '1'),
  unpin: (ws) => ws.unpin('shop-dev', '1'),
  retention: (ws) => ws.applyRetention('shop-dev', { keep: 0 }),
  'env set': (ws) => ws.setEnvironment('shop-dev', 'development', '1'),
  promote: (ws) => ws.promote('shop-dev', 'staging'),
  rollback: (ws) => ws.rollback('shop-dev', 'development'),
  'release create': (ws) => ws.createRelease('shop-dev', '1', 'shop-prod'),
  'release accept': (ws) => ws.acceptRelease('shop-prod', 'latest'),
  'release reject': (ws) => ws.rejectRelease('shop-prod', 'latest'),
  gc: (ws) => ws.gc(),
  export: (ws) => ws.exportVersion('shop-dev', '1', 'development', join(tempDir(), 'out')),
};

describe('read-only workspaces', () => {
  it('read a populated store and write nothing, not even the stat cache', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    put(root, 'shop-dev/a.txt', 'one');
    await ws.save('shop-dev');
    await ws.setEnvironment('shop-dev', 'development', '1');
    await ws.createRelease('shop-dev', '1', 'shop-prod');
    put(root, 'shop-dev/a.txt', 'changed since');
    rmSync(join(root, '.botversions', 'local'), { recursive: true, force: true });
    const before = listing(root);
    const ro = await open(root, { readOnly: true });
    await readEverything(ro);
    await readEverything(ro); // a second pass, with the in-memory caches warm
    for (const [name, write] of Object.entries(WRITES)) {
      await assert.rejects(write(ro), (e) => isBotvError(e, 'READ_ONLY') && /nothing was written/.test(e.message), name);
    }
    assert.deepEqual(listingChanges(before, listing(root)), []);
  });

  it('create no store in a workspace that has none', async () => {
    const root = copyFixture();
    rmSync(join(root, '.botversions'), { recursive: true });
    const before = listing(root);
    const ro = await open(root, { readOnly: true });
    await readEverything(ro);
    await assert.rejects(ro.save('shop-dev'), (e) => isBotvError(e, 'READ_ONLY'));
    assert.deepEqual(listingChanges(before, listing(root)), []);
  });

  it('write again once trusted, when the option is a function', async () => {
    const root = copyFixture();
    let trusted = false;
    const ws = await open(root, { readOnly: () => !trusted });
    await assert.rejects(ws.save('shop-dev'), (e) => isBotvError(e, 'READ_ONLY'));
    trusted = true;
    assert.equal((await ws.save('shop-dev')).version.number, 1);
    trusted = false;
    await assert.rejects(ws.pin('shop-dev', '1'), (e) => isBotvError(e, 'READ_ONLY'));
  });
});
