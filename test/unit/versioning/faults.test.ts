/**
 * Fault injection: the Nth file-system call of an operation fails (ENOSPC, EIO, EACCES,
 * EPERM), once or from then on, for N = 1, 2, … until the operation gets through; and the
 * Nth rename fails with EPERM (what an antivirus or an indexer holding a file does on
 * Windows). Every attempt must end in a BotvError with a clear message or in success,
 * leave a store that verifies, and a retry without faults must complete the operation.
 * The default run tries a spread of call numbers per operation; BOTV_SOAK=1 tries every one.
 */
import { strict as assert } from 'node:assert';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError, openWorkspace, type Workspace } from '../../../server/src/versioning/index';
import { ERRNOS, FaultFs } from './support/faultfs';
import { copyFixture, open, put, snapshot, tempDir } from './support/workspace';

interface Op {
  run: (ws: Workspace) => Promise<unknown>;
  /** Whether the operation's outcome is in place (an attempt may fail after its commit point). */
  done: (ws: Workspace) => Promise<boolean>;
}

/** A workspace where every operation below has work to do. */
async function template(): Promise<string> {
  const root = copyFixture();
  const ws = await open(root);
  await ws.save('shop-dev'); // v1
  put(root, 'shop-dev/a.txt', 'one');
  await ws.save('shop-dev'); // v2
  await ws.setEnvironment('shop-dev', 'development', '1');
  await ws.setEnvironment('shop-dev', 'development', '2');
  await ws.save('shop-prod');
  await ws.createRelease('shop-dev', '2', 'shop-prod');
  for (const n of ['three', 'four', 'five']) {
    put(root, 'shop-dev/a.txt', n);
    put(root, `shop-dev/${n}.txt`, n);
    await ws.save('shop-dev'); // v3, v4, v5
  }
  await ws.deleteVersion('shop-dev', '3'); // gc has something to collect
  put(root, 'shop-dev/a.txt', 'unsaved'); // restore must auto-save it
  return root;
}

const holds = async (ws: Workspace, env: string, n: number) => (await ws.environments('shop-dev')).find((e) => e.name === env)?.version === n;
const gone = async (ws: Workspace, n: number) => !(await ws.versions('shop-dev')).some((v) => v.number === n);

const OPS: Record<string, Op> = {
  save: { run: (ws) => ws.save('shop-dev', { name: 'faulty' }), done: async (ws) => (await ws.versions('shop-dev')).some((v) => v.name === 'faulty') },
  restore: { run: (ws) => ws.restore('shop-dev', '1'), done: async (ws) => (await ws.workingCopyStatus('shop-dev')).savedAs.some((v) => v.number === 1) },
  copy: { run: (ws) => ws.copyVersion('shop-dev', '1'), done: async (ws) => (await ws.versions('shop-dev')).some((v) => v.origin.kind === 'copied') },
  'env set': { run: (ws) => ws.setEnvironment('shop-dev', 'staging', '1'), done: (ws) => holds(ws, 'staging', 1) },
  promote: { run: (ws) => ws.promote('shop-dev', 'staging'), done: (ws) => holds(ws, 'staging', 2) },
  rollback: { run: (ws) => ws.rollback('shop-dev', 'development'), done: (ws) => holds(ws, 'development', 1) },
  'release create': { run: (ws) => ws.createRelease('shop-dev', '1', 'shop-prod'), done: async (ws) => (await ws.releases('shop-prod')).some((r) => r.fromVersion.number === 1) },
  'release accept': { run: (ws) => ws.acceptRelease('shop-prod', 'latest'), done: async (ws) => (await ws.releases('shop-prod'))[0]?.status === 'accepted' },
  'release reject': { run: (ws) => ws.rejectRelease('shop-prod', 'latest'), done: async (ws) => (await ws.releases('shop-prod'))[0]?.status === 'rejected' },
  delete: { run: (ws) => ws.deleteVersion('shop-dev', '4'), done: (ws) => gone(ws, 4) },
  pin: { run: (ws) => ws.pin('shop-dev', '4'), done: async (ws) => (await ws.versions('shop-dev')).find((v) => v.number === 4)?.pinned === true },
  retention: { run: (ws) => ws.applyRetention('shop-dev', { keep: 1 }), done: (ws) => gone(ws, 4) },
  gc: { run: (ws) => ws.gc(), done: async () => true },
};

const SOAK = process.env.BOTV_SOAK === '1';

/** Call numbers to fail: all of them when soaking, else a few spread over the operation. */
function callNumbers(total: number): number[] {
  if (SOAK) return Array.from({ length: total + 1 }, (_, i) => i + 1);
  const picks = new Set<number>([1, total, total + 1]);
  for (let k = 1; k <= 3; k++) picks.add(Math.max(1, Math.round((total * k) / 4) + Math.floor(Math.random() * 5) - 2));
  return [...picks].sort((a, b) => a - b);
}

function copyOf(base: string): string {
  const root = join(tempDir(), 'ws');
  cpSync(base, root, { recursive: true });
  return root;
}

