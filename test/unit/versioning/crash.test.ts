/**
 * Crash consistency: `botv` is killed with SIGKILL at random moments of random mixed
 * operations (save, restore, environment set, promote, rollback, release create, accept
 * and reject, gc, retention). After every operation, killed or not: the next command
 * recovers the lock at once (the dead holder is on this host: no waiting for its stale
 * time), finishes any interrupted working-copy write, `verify` passes, no record or
 * version is lost (versions leave only with a deletion mark), and each bot's working copy
 * is either the tree before the operation or the tree it was to become, never a mix.
 * The default run does a few dozen operations; BOTV_SOAK=1 does 1,000
 * (BOTV_CRASH_OPS sets any count).
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../../server/src/versioning/index';
import { sha256 } from '../../../server/src/versioning/store/hash';
import { bundle } from './support/bundle';
import { copyFixture, open, put, snapshot } from './support/workspace';

const SOAK = process.env.BOTV_SOAK === '1';
const OPS = Number(process.env.BOTV_CRASH_OPS ?? (SOAK ? 1000 : 24));
/** The lock's stale time (docs/store.md): recovery must never wait that long. */
const STALE_MS = 60_000;

/** Starts a node script; `ready` resolves when it prints "ready" (the restore worker does). */
function start(script: string, args: string[], env?: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null>; stdout: () => string; stderr: () => string } {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
  let out = '';
  let err = '';
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('ready\n')) resolveReady();
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, ready, exited, stdout: () => out, stderr: () => err };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** xorshift32: a seeded sequence, so a failing run can be replayed with BOTV_CRASH_SEED. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** A bot's working copy as path → hash, leaving out what the store never versions. */
function tree(root: string, bot: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, b64] of snapshot(join(root, bot))) if (!p.split('/').pop()!.startsWith('.botv-tmp-')) out.set(p, sha256(Buffer.from(b64, 'base64')));
  return out;
}

const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([p, h]) => b.get(p) === h);

/** Every record file of the store, by folder. */
function records(root: string): Set<string> {
  const out = new Set<string>();
  const store = join(root, '.botversions');
  const dirs = [join(store, 'releases')];
  if (existsSync(join(store, 'bots'))) for (const b of readdirSync(join(store, 'bots'))) for (const k of ['versions', 'environments', 'marks']) dirs.push(join(store, 'bots', b, k));
  for (const d of dirs) if (existsSync(d)) for (const f of readdirSync(d)) if (/^[0-9a-f]{64}\.json$/.test(f)) out.add(`${d.slice(store.length + 1)}/${f}`);
  return out;
}

/** Ids of versions that carry a deletion mark (retention removes versions on purpose). */
async function deleted(ws: Workspace): Promise<Set<string>> {
  const out = new Set<string>();
  for (const bot of ['shop-dev', 'shop-prod']) for (const h of await ws.history(bot)) if (h.action === 'delete' && h.version) out.add(h.version.id);
  return out;
}

async function treeOf(ws: Workspace, bot: string, id: string): Promise<Map<string, string>> {
  return new Map((await ws.version(bot, id)).tree.map((f) => [f.path, f.sha256]));
}

/** Codes a random sequence of operations runs into by design. */
const EXPECTED = new Set(['NOTHING_TO_ROLL_BACK', 'EMPTY_ENVIRONMENT', 'NO_RELEASE', 'RELEASE_RESOLVED', 'NO_VERSION', 'VERSION_IN_USE', 'BAD_ARGUMENT']);

interface Plan {
  kind: string;
  args: string[];
  /** What the bots' working copies may become, besides staying as they were. */
  after: (ws: Workspace) => Promise<Map<string, Map<string, string>>>;
}

async function plan(ws: Workspace, root: string, rand: () => number, i: number): Promise<Plan> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const none = async () => new Map<string, Map<string, string>>();
  const r = rand();
  if (r < 0.25) {
    for (let k = 0, n = 1 + Math.floor(rand() * 4); k < n; k++) {
      const f = `shop-dev/data/f${Math.floor(rand() * 40)}.yaml`;
      if (rand() < 0.15) rmSync(join(root, f), { force: true });
      else put(root, f, `op: ${i}\nvalue: ${rand()}\n${'x'.repeat(Math.floor(rand() * 4000))}\n`);
    }
    return { kind: 'save', args: ['save', 'shop-dev', '--name', `op ${i}`], after: none };
  }
  if (r < 0.4) {
    const versions = await ws.versions('shop-dev');
    if (versions.length > 0) {
      const target = pick(versions).id;
      return { kind: 'restore', args: ['restore', 'shop-dev', target.slice(0, 12)], after: async (w) => new Map([['shop-dev', await treeOf(w, 'shop-dev', target)]]) };
    }
  }
  if (r < 0.48) return { kind: 'env set', args: ['env', 'set', 'shop-dev', 'development', 'latest'], after: none };
  if (r < 0.58) return { kind: 'promote', args: ['promote', 'shop-dev', pick(['staging', 'production'])], after: none };
  if (r < 0.65) return { kind: 'rollback', args: ['rollback', 'shop-dev', pick(['development', 'staging', 'production'])], after: none };
  if (r < 0.72) return { kind: 'release create', args: ['release', 'create', 'shop-dev', 'latest', '--to', 'shop-prod'], after: none };
  if (r < 0.84) {
    const pending = (await ws.releases('shop-prod', { direction: 'in', pendingOnly: true }))[0];
    return {
      kind: 'release accept',
      args: ['release', 'accept', 'shop-prod', 'latest'],
      after: async (w) => {
        const rel = pending && (await w.releases('shop-prod')).find((x) => x.id === pending.id);
        return rel?.acceptedVersion ? new Map([['shop-prod', await treeOf(w, 'shop-prod', rel.acceptedVersion.id)]]) : new Map();
      },
    };
  }
  if (r < 0.87) return { kind: 'release reject', args: ['release', 'reject', 'shop-prod', 'latest'], after: none };
  if (r < 0.93) return { kind: 'retention', args: ['retention', 'shop-dev', '--keep', String(3 + Math.floor(rand() * 5))], after: none };
  return { kind: 'gc', args: ['gc'], after: none };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

