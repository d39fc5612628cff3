// Every versioning feature on Lex V2 exports: a folder export and a committed zip saved byte
// for byte, restored exactly (the zip as the zip, never unpacked), compared in Lex's terms
// (two zips by what they hold, so a re-export with new identifiers is no change), promoted
// and rolled back, and released into a twin that keeps its own name and identifier.
import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { semanticChanges } from '../../../../server/src/formats/index';
import { get, open, put, snapshot, tempDir } from '../../versioning/support/workspace';

const FIXTURES = join(__dirname, '../../../fixtures/lex-v2');
const ZIP = 'CafeOrders-DRAFT-7XK2Q9B4ML-LexJson.zip';
const INTENT = 'CafeOrders/BotLocales/fr_FR/Intents/CancelOrder/Intent.json';

function workspace(): string {
  const root = tempDir('botv-lex-');
  cpSync(join(FIXTURES, 'clean'), join(root, 'cafe'), { recursive: true });
  put(root, `exports/${ZIP}`, readFileSync(join(FIXTURES, 'zip', ZIP)));
  return root;
}

describe('lex-v2: versions of exports', function () {
  this.timeout(60_000);

  it('saves and restores a folder export byte for byte, minified files as they are', async () => {
    const root = workspace();
    const ws = await open(root);
    const before = snapshot(join(root, 'cafe'));
    const v1 = await ws.save('cafeorders', { name: 'first' });
    const minified = get(root, `cafe/${INTENT}`);
    assert.ok(!minified.includes('\n'), 'the fixture file is minified');
    writeFileSync(join(root, 'cafe', ...INTENT.split('/')), JSON.stringify(JSON.parse(minified), null, 2));
    await ws.save('cafeorders', { name: 'pretty' });
    await ws.restore('cafeorders', String(v1.version.number));
    assert.deepEqual(snapshot(join(root, 'cafe')), before);
  });

  it('versions a committed zip as its bytes and compares two exports by what they hold', async () => {
    const root = workspace();
    const ws = await open(root);
    const id = 'cafeorders-draft-7xk2q9b4ml-lexjson';
    const zip = new Uint8Array(readFileSync(join(root, 'exports', ZIP)));
    const v1 = await ws.save(id);
    assert.deepEqual((await ws.version(id, String(v1.version.number))).tree.map((f) => f.path), [ZIP]);
    // A re-export: new identifiers everywhere, and one utterance more in fr_FR.
    const entries = unzipSync(zip);
    const next: Record<string, Uint8Array> = {};
    let n = 0;
    for (const [name, data] of Object.entries(entries)) {
      let text = new TextDecoder().decode(data).replace(/"identifier":\s*"[A-Z0-9]{10}"/g, () => `"identifier":"NEWID${String(n++).padStart(5, '0')}"`);
      if (name === INTENT) {
        const j = JSON.parse(text);
        j.sampleUtterances.push({ utterance: 'Annulez tout' });
        text = JSON.stringify(j);
      }
      next[name] = new TextEncoder().encode(text);
    }
    writeFileSync(join(root, 'exports', ZIP), zipSync(next));
    const v2 = await ws.save(id);
    const texts = await ws.diffTexts(id, String(v1.version.number), String(v2.version.number));
    assert.ok(texts.before.has('CafeOrders/Bot.json'), 'the zip is compared by its entries');
    assert.deepEqual(
      semanticChanges('lex-v2', texts.before, texts.after).changes.map((c) => [c.kind, c.change, c.locale, c.parent, c.name]),
      [['utterance', 'added', 'fr_FR', 'CancelOrder', 'Annulez tout']],
    );
    await ws.restore(id, String(v1.version.number));
    assert.deepEqual(new Uint8Array(readFileSync(join(root, 'exports', ZIP))), zip, 'restored byte for byte');
    assert.deepEqual(readdirSync(join(root, 'exports')), [ZIP], 'nothing unpacked beside it');
  });

  it('promotes and rolls back a version, and releases into a twin that keeps its own name and identifier', async () => {
    const root = workspace();
    const twinBot = JSON.parse(get(root, 'cafe/CafeOrders/Bot.json'));
    cpSync(join(root, 'cafe'), join(root, 'twin'), { recursive: true });
    twinBot.name = 'CafeOrdersStaging';
    twinBot.identifier = 'TWIN123456';
    put(root, 'twin/CafeOrders/Bot.json', JSON.stringify(twinBot, null, 4));
    const ws = await open(root);
    assert.deepEqual((await ws.bots()).bots.map((b) => b.id).sort(), ['cafeorders', 'cafeorders-draft-7xk2q9b4ml-lexjson', 'cafeordersstaging']);
    const v1 = await ws.save('cafeorders');
    const pipeline = (await ws.config()).pipeline;
    await ws.setEnvironment('cafeorders', pipeline[0]!, String(v1.version.number));
    const edited = JSON.parse(get(root, `cafe/${INTENT}`));
    edited.sampleUtterances.push({ utterance: 'Annulez tout' });
    put(root, `cafe/${INTENT}`, JSON.stringify(edited));
    const v2 = await ws.save('cafeorders');
    await ws.setEnvironment('cafeorders', pipeline[0]!, String(v2.version.number));
    await ws.rollback('cafeorders', pipeline[0]!);
    assert.equal((await ws.environments('cafeorders')).find((e) => e.name === pipeline[0])!.version, v1.version.number);

    await ws.save('cafeordersstaging');
    const release = await ws.createRelease('cafeorders', String(v2.version.number), 'cafeordersstaging');
    await ws.acceptRelease('cafeordersstaging', release.id);
    const bot = JSON.parse(get(root, 'twin/CafeOrders/Bot.json'));
    assert.equal(bot.name, 'CafeOrdersStaging');
    assert.equal(bot.identifier, 'TWIN123456');
    assert.equal(get(root, `twin/${INTENT}`), get(root, `cafe/${INTENT}`), 'the released content');
  });
});
