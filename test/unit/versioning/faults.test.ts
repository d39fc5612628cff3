/**
 * Fault injection: the Nth file-system call of an operation fails (ENOSPC, EIO, EACCES,
 * EPERM), once or from then on, for N = 1, 2, … until the operation gets through. Every
 * attempt must end in a BotvError with a message, leave a store that verifies, and a
 * retry without faults must succeed. The default run tries a spread of call numbers per
 * operation; BOTV_SOAK=1 tries every one.
 */
import { strict as assert } from 'node:assert';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError, openWorkspace, type Workspace } from '../../../server/src/versioning/index';
import { ERRNOS, FaultFs } from './support/faultfs';
import { copyFixture, open, put, snapshot, tempDir } from './support/workspace';

type Op = (ws: Workspace, root: string) => Promise<unknown>;

/** A workspace with two versions, environments, and a pending release. */
async function template(): Promise<string> {
  const root = copyFixture();
  const ws = await open(root);
  await ws.save('shop-dev');
  put(root, 'shop-dev/a.txt', 'one');
  await ws.save('shop-dev');
  await ws.setEnvironment('shop-dev', 'development', '2');
  await ws.save('shop-prod');
  await ws.createRelease('shop-dev', '2', 'shop-prod');
  put(root, 'shop-dev/a.txt', 'two'); // unsaved: restore must auto-save it
  return root;
}

const OPS: Record<string, Op> = {
  save: (ws) => ws.save('shop-dev', { name: 'faulty' }),
  restore: (ws) => ws.restore('shop-dev', '1'),
  promote: (ws) => ws.promote('shop-dev', 'staging'),
  // A failure after the commit point still reports an error; the retry then finds the
  // release accepted, which is the outcome asked for.
  'release accept': (ws) =>
    ws.acceptRelease('shop-prod', 'latest').catch(async (e) => {
      if (isBotvError(e, 'NO_RELEASE') && (await ws.releases('shop-prod'))[0]?.status === 'accepted') return;
      throw e;
    }),
};

const SOAK = process.env.BOTV_SOAK === '1';

/** Call numbers to fail: all of them when soaking, else a few spread over the operation. */
function callNumbers(total: number): number[] {
  if (SOAK) return Array.from({ length: total + 1 }, (_, i) => i + 1);
  const picks = new Set<number>([1, total, total + 1]);
  for (let k = 1; k <= 4; k++) picks.add(Math.max(1, Math.round((total * k) / 5) + Math.floor(Math.random() * 5) - 2));
  return [...picks].sort((a, b) => a - b);
}

async function countCalls(base: string, op: Op): Promise<number> {
  const root = join(tempDir(), 'ws');
  cpSync(base, root, { recursive: true });
  const fs = new FaultFs(Number.MAX_SAFE_INTEGER, 'once');
  await op(await openWorkspace(root, { author: 'Tester', fs }), root);
  return fs.calls;
}

async function attempt(base: string, op: Op, n: number, mode: 'once' | 'from', errno: string): Promise<{ ok: boolean; calls: number }> {
  const root = join(tempDir(), 'ws');
  cpSync(base, root, { recursive: true });
  const fs = new FaultFs(n, mode, errno);
  const ws = await openWorkspace(root, { author: 'Tester', fs, lockTimeoutMs: 2000 });
  let ok = true;
  try {
    await op(ws, root);
  } catch (e) {
    ok = false;
    assert.ok(isBotvError(e), `call ${n} (${mode}, ${errno}): not a BotvError: ${String(e)}`);
    assert.ok(e.message.length > 20 && /[.!]\s*$|\)$/.test(e.message.trim()), `call ${n}: unclear message: ${e.message}`);
  }
  // Whatever happened, the store verifies and a retry without faults gets through.
  const clean = await openWorkspace(root, { author: 'Tester', lockTimeoutMs: 2000 });
  const v = await clean.verify();
  assert.equal(v.ok, true, `call ${n} (${mode}, ${errno}): ${JSON.stringify(v.problems)}`);
  await op(clean, root);
  const v2 = await clean.verify();
  assert.equal(v2.ok, true);
  assert.ok(!v2.problems.some((p) => p.code === 'INTERRUPTED'), 'the retry finished any interrupted write');
  assert.equal((await clean.workingCopyStatus('shop-dev')).interrupted, false);
  return { ok, calls: fs.calls };
}

describe('fault injection', function () {
  this.timeout(120_000);
  let base: string;
  before(async () => {
    base = await template();
  });

  for (const [name, op] of Object.entries(OPS)) {
    for (const mode of ['once', 'from'] as const) {
      it(`${name}: failing calls (${mode}) end in a clear error and a store that verifies`, async () => {
        const total = await countCalls(base, op);
        let failures = 0;
        for (const n of callNumbers(total)) {
          const r = await attempt(base, op, n, mode, ERRNOS[n % ERRNOS.length]!);
          if (!r.ok) failures++;
        }
        // Some failures are absorbed by design (a cache that cannot be written, a lock read
        // that is retried); the rest must have surfaced as errors above.
        assert.ok(failures >= 1, `no failure surfaced over ${total} calls`);
      });
    }
  }

  it('a restore interrupted by a failure leaves the old or the new tree once finished', async () => {
    const total = await countCalls(base, OPS.restore!);
    for (const n of callNumbers(total)) {
      const root = join(tempDir(), 'ws');
      cpSync(base, root, { recursive: true });
      const before = snapshot(join(root, 'shop-dev'));
      const fs = new FaultFs(n, 'from', 'EIO');
      const ws = await openWorkspace(root, { author: 'Tester', fs, lockTimeoutMs: 2000 });
      const r = await ws.restore('shop-dev', '1').then(() => true, () => false);
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
