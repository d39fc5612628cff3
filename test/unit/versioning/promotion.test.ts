/**
 * The promotion plan: one pure function decides the source stage, the incoming version
 * and the gate check; `promote` carries it out and the preview shows it, so they agree.
 */
import { strict as assert } from 'node:assert';
import { Core } from '../../../server/src/versioning/core/context';
import { planPromotion, sourceStage } from '../../../server/src/versioning/core/promotion';
import { loadBotState } from '../../../server/src/versioning/core/state';
import { normalizeConfig } from '../../../server/src/versioning/store/config';
import { isBotvError, type GateCheck, type GateProblem, type StoreConfig } from '../../../server/src/versioning/index';
import { copyFixture, fixedClock, open, put } from './support/workspace';

/** A workspace with shop-dev v1..v3 saved; `envs` sets environments first. */
async function setUp(envs: Array<[string, string]> = [], options: Parameters<typeof open>[1] = {}) {
  const root = copyFixture();
  const ws = await open(root, options);
  for (let i = 1; i <= 3; i++) {
    put(root, 'shop-dev/counter.txt', String(i));
    await ws.save('shop-dev');
  }
  for (const [env, v] of envs) await ws.setEnvironment('shop-dev', env, v);
  const core = new Core(root, { author: 'Tester', clock: fixedClock() });
  const state = await loadBotState(core, 'shop-dev');
  return { root, ws, state, config: await core.config() };
}

const config = (raw: unknown): StoreConfig => normalizeConfig(raw, 'config.json');