describe('crash consistency', function () {
  this.timeout(SOAK ? 7_200_000 : 180_000);
  let worker: string;
  let cli: string;
  before(async () => {
    worker = await bundle('test/unit/versioning/support/worker.ts');
    cli = await bundle('server/src/cli/main.ts');
  });

  it(`survives SIGKILL of botv at random points of ${OPS} mixed operations`, async () => {
    const root = copyFixture();
    for (let i = 0; i < 40; i++) put(root, `shop-dev/data/f${i}.yaml`, `start: ${i}\n${'y'.repeat(i * 100)}\n`);
    const setup = await open(root);
    await setup.save('shop-dev');
    await setup.save('shop-prod');
    const env = { ...process.env, BOTV_AUTHOR: 'Crash Test', NO_COLOR: '1' };
    const botv = (args: string[]) => start(cli, [...args, '--root', root, '--json'], env);
    // Start-up alone: the first guess at how long an operation runs.
    const startup = median([0, 1, 2].map(() => {
      const t = Date.now();
      spawnSync(process.execPath, [cli, '--version'], { env });
      return Date.now() - t;
    }));
    const durations = new Map<string, number[]>();
    const seed = Number(process.env.BOTV_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const rand = rng(seed);
    const f = { ops: 0, kills: 0, killedHoldingLock: 0, journalsReplayed: 0, completed: 0, refused: 0, maxRecoveryMs: 0, byKind: new Map<string, number>() };
    for (let i = 0; i < OPS; i++) {
      const ws = await openWorkspace(root, { author: 'checker' });
      const p = await plan(ws, root, rand, i);
      const wcBefore = new Map(['shop-dev', 'shop-prod'].map((b) => [b, tree(root, b)] as const));
      const recordsBefore = records(root);
      const versionsBefore = new Set([...(await ws.versions('shop-dev')), ...(await ws.versions('shop-prod'))].map((v) => v.id));
      const where = `operation ${i} (${p.kind}; seed ${seed})`;

      const kill = rand() < 0.75;
      const inLock = rand() < 0.5;
      const expected = median(durations.get(p.kind)?.slice(-15) ?? [startup + 100]);
      const t0 = Date.now();
      const run = botv(p.args);
      let timer: NodeJS.Timeout | undefined;
      let watcher: FSWatcher | undefined;
      if (kill && inLock) {
        // Half the kills land while the lock is held, where the writes are: a few
        // milliseconds after the lock file appears.
        const delay = rand() * 25;
        watcher = watch(join(root, '.botversions', 'local'), (_event, name) => {
          if (name !== 'lock' || timer) return;
          timer = setTimeout(() => run.child.kill('SIGKILL'), delay);
        });
      } else if (kill) {
        // The rest anywhere in the second half of the run (the first is start-up).
        timer = setTimeout(() => run.child.kill('SIGKILL'), expected * (0.5 + 0.45 * rand()));
      }
      const code = await run.exited;
      watcher?.close();
      clearTimeout(timer);
      f.ops++;
      f.byKind.set(p.kind, (f.byKind.get(p.kind) ?? 0) + 1);
      if (code === null) {
        f.kills++;
        if (existsSync(join(root, '.botversions/local/lock'))) f.killedHoldingLock++;
        const journals = join(root, '.botversions/local/journal');
        if (existsSync(journals) && readdirSync(journals).some((n) => n.endsWith('.json'))) f.journalsReplayed++;
      } else {
        if (code === 0) {
          f.completed++;
          if (!durations.has(p.kind)) durations.set(p.kind, []);
          durations.get(p.kind)!.push(Date.now() - t0);
        } else {
          const err = (JSON.parse(run.stdout() || '{}') as { error?: { code?: string } }).error;
          assert.ok(code === 2 && err?.code && EXPECTED.has(err.code), `${where}: botv ${p.args.join(' ')} exited ${code}: ${run.stdout()}${run.stderr()}`);
          f.refused++;
        }
      }

      // The next command takes the lock and finishes what was interrupted, at once.
      const t1 = Date.now();
      const next = botv(['retention', 'shop-dev', '--keep', '1000000']);
      assert.equal(await next.exited, 0, `${where}: the next command failed: ${next.stdout()}${next.stderr()}`);
      const recovery = Date.now() - t1;
      f.maxRecoveryMs = Math.max(f.maxRecoveryMs, recovery);
      assert.ok(recovery < STALE_MS / 6, `${where}: the next command took ${recovery} ms`);

      const check = await openWorkspace(root, { author: 'checker' });
      const v = await check.verify();
      assert.equal(v.ok, true, `${where}: ${JSON.stringify(v.problems.filter((x) => x.severity === 'error'))}`);
      assert.ok(!v.problems.some((x) => x.code === 'INTERRUPTED' || x.code === 'STALE_LOCK'), `${where}: ${JSON.stringify(v.problems)}`);
      // Nothing lost: records only come; versions leave only with a deletion mark.
      const gone = await deleted(check);
      const recordsAfter = records(root);
      for (const r of recordsBefore) {
        if (!recordsAfter.has(r)) assert.ok(r.includes('/versions/') && gone.has(r.slice(-69, -5)), `${where}: ${r} was lost`);
      }
      const versionsAfter = new Set([...(await check.versions('shop-dev')), ...(await check.versions('shop-prod'))].map((x) => x.id));
      for (const id of versionsBefore) assert.ok(versionsAfter.has(id) || gone.has(id), `${where}: version ${id} was lost`);
      // Each working copy is the old tree or the new one, never a mix.
      const targets = await p.after(check);
      for (const bot of ['shop-dev', 'shop-prod']) {
        assert.equal((await check.workingCopyStatus(bot)).interrupted, false);
        const now = tree(root, bot);
        const target = targets.get(bot);
        assert.ok(same(now, wcBefore.get(bot)!) || (target !== undefined && same(now, target)), `${where}: the working copy of ${bot} is a mix of old and new`);
        assert.ok(!readdirSync(join(root, bot), { recursive: true, encoding: 'utf8' }).some((n) => n.split('/').pop()!.startsWith('.botv-tmp-')), `${where}: temporaries left in ${bot}`);
      }
    }
    console.log(
      `      ${f.ops} operations (${[...f.byKind].map(([k, n]) => `${n} ${k}`).join(', ')}): ${f.kills} killed (${f.killedHoldingLock} holding the lock, ${f.journalsReplayed} mid-way through the working copy), ` +
        `${f.completed} completed, ${f.refused} refused by design; lock recovered in ≤ ${f.maxRecoveryMs} ms (start-up included); 0 lost, 0 mixed`,
    );
    assert.ok(f.kills >= Math.ceil(OPS / 5), `only ${f.kills} kills`);
  });

  it(`never leaves a restore half done (${SOAK ? 100 : 6} kills)`, async () => {
    const root = copyFixture();
    const ws = await open(root);
    for (let i = 0; i < 30; i++) put(root, `shop-dev/many/f${i}.yaml`, `a: ${i}\n`);
    const a = (await ws.save('shop-dev')).version.id;
    for (let i = 0; i < 30; i++) put(root, `shop-dev/many/f${i}.yaml`, `b: ${i}\n${'x'.repeat(i * 100)}\n`);
    for (let i = 0; i < 10; i++) put(root, `shop-dev/more/g${i}.yaml`, `b: ${i}\n`);
    const b = (await ws.save('shop-dev')).version.id;
    const treeB = snapshot(join(root, 'shop-dev'));
    await ws.restore('shop-dev', a);
    const treeA = snapshot(join(root, 'shop-dev'));
    const kills = SOAK ? 100 : 6;
    for (let k = 0; k < kills; k++) {
      const w = start(worker, ['restore', root, a, b]);
      await w.ready;
      await sleep(Math.random() * 250);
      w.child.kill('SIGKILL');
      assert.equal(await w.exited, null, w.stderr());
      const check = await openWorkspace(root, { author: 'checker', lockTimeoutMs: 10_000 });
      const t = Date.now();
      await check.applyRetention('shop-dev', { keep: 1_000_000 }); // a write: takes the lock, finishes journals
      assert.ok(Date.now() - t < 3000, `the lock took ${Date.now() - t} ms to recover`);
      assert.equal((await check.verify()).ok, true);
      const tree = snapshot(join(root, 'shop-dev'));
      const now = JSON.stringify([...tree]);
      const differs = (t: Map<string, string>) => [...new Set([...t.keys(), ...tree.keys()])].filter((p) => t.get(p) !== tree.get(p));
      assert.ok(now === JSON.stringify([...treeA]) || now === JSON.stringify([...treeB]), `kill ${k}: the working copy is a mix of two versions (differs from A in ${differs(treeA).join(' ')}; from B in ${differs(treeB).join(' ')})`);
    }
    assert.equal((await ws.versions('shop-dev')).length, 2, 'no auto-save was ever needed: the tree was always whole');
  });
});
