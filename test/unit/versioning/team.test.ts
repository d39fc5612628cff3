/**
 * Team work through git: two clones of one workspace each save and change environments,
 * then merge in both orders (and rebase). Nothing under .botversions/ conflicts, nothing
 * is lost, both orders resolve to the same environments, and the two "v13" stay apart.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isBotvError, type Workspace } from '../../../server/src/versioning/index';
import { copyFixture, fixedClock, open, put, tempDir } from './support/workspace';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: tempDir() };

function git(cwd: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function ok(cwd: string, ...args: string[]): string {
  const r = git(cwd, ...args);
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.out}`);
  return r.out;
}

async function state(ws: Workspace) {
  const versions = (await ws.versions('shop-dev')).map((v) => `${v.number}:${v.id}`).sort();
  const envs = (await ws.environments('shop-dev')).map((e) => `${e.name}=${e.versionId}`);
  const releases = (await ws.releases('shop-prod')).map((r) => `${r.id}:${r.status}`).sort();
  return { versions, envs, releases };
}

describe('team merges through git', function () {
  this.timeout(60_000);

  it('two clones save and promote; merging either way conflicts nowhere and agrees', async () => {
    const base = tempDir();
    const origin = copyFixture();
    ok(origin, 'init', '-q', '-b', 'main');
    const ws = await open(origin);
    for (let i = 1; i <= 12; i++) {
      put(origin, 'shop-dev/counter.txt', String(i));
      await ws.save('shop-dev');
    }
    await ws.setEnvironment('shop-dev', 'development', '12');
    await ws.promote('shop-dev', 'staging');
    ok(origin, 'add', '-A');
    ok(origin, 'commit', '-qm', 'twelve versions');
    assert.equal(git(origin, 'ls-files', '.botversions/local').out.trim(), '', 'local state stays out of git');

    const a = join(base, 'a');
    const b = join(base, 'b');
    ok(base, 'clone', '-q', origin, a);
    ok(base, 'clone', '-q', origin, b);
    // Each clone works with its own clock; B works half an hour later than A.
    const wa = await open(a, { author: 'Ann', clock: fixedClock(Date.UTC(2024, 0, 2, 9)) });
    const wb = await open(b, { author: 'Bob', clock: fixedClock(Date.UTC(2024, 0, 2, 9, 30)) });
    put(a, 'shop-dev/intents/a.yaml', 'intents: []\n');
    const a13 = (await wa.save('shop-dev', { name: "Ann's change" })).version;
    await wa.setEnvironment('shop-dev', 'development', '13');
    await wa.promote('shop-dev', 'staging');
    await wa.save('shop-prod');
    const rel = await wa.createRelease('shop-dev', '13', 'shop-prod');
    ok(a, 'add', '-A');
    ok(a, 'commit', '-qm', 'Ann');
    put(b, 'shop-dev/flows/b.yaml', 'flows: []\n');
    const b13 = (await wb.save('shop-dev', { name: "Bob's change" })).version;
    await wb.setEnvironment('shop-dev', 'development', '13');
    await wb.promote('shop-dev', 'production', { from: 'development', skip: true });
    ok(b, 'add', '-A');
    ok(b, 'commit', '-qm', 'Bob');
    assert.equal(a13.number, 13);
    assert.equal(b13.number, 13);
    assert.notEqual(a13.id, b13.id);

    // A merges B, B merges A, and a third clone rebases A's work onto B's.
    ok(a, 'pull', '-q', '--no-rebase', '--no-edit', b, 'main');
    ok(b, 'pull', '-q', '--no-rebase', '--no-edit', a, 'main');
    const r = join(base, 'r');
    ok(base, 'clone', '-q', b, r);
    ok(r, 'reset', '-q', '--hard', 'HEAD~1');
    ok(r, 'pull', '-q', '--rebase', a, 'main');
    for (const dir of [a, b, r]) {
      assert.equal(git(dir, 'diff', '--name-only', '--diff-filter=U').out.trim(), '', 'no conflicted file');
    }

    const states = [];
    for (const dir of [a, b, r]) {
      const w = await open(dir);
      const v = await w.verify();
      assert.equal(v.ok, true, JSON.stringify(v.problems));
      states.push(await state(w));
      const list = await w.versions('shop-dev');
      const thirteens = list.filter((x) => x.number === 13);
      assert.deepEqual(thirteens.map((x) => x.id).sort(), [a13.id, b13.id].sort(), 'both v13 are kept');
      for (const t of thirteens) assert.equal(t.label, `v13~${t.id.slice(0, 8)}`, 'and every view tells them apart');
      await assert.rejects(w.resolveVersion('shop-dev', '13'), (e) => isBotvError(e, 'AMBIGUOUS_VERSION') && e.message.includes(a13.id.slice(0, 8)) && e.message.includes(b13.id.slice(0, 8)));
      assert.equal((await w.resolveVersion('shop-dev', `v13~${a13.id.slice(0, 8)}`)).id, a13.id);
      // Numbering goes on after the merge.
      put(dir, 'shop-dev/after.txt', dir);
      assert.equal((await w.save('shop-dev')).version.number, 14);
    }
    assert.deepEqual(states[1], states[0], 'merging in either order gives the same store');
    assert.deepEqual(states[2], states[0], 'and so does rebasing');
    const envs = Object.fromEntries(states[0]!.envs.map((e) => e.split('=')));
    assert.equal(envs.development, b13.id, "Bob's later set wins in development");
    assert.equal(envs.staging, a13.id);
    assert.equal(envs.production, b13.id);
    assert.ok(states[0]!.releases.includes(`${rel.id}:pending`));
  });

  it('survives a checkout that converts line endings (core.autocrlf=true)', async () => {
    const origin = copyFixture();
    ok(origin, 'init', '-q', '-b', 'main');
    const ws = await open(origin);
    put(origin, 'shop-dev/lines.txt', 'one\ntwo\n');
    await ws.save('shop-dev');
    ok(origin, 'add', '-A');
    ok(origin, 'commit', '-qm', 'v1');
    const c = join(tempDir(), 'crlf');
    ok(origin, 'clone', '-q', '-c', 'core.autocrlf=true', origin, c);
    const w = await open(c);
    const v = await w.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(new TextDecoder().decode(await w.readVersionFile('shop-dev', '1', 'lines.txt')), 'one\ntwo\n');
  });
});
