// A committed export zip is a bot of its own: found where it is (beside its unzipped copy,
// which is another bot), identified by what is inside it, versioned as the zip's bytes —
// saved and restored byte for byte — and never unpacked into the workspace. (No format of
// the registry reads zips yet: the store is opened with the native format as one that does.)
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { BotFormat } from '../../../server/src/definitions/index';
import { nativeFormat } from '../../../server/src/formats/native/index';
import { open, put, tempDir } from './support/workspace';

const zipping: BotFormat = { ...nativeFormat, zips: true };
const enc = (s: string) => new TextEncoder().encode(s);
const manifest = (id: string) => `bot:\n  id: ${id}\n  name: Shop\n  locales: [en-US]\ninclude: [intents/*.yaml]\n`;

describe('export zips as bots in the store', function () {
  this.timeout(30_000);

  it('finds a zip beside its unzipped copy as a second bot, and versions its bytes', async () => {
    const root = tempDir('botv-zip-');
    put(root, 'shop/bot.yaml', manifest('shop'));
    put(root, 'shop/intents/main.yaml', 'intents: []\n');
    mkdirSync(join(root, 'exports'), { recursive: true });
    const zip = zipSync({ 'shop/bot.yaml': enc(manifest('shop-export')), 'shop/intents/main.yaml': enc('intents: []\n'), '__MACOSX/shop/._bot.yaml': enc('junk') });
    writeFileSync(join(root, 'exports', 'Shop-Export.zip'), zip);
    const ws = await open(root, { formats: [zipping] });
    const { bots } = await ws.bots();
    assert.deepEqual(
      bots.map((b) => [b.id, b.dir, b.file, b.manifest]),
      [
        ['shop', 'shop', undefined, 'bot.yaml'],
        ['shop-export', 'exports/Shop-Export.zip', 'Shop-Export.zip', 'shop/bot.yaml'],
      ],
    );
    const v1 = await ws.save('shop-export');
    const shown = await ws.version('shop-export', String(v1.version.number));
    assert.deepEqual(shown.tree.map((f) => f.path), ['Shop-Export.zip'], 'the version holds the zip itself, nothing unpacked');
    // A newer export replaces the zip; restoring v1 gives the old bytes back exactly.
    writeFileSync(join(root, 'exports', 'Shop-Export.zip'), zipSync({ 'shop/bot.yaml': enc(manifest('shop-export')), 'shop/intents/main.yaml': enc('intents:\n  - name: Hello\n') }));
    assert.equal((await ws.workingCopyStatus('shop-export')).clean, false);
    await ws.restore('shop-export', String(v1.version.number));
    assert.deepEqual(new Uint8Array(readFileSync(join(root, 'exports', 'Shop-Export.zip'))), zip);
    assert.deepEqual(readdirSync(join(root, 'exports')), ['Shop-Export.zip'], 'nothing is unpacked beside it');
  });

  it('leaves a zip that no format claims, and one inside a bot\'s folder, to be an ordinary file', async () => {
    const root = tempDir('botv-zip-');
    put(root, 'shop/bot.yaml', manifest('shop'));
    writeFileSync(join(root, 'shop', 'backup.zip'), zipSync({ 'bot.yaml': enc(manifest('inner')) }));
    writeFileSync(join(root, 'photos.zip'), zipSync({ 'a.txt': enc('not a bot') }));
    const ws = await open(root, { formats: [zipping] });
    assert.deepEqual((await ws.bots()).bots.map((b) => b.id), ['shop']);
    const v = await ws.save('shop');
    assert.deepEqual((await ws.version('shop', String(v.version.number))).tree.map((f) => f.path), ['backup.zip', 'bot.yaml']);
  });
});

describe('export zips in the semantic diff', function () {
  this.timeout(30_000);

  it('compares two exports by what they hold, in the format\'s terms', async () => {
    const root = tempDir('botv-zip-');
    const bot = (utterances: string) =>
      zipSync({ 'shop/bot.yaml': enc(manifest('shop-export')), 'shop/intents/main.yaml': enc(`intents:\n  - name: Hello\n    utterances:\n      en-US: [${utterances}]\n`) });
    mkdirSync(join(root, 'exports'), { recursive: true });
    writeFileSync(join(root, 'exports', 'shop.zip'), bot('hi, hello there'));
    const ws = await open(root, { formats: [zipping] });
    await ws.save('shop-export');
    writeFileSync(join(root, 'exports', 'shop.zip'), bot('hi, hello there, good morning'));
    await ws.save('shop-export');
    const texts = await ws.diffTexts('shop-export', '1', '2');
    assert.deepEqual([...texts.before.keys()].sort(), ['bot.yaml', 'intents/main.yaml']);
    assert.match(texts.after.get('intents/main.yaml')!, /good morning/);
  });
});
