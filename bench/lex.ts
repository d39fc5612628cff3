/**
 * A large Amazon Lex V2 export (bench/generate-lex.ts at its defaults: 3 locales × 300 intents
 * × 100 sample utterances, 40 slot types per locale, in 2,828 files), botv beside its peer, in
 * the same run, as ratios:
 *
 * - cold `botv validate --json` as a whole process beside a Node process that reads every
 *   JSON file of the export and parses it with JSON.parse: that process is node's start-up
 *   plus the bare parse, and the goal is ≤ 2× it. Node's start-up alone (`node -e 0`) and the
 *   peer's read and parse alone (timed inside its process) are shown beside it;
 * - the semantic diff of two versions that differ in one locale (one utterance added to every
 *   tenth intent of fr_FR), cold: `semanticChanges('lex-v2', …)` as the first call of a fresh
 *   process (its texts read from the store before the clock; goal ≤ 100 ms), and
 *   `botv diff <bot> 1 2 --semantic --json` as a whole process.
 *
 *   BOTV_BENCH_LEX_ROUNDS (default 7)  cold processes per row (interleaved with the peer's)
 *   BOTV_BENCH_LEX_PARTS  (default all) some of validate,diff
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { openWorkspace } from '../server/src/versioning/index';
import { writeLargeLexExport } from './generate-lex';
import type { BenchModule, BenchRow } from './types';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const ROUNDS = Math.max(1, Number(process.env.BOTV_BENCH_LEX_ROUNDS ?? 7));
const PARTS = new Set((process.env.BOTV_BENCH_LEX_PARTS ?? 'validate,diff').split(','));
const BOT = 'largebot';

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number): string => (x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const spread = (xs: number[]): string => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
const thousands = (n: number): string => n.toLocaleString('en-US');

function row(operation: string, ours: number, reference: number | null, goal: string, pass: boolean | null): BenchRow {
  return { operation, ours: ms(ours), reference: reference === null ? '' : ms(reference), ratio: reference ? ours / reference : null, goal, pass, raw: { ours, ...(reference === null ? {} : { reference }) } };
}

function timedProcess(command: string, args: string[], cwd: string, check?: (stdout: string, status: number | null) => void): { wall: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - t;
  if (r.error) throw r.error;
  if (check) check(r.stdout, r.status);
  else if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, stdout: r.stdout };
}

/** The peer of `botv validate`: a Node process that reads every JSON file of the folder and JSON.parses it. */
function writeJsonPeer(file: string): void {
  writeFileSync(
    file,
    `'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const t = performance.now();
let files = 0;
let bytes = 0;
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.json')) {
      const text = readFileSync(p, 'utf8');
      JSON.parse(text);
      files++;
      bytes += text.length;
    }
  }
};
walk(process.argv[2]);
process.stdout.write(JSON.stringify({ files, bytes, ms: performance.now() - t }));
`,
  );
}

/** One utterance added to every tenth intent of fr_FR. */
function changeFrench(dir: string): number {
  let changed = 0;
  for (let i = 0; i < 300; i += 10) {
    const file = join(dir, 'LargeBot', 'BotLocales', 'fr_FR', 'Intents', `Intent${String(i).padStart(3, '0')}`, 'Intent.json');
    if (!existsSync(file)) continue;
    const j = JSON.parse(readFileSync(file, 'utf8')) as { sampleUtterances: { utterance: string }[] };
    j.sampleUtterances.push({ utterance: `fr nouvelle phrase ${i}` });
    writeFileSync(file, JSON.stringify(j));
    changed++;
  }
  return changed;
}

