import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isBotvError } from '../../../server/src/versioning/errors';
import { nodeFs } from '../../../server/src/versioning/fs/fsio';
import { acquireLock } from '../../../server/src/versioning/fs/lock';
import { tempDir } from './support/workspace';

const opts = (over: Partial<Parameters<typeof acquireLock>[2]> = {}) => ({ timeoutMs: 5000, staleMs: 60_000, purpose: 'test', clock: () => Date.now(), ...over });

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function lockPath(): string {
  const d = join(tempDir(), 'local');
  mkdirSync(d, { recursive: true });
  return join(d, 'lock');
}

describe('store lock', () => {
  it('is published whole with its holder, and removed on release', async () => {
    const p = lockPath();
    const h = await acquireLock(nodeFs, p, opts({ purpose: 'save bot' }));
    const owner = JSON.parse(readFileSync(p, 'utf8'));
    assert.equal(owner.pid, process.pid);
    assert.equal(owner.purpose, 'save bot');
    await h.release();
    assert.ok(!existsSync(p));
  });

  it('makes a second writer wait until the first releases', async () => {
    const p = lockPath();
    const a = await acquireLock(nodeFs, p, opts());
    let released = false;
    const b = acquireLock(nodeFs, p, opts()).then((h) => {
      assert.ok(released, 'b got the lock only after a released it');
      return h;
    });
    await new Promise((r) => setTimeout(r, 100));
    released = true;
    await a.release();
    await (await b).release();
  });

  it('gives up after its timeout, naming the holder and the lock file', async () => {
    const p = lockPath();
    const a = await acquireLock(nodeFs, p, opts({ purpose: 'promote shop' }));
    await assert.rejects(acquireLock(nodeFs, p, opts({ timeoutMs: 150 })), (e) => isBotvError(e, 'LOCKED') && e.message.includes(`process ${process.pid}`) && e.message.includes('promote shop') && e.message.includes(p));
    await a.release();
  });

  it('recovers at once a lock whose holder died on this host', async () => {
    const p = lockPath();
    writeFileSync(p, JSON.stringify({ pid: deadPid(), host: hostname(), token: 'dead', since: new Date().toISOString(), purpose: 'save' }));
    const t = Date.now();
    const h = await acquireLock(nodeFs, p, opts());
    assert.ok(Date.now() - t < 1000);
    assert.notEqual(JSON.parse(readFileSync(p, 'utf8')).token, 'dead');
    await h.release();
  });

  it('recovers a lock from another host only once it is stale', async () => {
    const p = lockPath();
    writeFileSync(p, JSON.stringify({ pid: 1, host: 'elsewhere', token: 'far', since: new Date().toISOString(), purpose: 'save' }));
    await assert.rejects(acquireLock(nodeFs, p, opts({ timeoutMs: 100 })), (e) => isBotvError(e, 'LOCKED'));
    const old = new Date(Date.now() - 120_000);
    utimesSync(p, old, old);
    const h = await acquireLock(nodeFs, p, opts());
    await h.release();
  });

  it('lets exactly one of several recoverers win at a time', async () => {
    const p = lockPath();
    writeFileSync(p, JSON.stringify({ pid: deadPid(), host: hostname(), token: 'dead', since: new Date().toISOString(), purpose: 'save' }));
    let inside = 0;
    let max = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const h = await acquireLock(nodeFs, p, opts());
        inside++;
        max = Math.max(max, inside);
        await new Promise((r) => setTimeout(r, 15));
        inside--;
        await h.release();
      }),
    );
    assert.equal(max, 1);
  });

  it('recovers when a recoverer died holding the recovery guard', async () => {
    const p = lockPath();
    const dead = deadPid();
    writeFileSync(p, JSON.stringify({ pid: dead, host: hostname(), token: 'dead', since: new Date().toISOString(), purpose: 'save' }));
    writeFileSync(`${p}.recover`, JSON.stringify({ pid: dead, host: hostname(), token: 'g', since: new Date().toISOString(), purpose: 'recover' }));
    const h = await acquireLock(nodeFs, p, opts());
    await h.release();
    assert.ok(!existsSync(`${p}.recover`));
  });
});
