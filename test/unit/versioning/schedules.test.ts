/**
 * Scheduled promotions, on a clock the tests move (nothing here waits for time to pass):
 * recorded now, carried out when due with their gates, refused when their source moved or
 * a gate failed, cancelled, ended once after a merge that brings two ends, and kept by
 * retention and deletion while pending.
 */
import { strict as assert } from 'node:assert';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateValidator } from '../../../server/src/formats/gate';
import { isBotvError, type Workspace } from '../../../server/src/versioning/index';
import { copyFixture, open, put, tempDir } from './support/workspace';

const T0 = Date.UTC(2025, 5, 30, 12, 0, 0);
const HOUR = 3_600_000;

/** A clock the test sets; each reading moves it 1 ms so that records keep their order. */
function clock(start = T0) {
  let t = start;
  return { now: () => (t += 1), set: (ms: number) => (t = ms) };
}

async function shop(gates: unknown[] = []): Promise<{ root: string; ws: Workspace; time: ReturnType<typeof clock> }> {
  const root = copyFixture();
  put(root, '.botversions/config.json', JSON.stringify({ protected: ['shop-prod'], gates: { validateBefore: [], before: gates.length ? { production: gates } : {} } }));
  const time = clock();
  const ws = await open(root, { clock: time.now, validate: gateValidator });
  for (let i = 1; i <= 3; i++) {
    put(root, 'shop-dev/counter.txt', String(i));
    await ws.save('shop-dev');
  }
  await ws.setEnvironment('shop-dev', 'staging', '2');
  return { root, ws, time };
}

const production = async (ws: Workspace) => (await ws.environments('shop-dev')).find((e) => e.name === 'production')!;

