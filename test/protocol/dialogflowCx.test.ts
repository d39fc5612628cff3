// The Dialogflow CX format's editor features through the real language server over stdio, on
// a copy of the clean fixture: a squiggle on a route whose targetPage does not exist (with its
// quick fix) and gone again, hover on an intent, go to its file, its references, completion of
// a page's name, the outline of a page, and a rename of an intent that moves its file and its
// percent-encoded folder in one workspace edit (the moves, then the text edits where the files now are).
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CompletionList, DocumentSymbol, Hover, Location, RenameFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'dialogflow-cx', 'clean');

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

describe('language server: a Dialogflow CX agent over stdio', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  const ASK = 'flows/Track Parcel/pages/Ask Number.json';
  const START = 'flows/Default Start Flow/Default Start Flow.json';
  let ask: string;
  let start: string;
  const rel = (uri: string): string => relative(root, fileURLToPath(uri)).replace(/\\/g, '/');

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-cx-'));
    cpSync(FIXTURE, root, { recursive: true });
    client = await TestClient.start({ root });
    ask = readFileSync(join(root, ASK), 'utf8');
    start = readFileSync(join(root, START), 'utf8');
    for (const [path, text] of [[ASK, ask], [START, start]] as const) {
      await client.notify('textDocument/didOpen', { textDocument: { uri: client.uri(path), languageId: 'json', version: 1, text } });
    }
    await client.until(() => [ASK, START].every((p) => client.diagnostics.get(client.uri(p))?.version === 1), 'the diagnostics of the open files');
    assert.deepEqual(client.diagnostics.get(client.uri(ASK))!.items, []);
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('squiggles a route whose targetPage does not exist, offers the closest page, and clears when fixed', async () => {
    const broken = ask.replace('"targetPage": "> Show Status"', '"targetPage": "> Show Statu"');
    await client.notify('textDocument/didChange', { textDocument: { uri: client.uri(ASK), version: 2 }, contentChanges: [{ text: broken }] });
    const diags = await client.until(() => {
      const d = client.diagnostics.get(client.uri(ASK));
      return d?.version === 2 && d.items.length > 0 ? d.items : undefined;
    }, 'the unknown page');
    assert.deepEqual(diags.map((d) => [d.code, d.severity, textAt(broken, d.range)]), [['dialogflow-cx/unknown-page', 1, '"> Show Statu"']]);
    assert.match(String(diags[0]!.message), /The flow "Track Parcel" has no page "> Show Statu".*Did you mean "> Show Status"\?/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(ASK) }, range: diags[0]!.range, context: { diagnostics: diags } });
    const fix = actions.find((a) => a.title === 'Change to "> Show Status"')!;
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    await client.notify('textDocument/didChange', { textDocument: { uri: client.uri(ASK), version: 3 }, contentChanges: [{ text: ask }] });
    await client.until(() => client.diagnostics.get(client.uri(ASK))?.version === 3 && client.diagnostics.get(client.uri(ASK))!.items.length === 0, 'no diagnostics once fixed');
  });

  it('hovers an intent with its phrases, goes to its file and finds its uses', async () => {
    const position = positionOf(start, '"track.parcel"', 3);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri(START) }, position });
    const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    assert.match(value, /^\*\*Intent\*\* `track\.parcel`\nTraining phrases — en: 4, de: 3/);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri(START) }, position });
    assert.deepEqual(defs.map((d) => rel(d.uri)), ['intents/track.parcel/track.parcel.json']);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: client.uri(START) }, position, context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => rel(r.uri)), ['intents/track.parcel/track.parcel.json', START, 'testCases/Track a parcel.json']);
    // A percent-encoded page file, through its URI.
    const page = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri(ASK) }, position: positionOf(ask, '"> Show Status"', 2) });
    assert.deepEqual(page.map((d) => rel(d.uri)), ['flows/Track Parcel/pages/%3e Show Status.json']);
  });

  it('completes the pages of the flow and the special pages where a targetPage is written', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(ASK) }, position: positionOf(ask, '"> Show Status"', 3) });
    const labels = list.items.map((i) => i.label);
    for (const l of ['> Show Status', 'Ask Number', 'End Session', 'End Flow', 'Current Page']) assert.ok(labels.includes(l), labels.join(', '));
    assert.ok(!labels.includes('Pick Slot'));
  });

  it('outlines a page', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri(ASK) } });
    assert.deepEqual(symbols.map((s) => s.name), ['Ask Number']);
    assert.ok(symbols[0]!.children!.some((c) => c.name === 'condition $page.params.status = "FINAL" → > Show Status'));
  });

  it('renames an intent as one workspace edit: its display name, its routes, its file and its folder', async () => {
    const position = positionOf(start, '"Zustellung ändern"', 2);
    const prepare = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: client.uri(START) }, position });
    assert.equal(prepare.placeholder, 'Zustellung ändern');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: client.uri(START) }, position, newName: 'Zustellung verschieben' });
    const changes = edit.documentChanges ?? [];
    const texts = changes.filter((c): c is TextDocumentEdit => 'textDocument' in c);
    const moves = changes.filter((c): c is RenameFile => 'kind' in c && c.kind === 'rename');
    // Each text edit on the file where the moves put it.
    assert.deepEqual(texts.map((t) => [rel(t.textDocument.uri), t.edits.map((e) => ('newText' in e ? e.newText : ''))]), [
      ['intents/Zustellung verschieben/Zustellung verschieben.json', ['"Zustellung verschieben"']],
      [START, ['"Zustellung verschieben"']],
    ]);
    assert.deepEqual(moves.map((m) => [rel(m.oldUri), rel(m.newUri)]), [
      ['intents/Zustellung %c3%a4ndern/Zustellung %c3%a4ndern.json', 'intents/Zustellung %c3%a4ndern/Zustellung verschieben.json'],
      ['intents/Zustellung %c3%a4ndern', 'intents/Zustellung verschieben'],
    ]);
    assert.ok(changes.indexOf(moves[1]!) < changes.indexOf(texts[0]!), 'the moves come first');
  });
});
