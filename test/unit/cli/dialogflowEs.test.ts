// Dialogflow ES agents from the shell: `botv bots` finds the agent and its zip, named by their
// folder and file; validate's exit codes; save, compare in ES's words and restore byte for
// byte; a release into a twin keeps its own webhook; `botv export --zip` writes the zip the
// console imports (agent.json and package.json at its top) with the environment's webhook URL.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { runCli } from '../../../server/src/cli/program';
import { tempDir } from '../versioning/support/workspace';

const ES = join(__dirname, '../../fixtures/dialogflow-es');

async function botv(cwd: string, ...args: string[]): Promise<{ code: number; out: string; json: any }> {
  const out: string[] = [];
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s), cwd, env: { BOTV_AUTHOR: 'ES CLI', NO_COLOR: '1' }, isTTY: false };
  const code = await runCli(args, io);
  const text = out.join('');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { code, out: text, json };
}

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name === '.botversions') continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

function workspace(): string {
  const root = tempDir('botv-es-cli-');
  cpSync(join(ES, 'clean'), join(root, 'cafe-bellevue'), { recursive: true });
  mkdirSync(join(root, 'exports'));
  cpSync(join(ES, 'zips', 'Café Bellevue.zip'), join(root, 'exports', 'Café Bellevue.zip'));
  return root;
}

const edit = (file: string, change: (v: any) => void): void => {
  const v = JSON.parse(readFileSync(file, 'utf8'));
  change(v);
  writeFileSync(file, JSON.stringify(v, null, 2) + '\n');
};

describe('botv on Dialogflow ES agents', function () {
  this.timeout(60_000);

  it('lists the agent and its zip beside it as two bots, named by folder and file, with their languages', async () => {
    const r = await botv(workspace(), 'bots', '--json');
    assert.equal(r.code, 0, r.out);
    assert.deepEqual(
      r.json.bots.map((b: any) => [b.id, b.name, b.format, b.dir, b.locales]),
      [
        ['cafe-bellevue', 'cafe-bellevue', 'dialogflow-es', 'cafe-bellevue', ['en', 'de']],
        // Both named after the agent: the zip's id says it is the zip.
        ['cafe-bellevue-zip', 'Café Bellevue.zip', 'dialogflow-es', 'exports/Café Bellevue.zip', ['en', 'de']],
      ],
    );
  });

  it('exits 1 on an error and 0 on a warning', async () => {
    const parent = join(ES, 'broken', 'unknown-parent');
    const e = await botv(parent, 'validate', '--root', parent);
    assert.equal(e.code, 1);
    assert.match(e.out, /error dialogflow-es\/unknown-parent /);
    const ctx = join(ES, 'broken', 'context-never-set');
    const w = await botv(ctx, 'validate', '--root', ctx);
    assert.equal(w.code, 0, w.out);
    assert.match(w.out, /warning dialogflow-es\/context-never-set .*Did you mean "booking-followup"\?/);
  });

  it('saves, compares in ES\'s words, restores byte for byte, releases into a twin that keeps its webhook, and exports the import zip', async () => {
    const root = workspace();
    const agent = join(root, 'cafe-bellevue');
    assert.equal((await botv(root, 'save', 'cafe-bellevue')).code, 0);
    const before = tree(agent);
    edit(join(agent, 'intents', 'Öffnungszeiten_usersays_de.json'), (v) => v.push({ id: 'x', data: [{ text: 'habt ihr heute offen', userDefined: false }], isTemplate: false, count: 0, lang: 'de', updated: 1718000000 }));
    assert.equal((await botv(root, 'save', 'cafe-bellevue')).code, 0);
    const diff = await botv(root, 'diff', 'cafe-bellevue', '1', '2', '--semantic', '--json');
    assert.deepEqual(diff.json.semantic.changes.map((c: any) => [c.kind, c.change, c.parent, c.locale, c.name]), [['utterance', 'added', 'Öffnungszeiten', 'de', 'habt ihr heute offen']]);
    assert.equal((await botv(root, 'restore', 'cafe-bellevue', '1')).code, 0);
    assert.deepEqual(tree(agent), before);

    const twin = join(root, 'cafe-bellevue-prod');
    cpSync(join(ES, 'clean'), twin, { recursive: true });
    edit(join(twin, 'agent.json'), (v) => (v.webhook.url = 'https://prod.bellevue.example.com/dialogflow'));
    assert.equal((await botv(root, 'save', 'cafe-bellevue-prod')).code, 0);
    const rel = await botv(root, 'release', 'create', 'cafe-bellevue', '2', '--to', 'cafe-bellevue-prod', '--json');
    assert.equal(rel.code, 0, rel.out);
    assert.equal((await botv(root, 'release', 'accept', 'cafe-bellevue-prod', rel.json.release.id.slice(0, 8))).code, 0);
    assert.equal(JSON.parse(readFileSync(join(twin, 'agent.json'), 'utf8')).webhook.url, 'https://prod.bellevue.example.com/dialogflow');
    assert.match(readFileSync(join(twin, 'intents', 'Öffnungszeiten_usersays_de.json'), 'utf8'), /habt ihr heute offen/);

    const configPath = join(root, '.botversions', 'config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    config.values = { 'cafe-bellevue': { production: { 'agent.json': { '/webhook/url': 'https://bellevue.example.com/prod' } } } };
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    const out = join(tempDir('botv-es-export-'), 'build');
    const x = await botv(root, 'export', 'cafe-bellevue', '2', '--env', 'production', '--out', out, '--zip', '--json');
    assert.equal(x.code, 0, x.out);
    const entries = unzipSync(readFileSync(join(out, 'cafe-bellevue.zip')));
    assert.ok('agent.json' in entries && 'package.json' in entries && 'intents/Tisch reservieren - yes_usersays_de.json' in entries && 'entities/seating-area_entries_en.json' in entries, Object.keys(entries).join(', '));
    assert.equal(JSON.parse(new TextDecoder().decode(entries['agent.json'])).webhook.url, 'https://bellevue.example.com/prod');
  });
});
