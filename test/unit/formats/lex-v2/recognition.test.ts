// Lex V2 exports found as they are: a folder with Manifest.json (or manifest.json, with
// `metaData` or `metadata`) beside a bot folder holding Bot.json and BotLocales/, whatever
// the folders are called; a committed zip, at its root or one folder deep, junk ignored; a
// locale export without Bot.json. Identity from Bot.json's `name`, locales from the folder
// names. The store finds the same bots, and a zip beside its unzipped copy is a second bot
// with an id of its own.
import { strict as assert } from 'node:assert';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { createWorkspace } from '../../../../server/src/formats/index';
import { lexFormat } from '../../../../server/src/formats/lex-v2/index';
import { open, put, tempDir } from '../../versioning/support/workspace';

const FIXTURES = join(__dirname, '../../../fixtures/lex-v2');
const enc = (s: string) => new TextEncoder().encode(s);
const MANIFEST = '{"metaData":{"schemaVersion":"1","fileFormat":"LexJson","resourceType":"BOT"}}';
const bot = (name: string) => JSON.stringify({ name, version: 'DRAFT', identifier: 'ABCDEFGHIJ', dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 });
const locale = (id: string) => JSON.stringify({ name: id, identifier: id, nluConfidenceThreshold: 0.4 });
const intent = (name: string) => JSON.stringify({ name, parentIntentSignature: null, sampleUtterances: [{ utterance: 'hello there' }], slotPriorities: [] });

function probeOf(files: Record<string, string>) {
  const ws = createWorkspace();
  for (const [p, t] of Object.entries(files)) ws.setDocument(p, t);
  return ws;
}

