import { strict as assert } from 'node:assert';
import { isBotvError, type GateProblem } from '../../../server/src/versioning/index';
import { copyFixture, open, put } from './support/workspace';

async function threeVersions(options: Parameters<typeof open>[1] = {}) {
  const root = copyFixture();
  const ws = await open(root, options);
  for (let i = 1; i <= 3; i++) {
    put(root, 'shop-dev/counter.txt', String(i));
    await ws.save('shop-dev');
  }
  return { root, ws };
}

const held = async (ws: Awaited<ReturnType<typeof open>>, env: string) => (await ws.environments('shop-dev')).find((e) => e.name === env)!.version;

describe('environments', () => {
  it('lists the pipeline in order, empty at first', async () => {
    const { ws } = await threeVersions();
    const envs = await ws.environments('shop-dev');
    assert.deepEqual(envs.map((e) => [e.name, e.index, e.version, e.gated]), [
      ['development', 0, null, false],
      ['staging', 1, null, false],
      ['production', 2, null, true],
    ]);
  });

  it('sets, promotes stage by stage, and records who and when', async () => {
    const { ws } = await threeVersions();
    await ws.setEnvironment('shop-dev', 'development', '2');
    const p = await ws.promote('shop-dev', 'staging');
    assert.equal(p.changed, true);
    assert.equal(p.event.action, 'promote');
    assert.equal(p.event.from, 'development');
    assert.equal(p.environment.version, 2);
    assert.equal(p.environment.by, 'Tester');
    const again = await ws.promote('shop-dev', 'staging');
    assert.equal(again.changed, false);
    assert.equal((await ws.environmentHistory('shop-dev', 'staging')).length, 1);
    const v2 = await ws.resolveVersion('shop-dev', '2');
    assert.deepEqual(v2.environments, ['development', 'staging']);
  });

  it('refuses to skip a stage unless asked, and records the skip', async () => {
    const { ws } = await threeVersions();
    await ws.setEnvironment('shop-dev', 'development', '3');
    await assert.rejects(ws.promote('shop-dev', 'production', { from: 'development' }), (e) => isBotvError(e, 'SKIP_NOT_ALLOWED') && /staging/.test(e.message));
    await assert.rejects(ws.promote('shop-dev', 'production'), (e) => isBotvError(e, 'EMPTY_ENVIRONMENT') && /staging/.test(e.message));
    const c = await ws.promote('shop-dev', 'production', { from: 'development', skip: true });
    assert.deepEqual(c.event.skipped, ['staging']);
    assert.equal(await held(ws, 'production'), 3);
    await assert.rejects(ws.promote('shop-dev', 'development'), (e) => isBotvError(e, 'BAD_ARGUMENT') && /first stage/.test(e.message));
    await assert.rejects(ws.promote('shop-dev', 'staging', { from: 'production', skip: true }), (e) => isBotvError(e, 'BAD_ARGUMENT') && /forward/.test(e.message));
    await assert.rejects(ws.setEnvironment('shop-dev', 'qa', '1'), (e) => isBotvError(e, 'UNKNOWN_ENVIRONMENT') && /development → staging → production/.test(e.message));
  });

  it('rolls back to what the environment held before, and further back when repeated', async () => {
    const { ws } = await threeVersions();
    for (const n of ['1', '2', '3']) await ws.setEnvironment('shop-dev', 'staging', n);
    assert.equal((await ws.rollback('shop-dev', 'staging')).environment.version, 2);
    assert.equal((await ws.rollback('shop-dev', 'staging')).environment.version, 1);
    await assert.rejects(ws.rollback('shop-dev', 'staging'), (e) => isBotvError(e, 'NOTHING_TO_ROLL_BACK') && /--to/.test(e.message));
    assert.equal((await ws.rollback('shop-dev', 'staging', { to: '3' })).environment.version, 3);
    await assert.rejects(ws.rollback('shop-dev', 'staging', { to: '3' }), (e) => isBotvError(e, 'NOTHING_TO_ROLL_BACK'));
    await assert.rejects(ws.rollback('shop-dev', 'production'), (e) => isBotvError(e, 'NOTHING_TO_ROLL_BACK') && /never held/.test(e.message));
    const h = await ws.environmentHistory('shop-dev', 'staging');
    assert.deepEqual(h.map((e) => [e.action, e.version.number, e.previous?.number ?? null]), [
      ['rollback', 3, 1],
      ['rollback', 1, 2],
      ['rollback', 2, 3],
      ['set', 3, 2],
      ['set', 2, 1],
      ['set', 1, null],
    ]);
  });

  it('runs the gate before a version enters the last stage and refuses errors', async () => {
    const seen: string[] = [];
    const validate = async (bot: { id: string }, files: Map<string, Uint8Array>): Promise<GateProblem[]> => {
      seen.push(`${bot.id}:${[...files.keys()].join(',')}`);
      const counter = new TextDecoder().decode(files.get('counter.txt'));
      return counter === '2' ? [{ file: 'counter.txt', line: 0, character: 0, severity: 'error', code: 'BAD_COUNT', message: 'two is not allowed' }] : [{ file: 'bot.yaml', line: 1, character: 2, severity: 'warning', code: 'W', message: 'meh' }];
    };
    const { ws } = await threeVersions({ validate });
    await ws.setEnvironment('shop-dev', 'staging', '2');
    assert.equal(seen.length, 0, 'staging is not gated');
    await assert.rejects(ws.promote('shop-dev', 'production'), (e) => isBotvError(e, 'GATE_REFUSED') && /counter\.txt:1:1: BAD_COUNT: two is not allowed/.test(e.message) && /--override/.test(e.message) && Array.isArray(e.details?.problems));
    assert.equal(await held(ws, 'production'), null);
    const c = await ws.promote('shop-dev', 'production', { override: { reason: 'customer demo' } });
    assert.deepEqual(c.event.gate, { checked: true, errors: 1, warnings: 0, override: { reason: 'customer demo' } });
    assert.ok((await ws.history('shop-dev', { env: 'production' }))[0]!.summary.includes('gate overridden: customer demo'));
    const ok = await ws.setEnvironment('shop-dev', 'production', '3');
    assert.deepEqual(ok.event.gate, { checked: true, errors: 0, warnings: 1 });
    assert.equal(ok.problems.length, 1);
    const back = await ws.rollback('shop-dev', 'production');
    assert.equal(back.environment.version, 2, 'rolling back to a version the stage held needs no new gate');
    assert.equal(back.event.gate.checked, false);
    assert.ok(seen[0]!.startsWith('shop-dev:bot.yaml,counter.txt,'));
  });

  it('orders events by time then id, and never moves the clock backwards', async () => {
    const root = copyFixture();
    // A clock stuck in the past must not put a new event before the last one.
    const ws = await open(root, { clock: () => Date.UTC(2020, 0, 1) });
    await ws.save('shop-dev');
    put(root, 'shop-dev/a.txt', '1');
    await ws.save('shop-dev');
    await ws.setEnvironment('shop-dev', 'staging', '1');
    await ws.setEnvironment('shop-dev', 'staging', '2');
    assert.equal(await held(ws, 'staging'), 2);
    const h = await ws.environmentHistory('shop-dev', 'staging');
    assert.ok(h[0]!.at > h[1]!.at);
  });
});
