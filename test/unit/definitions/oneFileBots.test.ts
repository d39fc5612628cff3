// Bots that are one file known by its content (the seam's `fileMarkers`/`recogniseFile`),
// in the workspace the editor and `botv validate` use: each such file is a bot of its own,
// several to a folder; a file so claimed is no marker of its folder (a LivePerson export
// saved as bot.json is not a native manifest); inside a bot folder such a file is that bot's
// file; edits that make a file one or stop it being one are followed. Run with a test format
// (support/oneFileFormat.ts), apart from any real one.
import { strict as assert } from 'node:assert';
import { BotWorkspace, fileMarkerCovers, validateBotFiles } from '../../../server/src/definitions/index';
import { exportJson, oneFileFormat, WITH_ONE_FILE } from './support/oneFileFormat';

const MANIFEST = 'bot:\n  id: shop\n  locales: [en-US]\ninclude: [parts/*.yaml]\n';
const bots = (ws: BotWorkspace) => ws.getBots().map((b) => [b.format, b.dir, b.files]);

describe('definitions: bots that are one file', () => {
  it('matches file markers by name, case-insensitively, with * for any run of characters', () => {
    assert.ok(fileMarkerCovers('*.json', 'Support Bot.JSON'));
    assert.ok(fileMarkerCovers('*.json', '.json'));
    assert.ok(!fileMarkerCovers('*.json', 'bot.jsonc'));
    assert.ok(fileMarkerCovers('bot-*.json', 'bot-dev.json'));
    assert.ok(!fileMarkerCovers('bot-*.json', 'other.json'));
    assert.ok(fileMarkerCovers('a*b*c', 'abc') && fileMarkerCovers('a*b*c', 'a-b-c') && !fileMarkerCovers('a*b*c', 'acb'));
  });

  it('finds each file of a folder that is one, under any name, as a bot whose folder is the file', () => {
    const ws = new BotWorkspace(WITH_ONE_FILE);
    ws.setDocument('bots/Support Bot.json', exportJson('support'));
    ws.setDocument('bots/sales.json', exportJson('sales'));
    ws.setDocument('bots/package.json', '{\n  "name": "not-a-bot",\n  "conversationMessage": []\n}\n');
    assert.deepEqual(bots(ws).sort(), [
      ['liveperson', 'bots/Support Bot.json', ['bots/Support Bot.json']],
      ['liveperson', 'bots/sales.json', ['bots/sales.json']],
    ]);
    assert.equal(ws.formatOf('bots/sales.json'), oneFileFormat);
    assert.equal(ws.botOf('bots/package.json'), undefined);
  });

  it('takes a bot.json whose content is such a bot for that bot, not for a native manifest', () => {
    const ws = new BotWorkspace(WITH_ONE_FILE);
    ws.setDocument('lp/bot.json', exportJson('support'));
    assert.deepEqual(bots(ws), [['liveperson', 'lp/bot.json', ['lp/bot.json']]]);
    assert.deepEqual(ws.getDiagnostics('lp/bot.json'), [], 'no shape/unknown-key errors of a native manifest');
    // A native bot.json stays a manifest.
    ws.setDocument('shop/bot.json', JSON.stringify({ bot: { id: 'shop', locales: ['en-US'] } }, null, 2));
    assert.deepEqual(bots(ws).map(([f, d]) => [f, d]).sort(), [
      ['liveperson', 'lp/bot.json'],
      ['native', 'shop'],
    ]);
  });

  it('follows edits that make a file a bot by itself, or stop it being one', () => {
    const ws = new BotWorkspace(WITH_ONE_FILE);
    ws.setDocument('lp/bot.json', JSON.stringify({ bot: { id: 'lp', locales: ['en-US'] } }, null, 2));
    assert.deepEqual(bots(ws).map(([f, d]) => [f, d]), [['native', 'lp']]);
    const became = ws.setDocument('lp/bot.json', exportJson('support'));
    assert.deepEqual(bots(ws).map(([f, d]) => [f, d]), [['liveperson', 'lp/bot.json']]);
    assert.ok(became.affected.includes('lp/bot.json'));
    ws.setDocument('lp/bot.json', '{\n  "bot": { "id": "lp", "locales": ["en-US"] }\n}\n');
    assert.deepEqual(bots(ws).map(([f, d]) => [f, d]), [['native', 'lp']]);
    ws.setDocument('lp/bot.json', exportJson('support'));
    ws.removeDocument('lp/bot.json');
    assert.deepEqual(bots(ws), []);
  });

  it('leaves such a file inside a bot folder to be that bot\'s file, and gives it back when the folder stops being a bot', () => {
    const ws = new BotWorkspace(WITH_ONE_FILE);
    ws.setDocument('shop/exports/support.json', exportJson('support'));
    assert.deepEqual(bots(ws).map(([f, d]) => [f, d]), [['liveperson', 'shop/exports/support.json']]);
    ws.setDocument('shop/bot.yaml', MANIFEST);
    assert.deepEqual(bots(ws).map(([f, d]) => [f, d]), [['native', 'shop']]);
    assert.equal(ws.formatOf('shop/exports/support.json'), undefined, 'not one of the native bot\'s included files, and no bot of its own');
    ws.removeDocument('shop/bot.yaml');
    assert.deepEqual(bots(ws).map(([f, d]) => [f, d]), [['liveperson', 'shop/exports/support.json']]);
  });

  it('never takes a zip\'s entry for such a bot', () => {
    const ws = new BotWorkspace(WITH_ONE_FILE);
    ws.setDocument('exports/x.zip/support.json', exportJson('support'));
    assert.deepEqual(bots(ws), []);
  });

  it('validates a stored version that is the one file', () => {
    const found = validateBotFiles([oneFileFormat], new Map([['support.json', exportJson('support')]]));
    assert.deepEqual(found, []);
    const none = validateBotFiles([oneFileFormat], new Map([['support.json', '{}\n']]));
    assert.deepEqual(none.map((d) => d.code), ['bot/missing-section']);
  });

  it('survives a recogniser that throws: the file is no bot', () => {
    const throwing = { ...oneFileFormat, recogniseFile: () => { throw new Error('boom'); } };
    const ws = new BotWorkspace([throwing]);
    ws.setDocument('a.json', exportJson('a'));
    assert.deepEqual(bots(ws), []);
  });
});