describe('planPromotion', () => {
  it('takes the version of the stage before, and plans the gate with the store’s severities', async () => {
    const { state } = await setUp([['staging', '2']]);
    const c = config({ gates: { validateBefore: ['production'], severities: { 'unused/response': 'off' } } });
    const plan = planPromotion(state, c, 'production');
    assert.equal(plan.action, 'promote');
    assert.equal(plan.from, 'staging');
    assert.deepEqual(plan.skipped, []);
    assert.equal(plan.incoming?.record.number, 2);
    assert.equal(plan.current, null);
    assert.equal(plan.blocked, null);
    assert.equal(plan.unchanged, false);
    assert.equal(plan.gated, true);
    assert.deepEqual(plan.gate, { environment: 'production', pipeline: ['development', 'staging', 'production'], severities: { 'unused/response': 'off' } });
    // An environment that is not gated plans no check.
    assert.equal(planPromotion(state, c, 'staging', { from: 'development', skip: true }).gate, null);
  });

  it('follows the configured pipeline, not a fixed one', async () => {
    const { state } = await setUp([['staging', '3']]);
    const c = config({ pipeline: ['staging', 'qa', 'production'] });
    assert.equal(sourceStage(c, 'qa'), 'staging');
    assert.equal(sourceStage(c, 'staging'), null);
    const plan = planPromotion(state, c, 'qa');
    assert.equal(plan.from, 'staging');
    assert.equal(plan.incoming?.record.number, 3);
    assert.equal(plan.gate, null, 'qa is not the last stage');
  });

  it('returns what blocks a promotion, with the error promote throws', async () => {
    const { state, config: c } = await setUp([['development', '3']]);
    const reasons = (env: string, opts = {}) => {
      const b = planPromotion(state, c, env, opts).blocked;
      return b && [b.reason, b.code];
    };
    assert.deepEqual(reasons('development'), ['first-stage', 'BAD_ARGUMENT']);
    assert.deepEqual(reasons('production'), ['empty-source', 'EMPTY_ENVIRONMENT']);
    assert.deepEqual(reasons('production', { from: 'development' }), ['skip-not-allowed', 'SKIP_NOT_ALLOWED']);
    assert.deepEqual(reasons('staging', { from: 'production', skip: true }), ['not-forward', 'BAD_ARGUMENT']);
    const skip = planPromotion(state, c, 'production', { from: 'development', skip: true });
    assert.equal(skip.blocked, null);
    assert.deepEqual(skip.skipped, ['staging']);
    assert.equal(skip.incoming?.record.number, 3);
    const blocked = planPromotion(state, c, 'production');
    assert.equal(blocked.incoming, null);
    assert.equal(blocked.gate, null, 'nothing would enter, so nothing is checked');
    assert.throws(() => planPromotion(state, c, 'qa'), (e) => isBotvError(e, 'UNKNOWN_ENVIRONMENT'));
    assert.throws(() => planPromotion(state, c, 'production', { from: 'qa' }), (e) => isBotvError(e, 'UNKNOWN_ENVIRONMENT'));
  });

  it('plans nothing to do, and no gate, when the environment already holds the version', async () => {
    const { state, config: c } = await setUp([['staging', '2'], ['production', '2']]);
    const plan = planPromotion(state, c, 'production');
    assert.equal(plan.unchanged, true);
    assert.equal(plan.blocked, null);
    assert.equal(plan.current?.record.number, 2);
    assert.equal(plan.gate, null);
  });

  it('plans a set of any version', async () => {
    const { state, config: c } = await setUp([['production', '1']]);
    const plan = planPromotion(state, c, 'production', { version: '3' });
    assert.equal(plan.action, 'set');
    assert.equal(plan.from, null);
    assert.equal(plan.incoming?.record.number, 3);
    assert.equal(plan.current?.record.number, 1);
    assert.equal(plan.gate?.environment, 'production');
    assert.throws(() => planPromotion(state, c, 'production', { version: '9' }), (e) => isBotvError(e, 'NO_VERSION'));
  });

  it('is what promote does and what the preview shows, gate included', async () => {
    const checks: GateCheck[] = [];
    const validate = async (_bot: unknown, files: Map<string, Uint8Array>, check: GateCheck): Promise<GateProblem[]> => {
      checks.push(check);
      const n = new TextDecoder().decode(files.get('counter.txt'));
      return [{ file: 'counter.txt', line: 0, character: 0, severity: n === '2' ? 'error' : 'warning', code: 'x/count', message: `counter ${n}` }];
    };
    const { ws } = await setUp([['staging', '2']], { validate });
    const preview = await ws.previewPromotion('shop-dev', 'production');
    assert.equal(preview.from, 'staging');
    assert.equal(preview.incoming?.label, 'v2');
    assert.equal(preview.blocked, null);
    assert.deepEqual({ ...preview.gate, problems: preview.gate.problems.length }, { checked: true, errors: 1, warnings: 0, problems: 1 });
    await assert.rejects(ws.promote('shop-dev', 'production'), (e) => isBotvError(e, 'GATE_REFUSED') && JSON.stringify(e.details?.problems) === JSON.stringify(preview.gate.problems));
    assert.deepEqual(checks[0], checks[1], 'the preview and the promotion ask the validator the same');
    const done = await ws.promote('shop-dev', 'production', { override: { reason: 'demo' } });
    assert.equal(done.event.from, preview.from);
    assert.equal(done.event.version.id, preview.incoming?.id);
    assert.deepEqual(done.problems, preview.gate.problems);

    const after = await ws.previewPromotion('shop-dev', 'production');
    assert.deepEqual(after.blocked, { reason: 'unchanged', message: 'production of shop-dev already holds v2.' });
    assert.equal(after.gate.checked, false);
    const first = await ws.previewPromotion('shop-dev', 'development');
    assert.equal(first.blocked?.reason, 'first-stage');
    await assert.rejects(ws.promote('shop-dev', 'development'), (e) => isBotvError(e, 'BAD_ARGUMENT') && e.message === first.blocked?.message);
    const set = await ws.previewPromotion('shop-dev', 'production', { version: '3' });
    assert.equal(set.action, 'set');
    assert.deepEqual([set.current?.label, set.incoming?.label, set.gate.warnings, set.gate.errors], ['v2', 'v3', 1, 0]);
  });

  it('tells every environment which stage it promotes from', async () => {
    const { ws } = await setUp();
    assert.deepEqual((await ws.environments('shop-dev')).map((e) => [e.name, e.promotesFrom]), [
      ['development', null],
      ['staging', 'development'],
      ['production', 'staging'],
    ]);
  });
});
