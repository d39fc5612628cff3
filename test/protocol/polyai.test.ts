// The PolyAI format through the real language server over stdio, on a copy of the clean
// fixture: no finding; completion after `{{fn:` in the rules lists the global functions;
// definition from a condition's child_step to the step; hover on {{fn:x}}; references of a
// function; a dangling {{fn:}} typed into a topic reported at the name and cleared when undone.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionList, Hover, Location } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'polyai', 'clean');

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in the text`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

describe('language server: a PolyAI project over stdio', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  const read = (rel: string) => readFileSync(join(root, rel), 'utf8');

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-poly-'));
    cpSync(FIXTURE, root, { recursive: true });
    client = await TestClient.start({ root });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function openDoc(rel: string, languageId: string): Promise<{ uri: string; text: string }> {
    const uri = client.uri(rel);
    const text = read(rel);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await client.until(() => client.diagnostics.get(uri)?.version === 1, `the diagnostics of ${rel}`);
    return { uri, text };
  }

  it('completes the global functions after {{fn: in the rules', async () => {
    const rel = 'agent_settings/rules.txt';
    const { uri, text } = await openDoc(rel, 'plaintext');
    assert.deepEqual(client.diagnostics.get(uri)!.items, []);
    const edited = `${text}Then {{fn:`;
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const lines = edited.split('\n');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: lines.at(-1)!.length } });
    const items = Array.isArray(list) ? list : list.items;
    assert.deepEqual(items.map((i) => i.label).sort(), ['start_booking', 'start_cancellation', 'transfer_to_front_desk']);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
  });

  it('goes from a condition\'s child_step to the step, and hovers {{fn:x}}', async () => {
    const rel = 'flows/book_appointment/steps/collect_name.yaml';
    const { uri, text } = await openDoc(rel, 'yaml');
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'child_step: Collect Date', 14) });
    assert.deepEqual(defs.map((d) => d.uri), [client.uri('flows/book_appointment/steps/collect_date.yaml')]);
    const step = await openDoc('flows/cancel_appointment/steps/confirm_cancellation.yaml', 'yaml');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: step.uri }, position: positionOf(step.text, 'transfer_to_front_desk', 4) });
    const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : JSON.stringify(h.contents);
    assert.match(value, /^\*\*global function\*\* `transfer_to_front_desk\(reason: str\)`\n\nTransfers the caller to the reception team\./);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: step.uri }, position: positionOf(step.text, 'transfer_to_front_desk', 4), context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1)).sort(), ['annuler_un_rendez_vous.yaml', 'confirm_cancellation.yaml', 'rules.txt', 'transfer_to_front_desk.py']);
  });

  it('reports a {{fn:}} naming no function, typed into a topic, and clears it when undone', async () => {
    const rel = 'topics/cancel_appointment.yaml';
    const { uri, text } = await openDoc(rel, 'yaml');
    const broken = text.replace('{{fn:start_cancellation}}', '{{fn:start_cancelation}}');
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
    await client.until(() => client.diagnostics.get(uri)?.version === 2, 'the diagnostics after the edit');
    const items = client.diagnostics.get(uri)!.items;
    assert.deepEqual(items.map((d) => d.code), ['polyai/unknown-reference']);
    assert.match(String(items[0]!.message), /Did you mean 'start_cancellation'\?/);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    await client.until(() => client.diagnostics.get(uri)?.version === 3, 'the diagnostics after the undo');
    assert.deepEqual(client.diagnostics.get(uri)!.items, []);
  });
});
