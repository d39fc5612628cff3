// A second real LSP client: Debian's Neovim, driving the server over stdio as a Neovim
// user would configure it, sees diagnostics and reaches versioning through executeCommand.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER } from '../support/lspClient';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'pizza-shop');
const hasNeovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

describe('language server: Neovim as the client', function () {
  this.timeout(60000);

  it('shows the diagnostics of a broken flow and lists the bots through executeCommand', function () {
    if (!hasNeovim) {
      // .ci/run installs Debian's neovim; a developer machine without it is told so.
      throw new Error('nvim is not installed: run `apt-get install -y neovim` (or .ci/run) to run this test.');
    }
    const root = mkdtempSync(join(tmpdir(), 'botv-nvim-'));
    try {
      cpSync(SAMPLE, root, { recursive: true });
      const file = join(root, 'pizza-dev', 'flows', 'support.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('say: farewell', 'say: farewel'));
      const out = join(root, 'nvim-result.json');
      const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${join(__dirname, 'neovim.lua')}`], {
        encoding: 'utf8',
        timeout: 45000,
        env: { ...process.env, BOTV_SERVER: SERVER, BOTV_ROOT: root, BOTV_FILE: file, BOTV_NVIM_OUT: out, XDG_DATA_HOME: join(root, '.xdg'), XDG_STATE_HOME: join(root, '.xdg'), XDG_CACHE_HOME: join(root, '.xdg') },
      });
      assert.equal(r.status, 0, `nvim exited ${r.status}: ${r.stderr}`);
      const result = JSON.parse(readFileSync(out, 'utf8')) as { error?: string; diagnostics: { lnum: number; message: string }[]; commands: { id: string }[] };
      assert.ok(!result.error, result.error ?? '');
      assert.ok(result.diagnostics.some((d) => /farewel/.test(d.message)), JSON.stringify(result.diagnostics));
      assert.deepEqual(result.commands.map((b) => b.id), ['pizza-dev', 'pizza-prod']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
