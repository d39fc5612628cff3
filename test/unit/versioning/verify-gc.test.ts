import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError } from '../../../server/src/versioning/index';
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

  it('names every file in which one byte was flipped', async () => {
    const { root } = await populated();
    const all = files(join(root, '.botversions')).filter((p) => /objects|bots|releases/.test(p));
    assert.ok(all.length > 10);
    for (const p of all) {
      const original = readFileSync(p);
      const damaged = Buffer.from(original);
      damaged[Math.floor(damaged.length / 2)] ^= 0x20;
      writeFileSync(p, damaged);
      const ws = await open(root);
      const r = await ws.verify();
      const rel = p.slice(root.length + 1);
      assert.equal(r.ok, false, rel);
      assert.ok(r.problems.some((x) => x.severity === 'error' && x.file === rel && x.message.includes(rel)), `${rel}: ${JSON.stringify(r.problems)}`);
      writeFileSync(p, original);
    }
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
