// The editor features on a CX agent, in process: go to definition and references across the
// package (a route's intent, a targetPage, a route group, a webhook, an @entity type, a phrase
// part's parameter), hover on an intent (its phrases in the default language, counts per
// language), completion where a name is written, the outline, and rename — the display name,
// every reference and the folder and file, percent-encoded — refused inside a zip and for
// names the console owns.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { loadFolder } from '../../../../server/src/definitions/index';
import type { BotWorkspace } from '../../../../server/src/definitions/index';
import { complete, createWorkspace, documentSymbols, findDefinition, findReferences, hover, prepareRename, rename } from '../../../../server/src/formats/index';

const FIXTURES = join(__dirname, '../../../fixtures/dialogflow-cx');
const ROOT = join(FIXTURES, 'clean').replace(/\\/g, '/');

describe('dialogflow-cx: editor features', function () {
  this.timeout(30_000);
  let ws: BotWorkspace;
  const START = `${ROOT}/flows/Default Start Flow/Default Start Flow.json`;
  const ASK = `${ROOT}/flows/Track Parcel/pages/Ask Number.json`;
  const at = (file: string, needle: string, delta = 2): number => {
    const i = ws.getDocument(file)!.text.indexOf(needle);
    assert.ok(i >= 0, `${needle} in ${file}`);
    return i + delta;
  };
  const rel = (f: string): string => f.slice(ROOT.length + 1);

  before(async () => {
    ws = createWorkspace();
    await loadFolder(ws, ROOT);
  });

  it('goes from a route\'s intent, a target page, a route group, a webhook and an entity type to their files', () => {
    assert.deepEqual(findDefinition(ws, START, at(START, '"track.parcel"')).map((l) => rel(l.file)), ['intents/track.parcel/track.parcel.json']);
    assert.deepEqual(findDefinition(ws, ASK, at(ASK, '"> Show Status"')).map((l) => rel(l.file)), ['flows/Track Parcel/pages/%3e Show Status.json']);
    assert.deepEqual(findDefinition(ws, START, at(START, '"Common Exits"')).map((l) => rel(l.file)), ['transitionRouteGroups/Common Exits.json']);
    assert.deepEqual(findDefinition(ws, ASK, at(ASK, '"status-lookup"')).map((l) => rel(l.file)), ['webhooks/status-lookup.json']);
    assert.deepEqual(findDefinition(ws, ASK, at(ASK, '"@tracking-number"')).map((l) => rel(l.file)), ['entityTypes/tracking-number/tracking-number.json']);
    assert.deepEqual(findDefinition(ws, START, at(START, '"Track Parcel"')).map((l) => rel(l.file)), ['flows/Track Parcel/Track Parcel.json']);
    // A special page is the console's own: nowhere to go.
    assert.deepEqual(findDefinition(ws, `${ROOT}/flows/Track Parcel/pages/%3e Show Status.json`, at(`${ROOT}/flows/Track Parcel/pages/%3e Show Status.json`, '"End Session"')), []);
    const en = `${ROOT}/intents/track.parcel/trainingPhrases/en.json`;
    const d = findDefinition(ws, en, at(en, '"tracking_number"'));
    assert.equal(rel(d[0]!.file), 'intents/track.parcel/track.parcel.json');
    assert.equal(ws.getDocument(d[0]!.file)!.text.slice(d[0]!.start, d[0]!.end), '"tracking_number"');
  });

  it('finds every use of an intent across the package, its definition and test cases included', () => {
    const meta = `${ROOT}/intents/confirm.no/confirm.no.json`;
    const refs = findReferences(ws, meta, at(meta, '"confirm.no"'));
    assert.deepEqual(refs.map((l) => rel(l.file)), [
      'intents/confirm.no/confirm.no.json',
      'flows/Change Delivery/pages/Confirm %28Slot%29.json',
      'flows/Track Parcel/pages/%3e Show Status.json',
      'transitionRouteGroups/Common Exits.json',
    ]);
    const track = findReferences(ws, START, at(START, '"track.parcel"'), false).map((l) => rel(l.file));
    assert.deepEqual(track, ['flows/Default Start Flow/Default Start Flow.json', 'testCases/Track a parcel.json']);
  });

  it('hovers an intent with its phrases in the default language and its count per language', () => {
    const h = hover(ws, START, at(START, '"track.parcel"'))!;
    assert.match(h.contents, /\*\*Intent\*\* `track\.parcel`/);
    assert.match(h.contents, /en: 4, de: 3/);
    assert.match(h.contents, /- where is my parcel/);
    assert.doesNotMatch(h.contents, /wo ist mein paket/);
    assert.match(hover(ws, ASK, at(ASK, '"> Show Status"'))!.contents, /\*\*Page\*\* `> Show Status` of the flow `Track Parcel`/);
    const status = `${ROOT}/flows/Track Parcel/pages/%3e Show Status.json`;
    assert.match(hover(ws, status, at(status, '"End Session"'))!.contents, /Special page/);
  });

  it('completes display names where a name is written', () => {
    const flows = complete(ws, START, at(START, '"Track Parcel"'));
    assert.deepEqual(flows.items.map((i) => i.label), ['Change Delivery', 'Default Start Flow', 'Track Parcel']);
    assert.equal(flows.items[0]!.insertText, '"Change Delivery"');
    const pages = complete(ws, ASK, at(ASK, '"> Show Status"')).items.map((i) => i.label);
    assert.ok(pages.includes('> Show Status') && pages.includes('Ask Number') && pages.includes('End Session'));
    assert.ok(!pages.includes('Pick Slot'), 'pages of another flow are not offered');
    const types = complete(ws, ASK, at(ASK, '"@tracking-number"')).items.map((i) => i.label);
    assert.ok(types.includes('@delivery-slot') && types.includes('@sys.number'));
    const intents = complete(ws, START, at(START, '"track.parcel"')).items.map((i) => i.label);
    assert.deepEqual(intents, ['Default Negative Intent', 'Default Welcome Intent', 'Zustellung ändern', 'confirm.no', 'confirm.yes', 'help', 'track.parcel']);
    assert.deepEqual(complete(ws, START, at(START, '"displayName"')).items, []);
  });

  it('outlines a page: its form parameters, its routes and event handlers by trigger and target', () => {
    const [page] = documentSymbols(ws, ASK);
    assert.equal(page!.name, 'Ask Number');
    // In the order of the file: the form (its parameter, with its reprompt handler), then the routes.
    assert.deepEqual(page!.children.map((c) => c.name), ['tracking_number', 'event sys.no-match-1', 'condition $page.params.status = "FINAL" → > Show Status']);
  });

  it('renames an intent: its display name, every route naming it, its file and its folder, percent-encoded', () => {
    const meta = `${ROOT}/intents/Zustellung %c3%a4ndern/Zustellung %c3%a4ndern.json`;
    const p = prepareRename(ws, START, at(START, '"Zustellung ändern"'));
    assert.ok(!('error' in p));
    assert.equal(p.placeholder, 'Zustellung ändern');
    const r = rename(ws, START, at(START, '"Zustellung ändern"'), 'Lieferung: ändern');
    assert.ok(!('error' in r));
    assert.deepEqual(
      r.edits.map((e) => [rel(e.file), e.newText]),
      [
        ['intents/Zustellung %c3%a4ndern/Zustellung %c3%a4ndern.json', '"Lieferung: ändern"'],
        ['flows/Default Start Flow/Default Start Flow.json', '"Lieferung: ändern"'],
      ],
    );
    assert.deepEqual(r.renames?.map((m) => [rel(m.from), rel(m.to)]), [
      [rel(meta), 'intents/Zustellung %c3%a4ndern/Lieferung%3a %c3%a4ndern.json'],
      ['intents/Zustellung %c3%a4ndern', 'intents/Lieferung%3a %c3%a4ndern'],
    ]);
  });

  it('renames a page within its flow, an entity type with its @ references, and a parameter with its annotations', () => {
    const status = `${ROOT}/flows/Track Parcel/pages/%3e Show Status.json`;
    const r = rename(ws, ASK, at(ASK, '"> Show Status"'), 'Status');
    assert.ok(!('error' in r));
    assert.deepEqual(r.edits.map((e) => rel(e.file)), ['flows/Track Parcel/pages/%3e Show Status.json', 'flows/Track Parcel/pages/Ask Number.json']);
    assert.deepEqual(r.renames?.map((m) => [rel(m.from), rel(m.to)]), [[rel(status), 'flows/Track Parcel/pages/Status.json']]);
    const et = rename(ws, ASK, at(ASK, '"@tracking-number"', 3), 'parcel-id');
    assert.ok(!('error' in et));
    assert.deepEqual(et.edits.map((e) => [rel(e.file), e.newText]), [
      ['entityTypes/tracking-number/tracking-number.json', '"parcel-id"'],
      ['flows/Track Parcel/pages/Ask Number.json', '"@parcel-id"'],
      ['intents/track.parcel/track.parcel.json', '"@parcel-id"'],
    ]);
    const en = `${ROOT}/intents/track.parcel/trainingPhrases/en.json`;
    const param = rename(ws, en, at(en, '"tracking_number"'), 'parcel_number');
    assert.ok(!('error' in param));
    assert.deepEqual(param.edits.map((e) => rel(e.file)), ['intents/track.parcel/track.parcel.json', 'intents/track.parcel/trainingPhrases/de.json', 'intents/track.parcel/trainingPhrases/de.json', 'intents/track.parcel/trainingPhrases/en.json', 'intents/track.parcel/trainingPhrases/en.json']);
    assert.equal(param.renames, undefined);
  });

  it('refuses names that are taken, special pages, and the entries of a zip', async () => {
    const taken = rename(ws, START, at(START, '"track.parcel"'), 'help');
    assert.ok('error' in taken && /already has an intent "help"/.test(taken.error));
    const status = `${ROOT}/flows/Track Parcel/pages/%3e Show Status.json`;
    assert.ok('error' in prepareRename(ws, status, at(status, '"End Session"')));
    const zws = createWorkspace();
    await loadFolder(zws, join(FIXTURES, 'zips'));
    const zipped = `${join(FIXTURES, 'zips').replace(/\\/g, '/')}/parcel-desk.zip/flows/Default Start Flow/Default Start Flow.json`;
    const i = zws.getDocument(zipped)!.text.indexOf('"track.parcel"') + 2;
    const r = prepareRename(zws, zipped, i);
    assert.ok('error' in r && /read-only/.test(r.error));
    assert.equal(findDefinition(zws, zipped, i)[0]!.file, `${join(FIXTURES, 'zips').replace(/\\/g, '/')}/parcel-desk.zip/intents/track.parcel/track.parcel.json`);
  });

  it('answers at every offset of every file, and of the files cut short, without an exception', () => {
    for (const file of ws.paths()) {
      const text = ws.getDocument(file)!.text;
      for (let o = 0; o <= text.length; o += 7) {
        hover(ws, file, o);
        complete(ws, file, o);
        findDefinition(ws, file, o);
        findReferences(ws, file, o);
        prepareRename(ws, file, o);
      }
    }
    const cut = createWorkspace();
    for (const file of ws.paths()) {
      const text = ws.getDocument(file)!.text;
      cut.setDocument(file, text.slice(0, Math.floor(text.length / 2)));
    }
    for (const file of cut.paths()) {
      const text = cut.getDocument(file)!.text;
      for (let o = 0; o <= text.length; o += 5) {
        hover(cut, file, o);
        complete(cut, file, o);
        findReferences(cut, file, o);
        rename(cut, file, o, 'x');
      }
      cut.getDiagnostics(file);
      documentSymbols(cut, file);
    }
  });
});