describe('scheduled promotions', function () {
  this.timeout(60_000);

  it('records a promotion for later and carries it out when it is due, not before', async () => {
    const { ws, time } = await shop();
    const s = await ws.schedulePromotion('shop-dev', 'production', { at: '2025-07-01T06:00:00Z', note: 'release train 27' });
    assert.deepEqual([s.environment, s.from, s.version.label, s.due, s.status, s.isDue, s.note], ['production', 'staging', 'v2', '2025-07-01T06:00:00.000Z', 'pending', false, 'release train 27']);
    assert.deepEqual((await ws.schedules('shop-dev')).map((x) => x.id), [s.id]);
    assert.deepEqual((await production(ws)).schedules.map((x) => x.id), [s.id]);

    // Not yet due: nothing happens.
    assert.deepEqual(await ws.runSchedules(), []);
    assert.equal((await production(ws)).label, null);

    time.set(Date.parse('2025-07-01T06:00:00Z') + 5 * 60_000);
    assert.equal((await ws.schedules('shop-dev'))[0]!.isDue, true);
    const [done, ...rest] = await ws.runSchedules();
    assert.deepEqual(rest, []);
    assert.equal(done!.outcome, 'promoted');
    assert.equal(done!.change!.event.version.label, 'v2');
    assert.equal(done!.change!.event.schedule, s.id);
    assert.equal(done!.schedule.status, 'done');
    assert.equal((await production(ws)).label, 'v2');
    assert.deepEqual(await ws.schedules('shop-dev'), [], 'no longer pending');
    assert.equal((await ws.schedules('shop-dev', { all: true }))[0]!.status, 'done');
    // Carried out once: running again does nothing.
    assert.deepEqual(await ws.runSchedules(), []);
    const h = await ws.history('shop-dev', { env: 'production' });
    assert.match(h[0]!.summary, /^promoted v2 from staging to production as scheduled by Tester for 2025-07-01T06:00:00\.000Z$/);
    assert.equal(h[1]!.action, 'schedule');
    assert.match(h[1]!.summary, /^scheduled the promotion of v2 from staging to production for 2025-07-01T06:00:00\.000Z: release train 27$/);
    assert.ok((await ws.verify()).ok);
  });

  it('refuses, when due, a schedule whose source holds another version since, and records why', async () => {
    const { ws, time } = await shop();
    const s = await ws.schedulePromotion('shop-dev', 'production', { at: T0 + HOUR });
    await ws.setEnvironment('shop-dev', 'staging', '3');
    time.set(T0 + 2 * HOUR);
    const [r] = await ws.runSchedules();
    assert.equal(r!.outcome, 'refused');
    assert.match(r!.reason!, /^staging holds v3 now, not v2 that the promotion to production was scheduled for \(by Tester, .*\); it was not carried out\./);
    assert.equal(r!.schedule.status, 'refused');
    assert.equal((await production(ws)).label, null, 'v3 was not promoted in its place');
    assert.deepEqual(await ws.runSchedules(), [], 'a refusal ends the schedule');
    const h = (await ws.history('shop-dev'))[0]!;
    assert.equal(h.action, 'schedule-cancel');
    assert.equal(h.schedule, s.id);
    assert.match(h.summary, /^refused the promotion of v2 to production scheduled for .*: staging holds v3 now/);
  });

  it('runs the gates when due, and a failing gate refuses the schedule with what it found', async () => {
    const scripts = tempDir();
    writeFileSync(join(scripts, 'fail.js'), "console.error('smoke test failed: /health answered 503'); process.exit(1);");
    const { ws, time } = await shop([{ name: 'smoke', run: `${JSON.stringify(process.execPath)} ${JSON.stringify(join(scripts, 'fail.js'))}` }]);
    await ws.schedulePromotion('shop-dev', 'production', { at: T0 + HOUR });
    time.set(T0 + HOUR + 1);
    const [r] = await ws.runSchedules();
    assert.equal(r!.outcome, 'refused');
    assert.match(r!.reason!, /^the gate "smoke" failed: exit code 1 after/);
    assert.equal(r!.schedule.gates!.runs[0]!.output, 'smoke test failed: /health answered 503');
    assert.equal((await production(ws)).label, null);
  });

  it('is not carried out when it is cancelled while its gates run', async () => {
    const scripts = tempDir();
    const flag = join(scripts, 'flag');
    writeFileSync(join(scripts, 'wait.js'), `const fs = require('fs'); const t = setInterval(() => { if (fs.existsSync(${JSON.stringify(flag)})) clearInterval(t); }, 10);`);
    const { root, ws, time } = await shop([{ name: 'waits', run: `${JSON.stringify(process.execPath)} ${JSON.stringify(join(scripts, 'wait.js'))}` }]);
    const s = await ws.schedulePromotion('shop-dev', 'production', { at: T0 + HOUR });
    time.set(T0 + HOUR + 1);
    const other = await open(root, { clock: time.now });
    let started!: () => void;
    const gateStarted = new Promise<void>((r) => (started = r));
    const run = ws.runSchedules({ progress: (p) => p.kind === 'start' && started() });
    await gateStarted;
    await other.cancelSchedule('shop-dev', s.id, { reason: 'stop the train' });
    writeFileSync(flag, 'go');
    const [r] = await run;
    assert.equal(r!.outcome, 'refused');
    assert.match(r!.reason!, /ended \(it was cancelled, or carried out elsewhere\) while it was being carried out; nothing was written/);
    assert.equal(r!.schedule.status, 'cancelled');
    assert.equal(r!.schedule.reason, 'stop the train');
    assert.equal((await production(ws)).label, null);
    assert.equal((await ws.history('shop-dev')).filter((h) => h.action === 'schedule-cancel').length, 1, 'one end recorded');
  });

  it('refuses times that are not in the future or not times, and plans that cannot happen', async () => {
    const { ws } = await shop();
    await assert.rejects(ws.schedulePromotion('shop-dev', 'production', { at: T0 - HOUR }), (e) => isBotvError(e, 'BAD_ARGUMENT') && /is not in the future/.test(e.message));
    await assert.rejects(ws.schedulePromotion('shop-dev', 'production', { at: 'tomorrow at nine' }), (e) => isBotvError(e, 'BAD_ARGUMENT') && /ISO 8601/.test(e.message));
    await assert.rejects(ws.schedulePromotion('shop-dev', 'staging', { at: T0 + HOUR }), (e) => isBotvError(e, 'EMPTY_ENVIRONMENT'));
    // A time without a zone is UTC.
    const s = await ws.schedulePromotion('shop-dev', 'production', { at: '2025-07-01T06:00' });
    assert.equal(s.due, '2025-07-01T06:00:00.000Z');
  });

  it('cancels a pending schedule with a reason, once', async () => {
    const { ws, time } = await shop();
    const s = await ws.schedulePromotion('shop-dev', 'production', { at: T0 + HOUR });
    const c = await ws.cancelSchedule('shop-dev', s.shortId, { reason: 'waiting for legal' });
    assert.deepEqual([c.status, c.reason, c.resolvedBy], ['cancelled', 'waiting for legal', 'Tester']);
    await assert.rejects(ws.cancelSchedule('shop-dev', s.id), (e) => isBotvError(e, 'SCHEDULE_RESOLVED') && /already cancelled/.test(e.message));
    await assert.rejects(ws.cancelSchedule('shop-dev', 'next'), (e) => isBotvError(e, 'NO_SCHEDULE'));
    await assert.rejects(ws.cancelSchedule('shop-dev', 'zz'), (e) => isBotvError(e, 'BAD_ARGUMENT'));
    time.set(T0 + 2 * HOUR);
    assert.deepEqual(await ws.runSchedules(), []);
    assert.equal((await production(ws)).label, null);
  });

  it('keeps a scheduled version from deletion and retention while the schedule is pending', async () => {
    const { root, ws } = await shop();
    put(root, '.botversions/config.json', JSON.stringify({ protected: ['shop-prod'], retention: { keepEnvironmentHistory: 0 } }));
    await ws.setEnvironment('shop-dev', 'staging', '1');
    const s = await ws.schedulePromotion('shop-dev', 'production', { at: T0 + HOUR });
    await ws.setEnvironment('shop-dev', 'staging', '2');
    await ws.setEnvironment('shop-dev', 'staging', '3');
    await assert.rejects(ws.deleteVersion('shop-dev', '1'), (e) => isBotvError(e, 'VERSION_IN_USE') && /scheduled to enter production/.test(e.message));
    const r = await ws.applyRetention('shop-dev', { keep: 1, dryRun: true });
    assert.ok(r.retained.some((v) => v.label === 'v1' && /^scheduled for production/.test(v.reason)), JSON.stringify(r));
    await ws.cancelSchedule('shop-dev', s.id);
    assert.ok((await ws.applyRetention('shop-dev', { keep: 1, dryRun: true })).removed.some((v) => v.label === 'v1'));
  });

  it('merges through git: records of two clones are new files, and a schedule ended twice ends once, the earlier way', async () => {
    const { root, ws, time } = await shop();
    const s = await ws.schedulePromotion('shop-dev', 'production', { at: T0 + HOUR });
    const clone = join(tempDir(), 'clone');
    cpSync(root, clone, { recursive: true });
    // Here: it is cancelled first. There: it is carried out later.
    await ws.cancelSchedule('shop-dev', s.id, { reason: 'not today' });
    const there = await open(clone, { clock: () => T0 + 3 * HOUR });
    const [done] = await there.runSchedules();
    assert.equal(done!.outcome, 'promoted');
    // The merge: every record file of the clone that is not here already.
    const dir = (r: string, kind: string) => join(r, '.botversions', 'bots', 'shop-dev', kind);
    for (const kind of ['environments', 'schedules']) {
      for (const f of readdirSync(dir(clone, kind))) cpSync(join(dir(clone, kind), f), join(dir(root, kind), f), { force: false, errorOnExist: false });
    }
    time.set(T0 + 4 * HOUR);
    const merged = await open(root, { clock: time.now });
    const all = await merged.schedules('shop-dev', { all: true });
    assert.equal(all.length, 1);
    assert.equal(all[0]!.status, 'cancelled', 'the cancellation came first');
    assert.ok((await merged.verify()).ok);
  });
});
