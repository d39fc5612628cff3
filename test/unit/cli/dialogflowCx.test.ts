// Dialogflow CX agents from the shell, as a team meets them: `botv bots` finds the agent and
// its export zip where they are, with their format and languages; `botv validate` exits 1 on
// an error and 0 on information alone; save, compare (in the console's words), restore byte
// for byte, promote, roll back and release into a twin that keeps its own display name and
// webhooks; `botv export --zip` writes the package the console's Restore takes, with the
// webhook URL config.json sets for the environment (by JSON pointer); an agent at the top of
// a git repository is warned about the console's Git integration.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { runCli } from '../../../server/src/cli/program';
import { tempDir } from '../versioning/support/workspace';

const CX = join(__dirname, '../../fixtures/dialogflow-cx');

async function botv(cwd: string, ...args: string[]): Promise<{ code: number; out: string; json: any }> {
  const out: string[] = [];
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s), cwd, env: { BOTV_AUTHOR: 'CX CLI', NO_COLOR: '1' }, isTTY: false };
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

function workspace(): string {
  const root = tempDir('botv-cx-cli-');
  cpSync(join(CX, 'clean'), join(root, 'agents', 'parcels'), { recursive: true });
  mkdirSync(join(root, 'exports'), { recursive: true });
  cpSync(join(CX, 'zips', 'exported_agent_Parcel Desk.zip'), join(root, 'exports', 'parcel-desk-2024-06.zip'));
  return root;
}

const edit = (file: string, change: (v: any) => void): void => {
  const v = JSON.parse(readFileSync(file, 'utf8'));
  change(v);
  writeFileSync(file, JSON.stringify(v, null, 2) + '\n');
};

