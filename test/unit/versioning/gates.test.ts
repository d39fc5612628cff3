/**
 * Gates: the checks of `gates.before` a version passes to enter an environment — the
 * built-in validation, the bot's own tests, and commands run in a temporary folder holding
 * exactly the version's files for that environment. A command that fails, hangs past its
 * timeout, cannot start or prints 10 MB; a refusal then an override; skipping on purpose;
 * what is recorded; two changes of one bot; the store's lock left free while gates run.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateValidator } from '../../../server/src/formats/gate';
import { gatesFor } from '../../../server/src/versioning/store/gateConfig';
import { normalizeConfig } from '../../../server/src/versioning/store/config';
import { isBotvError, type GateProgress, type Workspace } from '../../../server/src/versioning/index';
import { copyFixture, get, open, put, REPO, tempDir } from './support/workspace';

/** Small programs the gates run, in a folder of their own (never the workspace). */
const SCRIPTS: Record<string, string> = {
  'fail.js': `console.log('running 12 tests'); console.log('test greet: ok'); console.error('test order: expected utter_confirm, got utter_default'); console.error('2 of 12 tests failed'); process.exit(3);`,
  'hang.js': `require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'inherit' }); console.log('started, and never ends'); setInterval(() => {}, 1000);`,
  'loud.js': `const chunk = 'x'.repeat(1023) + '\\n'; for (let i = 0; i < 10 * 1024; i++) process.stdout.write(chunk); console.log('the last line');`,
  'show.js': `const fs = require('fs'); const path = require('path');
const walk = (d, p = '') => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name), p + e.name + '/') : [p + e.name]);
console.log('cwd ' + process.cwd());
console.log('files ' + walk('.').sort().join(','));
console.log('counter ' + fs.readFileSync('counter.txt', 'utf8'));
console.log('lookup ' + /url: (.*)/.exec(fs.readFileSync('bot.yaml', 'utf8'))[1]);
console.log('key ' + fs.readFileSync('secrets/keys.yaml', 'utf8').trim());
console.log('secret ' + process.env.BOTV_TEST_SECRET);
console.log('hidden ' + (process.env.BOTV_TEST_HIDDEN ?? 'absent'));
console.log('bot ' + process.env.BOTV_BOT + ' ' + process.env.BOTV_ENVIRONMENT + ' ' + process.env.BOTV_VERSION);`,
  'wait.js': `const fs = require('fs'); const flag = process.argv[2]; const t = setInterval(() => { if (fs.existsSync(flag)) { clearInterval(t); console.log('released'); } }, 10);`,
  'touch.js': `require('fs').writeFileSync(process.argv[2], 'ran');`,
};

let scripts: string;
const node = (script: string, ...args: string[]) => [process.execPath, join(scripts, script), ...args].map((a) => JSON.stringify(a)).join(' ');

before(() => {
  scripts = tempDir('botv-gate-scripts-');
  for (const [name, text] of Object.entries(SCRIPTS)) writeFileSync(join(scripts, name), text);
});

/** shop-dev saved as v1 and held by staging; production passes `before` (no validation unless listed). */
async function shop(before: unknown[], options: Parameters<typeof open>[1] = {}, extra: Record<string, unknown> = {}): Promise<{ root: string; ws: Workspace }> {
  const root = copyFixture();
  put(root, '.botversions/config.json', JSON.stringify({ pipeline: ['development', 'staging', 'production'], protected: ['shop-prod'], gates: { validateBefore: [], before: { production: before } }, ...extra }, null, 2));
  put(root, 'shop-dev/counter.txt', 'saved');
  const ws = await open(root, { validate: gateValidator, ...options });
  await ws.save('shop-dev');
  await ws.setEnvironment('shop-dev', 'staging', '1');
  return { root, ws };
}

const production = async (ws: Workspace) => (await ws.environments('shop-dev')).find((e) => e.name === 'production')!;

