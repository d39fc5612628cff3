// The Rasa format's editor features through the real language server over stdio, on a copy
// of the clean fixture: hover on a response in a story, go to its definition in the domain,
// its references, a rename across files (the edit applied, every file checked), completion
// after `- intent: ` and the domain's outline.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompletionList, DocumentSymbol, Hover, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'rasa', 'clean');

/** The position of the first `needle` in `text`, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in the text`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** The text of a range. */
function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** A text with LSP edits applied. */
function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Every YAML file of the project, relative to it. */
function yamlFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '.rasa' && name !== 'models') out.push(...yamlFiles(root, p));
    } else if (/\.ya?ml$/.test(name)) out.push(relative(root, p).replace(/\\/g, '/'));
  }
  return out.sort();
}

describe('language server: a Rasa project over stdio', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  let storiesUri: string;
  let stories: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-rasa-'));
    cpSync(FIXTURE, root, { recursive: true });
    client = await TestClient.start({ root });
    storiesUri = client.uri('data/stories.yml');
    stories = readFileSync(join(root, 'data/stories.yml'), 'utf8');
    await client.notify('textDocument/didOpen', { textDocument: { uri: storiesUri, languageId: 'yaml', version: 1, text: stories } });
    await client.until(() => client.diagnostics.get(storiesUri)?.version === 1, 'the diagnostics of data/stories.yml');
    assert.deepEqual(client.diagnostics.get(storiesUri)!.items, []);
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('hovers a response in a story with its variations', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: storiesUri }, position: positionOf(stories, 'action: utter_greet', 12) });
    const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : JSON.stringify(h.contents);
    assert.equal(value.split('\n\n')[0], '**response** `utter_greet`');
    assert.match(value, /1\. “Hello! I'm Ledger\. I can tell you your balance, move money or find a branch\.”\n2\. “Hi there, Ledger here\. What can I do for you today\?”/);
    assert.match(value, /Defined in `domain\.yml` line 99\.$/);
    assert.equal(textAt(stories, h.range!), 'utter_greet');
  });

  it('goes to the response in domain.yml, and finds its uses in every file', async () => {
    const position = positionOf(stories, 'action: utter_greet', 12);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: storiesUri }, position });
    assert.equal(defs.length, 1);
    assert.equal(defs[0]!.uri, client.uri('domain.yml'));
    const domain = readFileSync(join(root, 'domain.yml'), 'utf8');
    assert.equal(textAt(domain, defs[0]!.range), 'utter_greet');
    assert.equal(defs[0]!.range.start.line, 98);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: storiesUri }, position, context: { includeDeclaration: true } });
    const places = refs.map((r) => `${relative(root, fileURLToPath(r.uri)).replace(/\\/g, '/')}:${r.range.start.line + 1}`);
    assert.deepEqual(places, ['data/rules.yml:8', 'data/stories.yml:7', 'domain.yml:99', 'tests/test_stories.yml:9']);
  });

  it('renames an intent across the domain, nlu, stories, rules and tests, and the project stays valid', async () => {
    const prepare = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: storiesUri }, position: positionOf(stories, 'intent: greet', 10) });
    assert.equal(prepare.placeholder, 'greet');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: storiesUri }, position: positionOf(stories, 'intent: greet', 10), newName: 'say_hello' });
    const changes = edit.changes ?? {};
    const changed = Object.keys(changes).map((u) => relative(root, fileURLToPath(u)).replace(/\\/g, '/')).sort();
    assert.deepEqual(changed, ['data/nlu.yml', 'data/rules.yml', 'data/stories.yml', 'domain.yml', 'tests/test_stories.yml']);
    for (const rel of yamlFiles(root)) {
      const before = readFileSync(join(root, rel), 'utf8');
      const after = apply(before, changes[client.uri(rel)] ?? []);
      if (!changed.includes(rel)) {
        assert.equal(after, before, rel);
        continue;
      }
      // Every `greet` that names the intent is now say_hello, and nothing else changed.
      assert.ok(!/(intent: |- )greet\b/.test(after), `${rel} still names greet`);
      assert.equal(after.replace(/say_hello/g, 'greet'), before, rel);
    }
    const domain = apply(readFileSync(join(root, 'domain.yml'), 'utf8'), changes[client.uri('domain.yml')]!);
    assert.ok(domain.includes('intents:\n  - say_hello\n'));
    assert.ok(domain.includes('utter_greet:'), 'the response keeps its name');
    // The edited files, opened with the rename applied, validate clean.
    let version = 10;
    for (const rel of changed) {
      const text = apply(readFileSync(join(root, rel), 'utf8'), changes[client.uri(rel)]!);
      if (rel === 'data/stories.yml') await client.notify('textDocument/didChange', { textDocument: { uri: storiesUri, version: ++version }, contentChanges: [{ text }] });
      else await client.notify('textDocument/didOpen', { textDocument: { uri: client.uri(rel), languageId: 'yaml', version: ++version, text } });
    }
    const settled = (v: (rel: string) => number) => () => changed.every((rel) => client.diagnostics.get(client.uri(rel))?.version === v(rel) && client.diagnostics.get(client.uri(rel))!.items.length === 0);
    const opened = new Map(changed.map((rel, i) => [rel, 11 + i]));
    try {
      await client.until(settled((rel) => opened.get(rel)!), 'no diagnostics in the renamed files', 10000);
    } catch (e) {
      for (const rel of changed) assert.deepEqual(client.diagnostics.get(client.uri(rel))?.items, [], rel);
      throw e;
    }
    // Back to the fixture's own text (kept open) for the tests after this one.
    for (const rel of changed) await client.notify('textDocument/didChange', { textDocument: { uri: client.uri(rel), version: 30 }, contentChanges: [{ text: readFileSync(join(root, rel), 'utf8') }] });
    await client.until(settled(() => 30), 'the restored files');
  });

  it('completes the domain’s intents after - intent: ', async () => {
    const typed = stories.replace('      - action: utter_greet\n', '      - action: utter_greet\n      - intent: \n');
    await client.notify('textDocument/didChange', { textDocument: { uri: storiesUri, version: 31 }, contentChanges: [{ text: typed }] });
    const position = positionOf(typed, '      - intent: \n', '      - intent: '.length);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: storiesUri }, position });
    const labels = list.items.map((i) => i.label);
    for (const intent of ['greet', 'goodbye', 'check_balance', 'transfer_money', 'inform', 'nlu_fallback']) assert.ok(labels.includes(intent), labels.join(', '));
    const greet = list.items.find((i) => i.label === 'greet')!;
    assert.equal(greet.detail, '6 examples');
    assert.deepEqual(greet.textEdit && 'range' in greet.textEdit ? greet.textEdit.range : undefined, { start: position, end: position });
    await client.notify('textDocument/didChange', { textDocument: { uri: storiesUri, version: 32 }, contentChanges: [{ text: stories }] });
  });

  it('outlines domain.yml by section', async () => {
    const domainUri = client.uri('domain.yml');
    const domain = readFileSync(join(root, 'domain.yml'), 'utf8');
    await client.notify('textDocument/didOpen', { textDocument: { uri: domainUri, languageId: 'yaml', version: 1, text: domain } });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: domainUri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['version', 'intents', 'entities', 'slots', 'forms', 'responses', 'actions', 'session_config'],
    );
    const responses = symbols.find((s) => s.name === 'responses')!;
    assert.equal(responses.detail, '10 responses');
    assert.deepEqual(responses.children!.map((c) => c.name).slice(0, 3), ['utter_greet', 'utter_goodbye', 'utter_youre_welcome']);
    const greet = responses.children![0]!;
    assert.equal(textAt(domain, greet.selectionRange), 'utter_greet');
    assert.equal(greet.detail, '2 variations');
    assert.deepEqual(symbols.find((s) => s.name === 'forms')!.children!.map((c) => `${c.name} (${c.detail})`), ['transfer_form (3 required slots)']);
  });
});
