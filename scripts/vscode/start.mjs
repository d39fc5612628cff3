// `npm start`: builds the extension and opens the sample workspace in a real VS Code with
// it loaded from this working tree. The desktop `code` when it is installed and there is a
// display; otherwise the pinned code-server on 127.0.0.1 (set up on first use), whose URL
// is printed, until Ctrl-C. The workspace is a working copy of a sample (samples/pizza-shop
// unless --sample names another) made once under .artifacts/<sample>, so experiments never
// change samples/.
//
//   npm start [-- --fresh] [--sample pizza-shop|rasa-pizza] [--code-server] [--port N] [--theme dark|light] [--watch]
//
//   --fresh        recopy the sample workspace and reset code-server's profile
//   --sample NAME  open samples/NAME: pizza-shop (native bots, the default), rasa-pizza (a Rasa project)
//                  or dialogflow-cx-parcels (a Dialogflow CX agent)
//   --code-server  use code-server even when the desktop `code` is installed
//   --watch        keep rebuilding on change (then run "Developer: Reload Window")
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startCodeServer } from './codeserver.mjs';
import { artifactsDir, root } from './paths.mjs';
import { run } from './proc.mjs';
import { ensureSetup } from './setup.mjs';
import { ensureSampleCopy } from './workspace.mjs';

const args = process.argv.slice(2);
const option = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const fresh = args.includes('--fresh');
const watch = args.includes('--watch');
const sample = option('--sample') ?? 'pizza-shop';
const workspace = join(artifactsDir, sample);
const profile = join(artifactsDir, 'code-server');

/** The desktop VS Code, when there is one and a screen to show it on. */
function desktopCode() {
  if (args.includes('--code-server')) return null;
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  // In a code-server terminal `code` talks to that window, which cannot load a development extension.
  if (!hasDisplay || process.env.VSCODE_IPC_HOOK_CLI) return null;
  const found = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim().split(/\r?\n/)[0] : null;
}

/** A port free now: the one asked for, else 8765 when free (a stable URL to bookmark), else any. */
async function choosePort() {
  const asked = option('--port');
  if (asked) return Number(asked);
  const { createServer } = await import('node:net');
  const free = await new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(8765, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
  return free ? 8765 : freePort();
}

/** What the user should do once the workbench is up: the address, the bots, the tour. */
function nextSteps(url, logFile) {
  return `
Bot Versions is running in VS Code (code-server). Open this address in your browser:

    ${url}

What to look at:
${
    sample === 'dialogflow-cx-parcels'
      ? `  - The Bot Versions icon in the activity bar lists the agent (Parcel Desk, Dialogflow CX en, de),
    read from its own JSON package: save a version from its row.
  - Change a "targetPage" in flows/Track Parcel/pages/Ask Number.json to a page that does not exist
    to see the dialogflow-cx/ checks; F2 on an intent's name in a route renames it everywhere.`
      : sample === 'rasa-pizza'
      ? `  - The Bot Versions icon in the activity bar lists the Rasa project (pizza-palace, Rasa en), read
    from its own files: save a version from its row, then change an example in data/nlu.yml.
  - Write an utter_ name no response has in a story of data/stories.yml to see the Rasa checks
    in the Problems panel; hover a response name to see its variations.`
      : `  - The Bot Versions icon in the activity bar lists the sample's bots: pizza-dev (development)
    and pizza-prod, its protected production twin. Save a version of pizza-dev from its row.
  - F1 > "Bot Versions: Show Environments" shows the pipeline; make a typo in a \`say:\` of
    pizza-dev/flows/ordering.yaml to see the language server's checks in the Problems panel.
  - A Rasa project instead: npm start -- --sample rasa-pizza`
  }
  - The "Get started with Bot Versions" tour opens on the first run; open it again with
    F1 > "Welcome: Open Walkthrough..." > Get started with Bot Versions.

Workspace: ${workspace}  (npm start -- --fresh to start over)
After a rebuild (npm run build${watch ? ', running now on change' : ', or npm start -- --watch'}), run "Developer: Reload Window".
Log: ${logFile}
Ctrl-C stops it.`;
}

function startWatch() {
  const child = spawn(process.execPath, [join(root, 'scripts', 'build.mjs'), '--watch'], { cwd: root, stdio: 'inherit' });
  return () => child.kill('SIGTERM');
}

async function main() {
  await run(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root });
  if (!existsSync(join(root, 'samples', sample))) {
    throw new Error(`there is no sample "${sample}"; the samples are ${readdirSync(join(root, 'samples')).join(', ')} (npm start -- --sample <name>).`);
  }
  ensureSampleCopy(workspace, { fresh, from: join(root, 'samples', sample) });

  const code = desktopCode();
  if (code) {
    console.log(`Opening ${workspace} in ${code} with the extension from ${root}`);
    await run(code, [`--extensionDevelopmentPath=${root}`, '--new-window', workspace]);
    if (watch) {
      startWatch();
      console.log('Rebuilding on change; run "Developer: Reload Window" to load a new build. Ctrl-C stops.');
    }
    return;
  }

  try {
    await ensureSetup({ purpose: 'start' });
  } catch (e) {
    throw new Error(
      `the pinned VS Code (code-server) could not be installed: ${e instanceof Error ? e.message : e}\n` +
        'Try: `node scripts/vscode/setup.mjs --force` to install it again and see every step, ' +
        'or install the desktop VS Code (`code` on PATH, with a display) and run `npm start` again.',
    );
  }
  if (fresh) rmSync(profile, { recursive: true, force: true });
  const theme = option('--theme');
  const port = await choosePort();
  let server;
  try {
    server = await startCodeServer({
      dir: profile,
      extension: { link: true },
      port,
      folder: workspace,
      logFile: join(profile, 'code-server.log'),
      ...(theme ? { theme } : {}),
    });
  } catch (e) {
    throw new Error(
      `code-server did not start on 127.0.0.1:${port}: ${e instanceof Error ? e.message : e}\n` +
        'Try: `npm start -- --fresh` (a new profile and workspace copy), `npm start -- --port <another port>` ' +
        'if that port is taken, or `node scripts/vscode/setup.mjs --force` to reinstall code-server. ' +
        'With the desktop VS Code installed (`code` on PATH), `npm start` uses it instead.',
    );
  }
  const stopWatch = watch ? startWatch() : () => {};
  console.log(nextSteps(server.folderUrl(workspace), server.logFile));

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    stopWatch();
    await server.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // Stays up until a signal, or until code-server itself stops.
  void server.exited.then((how) => {
    if (stopping) return;
    console.error(`code-server stopped (${how}); see ${server.logFile}`);
    void stop(1);
  });
}

try {
  await main();
} catch (e) {
  console.error(`npm start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
