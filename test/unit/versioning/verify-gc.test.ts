import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError, type Workspace } from '../../../server/src/versioning/index';
import { sha256 } from '../../../server/src/versioning/store/hash';
import { copyFixture, open, put } from './support/workspace';

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

const SOAK = process.env.BOTV_SOAK === '1';

/** Every read the views and the CLI make of the store, keyed, each giving its result as text. */
async function everyRead(ws: Workspace): Promise<Map<string, (w: Workspace) => Promise<string>>> {
  const reads = new Map<string, (w: Workspace) => Promise<string>>();
  const text = (x: unknown) => JSON.stringify(x);
  for (const bot of ['shop-dev', 'shop-prod']) {
    reads.set(`versions ${bot}`, async (w) => text(await w.versions(bot)));
    reads.set(`environments ${bot}`, async (w) => text(await w.environments(bot)));
    reads.set(`releases ${bot}`, async (w) => text(await w.releases(bot)));
    reads.set(`history ${bot}`, async (w) => text(await w.history(bot)));
    reads.set(`status ${bot}`, async (w) => text(await w.workingCopyStatus(bot)));
    for (const v of await ws.versions(bot)) {
      reads.set(`version ${bot} v${v.number}`, async (w) => text(await w.version(bot, v.id)));
      reads.set(`diff ${bot} v${v.number}`, async (w) => text(await w.diff(bot, v.id)));
      for (const f of (await ws.version(bot, v.id)).tree) {
        reads.set(`file ${bot} v${v.number} ${f.path}`, async (w) => sha256(await w.readVersionFile(bot, v.id, f.path)));
      }
    }
  }
  return reads;
}

async function populated() {
  const root = copyFixture();
  const ws = await open(root);
  await ws.save('shop-dev');
  put(root, 'shop-dev/a.txt', 'one');
  await ws.save('shop-dev');
  await ws.setEnvironment('shop-dev', 'staging', '2');
  await ws.save('shop-prod');
  await ws.createRelease('shop-dev', '2', 'shop-prod');
  return { root, ws };
}

describe('verify and gc', () => {
  it('passes on a healthy store', async () => {
    const { ws } = await populated();
    const r = await ws.verify();
    assert.deepEqual(r.problems, []);
    assert.equal(r.ok, true);
    assert.equal(r.checked.versions, 3);
  });

  it('finds one byte flipped in any object or record, by verify and by any read, naming the file', async () => {
    const { root, ws } = await populated();
    // Every kind of record: marks (pin, restore, deletion), a rejection, a promotion.
    await ws.pin('shop-dev', '1');
    await ws.restore('shop-dev', '1');
    await ws.restore('shop-dev', '2');
    put(root, 'shop-dev/b.txt', 'short-lived');
    await ws.save('shop-dev');
    await ws.deleteVersion('shop-dev', '3');
    await ws.gc(); // what only v3 needed goes: every object left is read by some version
    await ws.promote('shop-dev', 'production');
    await ws.rejectRelease('shop-prod', (await ws.createRelease('shop-dev', '1', 'shop-prod')).id, { reason: 'not now' });
    const reads = await everyRead(ws);
    const pristine = new Map<string, string>();
    for (const [key, read] of reads) pristine.set(key, await read(ws));
    const all = files(join(root, '.botversions')).filter((p) => /objects|bots|releases/.test(p));
    assert.ok(all.length > 10);
    let detectedByRead = 0;
    let flips = 0;
    for (const p of all) for (const where of SOAK ? ['first', 'middle', 'last'] : ['middle']) {
      const original = readFileSync(p);
      const damaged = Buffer.from(original);
      damaged[where === 'first' ? 0 : where === 'last' ? damaged.length - 1 : Math.floor(damaged.length / 2)] ^= 0x20;
      writeFileSync(p, damaged);
      flips++;
      const rel = p.slice(root.length + 1);
      const fresh = await open(root);
      const r = await fresh.verify();
      assert.equal(r.ok, false, rel);
      assert.ok(r.problems.some((x) => x.severity === 'error' && x.file === rel && x.message.includes(rel)), `${rel}: ${JSON.stringify(r.problems)}`);
      // Every read either gives what it gave before, or fails naming the damaged file.
      let failed = 0;
      for (const [key, read] of reads) {
        try {
          assert.equal(await read(fresh), pristine.get(key), `${rel}: ${key} returned something else without noticing`);
        } catch (e) {
          if (e instanceof assert.AssertionError) throw e;
          assert.ok(isBotvError(e) && (e.code === 'CORRUPT' || e.code === 'MISSING_OBJECT'), `${rel}: ${key}: ${String(e)}`);
          assert.ok(e.message.includes(rel), `${rel}: ${key} failed without naming the file: ${e.message}`);
          failed++;
        }
      }
      assert.ok(failed > 0, `${rel}: no read noticed the damage`);
      detectedByRead++;
      writeFileSync(p, original);
    }
    console.log(`      ${flips} flips in ${all.length} files, one at a time; verify and ${reads.size} reads after each: ${detectedByRead} detected by reads and by verify, 0 missed`);
  });

  it('fails a read of a damaged version, naming the file', async () => {
    const { root } = await populated();
    const ws = await open(root);
    const v = await ws.version('shop-dev', '2');
    const f = v.tree.find((x) => x.path === 'a.txt')!;
    const p = join(root, '.botversions/objects', f.sha256.slice(0, 2), `${f.sha256.slice(2)}.a.txt`);
    writeFileSync(p, 'onf');
    await assert.rejects(ws.readVersionFile('shop-dev', '2', 'a.txt'), (e) => isBotvError(e, 'CORRUPT') && e.message.includes(p.slice(root.length + 1)));
  });

  it('removes what no version needs, and nothing a version needs', async () => {
    const { root, ws } = await populated();
    put(root, 'shop-dev/b.txt', 'only in v3');
    await ws.save('shop-dev');
    const v3 = await ws.version('shop-dev', '3');
    const only = v3.tree.find((f) => f.path === 'b.txt')!;
    await ws.deleteVersion('shop-dev', '3');
    put(root, '.botversions/objects/ab/.botv-tmp-1-dead', 'x');
    utimesSync(join(root, '.botversions/objects/ab/.botv-tmp-1-dead'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const r = await ws.gc();
    assert.ok(r.removedObjects >= 2, 'the content and tree of v3');
    assert.equal(r.removedTemporary, 1);
    assert.ok(!files(join(root, '.botversions/objects')).some((p) => p.endsWith(only.sha256.slice(2))));
    const after = await ws.verify();
    assert.deepEqual(after.problems, []);
    for (const v of await ws.versions('shop-dev')) {
      for (const f of (await ws.version('shop-dev', v.id)).tree) await ws.readVersionFile('shop-dev', v.id, f.path);
    }
  });

  it('refuses to collect garbage from a damaged store', async () => {
    const { root, ws } = await populated();
    const rec = files(join(root, '.botversions/bots/shop-dev/versions'))[0]!;
    writeFileSync(rec, readFileSync(rec, 'utf8').replace('"number"', '"numbeR"'));
    await assert.rejects(ws.gc(), (e) => isBotvError(e, 'CORRUPT') && /before removing anything/.test(e.message));
  });
});
