// Installs what running the extension in a real VS Code needs on this kind of machine,
// where VS Code itself cannot be downloaded: Debian's Chromium (and the headers that
// code-server's native modules build against), Node 24 as a pinned npm package, and
// code-server pinned in its own folder (it needs Node 24, the project runs on Node 20).
// Idempotent: a stamp keyed by the lock files' hashes skips work already done.
//
//   node scripts/vscode/setup.mjs                install what the tests need and is missing
//   node scripts/vscode/setup.mjs --for start    only what `npm start` needs (no browser, Neovim, strace)
//   node scripts/vscode/setup.mjs --force        reinstall the tools
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { startCodeServer } from './codeserver.mjs';
import { artifactsDir, codeServerDir, codeServerEntry, node24Bin, node24Dir, root, toolsDir } from './paths.mjs';
import { isMain, run, secondsSince } from './proc.mjs';

/**
 * Debian packages, by what needs them: code-server's `kerberos` module builds against the
 * Kerberos headers (so `npm start` needs them too); the tests drive Chromium, use Neovim as
 * a second LSP client and strace to show the store's durability order.
 */
const debianPackagesFor = {
  start: ['libkrb5-dev'],
  test: ['chromium', 'libkrb5-dev', 'neovim', 'strace'],
};

const tools = [
  {
    name: 'node24',
    dir: join(toolsDir, 'node24'),
    ready: () => existsSync(node24Bin),
    env: () => ({}),
  },
  {
    name: 'code-server',
    dir: join(toolsDir, 'code-server'),
    // The native modules its postinstall builds from source: if npm skipped that script, these are missing.
    ready: () =>
      existsSync(codeServerEntry) &&
      [
        'kerberos/build/Release/kerberos.node',
        '@vscode/spdlog/build/Release/spdlog.node',
        '@vscode/sqlite3/build/Release/vscode-sqlite3.node',
        '@vscode/native-watchdog/build/Release/watchdog.node',
      ].every((m) => existsSync(join(codeServerDir, 'lib', 'vscode', 'node_modules', m))),
    // Its native modules are built from source against Node 24: put that node first on
    // PATH (npm's scripts and node-gyp run under it) and point node-gyp at its headers,
    // overriding any nodedir the machine's npm configuration sets for its own Node.
    env: () => ({
      PATH: join(node24Dir, 'bin') + delimiter + process.env.PATH,
      npm_config_nodedir: node24Dir,
    }),
  },
];

function missingDebianPackages(packages) {
  // Elsewhere than Debian the browser is found by chromiumPath() or $BOTV_CHROMIUM.
  if (!existsSync('/usr/bin/dpkg-query')) return [];
  return packages.filter((pkg) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

/** Installs those of `packages` that are missing, as root or with passwordless sudo; else says what to run. */
export async function ensureDebianPackages(packages) {
  const missing = missingDebianPackages(packages);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !isRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!isRoot && !sudo) {
    throw new Error(
      `setup: missing Debian packages ${missing.join(', ')}. Run as root (or with sudo): ` +
        `apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
  const apt = (args) =>
    sudo
      ? run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args])
      : run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  console.log(`setup: installing Debian packages ${missing.join(', ')}`);
  await apt(['update', '-q']);
  await apt(['install', '-y', '-q', ...missing]);
}

/**
 * The environment without what an outer npm (`npm start`, `npm test`) sets for its scripts.
 * Inherited, `npm_config_user_agent` tells code-server's postinstall it runs under the
 * outer npm's Node 20 and it stops ("code-server currently requires node v24"); the
 * other `npm_*` variables would likewise describe the outer project, not the tool's folder.
 * @param {NodeJS.ProcessEnv} env
 */
export function withoutNpmEnv(env) {
  /** @type {NodeJS.ProcessEnv} */
  const clean = {};
  for (const [k, v] of Object.entries(env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD') clean[k] = v;
  return clean;
}

/** What a tool's install depends on: its manifest, its lock file, the platform and the Node it builds for. */
function toolKey(tool) {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) h.update(readFileSync(join(tool.dir, f)));
  h.update(`${process.platform}-${process.arch}`);
  return h.digest('hex');
}

const stampFile = (tool) => join(tool.dir, 'node_modules', '.botv-setup-stamp');

function isInstalled(tool) {
  return tool.ready() && existsSync(stampFile(tool)) && readFileSync(stampFile(tool), 'utf8') === toolKey(tool);
}

async function installTool(tool) {
  const started = Date.now();
  console.log(`setup: npm ci in tools/${tool.name}`);
  // npm ci removes node_modules first, and the stamp with it: a failed install leaves no stamp.
  await run('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: tool.dir,
    env: { ...withoutNpmEnv(process.env), ...tool.env() },
  });
  if (!tool.ready()) {
    throw new Error(`setup: tools/${tool.name} installed but is incomplete; see npm's output above and run setup again with --force.`);
  }
  writeFileSync(stampFile(tool), toolKey(tool));
  console.log(`setup: tools/${tool.name} ready in ${secondsSince(started)}s`);
}

/** Checks that code-server really starts under Node 24 and serves; returns its version line. */
async function checkCodeServer() {
  const home = join(tmpdir(), `botv-setup-${process.pid}`);
  let version;
  try {
    const out = execFileSync(node24Bin, [codeServerEntry, '--version'], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share') },
    });
    version = out.trim().split('\n').pop();
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const server = await startCodeServer({ extension: { none: true } });
  await server.stop();
  return version;
}

/** One setup at a time in this working tree: a second caller waits for the first. */
async function withLock(fn) {
  mkdirSync(artifactsDir, { recursive: true });
  const lock = join(artifactsDir, '.setup-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // The owner has made the folder but not yet written its pid.
      }
      let alive = true;
      if (owner > 0) {
        try {
          process.kill(owner, 0);
        } catch {
          alive = false;
        }
      }
      if (!alive) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      console.log(`setup: waiting for another setup (pid ${owner || '?'}) to finish…`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** True when every tool is installed at the pinned versions (cheap: hashes two lock files). */
export function isSetUp() {
  return tools.every(isInstalled);
}

/**
 * Installs whatever is missing for `purpose` ('start': code-server and what it builds with;
 * 'test': also the browser, Neovim and strace); `force` reinstalls the tools. Safe to call
 * from any script.
 */
export async function ensureSetup({ force = false, purpose = 'test' } = {}) {
  const packages = debianPackagesFor[purpose];
  if (!packages) throw new Error(`setup: unknown purpose ${purpose}; use start or test`);
  if (!force && isSetUp() && missingDebianPackages(packages).length === 0) return;
  await withLock(async () => {
    const started = Date.now();
    await ensureDebianPackages(packages);
    for (const tool of tools) {
      if (force || !isInstalled(tool)) await installTool(tool);
    }
    console.log(`setup: ${await checkCodeServer()} starts and serves (${secondsSince(started)}s)`);
  });
}

if (isMain(import.meta.url)) {
  const started = Date.now();
  try {
    const i = process.argv.indexOf('--for');
    await ensureSetup({ force: process.argv.includes('--force'), purpose: i > 0 ? process.argv[i + 1] : 'test' });
    console.log(`setup: done in ${secondsSince(started)}s (${root})`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
