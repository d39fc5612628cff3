// Markers with `*` parts: a format whose marker lies in a folder of any name (a Lex export's
// `<bot>/Bot.json`) is probed alike by the workspace, a zip and the store's discovery, and
// the folder is recognised again when such a file comes or goes. Discovery looks at them
// only where a plain marker of the format is.
import { strict as assert } from 'node:assert';
import { zipSync } from 'fflate';
import { archiveProbe, BotWorkspace, markerCovers, openZip } from '../../../server/src/definitions/index';
import type { BotFormat, FolderProbe } from '../../../server/src/definitions/index';
import { nativeFormat } from '../../../server/src/formats/native/index';
import { open, put, tempDir } from '../versioning/support/workspace';

const seen: FolderProbe[] = [];
const wild: BotFormat = {
  ...nativeFormat,
  id: 'lex-v2',
  label: 'Wild',
  markers: ['top.txt', '*/inner.json', '*/deep/*/leaf.json'],
  zips: true,
  recognise(probe) {
    seen.push(probe);
    if (!probe.hasFile('top.txt') || !probe.hasFile('*/inner.json')) return undefined;
    return { marker: probe.matches!('*/inner.json')[0]! };
  },
  identity: (probe) => ({ locales: probe.matches!('*/deep/*/leaf.json'), keep: [] }),
  isDefinitionFile: (rel) => /\.(json|txt)$/.test(rel),
  open(dir) {
    const model = { format: 'lex-v2' as const, dir, manifest: '', files: [], docs: new Map(), locales: [], extraManifests: [], defs: new Map(), refs: [], refsByKey: new Map() };
    return { format: wild, dir, lastFiles: [], invalidate() {}, optionsChanged() {}, model: () => model, diagnostics: () => [] };
  },
};

describe('definitions: markers with * parts', () => {
  it('match one folder name per *', () => {
    assert.ok(markerCovers('*/Bot.json', 'Any/Bot.json'));
    assert.ok(!markerCovers('*/Bot.json', 'Bot.json'));
    assert.ok(!markerCovers('*/Bot.json', 'a/b/Bot.json'));
    assert.ok(markerCovers('*/L/*/x.json', 'a/L/b/x.json'));
    assert.ok(!markerCovers('*/L/*/x.json', 'a/M/b/x.json'));
    assert.ok(markerCovers('domain/', 'domain/a.yml') && markerCovers('bot.yaml', 'bot.yaml'));
  });

  it('are probed by the workspace, which recognises the folder again as they come and go', () => {
    const ws = new BotWorkspace([wild]);
    ws.setDocument('w/top.txt', 'x');
    assert.deepEqual(ws.getBots().map((b) => b.dir), []);
    ws.setDocument('w/Any name/inner.json', '{}');
    assert.deepEqual(ws.getBots().map((b) => b.dir), ['w']);
    ws.removeDocument('w/Any name/inner.json');
    assert.deepEqual(ws.getBots().map((b) => b.dir), []);
  });

  it('are probed in a zip', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const zip = openZip(zipSync({ 'top.txt': enc('x'), 'b/inner.json': enc('{}'), 'b/deep/en/leaf.json': enc('{}'), 'b/deep/fr/leaf.json': enc('{}') }));
    const probe = archiveProbe(zip, 'z.zip', '');
    assert.ok(probe.hasFile('*/inner.json'));
    assert.deepEqual(probe.matches!('*/deep/*/leaf.json'), ['b/deep/en/leaf.json', 'b/deep/fr/leaf.json']);
  });

  it('are probed by discovery only where a plain marker of the format is', async () => {
    const root = tempDir('botv-wild-');
    put(root, 'a/top.txt', 'x');
    put(root, 'a/Bot folder/inner.json', '{}');
    put(root, 'a/Bot folder/deep/en_US/leaf.json', '{}');
    put(root, 'b/other/inner.json', '{}');
    seen.length = 0;
    const ws = await open(root, { formats: [wild] });
    const { bots } = await ws.bots();
    assert.deepEqual(bots.map((b) => [b.dir, b.manifest, b.locales]), [['a', 'Bot folder/inner.json', ['Bot folder/deep/en_US/leaf.json']]]);
    const atB = seen.find((p) => p.dir === 'b')!;
    assert.deepEqual(atB.matches!('*/inner.json'), [], 'no plain marker in b/: its sub-folders were not listed');
  });
});
