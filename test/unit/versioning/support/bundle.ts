/**
 * Bundles an entry point with esbuild into a temporary folder, so tests can spawn it as a
 * plain node process (tens of milliseconds to start instead of a TypeScript loader's
 * hundreds). `mainFields` prefers ES modules: jsonc-parser's UMD build cannot be bundled.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { REPO, tempDir } from './workspace';

const cache = new Map<string, Promise<string>>();

/** The CLI's entry: bundled as the package ships it (scripts/buildCli.mjs), not as one file. */
const CLI = 'server/src/cli/main.ts';

/** Path of a node-runnable bundle of `entry` (relative to the repository root). */
export function bundle(entry: string): Promise<string> {
  let p = cache.get(entry);
  if (!p && entry === CLI) {
    const out = tempDir('botv-bundle-');
    p = import('../../../../scripts/buildCli.mjs').then(async ({ buildCli }) => {
      await buildCli({ outdir: out, logLevel: 'error' });
      return join(out, 'cli.js');
    });
    cache.set(entry, p);
  }
  if (!p) {
    const out = join(tempDir('botv-bundle-'), entry.replace(/[\\/]/g, '_').replace(/\.ts$/, '.js'));
    p = build({
      entryPoints: [join(REPO, entry)],
      outfile: out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      mainFields: ['module', 'main'],
      logLevel: 'error',
    }).then(() => out);
    cache.set(entry, p);
  }
  return p;
}
