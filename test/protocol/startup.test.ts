// An editor restoring its tabs opens documents the moment the server is initialized, before
// it has read the workspace from disk. Those documents wait for the load and then win over
// the disk: the diagnostics are those of the editor's text, with its version.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { TestClient } from '../support/lspClient';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'pizza-shop');

function botFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? botFiles(path) : /\.(ya?ml|jsonc?)$/.test(name) ? [path] : [];
  });
}

describe('language server: documents opened during start-up', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'botv-startup-'));
    cpSync(SAMPLE, root, { recursive: true });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('takes every tab the editor restores, its text over the disk’s, and checks it once loaded', async () => {
    client = await TestClient.start({ root });
    const files = botFiles(join(root, 'pizza-dev'));
    const flow = join(root, 'pizza-dev', 'flows', 'support.yaml');
    assert.ok(files.includes(flow), 'the sample has flows/support.yaml');
    // Every file at once, without waiting for anything; one of them unsaved and broken.
    for (const path of files) {
      let text = readFileSync(path, 'utf8');
      if (path === flow) text = text.replace('say: farewell', 'say: nowhere');
      await client.notify('textDocument/didOpen', { textDocument: { uri: client.uri(relative(root, path)), languageId: 'yaml', version: 7, text } });
    }
    const flowUri = client.uri(relative(root, flow));
    const shown = await client.until(() => {
      const d = client.diagnostics.get(flowUri);
      return d?.items.some((x) => x.code === 'ref/unknown-response') && d;
    }, 'the broken tab’s error');
    assert.equal(shown.version, 7, 'published for the editor’s version');
    // Every tab has its list; the only other finding follows from the unsaved text: the
    // response the flow no longer says is unused.
    await client.until(() => files.every((p) => client.diagnostics.has(client.uri(relative(root, p)))), 'a publish for every tab');
    const others = files.filter((p) => p !== flow).flatMap((p) => client.diagnostics.get(client.uri(relative(root, p)))!.items.map((d) => `${relative(root, p)} ${d.code}`));
    assert.deepEqual(others, ['pizza-dev/responses/support.yaml unused/response']);
    // The server is ready, and the fixed text clears the error.
    await client.request('botVersions/listBots', {});
    await client.notify('textDocument/didChange', { textDocument: { uri: flowUri, version: 8 }, contentChanges: [{ text: readFileSync(flow, 'utf8') }] });
    await client.until(() => client.diagnostics.get(flowUri)?.version === 8 && client.diagnostics.get(flowUri)!.items.length === 0, 'the error to clear');
  });
});
