// One answer to "which files are this bot's": a bot under out/ (a folder name build tools
// use) is found, validated and versioned alike by the language server, `botv validate` and
// `botv save`. The definition files the editor checks are exactly those the saved version
// holds (beside its other files), and a problem in one is reported by both checkers.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../server/src/cli/program';
import { TestClient } from '../support/lspClient';

function put(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

async function cli(root: string, ...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s), cwd: root, env: { BOTV_AUTHOR: 'Fileset' }, isTTY: false };
  const code = await runCli(args, io);
  return { code, out: out.join('') };
}

describe('one set of bot files: the editor, botv validate and botv save agree', function () {
  this.timeout(60_000);
  let root: string;
  let client: TestClient | undefined;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'botv-fileset-'));
    const bot = (dir: string, id: string) => {
      put(root, `${dir}/bot.yaml`, `bot:\n  id: ${id}\n  name: ${id}\n  locales: [en-US]\ninclude: [intents/*.yaml, flows/*.yaml]\n`);
      put(root, `${dir}/intents/main.yaml`, 'intents:\n  - name: Hello\n    utterances:\n      en-US: [hi, hello there, good morning]\n');
      // "say: goodby" names no response: both checkers must report it.
      put(root, `${dir}/flows/main.yaml`, 'flows:\n  - name: greet\n    trigger: { intent: Hello }\n    steps:\n      - say: goodby\n');
      put(root, `${dir}/notes.txt`, 'not a definition file, but part of the bot\n');
    };
    bot('out/shop', 'out-shop');
    bot('dist/kiosk', 'dist-kiosk');
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds both bots, reports the same problem in each, and saves exactly the files the editor checks', async () => {
    const bots = JSON.parse((await cli(root, 'bots', '--json')).out).bots as { id: string; dir: string }[];
    assert.deepEqual(bots.map((b) => [b.id, b.dir]), [['dist-kiosk', 'dist/kiosk'], ['out-shop', 'out/shop']]);

    const validate = await cli(root, 'validate', '--json');
    assert.equal(validate.code, 1);
    const problems = JSON.parse(validate.out) as { file: string; code: string }[];
    const unknown = problems.filter((p) => p.code === 'ref/unknown-response').map((p) => p.file).sort();
    assert.deepEqual(unknown, ['dist/kiosk/flows/main.yaml', 'out/shop/flows/main.yaml']);

    client = await TestClient.start({ root, settings: { validation: { scope: 'workspace' } } });
    for (const dir of ['out/shop', 'dist/kiosk']) {
      const uri = client.uri(`${dir}/flows/main.yaml`);
      const published = await client.until(() => client!.diagnostics.get(uri), `diagnostics of ${dir}/flows/main.yaml`);
      assert.ok(published.items.some((d) => d.code === 'ref/unknown-response'), JSON.stringify(published.items));
    }
    // The editor treats a file as the bot's when it outlines it (a file of no bot has no outline).
    const outlined: string[] = [];
    for (const rel of ['bot.yaml', 'intents/main.yaml', 'flows/main.yaml', 'notes.txt']) {
      const symbols = await client.request<unknown[] | null>('textDocument/documentSymbol', { textDocument: { uri: client.uri(`out/shop/${rel}`) } });
      if (symbols && symbols.length) outlined.push(rel);
    }

    const saved = await cli(root, 'save', 'out-shop', '--json');
    assert.equal(saved.code, 0, saved.out);
    const shown = JSON.parse((await cli(root, 'show', 'out-shop', 'v1', '--json')).out) as { tree: { path: string }[] };
    const stored = shown.tree.map((f) => f.path).sort();
    assert.deepEqual(stored, ['bot.yaml', 'flows/main.yaml', 'intents/main.yaml', 'notes.txt']);
    assert.deepEqual(outlined.sort(), stored.filter((p) => /\.(ya?ml|jsonc?)$/.test(p)));
  });
});
