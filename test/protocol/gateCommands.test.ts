/**
 * Gate commands through the language server, as an editor drives them: the server runs a
 * command only when the request lists it among the commands the user approved, reports each
 * gate under the request's progress token, stops the gates when the request is cancelled,
 * refuses with the failed gate and what every gate found, refuses everything in an
 * untrusted workspace, and lists the gates and pending schedules of each environment.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { runCli } from '../../server/src/cli/program';
import type { EnvironmentInfo, ErrorData, GateProgressParams, GatesInfo, PromotePreview, ScheduleInfo } from '../../server/src/lsp/protocol';
import { TestClient } from '../support/lspClient';

const SHOP = join(__dirname, '..', 'fixtures', 'versioning', 'shop');

async function botv(root: string, ...args: string[]): Promise<number> {
  const io = { stdout: () => undefined, stderr: () => undefined, cwd: root, env: { BOTV_AUTHOR: 'Gate Test' }, isTTY: false };
  return runCli(args, io);
}

describe('gate commands through the language server', function () {
  this.timeout(60000);
  let dir: string;
  let root: string;
  let client: TestClient;
  let touch: string;
  let fail: string;
  let wait: string;
  const marker = () => join(dir, 'ran');

  const writeGates = (before: unknown[]) =>
    writeFileSync(join(root, '.botversions', 'config.json'), JSON.stringify({ protected: ['shop-prod'], gates: { validateBefore: [], before: { production: before } } }, null, 2));

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'botv-gatecmd-'));
    root = join(dir, 'shop');
    cpSync(SHOP, root, { recursive: true });
    writeFileSync(join(dir, 'touch.js'), `require('fs').writeFileSync(${JSON.stringify(join(dir, 'ran'))}, 'ran'); console.log('touched');`);
    writeFileSync(join(dir, 'fail.js'), "console.log('checking'); console.error('3 stories failed'); process.exit(1);");
    writeFileSync(join(dir, 'wait.js'), "console.log('waiting'); setInterval(() => {}, 1000);");
    const cmd = (f: string) => `${JSON.stringify(process.execPath)} ${JSON.stringify(join(dir, f))}`;
    touch = cmd('touch.js');
    fail = cmd('fail.js');
    wait = cmd('wait.js');
    assert.equal(await botv(root, 'save', 'shop-dev'), 0);
    assert.equal(await botv(root, 'env', 'set', 'shop-dev', 'staging', '1'), 0);
    writeGates([{ name: 'touch', run: touch }]);
    client = await TestClient.start({ root, env: { BOTV_AUTHOR: 'Gate Test' } });
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the gates an environment runs, and previews them without running a command', async () => {
    const envs = await client.request<{ environments: EnvironmentInfo[] }>('botVersions/environments', { bot: 'shop-dev' });
    const production = envs.environments.find((e) => e.name === 'production')!;
    assert.equal(production.gated, true);
    assert.deepEqual(production.gates, [{ name: 'touch', kind: 'command', command: touch, timeoutSeconds: 600 }]);
    const preview = await client.request<PromotePreview>('botVersions/previewPromote', { bot: 'shop-dev', environment: 'production' });
    assert.deepEqual(preview.gates, [{ name: 'touch', kind: 'command', command: touch, timeoutSeconds: 600 }]);
    assert.equal(existsSync(marker()), false);
  });

  it('runs no command the request does not list as approved', async () => {
    await assert.rejects(client.request('botVersions/promote', { bot: 'shop-dev', environment: 'production' }), (e: { data?: ErrorData; message: string }) => {
      assert.equal(e.data?.code, 'NOT_APPROVED');
      assert.equal(e.data?.command, touch);
      assert.match(e.message, /was not approved, so no gate ran and nothing was written/);
      return true;
    });
    await assert.rejects(client.request('botVersions/promote', { bot: 'shop-dev', environment: 'production', approvedCommands: ['something else'] }), (e: { data?: ErrorData }) => e.data?.code === 'NOT_APPROVED');
    assert.equal(existsSync(marker()), false);
  });

  it('runs an approved command, reporting each gate under the request’s token', async () => {
    const r = await client.request<EnvironmentInfo & { ran: GatesInfo | null }>('botVersions/promote', { bot: 'shop-dev', environment: 'production', approvedCommands: [touch], progressToken: 'promote-1' });
    assert.equal(r.version?.label, 'v1');
    assert.deepEqual(r.ran?.runs.map((x) => [x.name, x.verdict, x.output]), [['touch', 'passed', 'touched']]);
    assert.equal(existsSync(marker()), true);
    const progress = await client.until(() => {
      const mine = client.notifications.filter((n) => n.method === 'botVersions/gateProgress' && (n.params as GateProgressParams).token === 'promote-1').map((n) => n.params as GateProgressParams);
      return mine.some((p) => p.kind === 'end') && mine;
    }, 'gate progress');
    assert.deepEqual(progress.filter((p) => p.kind !== 'output').map((p) => [p.kind, p.gate, p.index, p.total]), [['start', 'touch', 0, 1], ['end', 'touch', 0, 1]]);
    assert.equal(progress[0]!.command, touch);
    const events = await client.request<Array<{ gates: GatesInfo | null; note: string }>>('botVersions/environmentHistory', { bot: 'shop-dev', environment: 'production' });
    assert.equal(events[0]!.gates?.runs[0]!.name, 'touch');
    assert.match(events[0]!.note, /touch passed/);
  });

  it('refuses with the gate that failed and what every gate found', async () => {
    writeGates(['validation', { name: 'stories', run: fail }]);
    writeFileSync(join(root, 'shop-dev', 'counter.txt'), '2');
    assert.equal(await botv(root, 'save', 'shop-dev'), 0);
    assert.equal(await botv(root, 'env', 'set', 'shop-dev', 'staging', '2'), 0);
    await assert.rejects(client.request('botVersions/promote', { bot: 'shop-dev', environment: 'production', approvedCommands: [fail] }), (e: { data?: ErrorData; message: string }) => {
      assert.equal(e.data?.code, 'GATE_REFUSED');
      assert.equal(e.data?.gate, 'stories');
      assert.deepEqual(e.data?.gates?.map((g) => [g.name, g.verdict]), [['validation', 'passed'], ['stories', 'failed']]);
      assert.equal(e.data?.gates?.[1]!.output, 'checking\n3 stories failed');
      assert.match(e.message, /the gate "stories" failed \(exit code 1/);
      return true;
    });
  });

  it('stops the gates when the request is cancelled, and writes nothing', async () => {
    writeGates([{ name: 'waits', run: wait }]);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('botVersions/promote', { bot: 'shop-dev', environment: 'production', approvedCommands: [wait], progressToken: 'promote-2' }, source.token);
    await client.until(() => client.notifications.some((n) => n.method === 'botVersions/gateProgress' && (n.params as GateProgressParams).token === 'promote-2'), 'the gate to start');
    source.cancel();
    await assert.rejects(pending, (e: { data?: ErrorData; code?: number }) => e.data?.code === 'CANCELLED' || e.code === -32800);
    const envs = await client.request<{ environments: EnvironmentInfo[] }>('botVersions/environments', { bot: 'shop-dev' });
    assert.equal(envs.environments.find((e) => e.name === 'production')!.version?.label, 'v1', 'still what it held');
  });

  it('lists pending schedules and cancels them', async () => {
    assert.equal(await botv(root, 'promote', 'shop-dev', 'production', '--at', '2999-01-01T00:00:00Z'), 0);
    const envs = await client.request<{ environments: EnvironmentInfo[] }>('botVersions/environments', { bot: 'shop-dev' });
    const [s] = envs.environments.find((e) => e.name === 'production')!.schedules;
    assert.deepEqual([s?.versionLabel, s?.from, s?.due, s?.isDue], ['v2', 'staging', '2999-01-01T00:00:00.000Z', false]);
    const cancelled = await client.request<ScheduleInfo>('botVersions/cancelSchedule', { bot: 'shop-dev', schedule: s!.id, reason: 'from the panel' });
    assert.equal(cancelled.id, s!.id);
    const after = await client.request<{ environments: EnvironmentInfo[] }>('botVersions/environments', { bot: 'shop-dev' });
    assert.deepEqual(after.environments.find((e) => e.name === 'production')!.schedules, []);
  });
});

describe('gate commands in an untrusted workspace', function () {
  this.timeout(60000);
  it('are never run: the promotion is refused before anything starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botv-gatecmd-untrusted-'));
    const root = join(dir, 'shop');
    cpSync(SHOP, root, { recursive: true });
    const ran = join(dir, 'ran');
    writeFileSync(join(dir, 'touch.js'), `require('fs').writeFileSync(${JSON.stringify(ran)}, 'ran');`);
    const touch = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(dir, 'touch.js'))}`;
    assert.equal(await botv(root, 'save', 'shop-dev'), 0);
    assert.equal(await botv(root, 'env', 'set', 'shop-dev', 'staging', '1'), 0);
    writeFileSync(join(root, '.botversions', 'config.json'), JSON.stringify({ gates: { validateBefore: [], before: { production: [{ run: touch }] } } }));
    const client = await TestClient.start({ root, trusted: false });
    try {
      await assert.rejects(client.request('botVersions/promote', { bot: 'shop-dev', environment: 'production', approvedCommands: [touch] }), (e: { data?: ErrorData }) => e.data?.code === 'UNTRUSTED');
      assert.equal(existsSync(ran), false);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
