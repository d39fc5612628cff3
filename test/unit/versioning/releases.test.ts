import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError } from '../../../server/src/versioning/index';
import { copyFixture, get, open, put } from './support/workspace';

async function setup() {
  const root = copyFixture();
  const ws = await open(root);
  await ws.save('shop-prod');
  put(root, 'shop-dev/intents/order.yaml', 'intents:\n  - name: Order\n    utterances:\n      en-US: [I want to order]\n');
  const v = (await ws.save('shop-dev', { name: 'ordering', description: 'adds ordering' })).version;
  return { root, ws, v };
}

describe('releases', () => {
  it('creates a pending release that both bots can see', async () => {
    const { ws, v } = await setup();
    const r = await ws.createRelease('shop-dev', '1', 'shop-prod');
    assert.equal(r.status, 'pending');
    assert.equal(r.fromVersion.id, v.id);
    assert.equal(r.name, 'shop-dev v1 (ordering)');
    assert.equal(r.description, 'adds ordering');
    assert.deepEqual((await ws.releases('shop-prod')).map((x) => x.id), [r.id]);
    assert.deepEqual((await ws.releases('shop-dev', { direction: 'out' })).map((x) => x.id), [r.id]);
    await assert.rejects(ws.createRelease('shop-dev', '1', 'shop-prod'), (e) => isBotvError(e, 'BAD_ARGUMENT') && /already waits/.test(e.message));
    await assert.rejects(ws.createRelease('shop-dev', '1', 'shop-dev'), (e) => isBotvError(e, 'BAD_ARGUMENT'));
  });

  it('accepts: released files replace the working copy, the bot keeps its identity and its own files', async () => {
    const { root, ws } = await setup();
    put(root, 'shop-prod/secrets/extra.yaml', 'token: prod-only\n');
    const r = await ws.createRelease('shop-dev', '1', 'shop-prod');
    const a = await ws.acceptRelease('shop-prod', r.shortId);
    const manifest = get(root, 'shop-prod/bot.yaml');
    assert.match(manifest, /^# The shop bot, development twin\.$/m, 'the released manifest, comments included');
    assert.match(manifest, /^ {2}id: shop-prod$/m);
    assert.match(manifest, /^ {2}name: Shop \(production\) {3}# shown in the editor$/m, 'the name is replaced in place, its comment kept');
    assert.match(manifest, /^ {2}locales: \[en-US\]$/m, 'the rest of the file is untouched');
    assert.match(manifest, /url: \$\{API_URL\}\/lookup/);
    assert.equal(get(root, 'shop-prod/secrets/keys.yaml'), 'apiKey: vault://shop-prod/api-key\n');
    assert.equal(get(root, 'shop-prod/secrets/extra.yaml'), 'token: prod-only\n');
    assert.equal(get(root, 'shop-prod/intents/order.yaml'), get(root, 'shop-dev/intents/order.yaml'));
    assert.deepEqual(a.kept, ['secrets/extra.yaml', 'secrets/keys.yaml']);
    assert.deepEqual(a.version.origin, { kind: 'released', release: r.id, fromBot: 'shop-dev', fromVersion: r.fromVersion.id, fromNumber: 1 });
    assert.equal(a.autoSaved?.label, 'v2', 'the unsaved secrets/extra.yaml was saved first');
    assert.equal(a.version.label, 'v3');
    assert.equal(a.release.status, 'accepted');
    assert.equal(a.release.acceptedVersion?.label, 'v3');
    const saved = await ws.version('shop-prod', '3');
    assert.ok(saved.tree.some((f) => f.path === 'secrets/extra.yaml'), 'the kept files are part of the version');
    assert.equal((await ws.workingCopyStatus('shop-prod')).clean, true);
    await assert.rejects(ws.acceptRelease('shop-prod', r.id), (e) => isBotvError(e, 'RELEASE_RESOLVED') && /accepted as v3/.test(e.message));
    const h = await ws.history('shop-prod');
    assert.ok(h.some((x) => x.action === 'release-accept' && x.summary.includes('shop-dev v1')));
  });

  it('removes files the release no longer has, but never the kept ones', async () => {
    const { root, ws } = await setup();
    put(root, 'shop-prod/old.yaml', 'a: 1\n');
    await ws.save('shop-prod', { force: true, reason: 'test' });
    const r = await ws.createRelease('shop-dev', '1', 'shop-prod');
    const a = await ws.acceptRelease('shop-prod', r.id);
    assert.deepEqual(a.removed, ['old.yaml']);
    assert.ok(!existsSync(join(root, 'shop-prod/old.yaml')));
    assert.equal(a.autoSaved, null);
  });

  it('rejects with a reason, and a rejected release cannot be accepted', async () => {
    const { ws } = await setup();
    const r = await ws.createRelease('shop-dev', '1', 'shop-prod');
    const x = await ws.rejectRelease('shop-prod', 'latest', { reason: 'not yet' });
    assert.equal(x.status, 'rejected');
    assert.equal(x.reason, 'not yet');
    await assert.rejects(ws.acceptRelease('shop-prod', r.id), (e) => isBotvError(e, 'RELEASE_RESOLVED') && /rejected/.test(e.message));
    await assert.rejects(ws.acceptRelease('shop-prod', 'latest'), (e) => isBotvError(e, 'NO_RELEASE'));
    await assert.rejects(ws.acceptRelease('shop-prod', 'zz'), (e) => isBotvError(e, 'BAD_ARGUMENT'));
  });

  it('rewrites a JSON manifest with jsonc-parser edits, keeping its comments', async () => {
    const root = copyFixture();
    put(root, 'json-prod/bot.json', '{\n  // production twin\n  "bot": { "id": "json-prod", "name": "JSON prod" },\n  "release": { "keep": ["local/**"] }\n}\n');
    put(root, 'json-prod/local/x.txt', 'mine');
    const ws = await open(root);
    await ws.save('json-bot');
    const r = await ws.createRelease('json-bot', '1', 'json-prod');
    await ws.acceptRelease('json-prod', r.id);
    const text = get(root, 'json-prod/bot.json');
    assert.match(text, /\/\/ A bot whose manifest is JSON with comments\./);
    assert.match(text, /"id": "json-prod"/);
    assert.match(text, /"name": "JSON prod"/);
    assert.match(text, /"release": \{/);
    assert.match(text, /"local\/\*\*"/);
    assert.equal(get(root, 'json-prod/local/x.txt'), 'mine');
    assert.ok((await ws.bots()).bots.some((b) => b.id === 'json-prod'));
  });
});
