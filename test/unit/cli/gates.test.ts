/**
 * The command line's gates and schedules, run in-process on a clock the test moves: each
 * gate command printed as it runs, a refusal that names the gate and shows its output
 * (exit 1), the override and the skip recorded, the history and the JSON that show what
 * ran, `botv promote --at` and `botv schedule list|run|cancel`, and stale versions.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/program';
import { copyFixture, put, tempDir } from '../versioning/support/workspace';

interface Run {
  code: number;
  out: string;
  err: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const T0 = Date.UTC(2025, 5, 30, 12, 0, 0);

function workspace(before: unknown[]) {
  const root = copyFixture();
  put(root, '.botversions/config.json', JSON.stringify({ protected: ['shop-prod'], gates: { validateBefore: [], before: { production: before } } }));
  let t = T0;
  const clock = { now: () => (t += 1), set: (ms: number) => (t = ms) };
  const botv = async (...args: string[]): Promise<Run> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: root, env: { BOTV_AUTHOR: 'Cli Tester' }, isTTY: false, now: clock.now });
    const o = out.join('');
    return { code, out: o, err: err.join(''), json: args.includes('--json') && o ? JSON.parse(o) : undefined };
  };
  return { root, botv, clock };
}

describe('botv: gates and schedules', function () {
  this.timeout(60_000);
  let failing: string;

  before(() => {
    const dir = tempDir('botv-cli-gates-');
    failing = join(dir, 'fail.js');
    writeFileSync(failing, "console.log('running 12 tests'); console.error('2 of 12 tests failed'); process.exit(3);");
  });

  it('prints each gate command as it runs, refuses with the failed gate and its output, and records an override or a skip', async () => {
    const run = `${JSON.stringify(process.execPath)} ${JSON.stringify(failing)}`;
    const { botv } = workspace(['validation', { name: 'bot tests', run, timeout: 60 }]);
    assert.equal((await botv('save', 'shop-dev')).code, 0);
    assert.equal((await botv('env', 'set', 'shop-dev', 'staging', '1')).code, 0);

    let r = await botv('promote', 'shop-dev', 'production');
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /^gate 1\/2 validation \(shop-dev → production\)\n {2}✓ validation: /m);
    assert.match(r.err, /^gate 2\/2 bot tests \(shop-dev → production\): \$ .*fail\.js" {2}\(timeout 60 s\)\n {2}✗ bot tests: exit code 3 after /m);
    assert.match(r.err, /botv: shop-dev v1 cannot enter production: the gate "bot tests" failed \(exit code 3 after [\d.]+ s\)\./);
    assert.match(r.err, / {2}│ 2 of 12 tests failed\n/);

    r = await botv('promote', 'shop-dev', 'production', '--json');
    assert.equal(r.code, 1);
    assert.equal(r.json.error.code, 'GATE_REFUSED');
    assert.equal(r.json.error.gate, 'bot tests');
    assert.deepEqual(r.json.error.gates.map((g: { name: string; verdict: string }) => [g.name, g.verdict]), [['validation', 'passed'], ['bot tests', 'failed']]);

    r = await botv('promote', 'shop-dev', 'production', '--skip-gates');
    assert.equal(r.code, 2);
    assert.match(r.err, /--skip-gates needs a reason/);
    r = await botv('promote', 'shop-dev', 'production', '--skip-gates', '--reason', 'x', '--override', 'y');
    assert.equal(r.code, 2);

    r = await botv('promote', 'shop-dev', 'production', '--override', 'known flaky test', '--json');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.json.event.gate.override, { reason: 'known flaky test' });
    assert.equal(r.json.event.gates.runs[1].output, 'running 12 tests\n2 of 12 tests failed');

    r = await botv('history', 'shop-dev', '--env', 'production');
    assert.match(r.out, /promoted v1 from staging to production, gate overridden: known flaky test; validation passed, bot tests failed \(exit code 3 after [\d.]+ s\)\n {4}✓ validation: no errors or warnings \([\d.]+ s\)\n {4}✗ bot tests: exit code 3 after [\d.]+ s \([\d.]+ s\)\n {6}│ running 12 tests\n {6}│ 2 of 12 tests failed\n/);
    r = await botv('history', 'shop-dev', '--json');
    assert.equal(r.json[0].gates.runs.length, 2);

    r = await botv('rollback', 'shop-dev', 'production', '--to', '1');
    assert.equal(r.code, 2, 'production holds v1 already');
    assert.equal((await botv('env', 'shop-dev')).out.includes('gated: validation, bot tests'), true);
  });

  it('skips the gates with a reason the history shows', async () => {
    const { botv } = workspace([{ name: 'never', run: 'exit 1' }]);
    await botv('save', 'shop-dev');
    await botv('env', 'set', 'shop-dev', 'staging', '1');
    const r = await botv('promote', 'shop-dev', 'production', '--skip-gates', '--reason', 'CI is down; approved by Sam');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /gates skipped: CI is down; approved by Sam/);
    assert.equal(r.err, '', 'no gate ran');
    assert.match((await botv('history', 'shop-dev')).out, /promoted v1 from staging to production; gates skipped: CI is down; approved by Sam/);
  });

  it('schedules a promotion, lists it, and carries it out once the clock passes its time', async () => {
    const { root, botv, clock } = workspace([]);
    await botv('save', 'shop-dev');
    put(root, 'shop-dev/counter.txt', '2');
    await botv('save', 'shop-dev');
    await botv('env', 'set', 'shop-dev', 'staging', '1');

    let r = await botv('promote', 'shop-dev', 'production', '--at', '2025-07-01T06:00:00Z', '--note', 'release train 27');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Scheduled the promotion of shop-dev v1 from staging to production for 2025-07-01T06:00:00\.000Z \(schedule [0-9a-f]{8}\)\.\n/);
    r = await botv('promote', 'shop-dev', 'production', '--at', 'tomorrow');
    assert.equal(r.code, 2);
    assert.match(r.err, /ISO 8601/);
    r = await botv('promote', 'shop-dev', 'production', '--at', '2025-07-01T06:00:00Z', '--override', 'x');
    assert.equal(r.code, 2);

    r = await botv('schedule', 'list', '--json');
    assert.equal(r.json.length, 1);
    const id = r.json[0].shortId as string;
    assert.match((await botv('schedule', 'list')).out, new RegExp(`^${id}\\s+shop-dev\\s+v1 staging → production\\s+due 2025-07-01T06:00:00\\.000Z\\s+by Cli Tester\\s+release train 27$`, 'm'));
    assert.match((await botv('env', 'shop-dev')).out, /scheduled: v1 at 2025-07-01T06:00:00\.000Z/);

    r = await botv('schedule', 'run');
    assert.equal(r.code, 0);
    assert.match(r.out, /^Nothing is due \(2025-06-30T12:00:00\.\d{3}Z\)\.$/m);

    clock.set(Date.parse('2025-07-01T06:01:00Z'));
    r = await botv('schedule', 'run', '--dry-run');
    assert.match(r.out, /^promoted shop-dev v1 staging → production .* — dry run, nothing ran$/m);
    assert.equal((await botv('env', 'shop-dev', '--json')).json.find((e: { name: string }) => e.name === 'production').version, null);
    r = await botv('schedule', 'run', '--json');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.json.outcomes.map((o: { outcome: string }) => o.outcome), ['promoted']);
    assert.equal(r.json.outcomes[0].change.event.schedule, r.json.outcomes[0].schedule.id);
    assert.equal((await botv('env', 'shop-dev', '--json')).json.find((e: { name: string }) => e.name === 'production').label, 'v1');
    assert.match((await botv('history', 'shop-dev')).out, /promoted v1 from staging to production as scheduled by Cli Tester for 2025-07-01T06:00:00\.000Z/);
    assert.match((await botv('schedule', 'list', '--all')).out, new RegExp(`^${id}\\s+shop-dev\\s+v1 staging → production\\s+done `, 'm'));
  });

  it('refuses a due schedule whose source moved (exit 1), and cancels another', async () => {
    const { root, botv, clock } = workspace([]);
    await botv('save', 'shop-dev');
    put(root, 'shop-dev/counter.txt', '2');
    await botv('save', 'shop-dev');
    await botv('env', 'set', 'shop-dev', 'staging', '1');
    await botv('promote', 'shop-dev', 'production', '--at', '2025-07-01T06:00:00Z');
    const second = (await botv('promote', 'shop-dev', 'production', '--at', '2025-07-02T06:00:00Z', '--json')).json.schedule;
    await botv('env', 'set', 'shop-dev', 'staging', '2');
    let r = await botv('schedule', 'cancel', 'shop-dev', second.shortId, '--reason', 'not this week');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Cancelled the promotion of shop-dev v1 from staging to production scheduled for 2025-07-02T06:00:00\.000Z/);
    assert.equal((await botv('schedule', 'cancel', 'shop-dev', second.shortId)).code, 2);

    clock.set(Date.parse('2025-07-03T00:00:00Z'));
    r = await botv('schedule', 'run');
    assert.equal(r.code, 1);
    assert.match(r.out, /^refused shop-dev v1 staging → production \(scheduled for 2025-07-01T06:00:00\.000Z, [0-9a-f]{8}\): staging holds v2 now, not v1 that the promotion to production was scheduled for/m);
    assert.equal((await botv('schedule', 'run')).code, 0, 'each schedule ends once');
  });

  it('marks stale versions in botv versions', async () => {
    const { root, botv, clock } = workspace([]);
    await botv('save', 'shop-dev', '--name', 'old');
    put(root, 'shop-dev/counter.txt', '2');
    await botv('save', 'shop-dev', '--name', 'new');
    await botv('env', 'set', 'shop-dev', 'production', '2');
    clock.set(T0 + 200 * 86_400_000);
    const r = await botv('versions', 'shop-dev');
    assert.match(r.out, /^ {2}v1\s+[0-9a-f]{8}\s+old\s+Cli Tester\s+\S+\s+saved\s+stale$/m);
    assert.match(r.out, /^ {2}v2\s+[0-9a-f]{8}\s+new\s+.*\[production\]$/m);
    assert.match(r.out, /stale: no environment has held it and no one has pinned it for 180 days; retention removes these first/);
    const json = (await botv('versions', 'shop-dev', '--json')).json;
    assert.deepEqual(json.map((v: { label: string; stale: boolean }) => [v.label, v.stale]), [['v2', false], ['v1', true]]);
  });
});
