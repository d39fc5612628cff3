// `botv validate`, run in-process: human lines, the JSON shape of issue 3, exit codes.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/program';
import { FIXTURES } from './support/fixtures';

async function botv(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, env: {}, isTTY: false });
  return { code, out, err };
}

describe('botv validate', () => {
  const SAMPLES = join(__dirname, '../../../samples/pizza-shop');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'botv-validate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the sample workspace with exit 0', async () => {
    const r = await botv(['validate', '--root', SAMPLES], process.cwd());
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /No problems in 2 bots/);
  });

  it('prints file:line:col severity code message and exits 1 on errors', async () => {
    cpSync(join(FIXTURES, 'ref-unknown-response'), dir, { recursive: true });
    const r = await botv(['validate', '--root', dir], dir);
    assert.equal(r.code, 1);
    assert.equal(r.out.split('\n')[0], 'bot.yaml:13:14 error ref/unknown-response Unknown response "goodbye". Create it under responses, or say an existing one.');
  });

  it('--json prints the issue\'s shape with 0-based LSP ranges', async () => {
    cpSync(join(FIXTURES, 'unused-response'), dir, { recursive: true });
    const r = await botv(['validate', '--json', '--root', dir], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), [
      {
        file: 'bot.yaml',
        range: { start: { line: 15, character: 2 }, end: { line: 15, character: 5 } },
        severity: 'warning',
        code: 'unused/response',
        message: 'The response bye is never used: no step says it (say: or a handoff message). Use it or remove it.',
      },
    ]);
  });

  it('--fail-on-warnings exits 1 on warnings', async () => {
    cpSync(join(FIXTURES, 'unused-response'), dir, { recursive: true });
    assert.equal((await botv(['validate', '--fail-on-warnings', '--root', dir], dir)).code, 1);
  });

  it('reports only on the paths given, but checks their bots whole', async () => {
    cpSync(join(FIXTURES, 'name-duplicate'), dir, { recursive: true });
    const onlyManifest = await botv(['validate', '--json', '--root', dir, 'bot.yaml'], dir);
    assert.deepEqual(JSON.parse(onlyManifest.out), []);
    const other = await botv(['validate', '--json', '--root', dir, 'more.yaml'], dir);
    assert.deepEqual(JSON.parse(other.out).map((d: { code: string }) => d.code), ['name/duplicate']);
  });

  it('exits 2 for a path that does not exist', async () => {
    writeFileSync(join(dir, 'bot.yaml'), 'bot: { id: x, locales: [en-US] }\n');
    const r = await botv(['validate', '--root', dir, 'missing.yaml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /missing\.yaml: no such file or folder/);
  });
});
