/**
 * Versions nobody uses, on a clock the tests move: stale once no environment has held them
 * and no one has pinned them for `retention.staleAfterDays` (180 unless set); retention
 * removes them first, and never what an environment holds or held just before.
 */
import { strict as assert } from 'node:assert';
import { copyFixture, open, put } from './support/workspace';

const T0 = Date.UTC(2025, 0, 1, 9, 0, 0);
const DAY = 86_400_000;

async function shop(config: Record<string, unknown> = {}) {
  const root = copyFixture();
  put(root, '.botversions/config.json', JSON.stringify({ protected: ['shop-prod'], ...config }));
  let t = T0;
  const ws = await open(root, { clock: () => (t += 1) });
  const save = async (n: number) => {
    put(root, 'shop-dev/counter.txt', String(n));
    await ws.save('shop-dev');
  };
  return { ws, save, at: (days: number) => (t = T0 + days * DAY) };
}

const stale = async (ws: Awaited<ReturnType<typeof shop>>['ws']) =>
  (await ws.versions('shop-dev'))
    .filter((v) => v.stale)
    .map((v) => v.label)
    .sort();

describe('stale versions', () => {
  it('are those no environment has held and no one has pinned for 180 days', async () => {
    const { ws, save, at } = await shop();
    for (let i = 1; i <= 4; i++) await save(i);
    await ws.setEnvironment('shop-dev', 'production', '1');
    await ws.pin('shop-dev', '4');
    at(10);
    await ws.setEnvironment('shop-dev', 'production', '2');
    at(179);
    assert.deepEqual(await stale(ws), []);
    at(185);
    // v3 was never used; v1 left production 175 days ago; v2 is held; v4 is pinned.
    assert.deepEqual(await stale(ws), ['v3']);
    at(191);
    assert.deepEqual(await stale(ws), ['v1', 'v3']);
    await ws.unpin('shop-dev', '4');
    at(191 + 181);
    assert.deepEqual(await stale(ws), ['v1', 'v3', 'v4']);
    assert.equal((await ws.resolveVersion('shop-dev', '3')).stale, true);
    assert.equal((await ws.version('shop-dev', '2')).stale, false);
  });

  it('follow retention.staleAfterDays', async () => {
    const { ws, save, at } = await shop({ retention: { staleAfterDays: 30 } });
    await save(1);
    await save(2);
    await ws.setEnvironment('shop-dev', 'staging', '2');
    at(31);
    assert.deepEqual(await stale(ws), ['v1']);
  });

  it('go first when retention removes versions, even from among the newest N; what an environment held last stays', async () => {
    const { ws, save, at } = await shop({ retention: { keepEnvironmentHistory: 0 } });
    for (let i = 1; i <= 3; i++) await save(i);
    await ws.setEnvironment('shop-dev', 'production', '1');
    at(240);
    await ws.setEnvironment('shop-dev', 'production', '3');
    at(250);
    await save(4);
    await ws.setEnvironment('shop-dev', 'production', '4');
    at(260);
    assert.deepEqual(await stale(ws), ['v2']);
    // The newest three are v4, v3, v2: v2 has never been used, v1 was in production 20 days ago.
    const r = await ws.applyRetention('shop-dev', { keep: 3, dryRun: true });
    assert.deepEqual(r.removed.map((v) => v.label), ['v2']);
    assert.deepEqual(r.retained.map((v) => [v.label, v.reason]), [['v1', 'used recently: stale versions went in its place']]);
    // With nothing stale, the oldest go, but never the one production held just before v4.
    const r2 = await ws.applyRetention('shop-dev', { keep: 1, dryRun: true });
    assert.deepEqual(r2.removed.map((v) => v.label), ['v2', 'v1']);
    assert.deepEqual(r2.retained.map((v) => [v.label, v.reason]), [['v3', 'held by production just before what it holds now']]);
  });
});
