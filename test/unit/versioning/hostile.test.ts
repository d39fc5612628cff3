import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError } from '../../../server/src/versioning/index';
import { craftVersion } from './support/craft';
import { copyFixture, open, snapshot, tempDir } from './support/workspace';

const HOSTILE: Record<string, Record<string, string>> = {
  'a parent path': { 'bot.yaml': 'bot: {id: shop-dev}\n', '../escaped.txt': 'x' },
  'a deep parent path': { 'bot.yaml': 'bot: {id: shop-dev}\n', 'a/../../escaped.txt': 'x' },
  'an absolute path': { 'bot.yaml': 'bot: {id: shop-dev}\n', '/tmp/escaped.txt': 'x' },
  'a drive path': { 'bot.yaml': 'bot: {id: shop-dev}\n', 'C:\\escaped.txt': 'x' },
  'backslashes': { 'bot.yaml': 'bot: {id: shop-dev}\n', 'a\\..\\..\\escaped.txt': 'x' },
  'a .git path': { 'bot.yaml': 'bot: {id: shop-dev}\n', '.git/hooks/post-checkout': '#!/bin/sh\n' },
  'a NUL byte': { 'bot.yaml': 'bot: {id: shop-dev}\n', 'a\u0000b.txt': 'x' },
  'names differing only in case': { 'bot.yaml': 'bot: {id: shop-dev}\n', 'Notes.txt': 'a', 'notes.txt': 'b' },
  'a Windows reserved name': { 'bot.yaml': 'bot: {id: shop-dev}\n', 'aux.yaml': 'x' },
};

describe('hostile records', () => {
  for (const [what, files] of Object.entries(HOSTILE)) {
    it(`restore refuses a version with ${what}, before writing anything`, async () => {
      const root = copyFixture();
      const ws = await open(root);
      await ws.save('shop-dev');
      const id = await craftVersion(root, 'shop-dev', 99, files);
      const before = snapshot(root);
      const storeBefore = readdirSync(join(root, '.botversions/bots/shop-dev/versions')).length;
      await assert.rejects(ws.restore('shop-dev', id.slice(0, 8)), (e) => isBotvError(e, 'UNSAFE_PATH') && /nothing was written/.test(e.message));
      assert.deepEqual(snapshot(root), before);
      assert.equal(readdirSync(join(root, '.botversions/bots/shop-dev/versions')).length, storeBefore, 'no auto-save either');
      assert.ok(!existsSync(join(root, 'escaped.txt')) && !existsSync(join(root, '..', 'escaped.txt')));
      assert.ok(!existsSync(join(root, '.botversions/bots/shop-dev/marks')), 'no restore mark');
      assert.ok(!existsSync(join(root, '.botversions/local/journal/shop-dev.json')));
    });
  }

  it('release accept refuses a hostile released version the same way', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-prod');
    const id = await craftVersion(root, 'shop-dev', 1, { 'bot.yaml': 'bot: {id: shop-dev}\n', '../../escaped.txt': 'x' });
    const r = await ws.createRelease('shop-dev', id.slice(0, 8), 'shop-prod');
    const before = snapshot(root);
    await assert.rejects(ws.acceptRelease('shop-prod', r.id), (e) => isBotvError(e, 'UNSAFE_PATH'));
    assert.deepEqual(snapshot(root), before);
    assert.equal((await ws.releases('shop-prod'))[0]!.status, 'pending');
  });

  it('never writes through a folder that is a link out of the bot', async () => {
    const root = copyFixture();
    const ws = await open(root);
    const outside = tempDir();
    await ws.save('shop-dev');
    await craftVersion(root, 'shop-dev', 2, { 'bot.yaml': 'bot: {id: shop-dev}\n', 'linked/evil.yaml': 'x' });
    symlinkSync(outside, join(root, 'shop-dev', 'linked'));
    await assert.rejects(ws.restore('shop-dev', '2'), (e) => isBotvError(e, 'UNSAFE_PATH') && /linked is a link/.test(e.message));
    assert.deepEqual(readdirSync(outside), []);
  });

  it('refuses a folder in the way of a file rather than deleting it', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    await craftVersion(root, 'shop-dev', 2, { 'bot.yaml': 'bot: {id: shop-dev}\n', 'intents': 'now a file' });
    mkdirSync(join(root, 'shop-dev', 'intents', 'sub'), { recursive: true });
    await assert.rejects(ws.restore('shop-dev', '2'), (e) => isBotvError(e, 'UNSAFE_PATH') && /intents is a folder/.test(e.message));
  });
});
