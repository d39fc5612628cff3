// Runs the README's run command (`npm ci && npm start`) as a newcomer would, in this
// working tree, far enough to see the workbench serve the sample: it waits for the address
// `npm start` prints, opens it in headless Chromium, waits for the Versions view to list the
// sample's bots, saves a screenshot (.artifacts/screenshots/npm-start.png), then stops
// `npm start` with Ctrl-C and checks that it exits cleanly. CI runs it on its fresh clone
// before the tests, so the first command a newcomer types is proved, not assumed.
//
//   node scripts/vscode/start-check.mjs [--command "npm ci && npm start"] [--timeout SECONDS]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedEnv } from './codeserver.mjs';
import { root } from './paths.mjs';
import { secondsSince } from './proc.mjs';
import { ensureDebianPackages } from './setup.mjs';

const args = process.argv.slice(2);
const option = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const command = option('--command') ?? 'npm ci && npm start';
const timeoutMs = Number(option('--timeout') ?? 900) * 1000;
const started = Date.now();
const say = (line) => console.log(`start-check: ${line} (${secondsSince(started)}s)`);

/** Starts the command in its own process group; resolves the workbench address it prints. */
function startCommand() {
  // Its own group, so that Ctrl-C (SIGINT to the group) reaches npm and node as a terminal would send it.
  const child = spawn('bash', ['-c', command], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const address = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`\`${command}\` printed no workbench address within ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      process.stdout.write(text);
      output += text;
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`\`${command}\` exited (${signal ?? `exit ${code}`}) before it printed a workbench address`));
    });
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { child, address, exited, output: () => output };
}

async function main() {
  say(`running \`${command}\``);
  const run = startCommand();
  /** @type {unknown} */
  let failure = null;
  try {
    const url = await run.address;
    say(`npm start printed ${url}`);
    for (const hint of ['pizza-dev', 'pizza-prod', 'Get started with Bot Versions', 'Ctrl-C stops it']) {
      if (!run.output().includes(hint)) throw new Error(`npm start's message does not mention "${hint}"`);
    }
    // Only now: before `npm ci` has run there is no playwright-core, and a user's own browser needs no Chromium.
    await ensureDebianPackages(['chromium']);
    const { launchBrowser, screenshot, selectors, waitForActivityBarEntry, waitForWorkbench } = await import('./browser.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'botv-start-check-'));
    const browser = await launchBrowser({ dir, env: isolatedEnv(dir) });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(url);
      await waitForWorkbench(page, { timeout: 60_000 });
      say('the workbench is up');
      const entry = await waitForActivityBarEntry(page, 'Bot Versions', { timeout: 60_000 });
      await entry.click();
      for (const bot of ['pizza-dev', 'pizza-prod']) {
        await page
          .locator('.monaco-list-row', { hasText: bot })
          .first()
          .waitFor({ state: 'visible', timeout: 60_000 });
      }
      await page.locator(selectors.statusBar).waitFor({ state: 'visible' });
      say(`the Versions view lists pizza-dev and pizza-prod; screenshot ${await screenshot(page, 'npm-start')}`);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  } catch (e) {
    failure = e;
  }
  // Ctrl-C, as the message says; npm start stops code-server and exits 0.
  // Never 0: process.kill(0) would signal this script's own group.
  const group = run.child.pid ? -run.child.pid : NaN;
  try {
    process.kill(group, 'SIGINT');
  } catch {
    // Already gone.
  }
  const how = await Promise.race([run.exited, new Promise((r) => setTimeout(() => r('timeout'), 30_000))]);
  if (how === 'timeout') {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // Already gone.
    }
    failure ??= new Error('npm start did not stop within 30 s of Ctrl-C');
  } else if (!failure && how !== 0 && how !== 'SIGINT') {
    failure = new Error(`npm start exited ${how} after Ctrl-C; expected 0`);
  }
  if (failure) throw failure;
  say('npm start stopped cleanly on Ctrl-C');
}

try {
  await main();
} catch (e) {
  console.error(`start-check: FAILED: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