async function countCalls(base: string, op: Op, only?: string): Promise<number> {
  const fs = new FaultFs(Number.MAX_SAFE_INTEGER, 'once', 'EIO', only);
  const ws = await openWorkspace(copyOf(base), { author: 'Tester', fs });
  await op.run(ws);
  await ws.settled(); // the calls after a commit point count too
  return fs.calls;
}

const figures = { attempts: 0, injected: 0, errors: 0, absorbed: 0, retries: 0, damaged: 0 };

async function attempt(base: string, name: string, op: Op, n: number, mode: 'once' | 'from', errno: string, only?: string): Promise<boolean> {
  const root = copyOf(base);
  const fs = new FaultFs(n, mode, errno, only);
  const ws = await openWorkspace(root, { author: 'Tester', fs, lockTimeoutMs: 2000 });
  const where = `${name}, ${only ?? 'call'} ${n} (${mode}, ${errno})`;
  let ok = true;
  try {
    await op.run(ws);
    // What a restore does after its commit point (flushes) fails here, as the CLI reports it.
    await ws.settled();
  } catch (e) {
    ok = false;
    assert.ok(isBotvError(e), `${where}: not a BotvError: ${String(e)}`);
    assert.ok(e.message.length > 20 && /[.!]\s*$|\)$/.test(e.message.trim()), `${where}: unclear message: ${e.message}`);
  }
  figures.attempts++;
  figures.injected += fs.failures;
  if (ok && fs.failures > 0) figures.absorbed++;
  if (!ok) figures.errors++;
  // Whatever happened, the store verifies, and a retry without faults completes the operation.
  const clean = await openWorkspace(root, { author: 'Tester', lockTimeoutMs: 2000 });
  const v = await clean.verify();
  if (!v.ok) figures.damaged++;
  assert.equal(v.ok, true, `${where}: ${JSON.stringify(v.problems)}`);
  try {
    await op.run(clean);
  } catch (e) {
    // The failed attempt may have passed its commit point; then the outcome is there already.
    assert.ok(isBotvError(e) && (await op.done(clean)), `${where}: the retry failed: ${String(e)}`);
  }
  figures.retries++;
  assert.ok(await op.done(clean), `${where}: the retry did not complete the operation`);
  const v2 = await clean.verify();
  assert.equal(v2.ok, true);
  assert.ok(!v2.problems.some((p) => p.code === 'INTERRUPTED'), 'the retry finished any interrupted write');
  assert.equal((await clean.workingCopyStatus('shop-dev')).interrupted, false);
  rmSync(root, { recursive: true, force: true }); // a soak run makes thousands of these
  return ok;
}

describe('fault injection', function () {
  this.timeout(SOAK ? 3_600_000 : 120_000);
  let base: string;
  before(async () => {
    base = await template();
  });
  after(() => {
    console.log(`      fault injection: ${figures.attempts} attempts, ${figures.injected} faults injected, ${figures.errors} clear errors, ${figures.absorbed} absorbed, ${figures.retries} retries completed, ${figures.damaged} damaged stores`);
  });

  for (const [name, op] of Object.entries(OPS)) {
    for (const mode of ['once', 'from'] as const) {
      it(`${name}: failing calls (${mode}) end in a clear error and a store that verifies`, async () => {
        const total = await countCalls(base, op);
        let failures = 0;
        for (const n of callNumbers(total)) {
          if (!(await attempt(base, name, op, n, mode, ERRNOS[(n + (mode === 'from' ? 1 : 0)) % ERRNOS.length]!))) failures++;
        }
        // Some failures are absorbed by design (a cache that cannot be written, a lock read
        // that is retried); the rest must have surfaced as errors above.
        assert.ok(failures >= 1, `no failure surfaced over ${total} calls`);
      });
    }

    it(`${name}: a rename failing with EPERM ends in a clear error and a store that verifies`, async () => {
      const total = await countCalls(base, op, 'rename');
      for (const n of callNumbers(total)) await attempt(base, name, op, n, 'once', 'EPERM', 'rename');
    });
  }

  it('a restore interrupted by a failure leaves the old or the new tree once finished', async () => {
    const total = await countCalls(base, OPS.restore!);
    for (const n of callNumbers(total)) {
      const root = copyOf(base);
      const before = snapshot(join(root, 'shop-dev'));
      const fs = new FaultFs(n, 'from', 'EIO');
      const ws = await openWorkspace(root, { author: 'Tester', fs, lockTimeoutMs: 2000 });
      const r = await ws.restore('shop-dev', '1').then(() => ws.settled()).then(() => true, () => false);
      const clean = await openWorkspace(root, { author: 'Tester' });
      await clean.pin('shop-dev', '1'); // any write finishes an interrupted restore
      const after = snapshot(join(root, 'shop-dev'));
      const v1 = new Map((await clean.version('shop-dev', '1')).tree.map((f) => [f.path, f.sha256]));
      const isNew = after.size === v1.size && [...after.keys()].every((p) => v1.has(p));
      assert.ok(isNew || JSON.stringify([...after]) === JSON.stringify([...before]), `call ${n}: a mix of old and new`);
      if (n > total) assert.ok(r, 'with no call left to fail, the restore succeeds');
    }
  });
});
