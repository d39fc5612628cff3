// A Rasa repository from the shell, as a CI job meets it: `botv bots` finds the project where
// it is, with its format and language; `botv validate` exits 1 on errors, 0 on warnings
// alone and 1 with --fail-on-warnings, saying why; `botv save` stores the project's files and
// never its models or caches, and `botv restore` gives them back byte for byte.
import { strict as assert } from 'node:assert';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runCli } from '../../../server/src/cli/program';
import { tempDir } from '../versioning/support/workspace';

const RASA = join(__dirname, '../../fixtures/rasa');

async function botv(cwd: string, ...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s), cwd, env: { BOTV_AUTHOR: 'Rasa CLI', NO_COLOR: '1' }, isTTY: false };
  return { code: await runCli(args, io), out: out.join('') };
}

/** Every file under `dir` with its bytes, '/'-separated relative paths. */
function tree(dir: string, skip = new Set(['.botversions'])): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (skip.has(name)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

describe('botv on Rasa projects', function () {
  this.timeout(60_000);

  it('lists a monorepo\'s Rasa project where it is, with its format and language', async () => {
    const r = await botv(join(RASA, 'split'), 'bots', '--json', '--root', join(RASA, 'split'));
    assert.equal(r.code, 0, r.out);
    const bots = JSON.parse(r.out).bots as { id: string; format: string; dir: string; locales: string[]; manifest: string }[];
    assert.deepEqual(bots.map((b) => [b.id, b.format, b.dir, b.locales, b.manifest]), [['fibrelink-support', 'rasa', 'services/assistant', ['en'], 'config/config.yml']]);
  });

  it('exits 1 on an error, 0 on warnings alone, and 1 with --fail-on-warnings, saying why', async () => {
    const error = await botv(join(RASA, 'broken', 'unknown-action'), 'validate', '--root', join(RASA, 'broken', 'unknown-action'));
    assert.equal(error.code, 1);
    assert.match(error.out, /^data\/stories\.yml:13:17 error rasa\/unknown-action .*action_estimate_delivry/m);
    const warning = await botv(join(RASA, 'broken', 'unknown-intent'), 'validate', '--root', join(RASA, 'broken', 'unknown-intent'));
    assert.equal(warning.code, 0, warning.out);
    assert.match(warning.out, /^data\/stories\.yml:8:17 warning rasa\/unknown-intent /m);
    const strict = await botv(join(RASA, 'broken', 'unknown-intent'), 'validate', '--fail-on-warnings', '--root', join(RASA, 'broken', 'unknown-intent'));
    assert.equal(strict.code, 1);
    assert.match(strict.out, /Failed: 1 warning, and --fail-on-warnings counts warnings as failures\./);
    const clean = await botv(join(RASA, 'clean'), 'validate', '--fail-on-warnings', '--root', join(RASA, 'clean'));
    assert.equal(clean.code, 0, clean.out);
    assert.match(clean.out, /No problems in 1 bot\./);
  });

  it('saves the project without its models and caches, and restores it byte for byte', async () => {
    const root = join(tempDir('botv-rasa-cli-'), 'ledger');
    cpSync(join(RASA, 'clean'), root, { recursive: true });
    const saved = await botv(root, 'save', '20240611-093012-quiet-ledger', '--json');
    assert.equal(saved.code, 0, saved.out);
    const shown = JSON.parse((await botv(root, 'show', '20240611-093012-quiet-ledger', 'v1', '--json')).out) as { tree: { path: string }[] };
    const paths = shown.tree.map((f) => f.path);
    assert.ok(paths.includes('data/nlu.yml') && paths.includes('actions/actions.py') && paths.includes('credentials.yml'), paths.join(', '));
    assert.deepEqual(paths.filter((p) => /^(models|\.rasa)\/|__pycache__/.test(p)), [], 'models, caches and __pycache__ are never versioned');
    const before = tree(root);
    writeFileSync(join(root, 'data', 'nlu.yml'), 'version: "3.1"\nnlu: []\n');
    writeFileSync(join(root, 'data', 'extra.yml'), 'version: "3.1"\n');
    const restored = await botv(root, 'restore', '20240611-093012-quiet-ledger', 'v1', '--json');
    assert.equal(restored.code, 0, restored.out);
    assert.deepEqual(tree(root), before);
  });
});
