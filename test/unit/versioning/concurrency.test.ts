/** Several processes saving and setting environments at once lose nothing. */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { bundle } from './support/bundle';
import { copyFixture, open } from './support/workspace';

const SOAK = process.env.BOTV_SOAK === '1';

function run(script: string, args: string[]): Promise<{ code: number | null; lines: string[]; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, lines: out.split('\n').filter((l) => l.startsWith('{')), err }));
  });
}

describe('concurrency', function () {
  this.timeout(SOAK ? 600_000 : 60_000);

  it('several writers at once: every save and every environment change is kept', async () => {
    const worker = await bundle('test/unit/versioning/support/worker.ts');
    const root = copyFixture();
    const writers = SOAK ? 8 : 4;
    const each = SOAK ? 50 : 6;
    const results = await Promise.all(Array.from({ length: writers }, (_, i) => run(worker, ['concurrent', root, `w${i}`, String(each)])));
    for (const r of results) assert.equal(r.code, 0, r.err);
    const saved = results.flatMap((r) => r.lines.map((l) => JSON.parse(l) as { saved?: string; created?: boolean; event?: string; changed?: boolean }));
    const ws = await open(root);
    const versions = await ws.versions('shop-dev');
    const ids = new Set(versions.map((v) => v.id));
    const created = saved.filter((s) => s.saved && s.created).map((s) => s.saved!);
    assert.equal(new Set(created).size, created.length, 'no version id was handed out twice');
    for (const s of saved) if (s.saved) assert.ok(ids.has(s.saved), `version ${s.saved} is lost`);
    assert.equal(versions.length, created.length, 'every version created is listed, and nothing else');
    assert.equal(new Set(versions.map((v) => v.number)).size, versions.length, 'numbers are unique on one machine');
    const events = new Set((await ws.environmentHistory('shop-dev')).map((e) => e.id));
    for (const s of saved) if (s.event && s.changed) assert.ok(events.has(s.event), `environment event ${s.event} is lost`);
    // The last file of every writer is in the latest version: nothing written was dropped.
    const latest = await ws.version('shop-dev', 'latest');
    for (let i = 0; i < writers; i++) assert.ok(latest.tree.some((f) => f.path === `by/w${i}/${each - 1}.txt`), `w${i}'s last file`);
    assert.equal((await ws.verify()).ok, true);
  });
});
