// Runs the in-editor suite under @vscode/test-electron: it downloads VS Code (so it needs
// the internet; where there is none, scripts/vscode/editor-tests.mjs uses code-server) and
// opens a fresh copy of samples/pizza-shop with the extension loaded from this tree.
// Run it through `npm run test:editor -- --electron`, which builds out/test first.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'botv-electron-'));
  const workspace = join(scratch, 'pizza-shop');
  cpSync(join(root, 'samples', 'pizza-shop'), workspace, { recursive: true });
  const resultsDir = join(root, '.artifacts', 'editor-tests');
  mkdirSync(resultsDir, { recursive: true });
  try {
    return await runTests({
      version: process.env.BOTV_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'test', 'index.js'),
      extensionTestsEnv: {
        BOTV_EDITOR_RESULTS: process.env.BOTV_EDITOR_RESULTS ?? join(resultsDir, 'results.json'),
        ...(process.env.BOTV_EDITOR_GREP ? { BOTV_EDITOR_GREP: process.env.BOTV_EDITOR_GREP } : {}),
      },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        join(scratch, 'user-data'),
      ],
    });
  } catch (e) {
    console.error(`The in-editor tests could not run under VS Code (Electron): ${e instanceof Error ? e.message : e}`);
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then((code) => process.exit(code));
