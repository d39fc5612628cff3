// Bundles the extension client, the language server, the CLI, the webview script and the
// in-editor test suite with esbuild. `--watch` rebuilds on change; `--production` minifies.
// The CLI is dist/cli.js and the files it loads on demand in dist/cli/ (./buildCli.mjs).
import * as esbuild from 'esbuild';
import { buildCli } from './buildCli.mjs';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD entry requires its modules dynamically, which a bundle cannot follow;
  // its ES module entry bundles cleanly.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

/** Every bundle the project ships or tests; entries whose source is missing are skipped. */
const builds = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The language client library, loaded by the entry after activation (see client/src/ctx.ts).
  { ...node, entryPoints: ['client/src/lsp/languageClient.ts'], outfile: 'dist/languageClient.js', external: ['vscode'] },
  {
    ...node,
    entryPoints: ['server/src/lsp/main.ts'],
    outfile: 'dist/server.js',
    // The CLI is built from the same sources: in watch mode, again after each server build.
    plugins: watch ? [{ name: 'cli', setup: (b) => b.onEnd((r) => (r.errors.length ? undefined : buildCli({ outdir: join(root, 'dist'), production }))) }] : [],
  },
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: false,
    minify: production,
    logLevel: 'warning',
    absWorkingDir: root,
    entryPoints: ['client/webview/main.ts'],
    outfile: 'media/out/webview.js',
  },
  // The in-editor suite: its runner and each *.test.ts as a bundle of its own under out/test,
  // which the runner finds at run time (a new test file needs no registration).
  {
    ...node,
    entryPoints: ['test/editor/index.ts', 'test/editor/**/*.test.ts'],
    outdir: 'out/test',
    outbase: 'test/editor',
    external: ['vscode', 'mocha'],
  },
].filter((b) => existsSync(join(root, b.entryPoints[0])));

/** Codicons ship inside the extension (under media/, the webview's only resource root) so the panel needs no network. */
function copyCodicons() {
  const from = join(root, 'node_modules/@vscode/codicons/dist');
  const to = join(root, 'media/out/codicons');
  mkdirSync(to, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(join(from, f), join(to, f));
}

copyCodicons();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching for changes…');
} else {
  await Promise.all([...builds.map((b) => esbuild.build(b)), buildCli({ outdir: join(root, 'dist'), production })]);
}
