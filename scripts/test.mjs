// The project's whole test run: type-check, build, then every suite in turn. Each suite
// reports its counts through $BOTV_TEST_STATS; the run ends with one line
// `N passed, N failed` that CI reads. `--only name[,name]` runs some suites;
// `--skip name[,name]` leaves some out. `--soak` runs them with BOTV_SOAK=1: the
// reliability tests' large counts (npm run test:soak; see docs/reliability.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const listArg = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? args[i + 1].split(',') : null;
};
const only = listArg('--only');
const skip = listArg('--skip') ?? [];
const soak = args.includes('--soak');

/** A step counts as one test; a suite reports its own counts. */
const suites = [
  // What the suites need beyond npm ci (Debian's Chromium, Neovim and strace as root, Node 24
  // and code-server in tools/): installed here, so that `npm ci && npm test` works on a fresh machine.
  { name: 'setup', step: true, cmd: 'node', args: ['scripts/vscode/setup.mjs'] },
  { name: 'typecheck', step: true, cmd: 'npx', args: ['tsc', '-p', '.', '--noEmit'] },
  { name: 'typecheck-webview', step: true, cmd: 'npx', args: ['tsc', '-p', 'client/webview', '--noEmit'], when: 'client/webview/tsconfig.json' },
  { name: 'typecheck-scripts', step: true, cmd: 'npx', args: ['tsc', '-p', 'scripts/vscode'], when: 'scripts/vscode/tsconfig.json' },
  { name: 'build', step: true, cmd: 'node', args: ['scripts/build.mjs'] },
  { name: 'unit', cmd: 'npx', args: ['mocha'] },
  { name: 'editor', cmd: 'node', args: ['scripts/vscode/editor-tests.mjs'], when: 'scripts/vscode/editor-tests.mjs' },
  { name: 'e2e', cmd: 'node', args: ['scripts/vscode/e2e.mjs'], when: 'scripts/vscode/e2e.mjs' },
];

const statsDir = mkdtempSync(join(tmpdir(), 'botv-test-'));
let passed = 0;
let failed = 0;
const lines = [];
for (const s of suites) {
  if (only && !only.includes(s.name)) continue;
  if (skip.includes(s.name)) continue;
  if (s.when && !existsSync(join(root, s.when))) continue;
  const statsFile = join(statsDir, `${s.name}.json`);
  const started = Date.now();
  console.log(`\n=== ${s.name} ===`);
  const r = spawnSync(s.cmd, s.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BOTV_TEST_STATS: statsFile, ...(soak ? { BOTV_SOAK: '1' } : {}) },
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  let p = 0;
  let f = 0;
  if (s.step) {
    if (r.status === 0) p = 1;
    else f = 1;
  } else if (existsSync(statsFile)) {
    const st = JSON.parse(readFileSync(statsFile, 'utf8'));
    p = st.passed;
    f = st.failed;
    if (r.status !== 0 && f === 0) f = 1; // the runner failed outside any test
  } else {
    f = 1; // the suite died before it could report
  }
  passed += p;
  failed += f;
  lines.push(`${s.name.padEnd(18)} ${String(p).padStart(5)} passed ${String(f).padStart(4)} failed  ${secs}s`);
}
rmSync(statsDir, { recursive: true, force: true });
console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
