import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, CompletionList, DocumentSymbol, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'pizza-shop');

/** The position of the first `needle` in `text`, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `"${needle}" is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

describe('language server: editing bot files over stdio', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  let flowUri: string;
  let flowText: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-lang-'));
    cpSync(SAMPLE, root, { recursive: true });
    client = await TestClient.start({ root });
    flowUri = client.uri('pizza-dev/flows/support.yaml');
    flowText = readFileSync(join(root, 'pizza-dev/flows/support.yaml'), 'utf8');
    await client.notify('textDocument/didOpen', { textDocument: { uri: flowUri, languageId: 'yaml', version: 1, text: flowText } });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes no diagnostics for the clean sample, then an error with a quick fix as the user types', async () => {
    const broken = flowText.replace('say: farewell', 'say: farewel');
    await client.notify('textDocument/didChange', { textDocument: { uri: flowUri, version: 2 }, contentChanges: [{ text: broken }] });
    const d = await client.until(() => {
      const p = client.diagnostics.get(flowUri);
      return p?.version === 2 && p.items.length ? p.items : undefined;
    }, 'diagnostics for version 2');
    assert.equal(d[0]!.code, 'ref/unknown-response');
    assert.deepEqual(d[0]!.range.start, positionOf(broken, 'farewel'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: flowUri },
      range: d[0]!.range,
      context: { diagnostics: d },
    });
    assert.ok(actions.some((a) => /farewell/.test(a.title)), actions.map((a) => a.title).join(', '));
    await client.notify('textDocument/didChange', { textDocument: { uri: flowUri, version: 3 }, contentChanges: [{ text: flowText }] });
    await client.until(() => {
      const p = client.diagnostics.get(flowUri);
      return p?.version === 3 && p.items.length === 0;
    }, 'the diagnostics to clear');
  });

  it('completes response names after say:', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: flowUri }, position: positionOf(flowText, 'say: farewell', 5) });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('farewell') && labels.includes('greeting'), labels.join(', '));
  });

  it('goes to the definition of a response in another file, and finds its references', async () => {
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: flowUri }, position: positionOf(flowText, 'farewell', 2) });
    assert.equal(defs.length, 1);
    assert.ok(defs[0]!.uri.endsWith('pizza-dev/responses/support.yaml'));
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: flowUri },
      position: positionOf(flowText, 'farewell', 2),
      context: { includeDeclaration: true },
    });
    assert.equal(refs.length, 2);
  });

  it('hovers an intent with its utterance counts', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: flowUri }, position: positionOf(flowText, 'GetHelp', 2) });
    const text = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : JSON.stringify(h.contents);
    assert.match(text, /GetHelp/);
    assert.match(text, /en-US/);
  });

  it('renames a response across files', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: flowUri }, position: positionOf(flowText, 'farewell', 2), newName: 'goodbye_text' });
    const files = Object.keys(edit.changes ?? {}).map((u) => u.slice(u.indexOf('pizza-dev/')));
    assert.deepEqual(files.sort(), ['pizza-dev/flows/support.yaml', 'pizza-dev/responses/support.yaml']);
  });

  it('outlines the file', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: flowUri } });
    const names = JSON.stringify(symbols);
    for (const flow of ['help', 'human', 'goodbye']) assert.ok(names.includes(`"${flow}"`), names);
  });

  it('clears a file’s diagnostics when it closes', async () => {
    const broken = flowText.replace('say: farewell', 'say: nowhere');
    await client.notify('textDocument/didChange', { textDocument: { uri: flowUri, version: 4 }, contentChanges: [{ text: broken }] });
    await client.until(() => (client.diagnostics.get(flowUri)?.items.length ?? 0) > 0, 'an error');
    await client.notify('textDocument/didClose', { textDocument: { uri: flowUri } });
    await client.until(() => client.diagnostics.get(flowUri)?.items.length === 0, 'the diagnostics to clear on close');
  });
});