export const lexBench: BenchModule = {
  name: 'lex',
  title: 'Amazon Lex V2: a large generated export, botv beside JSON.parse',
  reference: 'peer',
  async run({ workDir, log }) {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "node scripts/build.mjs" first.`);
    const loadBefore = loadavg().map((x) => x.toFixed(1)).join(' ');
    const rows: BenchRow[] = [];
    const root = join(workDir, 'botv');
    const dir = join(root, 'export');
    const written = writeLargeLexExport(dir);
    mkdirSync(join(root, '.botversions'), { recursive: true });
    const context = [
      `Export: bench/generate-lex.ts at its defaults, ${thousands(written.files)} files, ${thousands(written.bytes)} bytes: 3 locales (en_US pretty-printed, es_US and fr_FR minified) × 300 intents × 100 sample utterances (90,000), 40 slot types of 50 values per locale, 1 to 3 slots per intent, next steps between intents.`,
      `Node ${process.version}; load average before the run ${loadBefore}.`,
    ];

    if (PARTS.has('validate')) {
      log('botv validate beside JSON.parse…');
      const peer = join(workDir, 'json-peer.cjs');
      writeJsonPeer(peer);
      const ours: number[] = [];
      const peers: number[] = [];
      const parses: number[] = [];
      const starts: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        ours.push(
          timedProcess(process.execPath, [CLI, 'validate', '--root', root, '--json'], root, (out, status) => {
            if (status !== 0 || JSON.parse(out).length !== 0) throw new Error(`botv validate found problems in the generated export (exit ${status}): ${out.slice(0, 2000)}`);
          }).wall,
        );
        const p = timedProcess(process.execPath, [peer, dir], root);
        parses.push((JSON.parse(p.stdout) as { ms: number }).ms);
        peers.push(p.wall);
        starts.push(timedProcess(process.execPath, ['-e', '0'], root).wall);
        await sleep(100);
      }
      const [v, y] = [median(ours), median(peers)];
      rows.push(row(`cold botv validate --json, whole process (median of ${ROUNDS})`, v, y, '≤ 2× JSON.parse + start-up', v <= 2 * y));
      rows.push(row('  the peer: node start-up + read + JSON.parse of every file', y, null, '', null));
      rows.push(row('  of which the read and JSON.parse, inside its process', median(parses), null, '', null));
      rows.push(row('  node start-up alone (node -e 0)', median(starts), null, '', null));
      context.push(`Validate: ${ROUNDS} rounds, each botv validate, then the JSON.parse process, then node -e 0; botv ${spread(ours)}, peer ${spread(peers)}.`);
    }

    if (PARTS.has('diff')) {
      log('semantic diff of one locale changed…');
      const ws = await openWorkspace(root, { author: 'bench' });
      await ws.save(BOT, { name: 'generated' });
      const changed = changeFrench(dir);
      await ws.save(BOT, { name: 'fr_FR changed' });
      await ws.settled();
      const entry = join(workDir, 'lex-semantic-entry.ts');
      const bundle = join(workDir, 'lex-semantic.js');
      const src = (p: string) => JSON.stringify(join(ROOT, p));
      writeFileSync(
        entry,
        `import { openWorkspace } from ${src('server/src/versioning/index')};
import { semanticChanges } from ${src('server/src/formats/index')};
void (async () => {
  const ws = await openWorkspace(process.argv[2]!, { author: 'bench' });
  const t0 = performance.now();
  const texts = await ws.diffTexts(process.argv[3]!, '1', '2');
  const t1 = performance.now();
  const cold = semanticChanges(texts.format, texts.before, texts.after);
  const t2 = performance.now();
  const warm = semanticChanges(texts.format, texts.before, texts.after);
  const t3 = performance.now();
  if (JSON.stringify(cold) !== JSON.stringify(warm)) throw new Error('two calls differ');
  process.stdout.write(JSON.stringify({ read: t1 - t0, cold: t2 - t1, warm: t3 - t2, changes: cold.changes.length }));
})();
`,
      );
      await build({ entryPoints: [entry], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error' });
      const whole: number[] = [];
      const cold: number[] = [];
      const warm: number[] = [];
      let changes = -1;
      for (let r = 0; r < ROUNDS; r++) {
        whole.push(
          timedProcess(process.execPath, [CLI, 'diff', BOT, '1', '2', '--semantic', '--json', '--root', root], root, (out, status) => {
            if (status !== 0) throw new Error(`botv diff exited ${status}: ${out.slice(0, 2000)}`);
          }).wall,
        );
        const p = JSON.parse(timedProcess(process.execPath, [bundle, root, BOT], root).stdout) as { cold: number; warm: number; changes: number };
        cold.push(p.cold);
        warm.push(p.warm);
        changes = p.changes;
        await sleep(100);
      }
      if (changes !== changed) throw new Error(`the semantic diff gave ${changes} changes for ${changed} utterances added`);
      rows.push(row(`semantic diff v1 → v2 (fr_FR changed), cold, in-process (median of ${ROUNDS})`, median(cold), null, '≤ 100 ms', median(cold) <= 100));
      rows.push(row('  the same, second call in the same process', median(warm), null, '', null));
      rows.push(row('botv diff 1 2 --semantic --json, whole process', median(whole), null, 'reported', null));
      context.push(`Semantic diff: versions 1 and 2 differ in ${changed} Intent.json files of fr_FR (one utterance each); in-process cold ${spread(cold)}.`);
    }
    return { context, rows };
  },
};
