/**
 * The command line as a user runs it: the bundled `botv` spawned in a workspace, every
 * invocation scripts rely on, its human output, its JSON shapes and its exit codes.
 */
import { strict as assert } from 'node:assert';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/program';
import { bundle } from '../versioning/support/bundle';
import { craftVersion } from '../versioning/support/craft';
import { copyFixture, put, tempDir } from '../versioning/support/workspace';

let cli: string;

interface Run {
  code: number | null;
  out: string;
  err: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function botv(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, BOTV_AUTHOR: 'Cli Tester', NO_COLOR: '1' } });
  let json: unknown;
  if (args.includes('--json')) json = JSON.parse(r.stdout);
  return { code: r.status, out: r.stdout, err: r.stderr, json };
}

describe('botv command line', function () {
  this.timeout(60_000);
  before(async () => {
    cli = await bundle('server/src/cli/main.ts');
  });

  it('runs the whole life of a bot: save, list, promote, roll back, release, export, verify', () => {
    const root = copyFixture();
    const sub = join(root, 'shop-dev', 'intents');

    let r = botv(root, 'bots');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^BOT\s+NAME\s+FORMAT\s+FOLDER\s+VERSIONS\s+LATEST\s+ENVIRONMENTS$/m);
    assert.match(r.out, /^shop-prod \(protected\)\s+Shop \(production\)/m);
    const listed = botv(root, 'bots', '--json').json.bots as { id: string; format: string; dir: string; locales: string[] }[];
    assert.deepEqual(
      listed.map((b) => [b.id, b.format, b.dir]),
      [['json-bot', 'native', 'json-bot'], ['shop-dev', 'native', 'shop-dev'], ['shop-prod', 'native', 'shop-prod']],
    );
    assert.ok(listed.every((b) => Array.isArray(b.locales)));

    r = botv(sub, 'save', 'shop-dev', '--name', 'first', '--description', 'the start', '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.json.version.number, 1);
    assert.match(r.json.version.id, /^[0-9a-f]{64}$/);
    assert.equal(r.json.version.name, 'first');
    assert.equal(r.json.version.author, 'Cli Tester');
    assert.equal(r.json.created, true);
    assert.ok(existsSync(join(root, '.botversions', 'bots', 'shop-dev')), 'the store is found from a subfolder');

    put(root, 'shop-dev/intents/greet.yaml', 'intents:\n  - name: Greet\n    utterances:\n      en-US: [hello, hey]\n');
    r = botv(root, 'save', 'shop-dev');
    assert.equal(r.code, 0);
    assert.match(r.out, /^Saved shop-dev v2 [0-9a-f]{8} "\d{4}-\d\d-\d\d \d\d:\d\d" — 4 files, /);
    r = botv(root, 'save', 'shop-dev');
    assert.match(r.out, /^Nothing to save: shop-dev matches v2/);

    r = botv(root, 'versions', 'shop-dev', '--json');
    assert.deepEqual(r.json.map((v: { number: number }) => v.number), [2, 1]);
    for (const k of ['number', 'id', 'name', 'createdAt', 'environments']) assert.ok(k in r.json[0], k);
    r = botv(root, 'versions', 'shop-dev');
    assert.match(r.out, /^ {2}VERSION\s+ID\s+NAME\s+AUTHOR\s+AGE\s+ORIGIN\s+ENVIRONMENTS$/m);
    assert.match(r.out, /^ {2}v1\s+[0-9a-f]{8}\s+first\s+Cli Tester\s+(just now|\d+ s ago)\s+saved$/m);

    r = botv(root, 'show', 'shop-dev', 'v1', '--json');
    assert.equal(r.json.number, 1);
    assert.ok(r.json.tree.some((f: { path: string }) => f.path === 'bot.yaml'));
    r = botv(root, 'show', 'shop-dev', '1');
    assert.match(r.out, /^ {2}intents\/greet\.yaml\s+\d+ B\s+[0-9a-f]{12}$/m);

    r = botv(root, 'diff', 'shop-dev', '1', '2', '--json');
    assert.deepEqual(r.json.files.map((f: { path: string; change: string }) => [f.path, f.change]), [['intents/greet.yaml', 'modified']]);
    r = botv(root, 'diff', 'shop-dev', '1', '2');
    assert.match(r.out, /^-\s+en-US: \[hello, hi there, good morning\]$/m);
    assert.match(r.out, /^\+\s+en-US: \[hello, hey\]$/m);
    put(root, 'shop-dev/new.yaml', 'a: 1\n');
    r = botv(root, 'diff', 'shop-dev', '2', '--json');
    assert.deepEqual(r.json.to, { kind: 'working' });
    assert.deepEqual(r.json.files.map((f: { path: string; change: string }) => [f.path, f.change]), [['new.yaml', 'added']]);

    r = botv(root, 'env', 'shop-dev', '--json');
    assert.deepEqual(r.json.map((e: { name: string; version: null; versionId: null }) => [e.name, e.version, e.versionId]), [
      ['development', null, null],
      ['staging', null, null],
      ['production', null, null],
    ]);
    r = botv(root, 'env', 'set', 'shop-dev', 'development', '1');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^shop-dev development now holds v1\.$/m);
    r = botv(root, 'promote', 'shop-dev', 'staging', '--json');
    assert.equal(r.json.event.version.number, 1);
    // Options after a subcommand belong to it: --root and --json from another folder.
    r = botv(tmpdir(), 'env', 'set', 'shop-dev', 'staging', '1', '--root', root, '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.json.event.environment, 'staging');
    r = botv(root, 'env', 'set', 'shop-dev', 'development', 'v2');
    r = botv(root, 'promote', 'shop-dev', 'production', '--from', 'development');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Promoted shop-dev v2 from development to production, skipping staging\.$/m);
    r = botv(root, 'env', 'shop-dev');
    assert.match(r.out, /^ {2}production\s+v2\s+since (just now|\d+ s ago) by Cli Tester \(promote\)\s+gated$/m);
    r = botv(root, 'rollback', 'shop-dev', 'development', '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.json.environment.version, 1);
    r = botv(root, 'rollback', 'shop-dev', 'production', '--to', '1');
    assert.match(r.out, /^Rolled shop-dev production back to v1 \(was v2\)\.$/m);
    r = botv(root, 'history', 'shop-dev', '--env', 'production', '--json');
    assert.deepEqual(r.json.map((h: { action: string }) => h.action), ['rollback', 'promote']);
    r = botv(root, 'history', 'shop-dev');
    assert.match(r.out, /Cli Tester\s+promoted v2 from development to production, skipping staging/);

    r = botv(root, 'save', 'shop-prod');
    r = botv(root, 'release', 'create', 'shop-dev', '2', '--to', 'shop-prod', '--name', 'Greetings', '--description', 'hey', '--json');
    assert.equal(r.code, 0, r.err);
    assert.match(r.json.release.id, /^[0-9a-f]{64}$/);
    const rel = r.json.release.id.slice(0, 8);
    r = botv(root, 'release', 'list', 'shop-prod');
    assert.match(r.out, new RegExp(`^${rel}\\s+shop-dev v2\\s+shop-prod\\s+Greetings\\s+\\S+( ago| now)?\\s+pending$`, 'm'));
    r = botv(root, 'release', 'accept', 'shop-prod', rel, '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.json.version.number, 2);
    assert.match(readFileSync(join(root, 'shop-prod/bot.yaml'), 'utf8'), /id: shop-prod/);
    r = botv(root, 'release', 'accept', 'shop-prod', rel);
    assert.equal(r.code, 2);
    assert.match(r.err, /already accepted/);
    r = botv(root, 'release', 'create', 'shop-dev', '1', '--to', 'shop-prod');
    r = botv(root, 'release', 'reject', 'shop-prod', 'latest', '--json');
    assert.equal(r.json.release.status, 'rejected');
    r = botv(root, 'release', 'list', 'shop-prod', '--json');
    assert.deepEqual(r.json.map((x: { status: string }) => x.status), ['rejected', 'accepted']);

    const out = join(tempDir(), 'deploy');
    r = botv(root, 'export', 'shop-dev', '@staging', '--env', 'production', '--out', out, '--json');
    assert.equal(r.code, 0, r.err);
    assert.match(r.json.hash, /^[0-9a-f]{64}$/);
    assert.match(readFileSync(join(out, 'bot.yaml'), 'utf8'), /https:\/\/api\.shop\.example\.com\/lookup/);
    const again = botv(root, 'export', 'shop-dev', '1', '--env', 'production', '--out', out, '--json');
    assert.equal(again.json.hash, r.json.hash, 'the export hash is stable');

    r = botv(root, 'restore', 'shop-dev', '1', '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.json.version.number, 1);
    assert.equal(r.json.autoSaved.number, 3, 'the unsaved new.yaml was saved first');
    r = botv(root, 'delete', 'shop-dev', '3');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Deleted shop-dev v3/);

    r = botv(root, 'verify', '--json');
    assert.equal(r.code, 0);
    assert.equal(r.json.ok, true);
    assert.deepEqual(r.json.problems, []);
    r = botv(root, 'gc', '--json');
    assert.equal(r.code, 0);
    assert.ok(r.json.removedObjects >= 1);
    r = botv(root, 'verify');
    assert.match(r.out, /^Store OK: /m);
  });

  it('exits 2 for bad usage and refused actions, with a message saying what to do', () => {
    const root = copyFixture();
    botv(root, 'save', 'shop-dev');
    const cases: Array<[string[], RegExp]> = [
      [[], /Usage: botv/],
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['save'], /missing required argument 'bot'/],
      [['save', 'nobot'], /No bot "nobot".*Bots here: json-bot, shop-dev, shop-prod/],
      [['show', 'shop-dev', '7'], /has no version "7".*botv versions shop-dev/],
      [['show', 'shop-dev', 'x!'], /not a version reference/],
      [['promote', 'shop-dev', 'staging'], /development of shop-dev holds no version.*botv env set/],
      [['env', 'set', 'shop-dev', 'qa', '1'], /"qa" is not an environment.*development → staging → production/],
      [['rollback', 'shop-dev', 'staging'], /never held a version/],
      [['release', 'create', 'shop-dev', '1'], /required option '--to <bot>'/],
      [['export', 'shop-dev', '1', '--env', 'production'], /required option '--out <dir>'/],
      [['history', 'shop-dev', '--limit', 'lots'], /--limit lots: give a whole number/],
      [['versions', 'shop-dev', '--root', 'no/such/dir'], /--root no\/such\/dir: no such folder/],
    ];
    for (const [args, message] of cases) {
      const r = botv(root, ...args);
      assert.equal(r.code, 2, `botv ${args.join(' ')}: ${r.out}${r.err}`);
      assert.match(r.err, message, `botv ${args.join(' ')}`);
    }
    put(root, 'shop-prod/intents/greet.yaml', 'intents: []\n');
    botv(root, 'save', 'shop-prod', '--force', '--reason', 'baseline');
    put(root, 'shop-prod/intents/greet.yaml', 'intents: [] # edited\n');
    const r = botv(root, 'save', 'shop-prod', '--json');
    assert.equal(r.code, 2);
    assert.equal(r.json.error.code, 'PROTECTED');
    assert.match(r.json.error.message, /--force/);
    assert.equal(botv(root, '--version').code, 0);
    assert.equal(botv(root, 'help', 'promote').code, 0);
  });

  it('exits 2 listing the candidates when a number names two merged versions', async () => {
    const root = copyFixture();
    botv(root, 'save', 'shop-dev');
    const other = await craftVersion(root, 'shop-dev', 1, { 'bot.yaml': 'bot:\n  id: shop-dev\n' });
    const r = botv(root, 'show', 'shop-dev', '1');
    assert.equal(r.code, 2);
    assert.match(r.err, /"1" matches 2 versions of shop-dev/);
    assert.ok(r.err.includes(`v1~${other.slice(0, 8)}`));
    const j = botv(root, 'show', 'shop-dev', '1', '--json');
    assert.equal(j.json.error.code, 'AMBIGUOUS_VERSION');
    assert.equal(j.json.error.candidates.length, 2);
    const list = botv(root, 'versions', 'shop-dev');
    assert.ok(list.out.includes(`v1~${other.slice(0, 8)}`), 'the listing tells them apart');
    assert.equal(botv(root, 'show', 'shop-dev', `v1~${other.slice(0, 8)}`).code, 0);
  });

  it('exits 1 when verify finds damage, naming the file', () => {
    const root = copyFixture();
    botv(root, 'save', 'shop-dev');
    const dir = join(root, '.botversions/bots/shop-dev/versions');
    const f = join(dir, readdirSync(dir)[0]!);
    writeFileSync(f, readFileSync(f, 'utf8').replace('"number":1', '"number":7'));
    const r = botv(root, 'verify');
    assert.equal(r.code, 1);
    assert.match(r.out, /^error CORRUPT \.botversions\/bots\/shop-dev\/versions\/[0-9a-f]{64}\.json: .* is damaged/m);
    assert.match(r.out, /^Store damaged: /m);
    assert.equal(botv(root, 'verify', '--json').json.ok, false);
  });

  it('exits 1 when the gate refuses a promotion, and 0 with an override it records', async () => {
    const root = copyFixture();
    // A flow that says a response no file defines: an error the gate refuses.
    put(root, 'shop-dev/flows/main.yaml', readFileSync(join(root, 'shop-dev/flows/main.yaml'), 'utf8').replace('      - say: hello\n', '      - say: hello\n      - say: goodbye\n'));
    const lines: string[] = [];
    const io = { stdout: (s: string) => lines.push(s), stderr: (s: string) => lines.push(s), cwd: root, env: { BOTV_AUTHOR: 'Gatekeeper' }, isTTY: false };
    assert.equal(await runCli(['save', 'shop-dev'], io), 0);
    assert.equal(await runCli(['env', 'set', 'shop-dev', 'staging', '1'], io), 0);
    lines.length = 0;
    assert.equal(await runCli(['promote', 'shop-dev', 'production'], io), 1);
    assert.match(lines.join(''), /flows\/main\.yaml:10:14: ref\/unknown-response: Unknown response "goodbye"/);
    lines.length = 0;
    assert.equal(await runCli(['promote', 'shop-dev', 'production', '--override', 'launch day', '--json'], io), 0);
    const json = JSON.parse(lines.join(''));
    const warnings = json.problems.filter((p: { severity: string }) => p.severity === 'warning').length;
    assert.deepEqual(json.event.gate, { checked: true, errors: 1, warnings, override: { reason: 'launch day' } });
    assert.deepEqual(
      json.problems.filter((p: { severity: string }) => p.severity === 'error').map((p: { code: string }) => p.code),
      ['ref/unknown-response'],
    );
  });

  it('exits 1 when export finds a variable without a value', () => {
    const root = copyFixture();
    put(root, 'shop-dev/flows/x.yaml', 'functions:\n  - name: f\n    url: ${MISSING}/x\n');
    botv(root, 'save', 'shop-dev');
    const r = botv(root, 'export', 'shop-dev', '1', '--env', 'staging', '--out', join(tempDir(), 'o'));
    assert.equal(r.code, 1);
    assert.match(r.err, /flows\/x\.yaml: \$\{MISSING\}/);
  });
});
