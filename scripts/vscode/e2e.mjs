// Runs the browser scenarios (test/e2e/*.scenario.mjs) in the real workbench: packages the
// extension, installs that very .vsix into a fresh code-server per scenario, opens a fresh
// copy of samples/pizza-shop in headless Chromium, runs the scenario, and ends it with a
// screenshot in .artifacts/screenshots/<scenario>.png (<scenario>-light.png in the light
// theme). Counts go to $BOTV_TEST_STATS; logs to .artifacts/e2e/<scenario>/.
//
//   node scripts/vscode/e2e.mjs [NAME…] [--grep TEXT] [--theme dark|light|both]
//                               [--vsix FILE | --no-package] [--trace] [--headed] [--keep]
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadScenarios, scenarioContext } from '../../test/e2e/framework.mjs';
import { launchBrowser, openWorkbench, screenshot } from './browser.mjs';
import { startCodeServer } from './codeserver.mjs';
import { artifactsDir, root, vsixPath } from './paths.mjs';
import { run, secondsSince, writeStats } from './proc.mjs';
import { ensureSetup } from './setup.mjs';
import { tempEmpty, tempSample } from './workspace.mjs';

const args = process.argv.slice(2);
const valued = new Set(['--grep', '--theme', '--vsix']);
const option = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const names = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
const grep = option('--grep');
const themeArg = option('--theme') ?? process.env.BOTV_E2E_THEME ?? 'dark';
const themes = themeArg === 'both' ? ['dark', 'light'] : [themeArg];
const trace = args.includes('--trace');
const keep = args.includes('--keep');
const headed = args.includes('--headed');

async function packageExtension() {
  const given = option('--vsix');
  if (given) return given;
  if (!args.includes('--no-package')) {
    const started = Date.now();
    console.log('e2e: packaging the extension (npm run package)…');
    await run('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`e2e: packaged ${vsixPath} in ${secondsSince(started)}s`);
  }
  if (!existsSync(vsixPath)) throw new Error(`No ${vsixPath}: run \`npm run package\` first, or drop --no-package.`);
  return vsixPath;
}

/** Runs one scenario in one theme against a code-server of its own; resolves to an error or null. */
async function runScenario(scenario, theme, vsix) {
  const shotName = theme === 'dark' ? scenario.name : `${scenario.name}-${theme}`;
  const logDir = join(artifactsDir, 'e2e', shotName);
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const pageLog = join(logDir, 'page.log');
  writeFileSync(pageLog, '');
  const log = (line) => console.log(line);
  const workspace = scenario.emptyWorkspace ? tempEmpty(scenario.name) : tempSample(scenario.name, scenario.sample);
  let server;
  let context;
  let page;
  try {
    server = await startCodeServer({
      extension: { vsix },
      theme,
      logFile: join(logDir, 'code-server.log'),
      keep,
      workspaceTrust: scenario.workspaceTrust,
      // The walkthrough opens on a first run; only the scenario about it wants that.
      settings: { 'botVersions.walkthrough.openOnFirstRun': scenario.walkthrough },
    });
    context = await launchBrowser(server, { colorScheme: theme, headless: !headed });
    if (trace) await context.tracing.start({ screenshots: true, snapshots: true });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') appendFileSync(pageLog, `[${m.type()}] ${m.text()}\n`);
    });
    page.on('pageerror', (e) => appendFileSync(pageLog, `[pageerror] ${e.message}\n`));
    const t = scenarioContext({ scenario, shotName, page, workspace, server, theme, log });
    let timer;
    await Promise.race([
      (async () => {
        const opening = Date.now();
        await openWorkbench(context, server, workspace, { page });
        log(`    · workbench up (${secondsSince(opening)}s)`);
        await scenario.run(t);
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${scenario.timeout / 1000}s`)), scenario.timeout);
      }),
    ]).finally(() => clearTimeout(timer));
    return null;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  } finally {
    if (page) {
      const shot = await screenshot(page, shotName).catch((e) => `(no screenshot: ${e.message})`);
      log(`    screenshot: ${shot}`);
    }
    if (trace && context) await context.tracing.stop({ path: join(logDir, 'trace.zip') }).catch(() => {});
    await context?.close().catch(() => {});
    server?.saveLogs(join(logDir, 'vscode-logs'));
    await server?.stop();
    if (!keep) rmSync(dirname(workspace), { recursive: true, force: true });
  }
}

async function main() {
  for (const th of themes) {
    if (th !== 'dark' && th !== 'light') throw new Error(`--theme ${th}: use dark, light or both.`);
  }
  let scenarios = await loadScenarios(join(root, 'test', 'e2e'));
  if (names.length) scenarios = scenarios.filter((s) => names.includes(s.name));
  if (grep) scenarios = scenarios.filter((s) => s.name.includes(grep));
  if (scenarios.length === 0) throw new Error('No scenario matches: check the names (the `name` each scenario file exports).');
  await ensureSetup();
  const vsix = await packageExtension();

  let passed = 0;
  let failed = 0;
  const started = Date.now();
  for (const scenario of scenarios) {
    for (const theme of themes) {
      const t0 = Date.now();
      const label = themes.length > 1 || theme !== 'dark' ? `${scenario.name} (${theme})` : scenario.name;
      console.log(`  ${label}`);
      const error = await runScenario(scenario, theme, vsix);
      if (error) {
        failed++;
        console.log(`  ✖ ${label} (${secondsSince(t0)}s)\n    ${error.stack ?? error.message}`);
        console.log(`    logs: ${join(artifactsDir, 'e2e', theme === 'dark' ? scenario.name : `${scenario.name}-${theme}`)}`);
      } else {
        passed++;
        console.log(`  ✔ ${label} (${secondsSince(t0)}s)`);
      }
    }
  }
  console.log(`\n  ${passed} passing, ${failed} failing (${secondsSince(started)}s)`);
  writeStats({ passed, failed, pending: 0 });
  return failed === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`e2e: ${e instanceof Error ? e.message : e}`);
  writeStats({ passed: 0, failed: 1, pending: 0 });
  process.exitCode = 1;
}
