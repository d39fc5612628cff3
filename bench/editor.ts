/**
 * The editor's speed: activation time in a real VS Code, the size of the client bundles,
 * and how fast the Versions view gets what it renders for a bot with 1,000 versions
 * (the server's answers to listBots and listVersions, over stdio as the client asks).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { openWorkspace } from '../server/src/versioning/index';
import { TestClient } from '../test/support/lspClient';
import type { BenchModule, BenchRow } from './types';

const ROOT = join(__dirname, '..');
const VERSIONS = 1000;

function row(operation: string, value: number, unit: 'ms' | 'KB', goal: number): BenchRow {
  return {
    operation,
    ours: `${value.toFixed(unit === 'ms' ? 1 : 0)} ${unit}`,
    reference: '',
    ratio: null,
    goal: `≤ ${goal} ${unit}`,
    pass: value <= goal,
    raw: { value, goal },
  };
}

/** Minified size of one entry, as `npm run package` ships it. */
async function bundleKb(entry: string): Promise<number> {
  const r = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    external: ['vscode'],
    minify: true,
    write: false,
  });
  return r.outputFiles[0]!.contents.length / 1024;
}

async function median(times: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Activation as the extension measures it inside a real VS Code (code-server here). */
function activationMs(log: (l: string) => void): number | null {
  log('running the activation test in code-server…');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'vscode', 'editor-tests.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BOTV_EDITOR_GREP: 'activates and returns its API' },
    timeout: 300_000,
  });
  const m = /activation took ([\d.]+) ms/.exec(r.stdout + r.stderr);
  return m ? Number(m[1]) : null;
}

export const editorBench: BenchModule = {
  name: 'editor',
  title: `Editor: activation, client bundle, Versions view with ${VERSIONS} versions`,
  reference: '',
  async run({ workDir, log }) {
    const rows: BenchRow[] = [];
    const entry = await bundleKb('client/src/extension.ts');
    const lc = await bundleKb('client/src/lsp/languageClient.ts');
    rows.push(row('client entry bundle (minified)', entry, 'KB', 300));
    const activation = activationMs(log);
    if (activation !== null) rows.push(row('activation in VS Code', activation, 'ms', 50));
    else log('activation: not measured (code-server is not set up; run node scripts/vscode/setup.mjs)');

    const root = join(workDir, 'workspace');
    cpSync(join(ROOT, 'samples', 'pizza-shop'), root, { recursive: true });
    log(`saving ${VERSIONS} versions of pizza-dev…`);
    const ws = await openWorkspace(root, { author: 'Bench' });
    const file = join(root, 'pizza-dev', 'responses', 'support.yaml');
    const base = readFileSync(file, 'utf8');
    const started = performance.now();
    for (let i = 1; i <= VERSIONS; i++) {
      writeFileSync(file, `${base}# revision ${i}\n`);
      await ws.save('pizza-dev', { name: `Revision ${i}` });
    }
    log(`saved in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const client = await TestClient.start({ root });
    try {
      await client.request('botVersions/listBots', {});
      const bots = await median(5, () => client.request('botVersions/listBots', {}));
      const page = await median(5, () => client.request('botVersions/listVersions', { bot: 'pizza-dev', offset: 0, limit: 200 }));
      const all = await median(5, () => client.request('botVersions/listVersions', { bot: 'pizza-dev' }));
      rows.push(row(`listBots (bots, drift, environments; ${VERSIONS} versions)`, bots, 'ms', 300));
      rows.push(row('Versions view: first page of 200 versions', page, 'ms', 300));
      rows.push(row(`Versions view: all ${VERSIONS} versions`, all, 'ms', 300));
      rows.push(row('Versions view opened (listBots + first page)', bots + page, 'ms', 300));
    } finally {
      await client.stop();
    }
    return {
      context: [
        `Language client library bundle (loaded after activation): ${lc.toFixed(0)} KB minified.`,
        `Node ${process.version}; each server figure is the median of 5 requests over stdio after one warm-up.`,
      ],
      rows,
    };
  },
};
