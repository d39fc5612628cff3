// Runs the in-editor test suite (test/editor, bundled to out/test) inside a real VS Code's
// extension host: here the pinned code-server with its smoke-test driver, in headless
// Chromium; with --electron, a downloaded VS Code through @vscode/test-electron (needs
// the internet). The counts go to $BOTV_TEST_STATS for scripts/test.mjs; logs go to
// .artifacts/editor-tests/.
//
//   node scripts/vscode/editor-tests.mjs [--grep TEXT] [--electron] [--keep]
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './codeserver.mjs';
import { artifactsDir, root } from './paths.mjs';
import { run, secondsSince, writeStats } from './proc.mjs';
import { ensureSetup } from './setup.mjs';
import { tempSample } from './workspace.mjs';

const args = process.argv.slice(2);
const option = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const grep = option('--grep');
const keep = args.includes('--keep');
const timeoutMs = Number(process.env.BOTV_EDITOR_RUN_TIMEOUT_MS ?? 5 * 60_000);
const logDir = join(artifactsDir, 'editor-tests');
// Private to this run, so that two runs in one working tree never read each other's counts.
const resultsFile = join(mkdtempSync(join(tmpdir(), 'botv-editor-results-')), 'results.json');
const testsEntry = join(root, 'out', 'test', 'index.js');

async function build() {
  await run(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root });
  if (!existsSync(testsEntry)) throw new Error(`The build made no ${testsEntry}; is test/editor/index.ts there?`);
  // The bundle of a test file since deleted would still run: remove bundles without a source.
  const out = join(root, 'out', 'test');
  for (const f of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    const m = /^(.*\.test)\.js(\.map)?$/.exec(f);
    if (m && !existsSync(join(root, 'test', 'editor', `${m[1]}.ts`))) rmSync(join(out, f), { force: true });
  }
}

/** Under @vscode/test-electron (downloads VS Code, so it needs the internet). */
function runElectron() {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test', 'editor', 'runElectron.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BOTV_EDITOR_RESULTS: resultsFile, ...(grep ? { BOTV_EDITOR_GREP: grep } : {}) },
  });
  return r.status ?? 1;
}

/** Under code-server: the workbench loads the suite as extensionTestsPath and reports its exit code to the page. */
async function runCodeServer() {
  const workbenchLog = join(logDir, 'workbench.log');
  writeFileSync(workbenchLog, '');
  const workspace = tempSample('editor-tests');
  const started = Date.now();
  const server = await startCodeServer({
    extension: { none: true },
    smokeTestDriver: true,
    // The walkthrough would open over the tests' editors; a scenario checks it on its own.
    settings: { 'botVersions.walkthrough.openOnFirstRun': false },
    logFile: join(logDir, 'code-server.log'),
    keep,
    env: {
      BOTV_EDITOR_RESULTS: resultsFile,
      ...(grep ? { BOTV_EDITOR_GREP: grep } : {}),
    },
  });
  let context;
  try {
    context = await launchBrowser(server);
    const page = context.pages()[0] ?? (await context.newPage());
    let finish;
    const exited = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      appendFileSync(workbenchLog, `[${level}] ${message}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      // The workbench hands over its own log files as it exits: keep them with ours.
      for (const l of Array.isArray(logs) ? logs : []) {
        const file = join(logDir, 'logs', String(l.relativePath).replace(/\.\.+/g, '_'));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, l.contents ?? '');
      }
      finish(code);
    });
    page.on('pageerror', (e) => appendFileSync(workbenchLog, `[pageerror] ${e.message}\n`));
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(root)],
      ['extensionTestsPath', server.remoteUri(testsEntry)],
    ];
    await page.goto(server.folderUrl(workspace, payload));
    let timer;
    const code = await Promise.race([
      exited,
      new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
    ]);
    clearTimeout(timer);
    console.log(`editor tests: finished in ${secondsSince(started)}s (code-server ${server.url})`);
    return code;
  } finally {
    await context?.close().catch(() => {});
    server.saveLogs(join(logDir, 'vscode-logs'));
    await server.stop();
    if (!keep) rmSync(dirname(workspace), { recursive: true, force: true });
  }
}

async function main() {
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  await build();
  if (args.includes('--electron')) {
    const code = runElectron();
    // test-electron's host prints the transcript itself; counts come from the results file it wrote.
    return report(code);
  }
  await ensureSetup();
  const code = await runCodeServer();
  return report(code);
}

function report(code) {
  /** @type {{passed: number, failed: number, pending: number, transcript?: string} | null} */
  let results = null;
  if (existsSync(resultsFile)) results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  if (results?.transcript && !args.includes('--electron')) console.log(results.transcript);
  if (code === 'timeout') {
    console.error(`editor tests: no result within ${timeoutMs / 1000}s. Logs: ${logDir}`);
  } else if (!results) {
    console.error(`editor tests: the suite reported nothing (exit code ${code}): did the extension host start? Logs: ${logDir}`);
  }
  const stats = results ?? { passed: 0, failed: 1, pending: 0 };
  const ok = code === 0 && stats.failed === 0 && results !== null;
  writeStats({ ...stats, failed: ok ? stats.failed : Math.max(1, stats.failed) });
  if (results) writeFileSync(join(logDir, 'results.json'), JSON.stringify(results, null, 2));
  rmSync(dirname(resultsFile), { recursive: true, force: true });
  if (!ok) console.error(`editor tests: FAILED. Logs: ${logDir} (the extension's output: vscode-logs/*/exthost1/)`);
  return ok ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`editor tests: ${e instanceof Error ? e.stack : e}`);
  writeStats({ passed: 0, failed: 1, pending: 0 });
  rmSync(dirname(resultsFile), { recursive: true, force: true });
  process.exitCode = 1;
}