describe('gates', function () {
  this.timeout(60_000);

  describe('configuration', () => {
    const config = (gates: unknown) => normalizeConfig({ gates }, 'config.json');

    it('reads checks per environment: validation, tests and commands, with names, timeouts and scopes', () => {
      const c = config({
        before: {
          staging: ['tests'],
          production: ['validation', { check: 'tests', failOn: 'error', name: 'rasa tests', formats: ['rasa'] }, { run: 'rasa test --fail-on-prediction-errors', timeout: 600, env: ['RASA_PRO_LICENSE'], formats: ['rasa'] }, { name: 'smoke', run: './smoke.sh', bots: ['shop-dev'] }],
        },
      });
      assert.deepEqual(
        c.gates.before.production!.map((g) => [g.kind, g.name]),
        [['validation', 'validation'], ['tests', 'rasa tests'], ['command', 'rasa test --fail-on-prediction-errors'], ['command', 'smoke']],
      );
      const cmd = c.gates.before.production![2]!;
      assert.ok(cmd.kind === 'command' && cmd.timeoutSeconds === 600 && cmd.env[0] === 'RASA_PRO_LICENSE');
      const smoke = c.gates.before.production![3]!;
      assert.ok(smoke.kind === 'command' && smoke.timeoutSeconds === 600, 'ten minutes unless told');
      assert.deepEqual(c.gates.before.staging, [{ kind: 'tests', name: 'tests', failOn: 'warning', bots: null, formats: null }]);
      // validateBefore's validation comes first, once; scopes pick the bots.
      assert.deepEqual(gatesFor(c, 'production', { id: 'shop-dev', format: 'native' }).map((g) => g.name), ['validation', 'smoke']);
      assert.deepEqual(gatesFor(c, 'production', { id: 'support', format: 'rasa' }).map((g) => g.name), ['validation', 'rasa tests', 'rasa test --fail-on-prediction-errors']);
      assert.deepEqual(gatesFor(c, 'staging', { id: 'x', format: 'native' }).map((g) => g.name), ['tests']);
      assert.deepEqual(gatesFor(config({ before: { production: ['tests'] } }), 'production', { id: 'x' }).map((g) => g.name), ['validation', 'tests']);
    });

    it('names the bad entry and says what to do', () => {
      for (const [before, what] of [
        [{ qa: ['tests'] }, '"gates.before.qa" names an environment that is not in the pipeline'],
        [{ production: 'tests' }, 'must be a list of checks'],
        [{ production: ['lint'] }, '"gates.before.production[0]" is "lint"'],
        [{ production: [{ run: '' }] }, '.run" must be the command line'],
        [{ production: [{ run: 'a\nb' }] }, 'must be one line'],
        [{ production: [{ run: 'x', timeout: 0 }] }, '.timeout" must be a number of seconds'],
        [{ production: [{ run: 'x', timeout: '10' }] }, '.timeout" must be a number of seconds'],
        [{ production: [{ run: 'x', env: ['A B'] }] }, '.env" must be a list of environment variable names'],
        [{ production: [{ run: 'x', shell: 'bash' }] }, 'unknown setting "shell"'],
        [{ production: [{ check: 'tests', failOn: 'info' }] }, '.failOn" must be "error"'],
        [{ production: [{ check: 'lint' }] }, 'must have "run" (a command) or "check"'],
        [{ production: ['tests', 'tests'] }, 'two checks named "tests"'],
        [{ production: [{ run: 'x', bots: ['Not An Id'] }] }, '.bots" must be a non-empty list of bot ids'],
      ] as const) {
        assert.throws(
          () => config({ before }),
          (e) => isBotvError(e, 'BAD_CONFIG') && e.message.includes(what) && e.message.includes('Fix the file'),
          `${JSON.stringify(before)}: ${what}`,
        );
      }
    });
  });

  it('refuses a version whose command fails, saying which gate and showing its output; an override then lets it in and records both', async () => {
    const { ws } = await shop([{ name: 'bot tests', run: node('fail.js'), timeout: 30 }]);
    await assert.rejects(ws.promote('shop-dev', 'production'), (e) => {
      assert.ok(isBotvError(e, 'GATE_REFUSED'), String(e));
      assert.match(e.message, /^shop-dev v1 cannot enter production: the gate "bot tests" failed \(exit code 3 after [\d.]+ s\)\./);
      assert.match(e.message, /\$ .*fail\.js/);
      assert.match(e.message, /│ 2 of 12 tests failed/);
      assert.match(e.message, /--override "<reason>" runs the gates and records their failures, --skip-gates --reason "<reason>" runs none/);
      const runs = e.details!.gates as Array<{ name: string; verdict: string; exitCode: number }>;
      assert.deepEqual(runs.map((r) => [r.name, r.verdict, r.exitCode]), [['bot tests', 'failed', 3]]);
      return true;
    });
    assert.equal((await production(ws)).label, null, 'nothing was written');
    assert.equal((await ws.history('shop-dev', { env: 'production' })).length, 0);

    const c = await ws.promote('shop-dev', 'production', { override: { reason: 'flaky order test, fixed in v2' } });
    assert.equal(c.changed, true);
    assert.deepEqual(c.event.gate.override, { reason: 'flaky order test, fixed in v2' });
    const run = c.event.gates!.runs[0]!;
    assert.equal(run.verdict, 'failed');
    assert.equal(run.exitCode, 3);
    assert.equal(run.content, (await ws.resolveVersion('shop-dev', '1')).contentHash);
    assert.match(run.output!, /running 12 tests\ntest greet: ok\ntest order: expected utter_confirm, got utter_default\n2 of 12 tests failed$/);
    assert.ok(run.durationMs >= 0 && run.outputBytes! > 0);
    const h = (await ws.history('shop-dev', { env: 'production' }))[0]!;
    assert.match(h.summary, /^promoted v1 from staging to production, gate overridden: flaky order test, fixed in v2; bot tests failed \(exit code 3 after/);
    assert.deepEqual(h.gates, c.event.gates);
    // Read back from the store as it was written.
    const events = await ws.environmentHistory('shop-dev', 'production');
    assert.deepEqual(events[0]!.gates, c.event.gates);
    assert.ok((await ws.verify()).ok);
  });

  it('passes a command that exits 0, and records what ran', async () => {
    const flag = join(tempDir(), 'flag');
    writeFileSync(flag, '');
    const { ws } = await shop(['validation', { name: 'smoke', run: node('wait.js', flag) }]);
    const seen: string[] = [];
    const c = await ws.promote('shop-dev', 'production', { progress: (p) => seen.push(p.kind === 'output' ? `output ${p.line}` : `${p.kind} ${p.kind === 'start' ? p.gate.name : p.run.name}`) });
    assert.deepEqual(c.event.gates!.runs.map((r) => [r.name, r.kind, r.verdict]), [['validation', 'validation', 'passed'], ['smoke', 'command', 'passed']]);
    assert.equal(c.event.gate.checked, true);
    assert.equal(c.event.gates!.runs[1]!.output, 'released');
    assert.deepEqual(seen.filter((s) => !s.startsWith('output')), ['start validation', 'end validation', 'start smoke', 'end smoke']);
  });

  it('kills a command that hangs past its timeout, with what it started, and fails it', async () => {
    const { ws } = await shop([{ name: 'hangs', run: node('hang.js'), timeout: 0.5 }]);
    const started = Date.now();
    const c = await ws.promote('shop-dev', 'production', { override: { reason: 'checking the timeout' } });
    const run = c.event.gates!.runs[0]!;
    assert.equal(run.verdict, 'failed');
    assert.equal(run.timedOut, true);
    assert.match(run.summary, /^timed out after 0\.5 s: killed$/);
    assert.match(run.output!, /started, and never ends/);
    // The child it left holding its output was killed too, or the gate would still wait.
    assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
  });

  it('keeps 64 KiB of a command that prints 10 MB, and records its last lines', async () => {
    const { ws } = await shop([{ name: 'loud', run: node('loud.js') }]);
    const c = await ws.promote('shop-dev', 'production');
    const run = c.event.gates!.runs[0]!;
    assert.equal(run.verdict, 'passed');
    assert.equal(run.outputBytes, 10 * 1024 * 1024 + 'the last line\n'.length);
    assert.ok(run.output!.length <= 4000, `${run.output!.length} characters recorded`);
    assert.ok(run.output!.split('\n').length <= 40);
    assert.ok(run.output!.endsWith('\nthe last line'));
  });

  it('says why a command cannot run', async () => {
    const { ws } = await shop([{ name: 'missing', run: 'botv-no-such-program-here --check' }]);
    await assert.rejects(ws.promote('shop-dev', 'production'), (e) => {
      assert.ok(isBotvError(e, 'GATE_REFUSED'));
      assert.match(e.message, /the gate "missing" failed \(exit code 127: the shell could not find the command \(is it installed, and on the PATH botv runs with\?\)\)/);
      return true;
    });
  });

  it("runs in a temporary folder of exactly the version's files for the environment, with a small environment of its own", async () => {
    const { root, ws } = await shop(
      [{ name: 'show', run: node('show.js'), env: ['BOTV_TEST_SECRET'] }],
      {},
      { values: { 'shop-dev': { production: { 'secrets/keys.yaml': { apiKey: 'vault://shop-dev/production-key' } } } } },
    );
    // The working copy moves on after v1; the gate must see v1.
    put(root, 'shop-dev/counter.txt', 'unsaved');
    put(root, 'shop-dev/extra.txt', 'not in v1');
    process.env.BOTV_TEST_SECRET = 'hunter2-secret-value';
    process.env.BOTV_TEST_HIDDEN = 'should not be seen';
    try {
      const c = await ws.promote('shop-dev', 'production');
      const out = c.event.gates!.runs[0]!.output!;
      const line = (k: string) => out.split('\n').find((l) => l.startsWith(`${k} `))!.slice(k.length + 1);
      assert.ok(!line('cwd').startsWith(root), `ran in ${line('cwd')}`);
      assert.match(line('cwd'), /[\\/]shop-dev$/);
      assert.equal(line('files'), 'bot.yaml,counter.txt,flows/main.yaml,intents/greet.yaml,secrets/keys.yaml');
      assert.equal(line('counter'), 'saved');
      assert.equal(line('lookup'), '"https://api.shop.example.com/lookup"', "the native format's variables for production");
      assert.equal(line('key'), 'apiKey: "vault://shop-dev/production-key"', "config.json's values for production");
      assert.equal(line('secret'), '***', 'a value the gate was given is never recorded');
      assert.equal(line('hidden'), 'absent', 'nothing else of botv’s environment reaches the gate');
      assert.equal(line('bot'), 'shop-dev production v1');
      assert.ok(!JSON.stringify(readdirSync(join(root, '.botversions', 'bots', 'shop-dev', 'environments')).map((f) => readFileSync(join(root, '.botversions', 'bots', 'shop-dev', 'environments', f), 'utf8'))).includes('hunter2'));
      assert.ok(!existsSync(line('cwd')), 'the folder is removed afterwards');
      assert.equal(get(root, 'shop-dev/counter.txt'), 'unsaved', 'the working copy is untouched');
    } finally {
      delete process.env.BOTV_TEST_SECRET;
      delete process.env.BOTV_TEST_HIDDEN;
    }
  });

  it('skips the gates on purpose with a reason, which is recorded; a skip without a reason is refused', async () => {
    const marker = join(tempDir(), 'ran');
    const { ws } = await shop([{ name: 'touch', run: node('touch.js', marker) }]);
    await assert.rejects(ws.promote('shop-dev', 'production', { skipGates: { reason: ' ' } }), (e) => isBotvError(e, 'BAD_ARGUMENT') && /needs a reason/.test(e.message));
    const c = await ws.promote('shop-dev', 'production', { skipGates: { reason: 'CI is down; hotfix approved by Sam' } });
    assert.deepEqual(c.event.gates, { runs: [], skipped: { reason: 'CI is down; hotfix approved by Sam' } });
    assert.equal(existsSync(marker), false, 'no gate ran');
    assert.match((await ws.history('shop-dev', { env: 'production' }))[0]!.summary, /; gates skipped: CI is down; hotfix approved by Sam$/);
  });

  it('asks before running a command, and runs nothing when it is not approved', async () => {
    const marker = join(tempDir(), 'ran');
    const { ws } = await shop(['validation', { name: 'touch', run: node('touch.js', marker) }]);
    const asked: string[] = [];
    await assert.rejects(
      ws.promote('shop-dev', 'production', { approve: (g) => (asked.push(g.command!), false) }),
      (e) => isBotvError(e, 'NOT_APPROVED') && /"touch" of production runs the command `.*touch\.js.*`, which was not approved, so no gate ran/.test(e.message),
    );
    assert.deepEqual(asked, [node('touch.js', marker)]);
    assert.equal(existsSync(marker), false);
    await ws.promote('shop-dev', 'production', { approve: () => true });
    assert.equal(existsSync(marker), true);
  });

  it('cancels: the command is killed and nothing is written', async () => {
    const { ws } = await shop([{ name: 'waits', run: node('wait.js', join(tempDir(), 'never')) }]);
    const ctl = new AbortController();
    const started = Date.now();
    await assert.rejects(
      ws.promote('shop-dev', 'production', { signal: ctl.signal, progress: (p) => p.kind === 'output' || ctl.abort() }),
      (e) => isBotvError(e, 'CANCELLED') && /cancelled while its gates ran; nothing was written/.test(e.message),
    );
    assert.ok(Date.now() - started < 15_000);
    assert.equal((await production(ws)).label, null);
  });

  it("leaves the store's lock free while gates run, serialises two changes of one bot, and refuses when the source moved meanwhile", async () => {
    const flag = join(tempDir(), 'flag');
    const { root, ws } = await shop([{ name: 'waits', run: node('wait.js', flag) }], { lockTimeoutMs: 300 });
    put(root, 'shop-dev/counter.txt', 'second');
    await ws.save('shop-dev');
    const other = await open(root, { validate: gateValidator, lockTimeoutMs: 300 });
    let gateStarted!: () => void;
    const started = new Promise<void>((r) => (gateStarted = r));
    const first = ws.promote('shop-dev', 'production', { progress: (p: GateProgress) => p.kind === 'start' && gateStarted() });
    await started;
    // The store is not locked: another writer saves, and moves staging (no gates there).
    put(root, 'shop-dev/counter.txt', 'third');
    assert.equal((await other.save('shop-dev')).version.label, 'v3');
    // A second change of the bot that runs gates waits for the first's, then gives up.
    await assert.rejects(other.promote('shop-dev', 'production'), (e) => isBotvError(e, 'LOCKED') && /Another change of shop-dev is running its gates/.test(e.message));
    await other.setEnvironment('shop-dev', 'staging', '2');
    writeFileSync(flag, 'go');
    await assert.rejects(first, (e) => {
      assert.ok(isBotvError(e, 'CHANGED_DURING_OPERATION'), String(e));
      assert.match(e.message, /While the gates of production checked v1, staging came to hold v2 instead; nothing was written\. Promote again to check v2\./);
      return true;
    });
    assert.equal((await production(ws)).label, null);
    // Again, now that nothing moves: v2 goes in.
    const c = await ws.promote('shop-dev', 'production');
    assert.equal(c.event.version.label, 'v2');
    assert.equal(c.event.gates!.runs[0]!.content, (await ws.resolveVersion('shop-dev', '2')).contentHash);
  });

  it('previews every gate: built-in ones with their verdict, commands without running them', async () => {
    const marker = join(tempDir(), 'ran');
    const { ws } = await shop(['validation', 'tests', { name: 'touch', run: node('touch.js', marker), timeout: 30 }]);
    const p = await ws.previewPromotion('shop-dev', 'production');
    assert.deepEqual(
      p.gates.map((g) => [g.name, g.kind, g.command ?? null, g.run?.verdict ?? null]),
      [['validation', 'validation', null, 'passed'], ['tests', 'tests', null, 'passed'], ['touch', 'command', node('touch.js', marker), null]],
    );
    assert.match(p.gates[1]!.run!.summary, /no test files/);
    assert.equal(existsSync(marker), false);
    const env = await production(ws);
    assert.equal(env.gated, true);
    assert.deepEqual(env.gates.map((g) => g.name), ['validation', 'tests', 'touch']);
  });
});

describe('gates: the bot’s own tests', function () {
  this.timeout(60_000);
  const BROKEN = join(REPO, 'test', 'fixtures', 'rasa', 'broken', 'test-unknown-intent');

  async function rasa(check: unknown, fixture = BROKEN) {
    const root = tempDir('botv-rasa-gates-');
    cpSync(fixture, join(root, 'parcels'), { recursive: true });
    put(root, '.botversions/config.json', JSON.stringify({ gates: { validateBefore: [], before: { production: [check] } } }));
    const ws = await open(root, { validate: gateValidator });
    const bot = (await ws.bots()).bots[0]!.id;
    await ws.save(bot);
    await ws.setEnvironment(bot, 'staging', '1');
    return { ws, bot };
  }

  it('refuses a test story that names an intent the domain lacks, at its place', async () => {
    const { ws, bot } = await rasa('tests');
    await assert.rejects(ws.promote(bot, 'production'), (e) => {
      assert.ok(isBotvError(e, 'GATE_REFUSED'));
      assert.match(e.message, /the gate "tests" failed \(1 warning\)/);
      assert.match(e.message, /│ tests\/test_stories\.yml:12:17: warning rasa\/unknown-intent: The intent 'ask_delivery_date'/);
      return true;
    });
  });

  it('counts only what is found in the test files, at the severity asked', async () => {
    const { ws, bot } = await rasa({ check: 'tests', failOn: 'error' });
    const c = await ws.promote(bot, 'production');
    const run = c.event.gates!.runs[0]!;
    assert.deepEqual([run.name, run.verdict, run.errors, run.warnings], ['tests', 'passed', 0, 1]);
    assert.match(run.output!, /^tests\/test_stories\.yml:12:17: warning rasa\/unknown-intent/);
  });

  it('checks a Lex test set, a Dialogflow CX test case and a PolyAI test the same way', async () => {
    const lex = await rasa('tests', join(REPO, 'test', 'fixtures', 'lex-v2', 'broken', 'test-set'));
    await assert.rejects(lex.ws.promote(lex.bot, 'production'), (e) => {
      assert.ok(isBotvError(e, 'GATE_REFUSED'));
      assert.match(e.message, /the gate "tests" failed \(3 errors, 3 warnings\)/);
      assert.match(e.message, /│ TestSets\/smoke-en_US\.csv:3:\d+: error lex-v2\/test-unknown-intent: The test expects the intent "TrackOrdr"/);
      return true;
    });
    const cx = await rasa('tests', join(REPO, 'test', 'fixtures', 'dialogflow-cx', 'broken', 'test-unknown-page'));
    await assert.rejects(cx.ws.promote(cx.bot, 'production'), (e) => {
      assert.ok(isBotvError(e, 'GATE_REFUSED'));
      assert.match(e.message, /the gate "tests" failed \(1 error\)/);
      assert.match(e.message, /│ testCases\/Order status\.json:22:\d+: error dialogflow-cx\/unknown-page: The test case expects the conversation on the page "Order Status"/);
      return true;
    });
    const poly = await rasa('tests', join(REPO, 'test', 'fixtures', 'polyai', 'broken', 'test-unknown-parameter'));
    await assert.rejects(poly.ws.promote(poly.bot, 'production'), (e) => {
      assert.ok(isBotvError(e, 'GATE_REFUSED'));
      assert.match(e.message, /the gate "tests" failed \(1 warning\)/);
      assert.match(e.message, /│ test_suite\/annuler_un_rendez_vous\.yaml:12:\d+: warning polyai\/test-unknown-parameter/);
      return true;
    });
  });
});
