// Hostile bot files reach the server as a real client would deliver them (written to disk
// while it runs): after each one the server is alive, has published its diagnostic, and
// answers a hover in under a second.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { hostileCorpus, manyKeysYaml } from '../support/hostile';
import { TestClient } from '../support/lspClient';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'pizza-shop');

describe('language server: hostile bot files', function () {
  this.timeout(240_000);
  let root: string;
  let client: TestClient;
  let flowUri: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-hostile-'));
    cpSync(SAMPLE, root, { recursive: true });
    client = await TestClient.start({ root, settings: { validation: { scope: 'workspace' } } });
    const rel = 'pizza-dev/flows/support.yaml';
    flowUri = client.uri(rel);
    await client.notify('textDocument/didOpen', { textDocument: { uri: flowUri, languageId: 'yaml', version: 1, text: readFileSync(join(root, rel), 'utf8') } });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  for (const [i, c] of hostileCorpus().entries()) {
    it(`survives ${c.name}: reports ${c.code} and answers a hover within 1 s`, async () => {
      const dir = join(root, `hostile-${i}`);
      mkdirSync(dir);
      writeFileSync(join(dir, c.file), c.content);
      const uri = client.uri(`hostile-${i}/${c.file}`);
      await client.until(() => client.diagnostics.get(uri)?.items.some((d) => d.code === c.code), `${c.code} on ${c.name}`, 30_000);
      const started = Date.now();
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: flowUri }, position: { line: 2, character: 25 } });
      const ms = Date.now() - started;
      assert.ok(h, 'no hover');
      assert.ok(ms < 1000, `the hover took ${ms} ms`);
      assert.equal(client.process.exitCode, null, `the server exited: ${client.stderr}`);
      // Out of the workspace again, so one case does not slow the next.
      rmSync(dir, { recursive: true, force: true });
      await client.until(() => client.diagnostics.get(uri)?.items.length === 0, `the diagnostics of ${c.name} to clear`, 30_000);
    });
  }

  it('cuts the outline of a 40,000-key file at botVersions.maxItemsComputed (5,000) and says so once', async () => {
    const dir = join(root, 'hostile-outline');
    mkdirSync(dir);
    writeFileSync(join(dir, 'bot.yaml'), manyKeysYaml());
    const uri = client.uri('hostile-outline/bot.yaml');
    await client.until(() => client.diagnostics.get(uri)?.items.some((d) => d.code === 'syntax/duplicate-key'), 'the file to be read', 30_000);
    const told = () => client.notifications.filter((n) => n.method === 'window/showMessage' && String((n.params as { message: string }).message).includes('outline shows'));
    const before = told().length;
    const count = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
    for (let round = 0; round < 2; round++) {
      const started = Date.now();
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const ms = Date.now() - started;
      assert.equal(count(symbols), 5000, 'symbols sent');
      // Breadth first: every section is there, the huge one cut short.
      assert.deepEqual(symbols.map((s) => s.name).sort(), ['bot', 'variables']);
      assert.ok(ms < 1000, `the outline took ${ms} ms`);
    }
    await client.until(() => told().length > before, 'the user to be told');
    const message = (told().at(-1)!.params as { message: string }).message;
    assert.match(message, /^bot\.yaml: the outline shows 5,000 of 40,00\d items\. Raise the setting botVersions\.maxItemsComputed/);
    assert.equal(told().length, before + 1, 'told once, not at every request');
    rmSync(dir, { recursive: true, force: true });
  });
});
