// Starts the pinned code-server (VS Code 1.139 served to a browser) on 127.0.0.1 with
// everything it writes kept under one temporary folder, our extension installed, and
// stops it again. Used by `npm start`, the in-editor tests and the browser scenarios.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerEntry, node24Bin, root } from './paths.mjs';

/** Settings every run starts with: no Restricted Mode, no welcome page, nothing that reaches the network. */
export const baseSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** The colour themes a run can ask for by short name (their settings ids in VS Code 1.139). */
export const themes = {
  dark: 'Dark 2026',
  light: 'Light 2026',
};

/** The extension's id and folder name, from its manifest. */
export function extensionId() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return { id: `${pkg.publisher}.${pkg.name}`, folder: `${pkg.publisher}.${pkg.name}-${pkg.version}` };
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** HOME, XDG_* and TMPDIR inside `dir`, so that neither code-server nor the browser writes elsewhere. */
export function isolatedEnv(dir) {
  const env = { ...process.env };
  // Started from a VS Code terminal, these would make code-server talk to that VS Code.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  const home = join(dir, 'home');
  const dirs = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    TMPDIR: join(dir, 'tmp'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const runtime = join(dir, 'run');
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  return Object.assign(env, dirs, { XDG_RUNTIME_DIR: runtime });
}

function codeServerArgs(userDataDir, extensionsDir) {
  return [codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

/** Installs a packaged .vsix into an extensions folder, as a user would. */
export function installVsix({ vsix, userDataDir, extensionsDir, env }) {
  const r = spawnSync(node24Bin, [...codeServerArgs(userDataDir, extensionsDir), '--force', '--install-extension', vsix], {
    env,
    encoding: 'utf8',
  });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`Installing ${vsix} into code-server failed:\n${r.stdout}${r.stderr}\nCheck that \`npm run package\` made a valid .vsix.`);
  }
}

/** Links the working tree in as an installed extension, for development (rebuild, then reload the window). */
export function linkExtension({ extensionsDir, from = root }) {
  const { id, folder } = extensionId();
  // A kept profile may hold a link made for another version of the manifest.
  for (const f of readdirSync(extensionsDir)) {
    if (f.toLowerCase().startsWith(`${id.toLowerCase()}-`)) rmSync(join(extensionsDir, f), { recursive: true, force: true });
  }
  symlinkSync(from, join(extensionsDir, folder), 'dir');
}

async function waitForHealthy(server, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.once('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
  for (;;) {
    if (exited) throw new Error(`code-server stopped while starting (${exited}); its log is ${logFile}:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${server.url}/healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms; its log is ${logFile}:\n${tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers /healthz.
 *
 * options.extension: { vsix: path } installs that package; { link: true } links the
 *   working tree; { none: true } installs nothing (tests pass extensionDevelopmentPath).
 * options.settings: extra user settings (e.g. { 'workbench.colorTheme': themes.light }).
 * options.theme: 'dark' | 'light', a shorthand for the colour theme setting.
 * options.workspaceTrust: keep VS Code's workspace trust on, so a folder can open in Restricted Mode.
 * options.smokeTestDriver: lets a page run extension tests and read their exit code.
 * options.env: extra environment for code-server and its extension host.
 * options.logFile: where its output goes (default: inside its temporary folder).
 * options.keep: leave the temporary folder in place on stop (for debugging).
 * options.dir: keep everything in this folder instead, across runs (settings are seeded
 *   only when it has none yet).
 * options.port: listen here instead of on a free port.
 */
export async function startCodeServer(options = {}) {
  // A given folder is a profile kept between runs (npm start); otherwise all is temporary.
  const persistent = Boolean(options.dir);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'botv-code-server-'));
  const env = { ...isolatedEnv(dir), ...(options.env ?? {}) };
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (!persistent || !existsSync(settingsFile)) {
    const settings = { ...baseSettings };
    if (options.theme) settings['workbench.colorTheme'] = themes[options.theme] ?? options.theme;
    Object.assign(settings, options.settings ?? {});
    if (options.workspaceTrust) settings['security.workspace.trust.enabled'] = true;
    writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  }

  const ext = options.extension ?? { link: true };
  if (ext.vsix) installVsix({ vsix: ext.vsix, userDataDir, extensionsDir, env });
  else if (ext.link) linkExtension({ extensionsDir });

  const port = options.port ?? (await freePort());
  const args = [
    ...codeServerArgs(userDataDir, extensionsDir),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    // A closed page would otherwise keep its extension host (and language server) for hours.
    '--reconnection-grace-time', '5',
  ];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (options.folder) args.push(options.folder);

  const logFile = options.logFile ?? join(dir, 'code-server.log');
  const log = createWriteStream(logFile);
  // Its own process group, so that stopping it also stops the extension hosts it forked.
  const child = spawn(node24Bin, args, { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const server = {
    url,
    port,
    pid: child.pid,
    dir,
    userDataDir,
    extensionsDir,
    env,
    logFile,
    /** Resolves with code-server's exit code (or signal) when it stops, for whatever reason. */
    exited,
    /** The workbench URL that opens `folder`; `payload` is [[key, value], …] for the workbench. */
    folderUrl(folder, payload) {
      let u = `${url}/?folder=${encodeURIComponent(folder)}`;
      if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    /** A file path on this machine as the workbench names it (for extensionDevelopmentPath and the like). */
    remoteUri(path) {
      return `vscode-remote://127.0.0.1:${port}${path}`;
    },
    /** Copies VS Code's logs (extension hosts, output channels such as "Bot Versions") to `dest`. */
    saveLogs(dest) {
      const from = join(userDataDir, 'logs');
      if (existsSync(from)) cpSync(from, dest, { recursive: true });
    },
    /** Stops code-server and its children, then removes its temporary folder. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        killGroup(child.pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      // Children of the group that outlived their parent.
      killGroup(child.pid, 'SIGKILL');
      await new Promise((r) => log.end(r));
      if (!options.keep && !persistent) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  try {
    await waitForHealthy(server, child, logFile, options.startTimeoutMs ?? 60_000);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
