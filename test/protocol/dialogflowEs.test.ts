// The Dialogflow ES format through the real language server over stdio, on a copy of the clean
// agent: a squiggle on a parameter whose entity does not exist and its quick fix, go to an
// entity's file from a parameter, its references in every language, and a rename of the
// entity that moves its files and changes every @name in one workspace edit.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Location, RenameFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'dialogflow-es', 'clean');

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in the text`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

describe('language server: a Dialogflow ES agent over stdio', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  const BOOK = 'intents/Tisch reservieren.json';
  let book: string;
  const rel = (uri: string): string => relative(root, fileURLToPath(uri)).replace(/\\/g, '/');

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-es-'));
    cpSync(FIXTURE, root, { recursive: true });
    client = await TestClient.start({ root });
    book = readFileSync(join(root, BOOK), 'utf8');
    await client.notify('textDocument/didOpen', { textDocument: { uri: client.uri(BOOK), languageId: 'json', version: 1, text: book } });
    await client.until(() => client.diagnostics.get(client.uri(BOOK))?.version === 1, 'the diagnostics of the intent');
    assert.deepEqual(client.diagnostics.get(client.uri(BOOK))!.items, []);
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('squiggles a parameter of an entity the agent does not define, with the closest as a fix', async () => {
    const broken = book.replace('"dataType": "@seating-area"', '"dataType": "@seating-aera"');
    await client.notify('textDocument/didChange', { textDocument: { uri: client.uri(BOOK), version: 2 }, contentChanges: [{ text: broken }] });
    const diags = await client.until(() => {
      const d = client.diagnostics.get(client.uri(BOOK));
      return d?.version === 2 && d.items.length ? d.items : undefined;
    }, 'the unknown entity');
    assert.deepEqual(diags.map((d) => d.code), ['dialogflow-es/unknown-entity']);
    assert.match(String(diags[0]!.message), /Did you mean "@seating-area"\?/);
    await client.notify('textDocument/didChange', { textDocument: { uri: client.uri(BOOK), version: 3 }, contentChanges: [{ text: book }] });
    await client.until(() => client.diagnostics.get(client.uri(BOOK))?.version === 3 && client.diagnostics.get(client.uri(BOOK))!.items.length === 0, 'no diagnostics once fixed');
  });

  it('goes to the entity and finds its uses, then renames it with its files', async () => {
    const position = positionOf(book, '"@seating-area"', 3);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri(BOOK) }, position });
    assert.deepEqual(defs.map((d) => rel(d.uri)), ['entities/seating-area.json']);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: client.uri(BOOK) }, position, context: { includeDeclaration: false } });
    assert.deepEqual(refs.map((r) => rel(r.uri)), [BOOK, 'intents/Tisch reservieren_usersays_de.json', 'intents/Tisch reservieren_usersays_en.json']);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: client.uri(BOOK) }, position, newName: 'table-area' });
    const changes = edit.documentChanges ?? [];
    const moves = changes.filter((c): c is RenameFile => 'kind' in c && c.kind === 'rename').map((m) => [rel(m.oldUri), rel(m.newUri)]);
    assert.deepEqual(moves, [
      ['entities/seating-area.json', 'entities/table-area.json'],
      ['entities/seating-area_entries_de.json', 'entities/table-area_entries_de.json'],
      ['entities/seating-area_entries_en.json', 'entities/table-area_entries_en.json'],
    ]);
    const texts = changes.filter((c): c is TextDocumentEdit => 'textDocument' in c).map((t) => rel(t.textDocument.uri));
    assert.deepEqual(texts, ['entities/table-area.json', BOOK, 'intents/Tisch reservieren_usersays_de.json', 'intents/Tisch reservieren_usersays_en.json']);
  });
});
