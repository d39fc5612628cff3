// A committed export zip is read in place as a bot by a format whose bots may be zips: its
// entries become read-only documents at `<zip path>/<entry>`, wrapped in one folder or not,
// junk entries ignored, findings named by entry; the zip's own problems are reported at the
// zip; a zip no format claims, or a damaged one, holds nothing and breaks nothing. (No
// format of the registry reads zips yet: this runs the native format as one that does.)
import { strict as assert } from 'node:assert';
import { zipSync } from 'fflate';
import { BotWorkspace } from '../../../server/src/definitions/index';
import type { BotFormat } from '../../../server/src/definitions/index';
import { nativeFormat } from '../../../server/src/formats/native/index';

const zipping: BotFormat = { ...nativeFormat, zips: true };
const enc = (s: string) => new TextEncoder().encode(s);

const BOT = {
  'bot.yaml': 'bot:\n  id: shop\n  name: Shop\n  locales: [en-US]\ninclude: [intents/*.yaml, flows/*.yaml]\n',
  'intents/main.yaml': 'intents:\n  - name: Hello\n    utterances:\n      en-US: [hi, hello there, good morning]\n',
  'flows/main.yaml': 'flows:\n  - name: greet\n    trigger: { intent: Hello }\n    steps:\n      - say: goodby\n',
};

function zipOf(files: Record<string, string>, wrapper = ''): Uint8Array {
  const input: Record<string, Uint8Array> = {};
  for (const [p, t] of Object.entries(files)) input[wrapper ? `${wrapper}/${p}` : p] = enc(t);
  return zipSync(input);
}

describe('definitions: export zips as bots', () => {
  it('reads a wrapped export in place and reports findings at <zip>/<entry>', () => {
    const ws = new BotWorkspace([zipping]);
    const bytes = zipOf({ ...BOT, '__MACOSX/shop/._bot.yaml': 'junk' }, 'shop');
    ws.setArchive('exports/shop.zip', bytes);
    const bots = ws.getBots();
    assert.deepEqual(bots.map((b) => [b.id, b.dir]), [['shop', 'exports/shop.zip/shop']]);
    const flow = 'exports/shop.zip/shop/flows/main.yaml';
    assert.ok(ws.getDiagnostics(flow).some((d) => d.code === 'ref/unknown-response'), JSON.stringify(ws.getDiagnostics(flow)));
    assert.equal(ws.archiveOf(flow), 'exports/shop.zip');
    assert.equal(ws.archiveOf('exports/shop.zip/__MACOSX/shop/._bot.yaml'), undefined, 'junk entries are not read');
    assert.deepEqual(ws.getDiagnostics('exports/shop.zip'), []);
    assert.ok(ws.getAllDiagnostics().has(flow));
  });

  it('reads an export at the zip\'s root, and forgets it when the zip goes', () => {
    const ws = new BotWorkspace([zipping]);
    ws.setArchive('shop.zip', zipOf(BOT));
    assert.deepEqual(ws.getBots().map((b) => b.dir), ['shop.zip']);
    ws.removeArchive('shop.zip');
    assert.deepEqual(ws.getBots(), []);
    assert.deepEqual(ws.paths(), []);
  });

  it('reports an unsafe entry at the zip, and still reads the rest', () => {
    const ws = new BotWorkspace([zipping]);
    const bytes = zipSync({ 'bot.yaml': enc(BOT['bot.yaml']), 'intents/main.yaml': enc(BOT['intents/main.yaml']), '../escape.yaml': enc('x: 1\n') });
    ws.setArchive('shop.zip', bytes);
    assert.deepEqual(ws.getBots().map((b) => b.dir), ['shop.zip']);
    const zip = ws.getDiagnostics('shop.zip');
    assert.deepEqual(zip.map((d) => [d.code, d.severity, d.file]), [['zip/unsafe-name', 'error', 'shop.zip']]);
    assert.ok(!ws.paths().some((p) => p.includes('escape')));
  });

  it('holds nothing for a zip no format claims, or one that is damaged', () => {
    const ws = new BotWorkspace([zipping]);
    ws.setArchive('photos.zip', zipOf({ 'a.txt': 'not a bot' }));
    ws.setArchive('broken.zip', enc('PK\u0003\u0004 this is not really a zip'));
    assert.deepEqual(ws.getBots(), []);
    assert.deepEqual(ws.paths(), []);
    // A format that reads no zips never opens one.
    const plain = new BotWorkspace([nativeFormat]);
    plain.setArchive('shop.zip', zipOf(BOT));
    assert.deepEqual(plain.getBots(), []);
  });

  it('reading the zip again replaces what it held', () => {
    const ws = new BotWorkspace([zipping]);
    ws.setArchive('shop.zip', zipOf(BOT));
    ws.setArchive('shop.zip', zipOf({ ...BOT, 'flows/main.yaml': BOT['flows/main.yaml'].replace('      - say: goodby\n', '      - end: true\n') }));
    assert.ok(ws.getDiagnostics('shop.zip/flows/main.yaml').every((d) => d.code !== 'ref/unknown-response'));
    assert.equal(ws.getBots().length, 1);
  });
});