describe('botv on Dialogflow CX agents', function () {
  this.timeout(60_000);

  it('lists the agent and its export zip where they are, with format, name and languages', async () => {
    const root = workspace();
    const r = await botv(root, 'bots', '--json');
    assert.equal(r.code, 0, r.out);
    assert.deepEqual(
      r.json.bots.map((b: any) => [b.id, b.name, b.format, b.dir, b.locales, b.manifest]),
      [
        ['parcel-desk', 'Parcel Desk', 'dialogflow-cx', 'agents/parcels', ['en', 'de'], 'agent.json'],
        ['parcel-desk-2024-06', 'Parcel Desk', 'dialogflow-cx', 'exports/parcel-desk-2024-06.zip', ['en', 'de'], 'agent/agent.json'],
      ],
    );
    assert.deepEqual(r.json.problems, []);
    const text = await botv(root, 'bots');
    assert.match(text.out, /^parcel-desk\s+Parcel Desk\s+dialogflow-cx en,de\s+agents\/parcels\s/m);
  });

  it('exits 1 on an error, 0 on information alone', async () => {
    const page = join(CX, 'broken', 'unknown-page');
    const error = await botv(page, 'validate', '--root', page);
    assert.equal(error.code, 1);
    assert.match(error.out, /^flows\/Default Start Flow\/Default Start Flow\.json:31:\d+ error dialogflow-cx\/unknown-page .*"Statuz".*Did you mean "Status"\?/m);
    const info = join(CX, 'broken', 'missing-language');
    const notes = await botv(info, 'validate', '--fail-on-warnings', '--root', info);
    assert.equal(notes.code, 0, notes.out);
    assert.match(notes.out, /information dialogflow-cx\/missing-language /);
    const clean = join(CX, 'clean');
    assert.match((await botv(clean, 'validate', '--root', clean)).out, /No problems in 1 bot\./);
  });

  it('saves, compares in the console\'s words, restores byte for byte, promotes and rolls back', async () => {
    const root = workspace();
    const agent = join(root, 'agents', 'parcels');
    assert.equal((await botv(root, 'save', 'parcel-desk')).code, 0);
    const before = tree(agent);
    edit(join(agent, 'intents', 'help', 'trainingPhrases', 'de.json'), (v) => v.trainingPhrases.push({ id: 'a', parts: [{ text: 'hilf mir bitte' }], repeatCount: 1, languageCode: 'de' }));
    edit(join(agent, 'flows', 'Track Parcel', 'pages', '%3e Show Status.json'), (v) => (v.transitionRoutes[1].targetPage = 'End Session'));
    // A re-export that only reorders keys and minifies: no change.
    const start = join(agent, 'flows', 'Default Start Flow', 'Default Start Flow.json');
    writeFileSync(start, JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(readFileSync(start, 'utf8'))).reverse())));
    assert.equal((await botv(root, 'save', 'parcel-desk')).code, 0);
    const diff = await botv(root, 'diff', 'parcel-desk', '1', '2', '--semantic', '--json');
    assert.equal(diff.code, 0, diff.out);
    assert.deepEqual(
      diff.json.semantic.changes.map((c: any) => [c.kind, c.change, c.parent ?? '', c.locale ?? '', c.name]),
      [
        ['utterance', 'added', 'help', 'de', 'hilf mir bitte'],
        ['page', 'modified', 'Track Parcel', '', '> Show Status'],
        ['route', 'removed', 'Track Parcel / > Show Status', '', 'intent confirm.no → Ask Number'],
        ['route', 'added', 'Track Parcel / > Show Status', '', 'intent confirm.no → End Session'],
      ],
    );
    assert.equal((await botv(root, 'restore', 'parcel-desk', '1')).code, 0);
    assert.deepEqual(tree(agent), before);
    assert.equal((await botv(root, 'env', 'set', 'parcel-desk', 'development', '2')).code, 0);
    const promoted = await botv(root, 'promote', 'parcel-desk', 'staging', '--json');
    assert.equal(promoted.code, 0, promoted.out);
    assert.equal((await botv(root, 'env', 'set', 'parcel-desk', 'development', '1')).code, 0);
    assert.equal((await botv(root, 'promote', 'parcel-desk', 'staging')).code, 0);
    const back = await botv(root, 'rollback', 'parcel-desk', 'staging', '--json');
    assert.equal(back.code, 0, back.out);
    const envs = await botv(root, 'env', 'parcel-desk', '--json');
    assert.equal(envs.json.find((e: any) => e.name === 'staging').version, 2);
    // The zip bot is versioned as the zip's bytes.
    assert.equal((await botv(root, 'save', 'parcel-desk-2024-06')).code, 0);
    const shown = await botv(root, 'show', 'parcel-desk-2024-06', '1', '--json');
    assert.deepEqual(shown.json.tree.map((f: any) => f.path), ['parcel-desk-2024-06.zip']);
  });

  it('releases into a twin agent, which keeps its own display name and webhooks', async () => {
    const root = workspace();
    const twin = join(root, 'agents', 'parcels-eu');
    cpSync(join(CX, 'clean'), twin, { recursive: true });
    edit(join(twin, 'agent.json'), (v) => (v.displayName = 'Parcel Desk EU'));
    edit(join(twin, 'webhooks', 'status-lookup.json'), (v) => (v.genericWebService.uri = 'https://eu.parcel-desk.example.com/hooks/status'));
    const source = join(root, 'agents', 'parcels');
    edit(join(source, 'intents', 'help', 'trainingPhrases', 'en.json'), (v) => v.trainingPhrases.push({ id: 'b', parts: [{ text: 'help me out' }], repeatCount: 1, languageCode: 'en' }));
    assert.equal((await botv(root, 'save', 'parcel-desk')).code, 0);
    assert.equal((await botv(root, 'save', 'parcel-desk-eu')).code, 0);
    const created = await botv(root, 'release', 'create', 'parcel-desk', '1', '--to', 'parcel-desk-eu', '--name', 'Help phrases', '--json');
    assert.equal(created.code, 0, created.out);
    const accepted = await botv(root, 'release', 'accept', 'parcel-desk-eu', created.json.release.id.slice(0, 8), '--json');
    assert.equal(accepted.code, 0, accepted.out);
    assert.equal(JSON.parse(readFileSync(join(twin, 'agent.json'), 'utf8')).displayName, 'Parcel Desk EU');
    assert.match(readFileSync(join(twin, 'webhooks', 'status-lookup.json'), 'utf8'), /eu\.parcel-desk\.example\.com/);
    assert.match(readFileSync(join(twin, 'intents', 'help', 'trainingPhrases', 'en.json'), 'utf8'), /help me out/);
  });

  it('exports the package the console restores: a zip with agent.json at its top and the environment\'s webhook URL', async () => {
    const root = workspace();
    assert.equal((await botv(root, 'save', 'parcel-desk')).code, 0);
    assert.equal((await botv(root, 'save', 'parcel-desk-2024-06')).code, 0);
    const configPath = join(root, '.botversions', 'config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    config.values = {
      'parcel-desk': { production: { 'webhooks/status-lookup.json': { '/genericWebService/uri': 'https://prod.parcel-desk.example.com/hooks/status' } } },
      'parcel-desk-2024-06': { production: { 'webhooks/slot-booking.json': { 'genericWebService.uri': 'https://prod.parcel-desk.example.com/hooks/slots' } } },
    };
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    const out = join(tempDir('botv-cx-export-'), 'build');
    const r = await botv(root, 'export', 'parcel-desk', '1', '--env', 'production', '--out', out, '--zip', '--json');
    assert.equal(r.code, 0, r.out);
    assert.deepEqual(readdirSync(out).sort(), ['.botversions-export.json', 'parcel-desk.zip']);
    assert.equal(r.json.zip.path, 'parcel-desk.zip');
    const entries = unzipSync(readFileSync(join(out, 'parcel-desk.zip')));
    assert.ok('agent.json' in entries && 'flows/Track Parcel/pages/%3e Show Status.json' in entries, Object.keys(entries).join(', '));
    assert.match(new TextDecoder().decode(entries['webhooks/status-lookup.json']), /"uri": "https:\/\/prod\.parcel-desk\.example\.com\/hooks\/status"/);
    // The same version and environment make the same zip.
    const again = await botv(root, 'export', 'parcel-desk', '1', '--env', 'production', '--out', out, '--zip', '--json');
    assert.equal(again.json.zip.sha256, r.json.zip.sha256);
    // A committed export zip is unpacked from its wrapper folder, junk left out, values set.
    const zout = join(tempDir('botv-cx-export-'), 'build');
    const z = await botv(root, 'export', 'parcel-desk-2024-06', '1', '--env', 'production', '--out', zout, '--zip', '--json');
    assert.equal(z.code, 0, z.out);
    const zentries = unzipSync(readFileSync(join(zout, 'parcel-desk-2024-06.zip')));
    assert.ok('agent.json' in zentries && !Object.keys(zentries).some((k) => k.startsWith('agent/') || k.startsWith('__MACOSX')), Object.keys(zentries).join(', '));
    assert.match(new TextDecoder().decode(zentries['webhooks/slot-booking.json']), /prod\.parcel-desk\.example\.com\/hooks\/slots/);
    // Without --zip, a folder bot's files as they are, with the values set.
    const fout = join(tempDir('botv-cx-export-'), 'build');
    assert.equal((await botv(root, 'export', 'parcel-desk', '1', '--env', 'production', '--out', fout)).code, 0);
    assert.match(readFileSync(join(fout, 'webhooks', 'status-lookup.json'), 'utf8'), /prod\.parcel-desk/);
  });

  it('warns when the agent is at the top of the git repository the store is kept in', async () => {
    const root = tempDir('botv-cx-git-');
    cpSync(join(CX, 'clean'), root, { recursive: true });
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const r = await botv(root, 'bots', '--json');
    assert.equal(r.code, 0, r.out);
    assert.deepEqual(r.json.problems.map((p: any) => p.code), ['STORE_AT_RISK']);
    assert.match(r.json.bots[0].warning, /Git integration removes every file of its branch that is not agent JSON/);
    const text = await botv(root, 'bots');
    assert.match(text.out, /warning: parcel-desk: the agent is at the top of this git repository/);
    // In a sub-folder of the repository, the console could not push it: nothing to say.
    const mono = tempDir('botv-cx-git-');
    mkdirSync(join(mono, '.git'));
    cpSync(join(CX, 'clean'), join(mono, 'agent'), { recursive: true });
    assert.deepEqual((await botv(mono, 'bots', '--json')).json.problems, []);
  });
});