describe('lex-v2: recognition and identity', () => {
  it('recognises a folder export whatever its folders are called, and no folder without its manifest', () => {
    const ws = probeOf({
      'bots/export-1/Manifest.json': MANIFEST,
      'bots/export-1/Pizza_Bot/Bot.json': bot('PizzaOrders'),
      'bots/export-1/Pizza_Bot/BotLocales/en_US/BotLocale.json': locale('en_US'),
      'bots/export-1/Pizza_Bot/BotLocales/pt_BR/BotLocale.json': locale('pt_BR'),
      'bots/export-1/Pizza_Bot/BotLocales/en_US/Intents/Hello/Intent.json': intent('Hello'),
      // A web app's manifest.json is no Lex export.
      'web/public/manifest.json': '{"short_name":"App"}',
      'web/public/icons/icon.json': '{}',
    });
    assert.deepEqual(
      ws.getBots().map((b) => [b.format, b.dir, b.manifest, b.locales]),
      [['lex-v2', 'bots/export-1', 'bots/export-1/Pizza_Bot/Bot.json', ['en_US', 'pt_BR']]],
    );
  });

  it('is recognised again when its bot folder comes after its manifest, and not once the manifest goes', () => {
    const ws = createWorkspace();
    ws.setDocument('e/manifest.json', '{"metadata":{"schemaVersion":"1.0","fileFormat":"LexJson","resourceType":"Bot"}}');
    assert.deepEqual(ws.getBots(), []);
    ws.setDocument('e/B/Bot.json', bot('B'));
    ws.setDocument('e/B/BotLocales/it_IT/BotLocale.json', locale('it_IT'));
    assert.deepEqual(ws.getBots().map((b) => [b.dir, b.locales]), [['e', ['it_IT']]]);
    assert.deepEqual(ws.getDiagnostics('e/manifest.json'), [], 'the docs spelling is read');
    ws.removeDocument('e/manifest.json');
    assert.deepEqual(ws.getBots(), []);
  });

  it('reads a locale export (BOT_LOCALE) without Bot.json', () => {
    const ws = probeOf({
      'x/Manifest.json': '{"metaData":{"schemaVersion":"1","fileFormat":"LexJson","resourceType":"BOT_LOCALE"}}',
      'x/Shop/BotLocales/de_DE/BotLocale.json': locale('de_DE'),
      'x/Shop/BotLocales/de_DE/Intents/Hello/Intent.json': intent('Hello'),
    });
    assert.deepEqual(ws.getBots().map((b) => [b.dir, b.manifest, b.locales]), [['x', 'x/Manifest.json', ['de_DE']]]);
  });

  it('gives the identity of Bot.json: its name as the id, the folders under BotLocales/ as locales', () => {
    const files = new Map([
      ['Manifest.json', MANIFEST],
      ['Folder/Bot.json', bot('Cafe Orders')],
      ['Folder/BotLocales/fr_FR/BotLocale.json', locale('fr_FR')],
      ['Folder/BotLocales/en_US/BotLocale.json', locale('en_US')],
    ]);
    const has = (m: string) => [...files.keys()].some((k) => k === m);
    const probe = {
      dir: 'x',
      hasFile: (m: string) => has(m) || (m.includes('*') && (probe.matches(m).length > 0)),
      hasDir: () => false,
      read: (m: string) => files.get(m),
      matches: (m: string) => [...files.keys()].filter((k) => new RegExp(`^${m.replace(/\./g, '\\.').replace(/\*/g, '[^/]+')}$`).test(k)).sort(),
    };
    const recognition = lexFormat.recognise(probe)!;
    assert.deepEqual(recognition, { marker: 'Folder/Bot.json' });
    assert.deepEqual(lexFormat.identity(probe, recognition), { id: 'cafe-orders', name: 'Cafe Orders', locales: ['en_US', 'fr_FR'], keep: [] });
    // A Bot.json that does not parse still makes a bot; the folder then names it.
    files.set('Folder/Bot.json', '{"name": ');
    assert.deepEqual(lexFormat.identity(probe, recognition), { locales: ['en_US', 'fr_FR'], keep: [] });
  });

  it('reads a zip at its root and one folder deep, ignoring __MACOSX and ._ files', () => {
    const ws = createWorkspace();
    ws.setArchive('a/Root-LexJson.zip', zipSync({ 'Manifest.json': enc(MANIFEST), 'R/Bot.json': enc(bot('R')), 'R/BotLocales/en_US/BotLocale.json': enc(locale('en_US')) }));
    ws.setArchive(
      'a/Nested_1_X_LexJson.zip',
      zipSync({
        'Export/Manifest.json': enc(MANIFEST),
        'Export/N/Bot.json': enc(bot('N')),
        'Export/N/BotLocales/en_GB/BotLocale.json': enc(locale('en_GB')),
        '__MACOSX/Export/._Manifest.json': enc('junk'),
        'Export/N/._Bot.json': enc('junk'),
      }),
    );
    assert.deepEqual(
      ws.getBots().map((b) => [b.dir, b.locales, b.files.length]).sort(),
      [
        ['a/Nested_1_X_LexJson.zip/Export', ['en_GB'], 3],
        ['a/Root-LexJson.zip', ['en_US'], 3],
      ],
    );
  });

  it('in the store: found where it is with its name, locales and format; a zip beside its unzipped copy is a second bot', async () => {
    const root = tempDir('botv-lex-');
    cpSync(join(FIXTURES, 'clean'), join(root, 'bots', 'CafeOrders-DRAFT-export'), { recursive: true });
    put(root, 'bots/CafeOrders-DRAFT-7XK2Q9B4ML-LexJson.zip', readFileSync(join(FIXTURES, 'zip', 'CafeOrders-DRAFT-7XK2Q9B4ML-LexJson.zip')));
    put(root, 'nested/CafeOrders_1_R2D2C3PO42_LexJson.zip', readFileSync(join(FIXTURES, 'zip-nested', 'CafeOrders_1_R2D2C3PO42_LexJson.zip')));
    const ws = await open(root);
    const { bots, problems } = await ws.bots();
    assert.deepEqual(problems, []);
    assert.deepEqual(
      bots.map((b) => [b.id, b.name, b.format, b.dir, b.locales, b.file, b.manifest]),
      [
        ['cafeorders', 'CafeOrders', 'lex-v2', 'bots/CafeOrders-DRAFT-export', ['en_US', 'fr_FR'], undefined, 'CafeOrders/Bot.json'],
        ['cafeorders-1-r2d2c3po42-lexjson', 'CafeOrders', 'lex-v2', 'nested/CafeOrders_1_R2D2C3PO42_LexJson.zip', ['en_US', 'fr_FR'], 'CafeOrders_1_R2D2C3PO42_LexJson.zip', 'CafeOrders-export/CafeOrders/Bot.json'],
        ['cafeorders-draft-7xk2q9b4ml-lexjson', 'CafeOrders', 'lex-v2', 'bots/CafeOrders-DRAFT-7XK2Q9B4ML-LexJson.zip', ['en_US', 'fr_FR'], 'CafeOrders-DRAFT-7XK2Q9B4ML-LexJson.zip', 'CafeOrders/Bot.json'],
      ],
    );
    // A new locale folder is part of the identity at once (the cache follows the locale folders).
    put(root, 'bots/CafeOrders-DRAFT-export/CafeOrders/BotLocales/de_DE/BotLocale.json', locale('de_DE'));
    const again = (await ws.bots()).bots.find((b) => b.id === 'cafeorders')!;
    assert.deepEqual(again.locales, ['de_DE', 'en_US', 'fr_FR']);
  });
});
