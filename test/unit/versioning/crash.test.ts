/**
 * Crash consistency: a writer process is killed with SIGKILL at random moments of random
 * work. After each kill the next writer recovers the lock at once, finishes any
 * interrupted restore, and the store verifies; a restore is never left half done.
 * The default run kills a dozen times; BOTV_SOAK=1 kills hundreds of times.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { openWorkspace } from '../../../server/src/versioning/index';
import { bundle } from './support/bundle';
import { copyFixture, open, put, snapshot } from './support/workspace';

const SOAK = process.env.BOTV_SOAK === '1';

function start(script: string, args: string[]): { child: ChildProcess; ready: Promise<void>; ops: () => number; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  return { child, ready, exited, ops: () => (out.match(/\./g) ?? []).length, stderr: () => err };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function recoverAndCheck(root: string): Promise<void> {
  const ws = await openWorkspace(root, { author: 'checker', lockTimeoutMs: 10_000 });
  const t = Date.now();
  await ws.applyRetention('shop-dev', { keep: 1_000_000 }); // a write: takes the lock, finishes journals
  assert.ok(Date.now() - t < 3000, `the lock took ${Date.now() - t} ms to recover`);
  const v = await ws.verify();
  assert.equal(v.ok, true, JSON.stringify(v.problems.filter((p) => p.severity === 'error')));
  assert.ok(!v.problems.some((p) => p.code === 'INTERRUPTED' || p.code === 'STALE_LOCK'));
  for (const bot of ['shop-dev', 'shop-prod']) {
    assert.equal((await ws.workingCopyStatus(bot)).interrupted, false);
    const list = await ws.versions(bot);
    for (const ver of list.slice(0, 3)) {
      for (const f of (await ws.version(bot, ver.id)).tree) await ws.readVersionFile(bot, ver.id, f.path);
    }
  }
}

describe('crash consistency', function () {
  this.timeout(SOAK ? 3_600_000 : 120_000);
  let worker: string;
  before(async () => {
    worker = await bundle('test/unit/versioning/support/worker.ts');
  });

  it(`survives SIGKILL at random points of mixed work (${SOAK ? 200 : 8} kills)`, async () => {
    const root = copyFixture();
    const kills = SOAK ? 200 : 8;
    let ops = 0;
    for (let k = 0; k < kills; k++) {
      const w = start(worker, ['mixed', root, String(k * 7919 + 1)]);
      await w.ready;
      await sleep(30 + Math.random() * 300);
      w.child.kill('SIGKILL');
      const code = await w.exited;
      assert.equal(code, null, `the worker failed by itself: ${w.stderr()}`);
      ops += w.ops();
      await recoverAndCheck(root);
    }
    const ws = await open(root);
    assert.ok(ops > kills, `only ${ops} operations completed`);
    assert.ok((await ws.versions('shop-dev')).length > 0);
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
      await recoverAndCheck(root);
      const tree = snapshot(join(root, 'shop-dev'));
      const now = JSON.stringify([...tree]);
      const differs = (t: Map<string, string>) => [...new Set([...t.keys(), ...tree.keys()])].filter((p) => t.get(p) !== tree.get(p));
      assert.ok(now === JSON.stringify([...treeA]) || now === JSON.stringify([...treeB]), `kill ${k}: the working copy is a mix of two versions (differs from A in ${differs(treeA).join(' ')}; from B in ${differs(treeB).join(' ')})`);
    }
    assert.equal((await ws.versions('shop-dev')).length, 2, 'no auto-save was ever needed: the tree was always whole');
  });
});
