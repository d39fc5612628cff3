/** Laws of the store, checked with fast-check over random trees and command sequences. */
import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isBotvError, type Workspace } from '../../../server/src/versioning/index';
import { foldKey } from '../../../server/src/versioning/workingcopy/paths';
import { open, snapshot, tempDir } from './support/workspace';

const segment = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,7}$/);
const relPath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/') + '.dat');

/** A set of files whose names cannot collide on any file system, with arbitrary bytes. */
const tree = fc
  .uniqueArray(fc.tuple(relPath, fc.uint8Array({ maxLength: 300 })), { minLength: 0, maxLength: 12, selector: ([p]) => foldKey(p) })
  .filter((entries) => {
    const files = new Set(entries.map(([p]) => p));
    // A file may not share its name with a folder of another file.
    return entries.every(([p]) => ![...files].some((q) => q.startsWith(`${p}/`) || p.startsWith(`${q}/`)));
  });

const MANIFEST = 'bot:\n  id: prop\n';

function writeBot(dir: string, files: Array<[string, Uint8Array]>): void {
  for (const e of readdirSync(dir)) if (e !== 'bot.yaml') rmSync(join(dir, e), { recursive: true, force: true });
  for (const [p, data] of files) {
    mkdirSync(join(dir, ...p.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(dir, ...p.split('/')), data);
  }
}

async function freshBot(): Promise<{ ws: Workspace; dir: string }> {
  const root = tempDir();
  const dir = join(root, 'prop');
  mkdirSync(dir);
  writeFileSync(join(dir, 'bot.yaml'), MANIFEST);
  return { ws: await open(root), dir };
}

describe('properties', function () {
  this.timeout(120_000);
  const runs = process.env.BOTV_SOAK === '1' ? 300 : 20;

  it('a saved version reads back byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (files) => {
        const { ws, dir } = await freshBot();
        writeBot(dir, files);
        const v = (await ws.save('prop')).version;
        const detail = await ws.version('prop', v.id);
        assert.deepEqual(detail.tree.map((f) => f.path).sort(), ['bot.yaml', ...files.map(([p]) => p)].sort());
        for (const [p, data] of files) assert.deepEqual(Buffer.from(await ws.readVersionFile('prop', v.id, p)), Buffer.from(data));
      }),
      { numRuns: runs },
    );
  });

  it('a restore after a save gives back the same tree', async () => {
    await fc.assert(
      fc.asyncProperty(tree, tree, async (a, b) => {
        const { ws, dir } = await freshBot();
        writeBot(dir, a);
        const va = (await ws.save('prop')).version;
        const snapA = snapshot(dir);
        writeBot(dir, b);
        const snapB = snapshot(dir);
        await ws.restore('prop', va.id);
        assert.deepEqual(snapshot(dir), snapA);
        const vb = (await ws.versions('prop')).find((v) => v.origin.kind === 'auto-saved');
        if (vb) {
          await ws.restore('prop', vb.id);
          assert.deepEqual(snapshot(dir), snapB);
        } else {
          assert.deepEqual(snapA, snapB, 'no auto-save only when the trees were equal');
        }
      }),
      { numRuns: runs },
    );
  });

  it('environments follow set, promote and rollback like a stack per stage', async () => {
    const envs = ['development', 'staging', 'production'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), env: fc.integer({ min: 0, max: 2 }), v: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('promote' as const), env: fc.integer({ min: 1, max: 2 }) }),
      fc.record({ kind: fc.constant('rollback' as const), env: fc.integer({ min: 0, max: 2 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const { ws, dir } = await freshBot();
        for (let i = 1; i <= 3; i++) {
          writeFileSync(join(dir, 'n.txt'), String(i));
          await ws.save('prop');
        }
        const model: number[][] = [[], [], []];
        const top = (e: number) => model[e]![model[e]!.length - 1];
        for (const o of ops) {
          const env = envs[o.env]!;
          if (o.kind === 'set') {
            await ws.setEnvironment('prop', env, String(o.v));
            if (top(o.env) !== o.v) model[o.env]!.push(o.v);
          } else if (o.kind === 'promote') {
            const src = top(o.env - 1);
            if (src === undefined) {
              await assert.rejects(ws.promote('prop', env), (e) => isBotvError(e, 'EMPTY_ENVIRONMENT'));
            } else {
              const c = await ws.promote('prop', env);
              assert.equal(c.changed, top(o.env) !== src);
              if (top(o.env) !== src) model[o.env]!.push(src);
            }
          } else {
            const s = model[o.env]!;
            const target = [...s].reverse().find((v) => v !== s[s.length - 1]);
            if (s.length < 2 || target === undefined) {
              await assert.rejects(ws.rollback('prop', env), (e) => isBotvError(e, 'NOTHING_TO_ROLL_BACK'));
            } else {
              await ws.rollback('prop', env);
              s.pop();
            }
          }
          const state = await ws.environments('prop');
          for (let e = 0; e < 3; e++) assert.equal(state[e]!.version, top(e) ?? null, `${envs[e]} after ${JSON.stringify(o)}`);
        }
      }),
      { numRuns: runs },
    );
  });
});
