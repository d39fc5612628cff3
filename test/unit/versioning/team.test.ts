/**
 * Team work through git: two clones of one workspace each save, change environments,
 * create, reject and accept releases (both accept the same one), then merge in both
 * orders (and rebase). Nothing under .botversions/ conflicts, nothing is lost, both
 * orders resolve to the same environments and releases, and the two "v13" stay apart.
 * The store also survives a checkout that converts line endings and a case-insensitive
 * one: no two of its paths differ only in case.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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
  const releases = (await ws.releases('shop-prod')).map((r) => `${r.id}:${r.status}:${r.acceptedVersion?.id ?? ''}`).sort();
  const prod = (await ws.versions('shop-prod')).map((v) => `${v.number}:${v.id}`).sort();
  return { versions, envs, releases, prod };
}

describe('team merges through git', function () {
  this.timeout(60_000);

  it('two clones save, promote and release; merging either way conflicts nowhere and agrees', async () => {
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
    const shared = await ws.createRelease('shop-dev', '12', 'shop-prod'); // both clones accept it
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
    const rel = await wa.createRelease('shop-dev', '13', 'shop-prod');
    const acceptedByA = await wa.acceptRelease('shop-prod', shared.id);
    ok(a, 'add', '-A');
    ok(a, 'commit', '-qm', 'Ann');
    put(b, 'shop-dev/flows/b.yaml', 'flows: []\n');
    const b13 = (await wb.save('shop-dev', { name: "Bob's change" })).version;
    await wb.setEnvironment('shop-dev', 'development', '13');
    await wb.promote('shop-dev', 'production', { from: 'development', skip: true });
    const relB = await wb.createRelease('shop-dev', '13', 'shop-prod');
    const rejected = await wb.rejectRelease('shop-prod', (await wb.createRelease('shop-dev', '1', 'shop-prod')).id, { reason: 'not this one' });
    const acceptedByB = await wb.acceptRelease('shop-prod', shared.id);
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
    const releases = new Map(states[0]!.releases.map((r) => [r.split(':')[0]!, r.split(':').slice(1)]));
    assert.equal(releases.get(rel.id)?.[0], 'pending');
    assert.equal(releases.get(relB.id)?.[0], 'pending');
    assert.equal(releases.get(rejected.id)?.[0], 'rejected');
    // Both accepted the shared release: both acceptances are kept, and every clone names the same (earlier) one.
    assert.equal(releases.get(shared.id)?.[0], 'accepted');
    assert.equal(releases.get(shared.id)?.[1], acceptedByA.version.id, "Ann accepted first (her clock is earlier)");
    assert.ok(states[0]!.prod.includes(`${acceptedByB.version.number}:${acceptedByB.version.id}`), "Bob's acceptance is kept too");
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

  it('survives a case-insensitive checkout: no two store paths differ only in case', async () => {
    const origin = copyFixture();
    ok(origin, 'init', '-q', '-b', 'main');
    const ws = await open(origin);
    // What could put names differing only in case into the store: a file renamed in case
    // only, and two bots holding the same content under names that differ in case.
    put(origin, 'shop-dev/Notes.TXT', 'same bytes\n');
    put(origin, 'shop-dev/README.md', 'read me\n');
    await ws.save('shop-dev');
    rmSync(join(origin, 'shop-dev', 'Notes.TXT'));
    put(origin, 'shop-dev/notes.txt', 'same bytes\n');
    await ws.save('shop-dev');
    put(origin, 'shop-prod/readme.md', 'read me\n');
    put(origin, 'shop-prod/ReadMe.MD.bak', 'read me\n');
    await ws.save('shop-prod');
    await ws.setEnvironment('shop-dev', 'development', '2');
    await ws.createRelease('shop-dev', '2', 'shop-prod');
    ok(origin, 'add', '-A');
    ok(origin, 'commit', '-qm', 'case');
    const tracked = ok(origin, 'ls-files', '.botversions').split('\n').filter(Boolean);
    assert.ok(tracked.length > 10);
    const folded = new Map<string, string>();
    for (const p of tracked) {
      assert.match(p, /^[a-z0-9._\/-]+$/, `${p}: store paths are lower case`);
      const other = folded.get(p.toLowerCase());
      assert.equal(other, undefined, `${p} and ${other} differ only in case`);
      folded.set(p.toLowerCase(), p);
    }

    // A clone that folds case (as on Windows and macOS) sees a clean checkout and a whole store.
    const c = join(tempDir(), 'folded');
    ok(origin, 'clone', '-q', '-c', 'core.ignorecase=true', origin, c);
    assert.equal(ok(c, 'status', '--porcelain'), '', 'the checkout is clean');
    const w = await open(c, { author: 'Casey' });
    const v = await w.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(new TextDecoder().decode(await w.readVersionFile('shop-dev', '1', 'Notes.TXT')), 'same bytes\n');
    assert.equal(new TextDecoder().decode(await w.readVersionFile('shop-dev', '2', 'notes.txt')), 'same bytes\n');
    await w.restore('shop-dev', '1');
    await w.promote('shop-dev', 'staging');
    ok(c, 'add', '-A');
    ok(c, 'commit', '-qm', 'from the folded clone');
    ok(origin, 'pull', '-q', '--no-rebase', '--no-edit', c, 'main');
    assert.equal((await (await open(origin)).verify()).ok, true);
  });
});
