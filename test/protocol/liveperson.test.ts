// The LivePerson format through the real language server over stdio, on a copy of the clean
// fixture (one exported bot JSON): no finding; a dangling nextMessageId typed into the file
// is a liveperson/ error at the id, said by the interaction's name; hover shows the name
// beside an id; go to definition from a rule's action lands on the interaction; references of
// an interaction; the outline of dialogs in chain order.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentSymbol, Hover, Location } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'liveperson', 'clean');
const FILE = 'harbor-bikes-support.json';

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

describe('language server: a LivePerson bot over stdio', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  let uri: string;
  let text: string;
  let bot: { conversationMessage: { name: string; id: string }[] };
  const idOf = (name: string) => bot.conversationMessage.find((m) => m.name === name)!.id;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-lp-'));
    cpSync(FIXTURE, root, { recursive: true });
    client = await TestClient.start({ root });
    uri = client.uri(FILE);
    text = readFileSync(join(root, FILE), 'utf8');
    bot = JSON.parse(text);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    await client.until(() => client.diagnostics.get(uri)?.version === 1, `the diagnostics of ${FILE}`);
    assert.deepEqual(client.diagnostics.get(uri)!.items, []);
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('hovers an id with the name of the interaction it names', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, `"nextMessageId": "${idOf('Main Menu')}"`, 20) });
    const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : JSON.stringify(h.contents);
    assert.match(value, /^\*\*Main Menu\*\* · TEXT_QUESTION in dialog \*\*Welcome\*\*/);
    assert.equal(textAt(text, h.range!), `"${idOf('Main Menu')}"`);
  });

  it('goes from a rule\'s action to the interaction, and finds the interaction\'s references', async () => {
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, `"value": "${idOf('Ask Order Number')}"`, 12) });
    assert.deepEqual(defs.map((d) => textAt(text, d.range)), ['"Ask Order Number"']);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(text, '"name": "Order Shipped"', 10), context: { includeDeclaration: false } });
    // Order Found's nextMessageId and the code of Lookup Order that jumps to it by name.
    assert.deepEqual(refs.map((r) => textAt(text, r.range)).sort(), [`"${idOf('Order Shipped')}"`, 'Order Shipped'].sort());
  });

  it('outlines the dialogs with their interactions in chain order', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const order = symbols.find((s) => s.name === 'Order Status')!;
    assert.deepEqual(order.children!.map((c) => c.name), ['Order Status - User Says', 'Ask Order Number', 'Lookup Order', 'Order Found', 'Order Shipped', 'Order Not Found']);
  });

  it('reports a dangling nextMessageId typed into the file, by the interaction\'s name, and clears it when undone', async () => {
    const id = idOf('Main Menu');
    const at = text.indexOf(`"nextMessageId": "${id}"`) + '"nextMessageId": "'.length;
    const broken = text.slice(0, at) + '0' + text.slice(at + 1);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
    await client.until(() => client.diagnostics.get(uri)?.version === 2, 'the diagnostics after the edit');
    const items = client.diagnostics.get(uri)!.items;
    assert.deepEqual(items.map((d) => d.code), ['liveperson/unknown-interaction']);
    assert.match(String(items[0]!.message), /^The next interaction of 'Welcome Greeting' \(dialog 'Welcome'\) is '0/);
    assert.equal(textAt(broken, items[0]!.range), `"0${id.slice(1)}"`);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    await client.until(() => client.diagnostics.get(uri)?.version === 3, 'the diagnostics after the undo');
    assert.deepEqual(client.diagnostics.get(uri)!.items, []);
  });
});
