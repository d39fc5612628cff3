// Lex V2 exports through the real language server over stdio: a committed zip's entries get
// their diagnostics under read-only botv-entry: URIs, exact in a minified file; opened, such
// an entry answers hover, completion and definition like a file; botVersions/readDocument
// serves an entry's text and a minified file pretty-printed (the file unchanged); a zip bot is
// compared by its entries, minified ones flagged, and a version's entry is read formatted.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import type { CodeAction, CompletionList, Hover, Location } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';

const FIXTURES = join(__dirname, '..', 'fixtures', 'lex-v2');
const INTENT = 'ShopBot/BotLocales/en_US/Intents/BuyItem/Intent.json';

function filesOf(root: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== 'expected.json') out[relative(root, p).split('\\').join('/')] = new Uint8Array(readFileSync(p));
    }
  };
  walk(root);
  return out;
}

const entryUri = (path: string) => `botv-entry:${pathToFileURL(path).toString().slice('file://'.length)}`;

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in the text`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

describe('language server: Lex V2 exports over stdio', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  let zipPath: string;
  let files: Record<string, Uint8Array>;
  let intentText: string;
  let intentUri: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-lex-'));
    cpSync(join(FIXTURES, 'clean'), join(root, 'cafe'), { recursive: true });
    mkdirSync(join(root, 'exports'));
    files = filesOf(join(FIXTURES, 'broken', 'unknown-slot-in-utterance'));
    zipPath = join(root, 'exports', 'ShopBot-DRAFT-LexJson.zip').replace(/\\/g, '/');
    writeFileSync(zipPath, zipSync(files));
    intentText = new TextDecoder().decode(files[INTENT]);
    intentUri = entryUri(`${zipPath}/${INTENT}`);
    client = await TestClient.start({ root, settings: { validation: { scope: 'workspace' } } });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes a zip entry\'s diagnostics under its botv-entry: URI, at the exact {Slot} of a minified file', async () => {
    const got = await client.until(() => ((client.diagnostics.get(intentUri)?.items.length ?? 0) > 0 ? client.diagnostics.get(intentUri)!.items : undefined), 'the diagnostics of the zip entry');
    assert.ok(!intentText.includes('\n'), 'the entry is one line');
    const slots = got.filter((d) => d.code === 'lex-v2/unknown-slot-in-utterance');
    assert.deepEqual(slots.map((d) => textAt(intentText, d.range)), ['{item}', '{Colour}', '{Colour}']);
    assert.ok(![...client.diagnostics.keys()].some((u) => u.startsWith('file:') && u.includes('.zip/')), 'no file: URI inside the zip');
  });

  it('checks a Test Workbench test set as it is typed: an intent the locale lacks, its quick fix, clean once fixed', async () => {
    const SET = 'cafe/TestSets/CafeOrders_en_US.csv';
    const uri = client.uri(SET);
    const text = readFileSync(join(root, SET), 'utf8');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'csv', version: 1, text } });
    const broken = text.replace('Where is my order,CheckOrderStatus', 'Where is my order,CheckOrderStatsu');
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
    const diags = await client.until(() => {
      const d = client.diagnostics.get(uri);
      return d?.version === 2 && d.items.length > 0 ? d.items : undefined;
    }, 'the unknown intent in the test set');
    assert.deepEqual(diags.map((d) => [d.code, d.severity, textAt(broken, d.range), d.range.start.line]), [['lex-v2/test-unknown-intent', 1, 'CheckOrderStatsu', 3]]);
    assert.match(String(diags[0]!.message), /the locale en_US does not have: the test can only fail\. Did you mean CheckOrderStatus\?/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diags[0]!.range, context: { diagnostics: diags } });
    assert.ok(actions.some((a) => a.title === 'Change to CheckOrderStatus'), actions.map((a) => a.title).join(', '));
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    await client.until(() => client.diagnostics.get(uri)?.version === 3 && client.diagnostics.get(uri)!.items.length === 0, 'no diagnostics once fixed');
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('answers hover, completion and definition in an opened entry', async () => {
    await client.notify('textDocument/didOpen', { textDocument: { uri: intentUri, languageId: 'json', version: 1, text: intentText } });
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: intentUri }, position: positionOf(intentText, '"name":"BuyItem"', 9) });
    const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    assert.match(value, /\*\*en_US\*\* — \d+ utterances; slots `Item`/);
    const c = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: intentUri }, position: positionOf(intentText, 'buy a {Item}', 7) });
    assert.deepEqual(c.items.map((i) => i.label), ['Item']);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: intentUri }, position: positionOf(intentText, 'buy a {Item}', 8) });
    assert.deepEqual(defs.map((d) => d.uri), [entryUri(`${zipPath}/ShopBot/BotLocales/en_US/Intents/BuyItem/Slots/Item/Slot.json`)]);
    // Closing it keeps the entry: the zip holds it.
    await client.notify('textDocument/didClose', { textDocument: { uri: intentUri } });
    const again = await client.request<{ text: string; archive: string | null } | null>('botVersions/readDocument', { path: `${zipPath}/${INTENT}` });
    assert.equal(again?.text, intentText);
    assert.equal(again?.archive, zipPath);
  });

  it('serves a minified file pretty-printed, its values as written, the file unchanged', async () => {
    const path = join(root, 'cafe', 'CafeOrders/BotLocales/fr_FR/Intents/OrderDrink/Intent.json').replace(/\\/g, '/');
    const before = readFileSync(path, 'utf8');
    const doc = (await client.request<{ text: string; minified: boolean } | null>('botVersions/readDocument', { path, formatted: true }))!;
    assert.equal(doc.minified, true);
    assert.ok(doc.text.split('\n').length > 50);
    assert.deepEqual(JSON.parse(doc.text), JSON.parse(before));
    assert.equal(readFileSync(path, 'utf8'), before);
  });

  it('compares a zip bot by its entries and reads a version\'s entry formatted', async () => {
    const bots = await client.request<{ id: string; format: string; locales: string[] }[]>('botVersions/listBots', {});
    const bot = bots.find((b) => b.id === 'shopbot')!;
    assert.deepEqual([bot.format, bot.locales], ['lex-v2', ['en_US']]);
    const v1 = await client.request<{ id: string }>('botVersions/saveVersion', { bot: bot.id });
    const j = JSON.parse(intentText);
    j.sampleUtterances.push({ utterance: 'Order a {Item} today' });
    writeFileSync(zipPath, zipSync({ ...files, [INTENT]: new TextEncoder().encode(JSON.stringify(j)) }));
    const result = await client.request<{ files: { path: string; change: string; entryOf?: string; minified?: boolean }[]; summary: { kind: string; name: string }[] }>('botVersions/compare', { bot: bot.id, from: { kind: 'version', id: v1.id }, to: { kind: 'working' } });
    assert.deepEqual(result.files.map((f) => [f.path, f.change, f.entryOf, f.minified]), [[INTENT, 'modified', 'ShopBot-DRAFT-LexJson.zip', true]]);
    assert.deepEqual(result.summary.map((s) => [s.kind, s.name]), [['utterance', 'Order a {Item} today']]);
    const old = await client.request<{ text: string }>('botVersions/readVersionFile', { bot: bot.id, version: v1.id, path: 'ShopBot-DRAFT-LexJson.zip', entry: INTENT, formatted: true });
    assert.deepEqual(JSON.parse(old.text), JSON.parse(intentText));
    assert.ok(old.text.includes('\n  "name": "BuyItem"'));
  });
});
