import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError, openWorkspace } from '../../../server/src/versioning/index';
import { FaultFs } from './support/faultfs';
import { copyFixture, get, open, put, snapshot } from './support/workspace';

describe('versions', () => {
  it('discovers bots by their manifests, with protection from the configuration', async () => {
    const ws = await open(copyFixture());
    const { bots, problems } = await ws.bots();
    assert.deepEqual(
      bots.map((b) => [b.id, b.dir, b.manifest, b.protected]),
      [
        ['json-bot', 'json-bot', 'bot.json', false],
        ['shop-dev', 'shop-dev', 'bot.yaml', false],
        ['shop-prod', 'shop-prod', 'bot.yaml', true],
      ],
    );
    assert.deepEqual(problems, []);
  });

  it('reports two bots with one id, naming both folders', async () => {
    const root = copyFixture();
    put(root, 'copy/bot.yaml', 'bot:\n  id: shop-dev\n');
    const ws = await open(root);
    const { bots, problems } = await ws.bots();
    assert.ok(!bots.some((b) => b.id === 'shop-dev'));
    assert.equal(problems[0]!.code, 'DUPLICATE_BOT');
    assert.deepEqual(problems[0]!.dirs, ['copy', 'shop-dev']);
    await assert.rejects(ws.save('shop-dev'), (e) => isBotvError(e, 'DUPLICATE_BOT') && e.message.includes('copy and shop-dev'));
  });

  it('saves every file of the bot and reads each back byte for byte', async () => {
    const root = copyFixture();
    put(root, 'shop-dev/data/blob.bin', new Uint8Array([0, 1, 2, 3, 254, 255]));
    const ws = await open(root);
    const r = await ws.save('shop-dev', { name: 'first', description: 'the start' });
    assert.equal(r.created, true);
    assert.equal(r.version.number, 1);
    assert.equal(r.version.label, 'v1');
    assert.equal(r.version.author, 'Tester');
    assert.deepEqual(r.version.origin, { kind: 'saved' });
    const v = await ws.version('shop-dev', '1');
    assert.deepEqual(
      v.tree.map((f) => f.path),
      ['bot.yaml', 'data/blob.bin', 'flows/main.yaml', 'intents/greet.yaml', 'secrets/keys.yaml'],
    );
    for (const f of v.tree) {
      const data = await ws.readVersionFile('shop-dev', 'v1', f.path);
      assert.deepEqual(Buffer.from(data), readFileSync(join(root, 'shop-dev', f.path)));
    }
  });

  it('saves nothing when the working copy equals the version it came from', async () => {
    const ws = await open(copyFixture());
    await ws.save('shop-dev');
    const again = await ws.save('shop-dev');
    assert.equal(again.created, false);
    assert.equal(again.version.number, 1);
    assert.equal((await ws.versions('shop-dev')).length, 1);
  });

  it('numbers versions, defaults names to the date and time, and lists newest first', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    put(root, 'shop-dev/intents/greet.yaml', 'intents: []\n');
    await ws.save('shop-dev', { name: 'second' });
    const list = await ws.versions('shop-dev');
    assert.deepEqual(list.map((v) => v.label), ['v2', 'v1']);
    assert.match(list[1]!.name, /^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    assert.equal(list[0]!.parent, list[1]!.id);
  });

  it('never reuses the number of a deleted version', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    put(root, 'shop-dev/x.txt', 'x');
    await ws.save('shop-dev');
    await ws.deleteVersion('shop-dev', '2');
    put(root, 'shop-dev/x.txt', 'y');
    assert.equal((await ws.save('shop-dev')).version.number, 3);
    await assert.rejects(ws.version('shop-dev', '2'), (e) => isBotvError(e, 'NO_VERSION') && /deleted/.test(e.message));
  });

  it('tracks the working copy: clean, changed files, and which version holds it', async () => {
    const root = copyFixture();
    const ws = await open(root);
    assert.equal((await ws.workingCopyStatus('shop-dev')).clean, false);
    await ws.save('shop-dev');
    assert.equal((await ws.workingCopyStatus('shop-dev')).clean, true);
    put(root, 'shop-dev/intents/greet.yaml', 'intents: []\n');
    put(root, 'shop-dev/new.yaml', 'a: 1\n');
    rmSync(join(root, 'shop-dev/secrets/keys.yaml'));
    const s = await ws.workingCopyStatus('shop-dev');
    assert.equal(s.clean, false);
    assert.deepEqual(s.changes, [
      { path: 'intents/greet.yaml', change: 'modified' },
      { path: 'new.yaml', change: 'added' },
      { path: 'secrets/keys.yaml', change: 'removed' },
    ]);
    assert.deepEqual(s.savedAs, []);
  });

  it('leaves out nested bots, links, .git and node_modules', async () => {
    const root = copyFixture();
    put(root, 'shop-dev/inner/bot.yaml', 'bot:\n  id: inner\n');
    put(root, 'shop-dev/node_modules/x.js', '1');
    put(root, 'shop-dev/.git/HEAD', 'ref');
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(root, 'shop-prod'), join(root, 'shop-dev', 'link'));
    const ws = await open(root);
    const v = (await ws.save('shop-dev')).version;
    const files = (await ws.version('shop-dev', v.id)).tree.map((f) => f.path);
    assert.ok(!files.some((f) => f.startsWith('inner/') || f.startsWith('node_modules/') || f.startsWith('.git/') || f.startsWith('link')), files.join());
    assert.ok((await ws.bots()).bots.some((b) => b.id === 'inner'));
  });

  it('restores a version, saving the unsaved working copy first so the restore can be undone', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    const v1 = snapshot(join(root, 'shop-dev'));
    put(root, 'shop-dev/intents/greet.yaml', 'intents: []\n');
    put(root, 'shop-dev/extra/new.yaml', 'a: 1\n');
    const edited = snapshot(join(root, 'shop-dev'));
    const r = await ws.restore('shop-dev', '1');
    assert.deepEqual(snapshot(join(root, 'shop-dev')), v1);
    assert.ok(!existsSync(join(root, 'shop-dev/extra')), 'emptied folders are removed');
    assert.equal(r.autoSaved?.label, 'v2');
    assert.deepEqual(r.autoSaved?.origin, { kind: 'auto-saved', before: 'restore' });
    assert.deepEqual(r.written, ['intents/greet.yaml']);
    assert.deepEqual(r.removed, ['extra/new.yaml']);
    await ws.restore('shop-dev', '2');
    assert.deepEqual(snapshot(join(root, 'shop-dev')), edited);
    assert.equal((await ws.versions('shop-dev')).length, 2, 'no second auto-save: v2 holds the working copy');
    const status = await ws.workingCopyStatus('shop-dev');
    assert.equal(status.base?.label, 'v2');
    assert.equal(status.clean, true);
  });

  it('answers a restore once it is committed, and finishes its flushes before anything else reads or writes', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    put(root, 'shop-dev/intents/greet.yaml', 'intents: []\n');
    await ws.save('shop-dev');
    const before = snapshot(join(root, 'shop-dev'));
    await ws.restore('shop-dev', '1');
    // The files are in place at the answer; nothing the restore replaced is left in the bot.
    const v1 = new Map((await ws.version('shop-dev', '1')).tree.map((f) => [f.path, f.sha256]));
    assert.deepEqual([...snapshot(join(root, 'shop-dev')).keys()].sort(), [...v1.keys()].sort());
    // A read in the same process waits for the flushes: never an "interrupted" restore.
    const status = await ws.workingCopyStatus('shop-dev');
    assert.equal(status.interrupted, false);
    assert.equal(status.base?.label, 'v1');
    await ws.settled();
    assert.deepEqual(readdirSync(join(root, '.botversions/local/aside')), [], 'the replaced files are removed');
    assert.deepEqual(readdirSync(join(root, '.botversions/local/journal')), []);
    await ws.restore('shop-dev', '2');
    assert.deepEqual(snapshot(join(root, 'shop-dev')), before);
  });

  it('reports a flush that fails after a restore answered, and the next write finishes the restore', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    put(root, 'shop-dev/intents/greet.yaml', 'intents: []\n');
    await ws.save('shop-dev');
    const faulty = await openWorkspace(root, { author: 'Tester', fs: new FaultFs(1, 'from', 'EIO', 'syncFile') });
    const r = await faulty.restore('shop-dev', '1');
    assert.deepEqual(r.written, ['intents/greet.yaml'], 'the restore itself answered');
    await assert.rejects(faulty.settled(), (e) => isBotvError(e, 'IO') && /flush/.test(e.message) && e.message.includes('greet.yaml'));
    await faulty.settled(); // reported once
    const other = await open(root);
    assert.equal((await other.workingCopyStatus('shop-dev')).interrupted, true, 'the journal stays until the restore is durable');
    await other.pin('shop-dev', '1'); // any write finishes it
    const status = await other.workingCopyStatus('shop-dev');
    assert.equal(status.interrupted, false);
    assert.equal(status.base?.label, 'v1');
    assert.equal(status.clean, true);
    assert.equal((await other.verify()).ok, true);
  });

  it('restores a bot on another file system than the store, removing the files it replaces', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    put(root, 'shop-dev/intents/greet.yaml', 'intents: []\n');
    await ws.save('shop-dev');
    // The second rename of a restore moves the first replaced file aside: EXDEV there is
    // what a bot folder mounted from elsewhere gives.
    const fs = new FaultFs(2, 'once', 'EXDEV', 'rename');
    const other = await openWorkspace(root, { author: 'Tester', fs });
    await other.restore('shop-dev', '1');
    await other.settled();
    assert.equal(fs.failures, 1);
    const status = await other.workingCopyStatus('shop-dev');
    assert.equal(status.base?.label, 'v1');
    assert.equal(status.clean, true);
    assert.deepEqual(readdirSync(join(root, '.botversions/local/aside')), []);
  });

  it('records a save after a restore as coming from the restored version', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    put(root, 'shop-dev/a.txt', '1');
    await ws.save('shop-dev');
    await ws.restore('shop-dev', '1');
    put(root, 'shop-dev/b.txt', '2');
    const v3 = (await ws.save('shop-dev')).version;
    assert.deepEqual(v3.origin, { kind: 'restored', from: (await ws.resolveVersion('shop-dev', '1')).id, fromNumber: 1 });
    assert.equal(v3.parent, (await ws.resolveVersion('shop-dev', '1')).id);
  });

  it('copies a version into a new one without touching the working copy', async () => {
    const root = copyFixture();
    const ws = await open(root);
    const v1 = (await ws.save('shop-dev')).version;
    put(root, 'shop-dev/a.txt', '1');
    await ws.save('shop-dev');
    const before = snapshot(join(root, 'shop-dev'));
    const c = await ws.copyVersion('shop-dev', '1');
    assert.equal(c.number, 3);
    assert.equal(c.contentHash, v1.contentHash);
    assert.deepEqual(c.origin, { kind: 'copied', from: v1.id, fromNumber: 1 });
    assert.deepEqual(snapshot(join(root, 'shop-dev')), before);
  });

  it('protects a bot: no save or restore of edits outside releases unless forced, and the force is recorded', async () => {
    const root = copyFixture();
    const ws = await open(root);
    assert.equal((await ws.save('shop-prod')).created, true, 'the first version of a protected bot is its baseline');
    put(root, 'shop-prod/intents/greet.yaml', 'intents: []\n');
    await assert.rejects(ws.save('shop-prod'), (e) => isBotvError(e, 'PROTECTED') && /--force/.test(e.message) && /release create/.test(e.message));
    await assert.rejects(ws.restore('shop-prod', '1'), (e) => isBotvError(e, 'PROTECTED'));
    const forced = await ws.save('shop-prod', { force: true, reason: 'hotfix' });
    assert.deepEqual(forced.version.forced, { reason: 'hotfix' });
    assert.ok((await ws.history('shop-prod')).some((h) => h.summary.includes('forced: hotfix')));
  });

  it('refuses to save file names that cannot be restored everywhere', async () => {
    const root = copyFixture();
    put(root, 'shop-dev/Notes.txt', 'a');
    put(root, 'shop-dev/notes.txt', 'b');
    const ws = await open(root);
    await assert.rejects(ws.save('shop-dev'), (e) => isBotvError(e, 'UNSAFE_PATH') && /differ only in case/.test(e.message));
  });

  it('resolves numbers, v-labels, id prefixes, latest and @environment, and says when a reference is not one', async () => {
    const root = copyFixture();
    const ws = await open(root);
    const v1 = (await ws.save('shop-dev')).version;
    put(root, 'shop-dev/a.txt', '1');
    const v2 = (await ws.save('shop-dev')).version;
    await ws.setEnvironment('shop-dev', 'staging', '1');
    assert.equal((await ws.resolveVersion('shop-dev', '2')).id, v2.id);
    assert.equal((await ws.resolveVersion('shop-dev', 'V1')).id, v1.id);
    assert.equal((await ws.resolveVersion('shop-dev', v2.id.slice(0, 6))).id, v2.id);
    assert.equal((await ws.resolveVersion('shop-dev', 'latest')).id, v2.id);
    assert.equal((await ws.resolveVersion('shop-dev', '@staging')).id, v1.id);
    await assert.rejects(ws.resolveVersion('shop-dev', 'banana'), (e) => isBotvError(e, 'BAD_ARGUMENT'));
    await assert.rejects(ws.resolveVersion('shop-dev', '9'), (e) => isBotvError(e, 'NO_VERSION') && /botv versions shop-dev/.test(e.message));
    await assert.rejects(ws.resolveVersion('nobot', '1'), (e) => isBotvError(e, 'NO_BOT') && /shop-dev/.test(e.message));
  });

  it('deletes a version only when nothing needs it', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    put(root, 'shop-dev/a.txt', '1');
    await ws.save('shop-dev');
    await ws.setEnvironment('shop-dev', 'development', '1');
    await assert.rejects(ws.deleteVersion('shop-dev', '1'), (e) => isBotvError(e, 'VERSION_IN_USE') && /development/.test(e.message));
    await ws.pin('shop-dev', '2');
    await assert.rejects(ws.deleteVersion('shop-dev', '2'), (e) => isBotvError(e, 'VERSION_IN_USE') && /pinned/.test(e.message));
    await ws.unpin('shop-dev', '2');
    await ws.createRelease('shop-dev', '2', 'shop-prod');
    await assert.rejects(ws.deleteVersion('shop-dev', '2'), (e) => isBotvError(e, 'VERSION_IN_USE') && /pending release/.test(e.message));
    await ws.rejectRelease('shop-prod', 'latest');
    assert.equal((await ws.deleteVersion('shop-dev', '2')).label, 'v2');
    assert.deepEqual((await ws.versions('shop-dev')).map((v) => v.label), ['v1']);
    assert.ok((await ws.history('shop-dev')).some((h) => h.action === 'delete' && h.version?.number === 2));
  });

  it('keeps the newest N versions and every version still needed', async () => {
    const root = copyFixture();
    const ws = await open(root);
    for (let i = 1; i <= 8; i++) {
      put(root, 'shop-dev/counter.txt', String(i));
      await ws.save('shop-dev');
    }
    await ws.setEnvironment('shop-dev', 'production', '1');
    await ws.setEnvironment('shop-dev', 'production', '2');
    await ws.pin('shop-dev', '3');
    const dry = await ws.applyRetention('shop-dev', { keep: 3, dryRun: true });
    assert.deepEqual(dry.removed.map((v) => v.label), ['v5', 'v4']);
    assert.deepEqual(dry.retained.map((v) => [v.label, v.reason]), [
      ['v3', 'pinned'],
      ['v2', 'held by production'],
      ['v1', "in production's rollback history"],
    ]);
    assert.equal((await ws.versions('shop-dev')).length, 8, 'a dry run removes nothing');
    await ws.applyRetention('shop-dev', { keep: 3 });
    assert.deepEqual((await ws.versions('shop-dev')).map((v) => v.label), ['v8', 'v7', 'v6', 'v3', 'v2', 'v1']);
    await ws.rollback('shop-dev', 'production');
    assert.equal((await ws.environments('shop-dev')).find((e) => e.name === 'production')!.label, 'v1');
  });

  it('applies configured retention after each save', async () => {
    const root = copyFixture();
    put(root, '.botversions/config.json', JSON.stringify({ retention: { keep: 2 } }));
    const ws = await open(root);
    let removed: string[] = [];
    for (let i = 1; i <= 4; i++) {
      put(root, 'shop-dev/counter.txt', String(i));
      removed = (await ws.save('shop-dev')).removedByRetention.map((v) => v.label);
    }
    assert.deepEqual(removed, ['v2']);
    assert.deepEqual((await ws.versions('shop-dev')).map((v) => v.label), ['v4', 'v3']);
  });

  it('writes .gitignore and .gitattributes so the store merges cleanly', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    assert.match(get(root, '.botversions/.gitignore'), /^local\/$/m);
    assert.match(get(root, '.botversions/.gitattributes'), /^\* -text$/m);
    assert.deepEqual(readdirSync(join(root, '.botversions')).sort(), ['.gitattributes', '.gitignore', 'bots', 'config.json', 'local', 'objects']);
  });
});
