// Versions chosen locale by locale (Lex's model, for every format that keeps its locales in
// files of their own): a version saved with some locales, or with a locale's files taken from
// an older version (its bytes, while the others come from the working copy); the record says
// where each locale came from and is read by readers that predate the field; one locale
// restored from a version; a locale deleted from the working copy stays in older versions and
// can be taken back; and a refusal that says why where a bot cannot be versioned by locale.
import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkRecord } from '../../../server/src/versioning/store/schema';
import { copyFixture, get, open, put, tempDir } from './support/workspace';

const LEX = join(__dirname, '../../fixtures/lex-v2');
const BOT = 'cafeorders';
const FR = 'CafeOrders/BotLocales/fr_FR/Intents/CancelOrder/Intent.json';
const EN = 'CafeOrders/BotLocales/en_US/Intents/CancelOrder/Intent.json';

function lexWorkspace(): string {
  const root = tempDir('botv-locales-');
  cpSync(join(LEX, 'clean'), join(root, 'cafe'), { recursive: true });
  return root;
}

const addUtterance = (root: string, rel: string, text: string) => {
  const j = JSON.parse(get(root, `cafe/${rel}`));
  j.sampleUtterances.push({ utterance: text });
  put(root, `cafe/${rel}`, JSON.stringify(j));
};

describe('versions chosen locale by locale', function () {
  this.timeout(60_000);

  it('saves a version with only some locales, and records each one\'s origin', async () => {
    const root = lexWorkspace();
    const ws = await open(root);
    const r = await ws.save(BOT, { locales: ['en_US'] });
    const v = await ws.version(BOT, String(r.version.number));
    assert.deepEqual(v.locales, [{ locale: 'en_US', from: null, fromNumber: null }]);
    assert.ok(v.tree.every((f) => !f.path.includes('/BotLocales/fr_FR/')), 'no file of fr_FR');
    assert.ok(v.tree.some((f) => f.path === 'TestSets/fr_FR/conversations.csv'), 'test sets are files every locale shares');
    assert.ok(v.tree.some((f) => f.path === 'Manifest.json') && v.tree.some((f) => f.path === 'CafeOrders/Bot.json'), 'the shared files');
    // The record on disk carries the field, and is a valid record for a reader that knows nothing of it.
    const dir = join(root, '.botversions', 'bots', BOT, 'versions');
    const record = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8'));
    assert.deepEqual(record.locales, [{ from: null, fromNumber: null, locale: 'en_US' }]);
    assert.equal(checkRecord(record, ['version']), null);
    const { locales, ...old } = record;
    void locales;
    assert.equal(checkRecord(old, ['version']), null, 'a record without it is valid too');
  });

  it('takes a locale from an older version: its bytes, the other locales from the working copy', async () => {
    const root = lexWorkspace();
    const ws = await open(root);
    const v1 = await ws.save(BOT);
    assert.deepEqual(v1.version.locales?.map((l) => l.locale), ['en_US', 'fr_FR']);
    const frV1 = get(root, `cafe/${FR}`);
    addUtterance(root, FR, 'Annulez tout');
    addUtterance(root, EN, 'Scrap that order');
    const v2 = await ws.save(BOT, { localeFrom: { fr_FR: String(v1.version.number) } });
    assert.deepEqual(v2.version.locales, [
      { locale: 'en_US', from: null, fromNumber: null },
      { locale: 'fr_FR', from: v1.version.id, fromNumber: v1.version.number },
    ]);
    const fr = new TextDecoder().decode(await ws.readVersionFile(BOT, String(v2.version.number), FR));
    assert.equal(fr, frV1, 'fr_FR as v1 held it');
    const en = new TextDecoder().decode(await ws.readVersionFile(BOT, String(v2.version.number), EN));
    assert.match(en, /Scrap that order/, 'en_US from the working copy');
    // The working copy is untouched by the save, and every object holds what its name says.
    assert.match(get(root, `cafe/${FR}`), /Annulez tout/);
    assert.deepEqual((await ws.verify()).problems, []);
  });

  it('restores one locale from a version, leaving the others as they are', async () => {
    const root = lexWorkspace();
    const ws = await open(root);
    const v1 = await ws.save(BOT);
    const frV1 = get(root, `cafe/${FR}`);
    addUtterance(root, FR, 'Annulez tout');
    addUtterance(root, EN, 'Scrap that order');
    await ws.save(BOT);
    const r = await ws.restore(BOT, String(v1.version.number), { locale: 'fr_FR' });
    assert.deepEqual(r.written, [FR]);
    assert.equal(get(root, `cafe/${FR}`), frV1);
    assert.match(get(root, `cafe/${EN}`), /Scrap that order/);
  });

  it('keeps a locale deleted from the working copy in older versions, and takes it back from one', async () => {
    const root = lexWorkspace();
    const ws = await open(root);
    const v1 = await ws.save(BOT);
    rmSync(join(root, 'cafe', 'CafeOrders', 'BotLocales', 'fr_FR'), { recursive: true });
    const v2 = await ws.save(BOT);
    assert.deepEqual(v2.version.locales?.map((l) => l.locale), ['en_US']);
    assert.ok((await ws.version(BOT, String(v1.version.number))).tree.some((f) => f.path === FR), 'v1 keeps fr_FR');
    await assert.rejects(ws.save(BOT, { locales: ['en_US', 'fr_FR'] }), /no locale fr_FR in its working copy.*--locale fr_FR=<version>/s);
    const v3 = await ws.save(BOT, { localeFrom: { fr_FR: String(v1.version.number) } });
    assert.deepEqual(v3.version.locales?.map((l) => [l.locale, l.fromNumber]), [['en_US', null], ['fr_FR', v1.version.number]]);
    await assert.rejects(ws.save(BOT, { localeFrom: { de_DE: String(v1.version.number) } }), /has no locale de_DE \(it has en_US, fr_FR\)/);
    await assert.rejects(ws.save(BOT, { locales: [] }), /needs at least one locale/);
  });

  it('refuses, saying why, where a bot\'s versions cannot be chosen locale by locale', async () => {
    const root = copyFixture();
    const ws = await open(root);
    const [bot] = (await ws.bots()).bots;
    await assert.rejects(ws.save(bot!.id, { locales: ['en-US'] }), /keep every locale side by side in the same files, so a version takes them all/);
    const zipRoot = tempDir('botv-locales-zip-');
    put(zipRoot, 'exports/CafeOrders-LexJson.zip', readFileSync(join(LEX, 'zip', 'CafeOrders-DRAFT-7XK2Q9B4ML-LexJson.zip')));
    const zws = await open(zipRoot);
    const [zipBot] = (await zws.bots()).bots;
    await assert.rejects(zws.save(zipBot!.id, { locales: ['en_US'] }), /is an export zip \(CafeOrders-LexJson\.zip\), versioned as its bytes/);
  });
});
