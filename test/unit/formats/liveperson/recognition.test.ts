// Recognition and identity of LivePerson bots: a JSON file is a bot by its top-level keys
// (never by its name), skimmed without a parse and told from its first key when it is not
// one; an export being typed into stays one; an export saved as bot.json is a LivePerson bot
// with no native finding; the bot id is its name without the date and time an import appends.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkspace } from '../../../../server/src/formats/index';
import { livePersonFormat } from '../../../../server/src/formats/liveperson/index';
import { readLivePersonIdentity } from '../../../../server/src/formats/liveperson/identity';
import { skimExport, topLevelValue } from '../../../../server/src/formats/liveperson/recognise';

const CLEAN = readFileSync(join(__dirname, '../../../fixtures/liveperson/clean/harbor-bikes-support.json'), 'utf8');

describe('liveperson: recognition', () => {
  it('knows an export by its top-level keys, and any other JSON by its first key', () => {
    assert.equal(skimExport(CLEAN, false), 'yes');
    assert.equal(skimExport(JSON.stringify(JSON.parse(CLEAN)), false), 'yes', 'minified');
    assert.equal(skimExport('{"name": "pkg", "bot": {}, "conversationMessage": []}', false), 'no', 'a first key no export has');
    assert.equal(skimExport('{"bot": {"conversationMessage": []}, "groups": []}', false), 'no', 'a nested key does not count');
    assert.equal(skimExport('{"bot": {}}', false), 'no');
    assert.equal(skimExport('[1, 2]', false), 'no');
    assert.equal(skimExport('', false), 'no');
    assert.equal(skimExport('\ufeff  {"hash": "1", "bot": {"name": "x"}, "conversationMessage": []}', false), 'yes', 'a byte order mark');
  });

  it('asks for more of a beginning that cannot tell, and tells from one that can', () => {
    assert.equal(skimExport(CLEAN.slice(0, 200), true), 'more');
    assert.equal(skimExport('{\n  "compilerOptions": {', true), 'no');
    const late = CLEAN.indexOf('"conversationMessage"');
    assert.equal(skimExport(CLEAN.slice(0, late + 30), true), 'yes');
  });

  it('stays an export while a person types a mistake into it', () => {
    const missingComma = CLEAN.replace('"status": "NEW",', '"status": "NEW"');
    const strayColon = CLEAN.replace('"sessionLength": 0,', '"sessionLength": : 0,');
    assert.equal(skimExport(missingComma, false), 'yes');
    assert.equal(skimExport(strayColon, false), 'yes');
    assert.deepEqual(livePersonFormat.recogniseFile!('support.json', missingComma, false), { marker: 'support.json' });
  });

  it('finds a top-level value without parsing the rest', () => {
    const at = topLevelValue(CLEAN, 'bot')!;
    assert.equal(JSON.parse(CLEAN.slice(at.start, at.end)).name, 'Harbor Bikes Support');
    const text = '{"a": "x\\"}", "b": [1, {"c": "]"}], "d": 3}';
    const d = topLevelValue(text, 'd')!;
    assert.equal(text.slice(d.start, d.end), '3');
    assert.equal(topLevelValue('[]', 'bot'), undefined);
  });

  it('takes an export saved as bot.json for a LivePerson bot, with no native finding', () => {
    const ws = createWorkspace();
    ws.setDocument('support/bot.json', CLEAN);
    assert.deepEqual(ws.getBots().map((b) => [b.format, b.dir, b.id, b.locales]), [['liveperson', 'support/bot.json', 'harbor-bikes-support', ['en-US']]]);
    assert.deepEqual(ws.getDiagnostics('support/bot.json').map((d) => d.code), []);
    // A native manifest beside it is a native bot as before.
    ws.setDocument('shop/bot.json', JSON.stringify({ bot: { id: 'shop', locales: ['en-US'] } }, null, 2));
    assert.deepEqual(ws.getBots().map((b) => b.format).sort(), ['liveperson', 'native']);
  });

  it('reads its identity from bot.name, the date and time of an import left out, else bot.id', () => {
    const imported = CLEAN.replace('"name": "Harbor Bikes Support"', '"name": "Harbor Bikes Support (09-16-2021 05:42)"');
    assert.deepEqual(readLivePersonIdentity(imported, 'x.json'), { locales: ['en-US'], keep: [], name: 'Harbor Bikes Support (09-16-2021 05:42)', id: 'harbor-bikes-support' });
    const unnamed = CLEAN.replace('"name": "Harbor Bikes Support",', '');
    assert.equal(readLivePersonIdentity(unnamed, 'x.json').id, JSON.parse(CLEAN).bot.id);
    assert.deepEqual(readLivePersonIdentity(undefined, 'x.json').problem, 'x.json could not be read');
    assert.deepEqual(readLivePersonIdentity('{"bot": 3, "conversationMessage": []}', 'x.json'), { locales: [], keep: [] });
  });

  it('never throws on broken input, and keeps the bot while its JSON does not parse', () => {
    const ws = createWorkspace();
    const broken = CLEAN.slice(0, CLEAN.length / 2);
    ws.setDocument('support.json', broken);
    assert.deepEqual(ws.getBots().map((b) => b.format), ['liveperson']);
    const codes = new Set(ws.getDiagnostics('support.json').map((d) => d.code));
    assert.deepEqual([...codes].filter((c) => c.startsWith('liveperson/') && c !== 'liveperson/schema'), [], 'absence-based checks wait while the JSON does not parse');
    for (let cut = 0; cut < CLEAN.length; cut += 997) {
      ws.setDocument('support.json', CLEAN.slice(0, cut));
      ws.getDiagnostics('support.json');
    }
  });
});
