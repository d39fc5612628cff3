/**
 * One gate: a stored version checked by `botv promote` and by the language server gets
 * the same problems, whatever the editor user's `botVersions.validation.severity` says;
 * the severities of `gates.severities` in .botversions/config.json apply to both.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../server/src/cli/program';
import type { GateProblem, PromotePreview } from '../../server/src/lsp/protocol';
import { TestClient } from '../support/lspClient';

const SHOP = join(__dirname, '..', 'fixtures', 'versioning', 'shop');
const FLOW = 'shop-dev/flows/main.yaml';

/** Runs botv in-process; resolves to its exit code and its JSON output. */
async function botv(root: string, ...args: string[]): Promise<{ code: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let out = '';
  const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s), cwd: root, env: { BOTV_AUTHOR: 'Gate Test' }, isTTY: false };
  const code = await runCli([...args, '--json'], io);
  return { code, json: JSON.parse(out) };
}

describe('one gate for the CLI and the language server', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  // The user turns the very code the gate refuses off, and another one down.
  const settings = { validation: { severity: { 'ref/unknown-response': 'off', 'unused/function': 'hint' } } };

  before(async () => {
    root = join(mkdtempSync(join(tmpdir(), 'botv-gate-')), 'shop');
    cpSync(SHOP, root, { recursive: true });
    // A flow that says a response no file defines (an error), stored as v1 and put in staging.
    writeFileSync(join(root, FLOW), readFileSync(join(root, FLOW), 'utf8').replace('      - say: hello\n', '      - say: hello\n      - say: goodbye\n'));
    assert.equal((await botv(root, 'save', 'shop-dev')).code, 0);
    assert.equal((await botv(root, 'env', 'set', 'shop-dev', 'staging', '1')).code, 0);
    client = await TestClient.start({ root, settings, env: { BOTV_AUTHOR: 'Gate Test' } });
  });

  after(async () => {
    await client?.stop();
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  it('finds the same problems in a stored version, with a user severity override set', async () => {
    const preview = await client.request<PromotePreview>('botVersions/previewPromote', { bot: 'shop-dev', environment: 'production' });
    assert.equal(preview.gate.checked, true);
    const cli = await botv(root, 'promote', 'shop-dev', 'production');
    assert.equal(cli.code, 1);
    assert.equal(cli.json.error.code, 'GATE_REFUSED');
    const problems = cli.json.error.problems as GateProblem[];
    assert.ok(problems.some((p) => p.code === 'ref/unknown-response' && p.severity === 'error' && p.file === 'flows/main.yaml'), JSON.stringify(problems));
    assert.deepEqual(preview.gate.problems, problems);
    assert.equal(preview.gate.errors, problems.filter((p) => p.severity === 'error').length);

    // The server's own promotion is refused with the same problems.
    await assert.rejects(client.request('botVersions/promote', { bot: 'shop-dev', environment: 'production' }), (e: { data?: { code: string; problems?: GateProblem[] } }) => {
      assert.equal(e.data?.code, 'GATE_REFUSED');
      assert.deepEqual(e.data?.problems, problems);
      return true;
    });
  });

  it('still applies the user’s severities to the editor’s diagnostics', async () => {
    const text = readFileSync(join(root, FLOW), 'utf8');
    await client.notify('textDocument/didOpen', { textDocument: { uri: client.uri(FLOW), languageId: 'yaml', version: 1, text } });
    const published = await client.until(() => client.diagnostics.get(client.uri(FLOW)), 'diagnostics of the flow');
    assert.ok(!published.items.some((d) => d.code === 'ref/unknown-response'), JSON.stringify(published.items));
  });

  it('applies gates.severities of config.json to both', async () => {
    const config = join(root, '.botversions', 'config.json');
    writeFileSync(config, JSON.stringify({ pipeline: ['development', 'staging', 'production'], protected: ['shop-prod'], gates: { validateBefore: ['production'], severities: { 'ref/unknown-response': 'warning' } } }, null, 2));
    const preview = await client.request<PromotePreview>('botVersions/previewPromote', { bot: 'shop-dev', environment: 'production' });
    assert.equal(preview.blocked, null);
    const cli = await botv(root, 'promote', 'shop-dev', 'production');
    assert.equal(cli.code, 0, JSON.stringify(cli.json));
    assert.equal(cli.json.event.gate.errors, 0);
    assert.ok((cli.json.problems as GateProblem[]).some((p) => p.code === 'ref/unknown-response' && p.severity === 'warning'));
    assert.deepEqual(preview.gate.problems, cli.json.problems);
    assert.deepEqual([preview.gate.errors, preview.gate.warnings], [cli.json.event.gate.errors, cli.json.event.gate.warnings]);
  });
});
