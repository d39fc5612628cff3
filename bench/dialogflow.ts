/**
 * A large Dialogflow CX agent (bench/generate-dialogflow.ts at its defaults: 510 intents ×
 * 34 training phrases × 3 languages — 52,020 phrases —, 52 flows of 10 pages, 20 entity
 * types, pretty-printed as the console writes: 2,748 files), botv beside its peer, in the same
 * run, as ratios:
 *
 * - cold `botv validate --json` as a whole process beside a Node process that reads every
 *   JSON file of the agent and parses it with JSON.parse (node's start-up plus the bare
 *   parse); goal ≤ 2×. Node's start-up alone and the peer's read and parse alone are shown;
 * - the same validate on the agent as one export zip (read in place) beside the folder;
 *   goal ≤ 1.3×;
 * - edit → fresh diagnostics in the agent's largest file through the real language server
 *   over stdio (dist/server.js): a one-character edit of a phrase part's `parameterId` (making
 *   a dialogflow-cx/unknown-parameter error) and back, 300 ms apart, from didChange to the
 *   publish of that version; goal p95 ≤ 50 ms. The library's own time for the same edits in
 *   this process beside it;
 * - the semantic diff of two versions that differ in one file (a phrase added), cold:
 *   `semanticChanges('dialogflow-cx', …)` as the first call of a fresh process (its texts read
 *   from the store before the clock; goal ≤ 100 ms), and `botv diff 1 2 --semantic --json`
 *   as a whole process.
 *
 *   BOTV_BENCH_CX_ROUNDS (default 5)   cold processes per row (interleaved with the peer's)
 *   BOTV_BENCH_CX_EDITS  (default 30)  timed edits, after two warm-up edits
 *   BOTV_BENCH_CX_PARTS  (default all) some of validate,zip,edits,diff
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { writeZip } from '../server/src/definitions/index';
import { loadFolder } from '../server/src/definitions/index';
import { createWorkspace } from '../server/src/formats/index';
import { openWorkspace } from '../server/src/versioning/index';
import { generateLargeCxAgent, writeLargeCxAgent } from './generate-dialogflow';
import { LspDriver } from './lspDriver';
import type { BenchModule, BenchRow } from './types';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const ROUNDS = Math.max(1, Number(process.env.BOTV_BENCH_CX_ROUNDS ?? 5));
const EDITS = Math.max(2, Number(process.env.BOTV_BENCH_CX_EDITS ?? 30));
const PARTS = new Set((process.env.BOTV_BENCH_CX_PARTS ?? 'validate,zip,edits,diff').split(','));
const BOT = 'large-agent';
const PAUSE_MS = 300;

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;
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

const clean = (out: string, status: number | null): void => {
  if (status !== 0 || JSON.parse(out).length !== 0) throw new Error(`botv validate found problems in the generated agent (exit ${status}): ${out.slice(0, 2000)}`);
};

/** Where the edits happen: the first `"parameterId": "item"` of the largest file (a training phrases file). */
function largestFile(files: Map<string, string>): string {
  let best = '';
  for (const [p, t] of files) if (t.includes('"parameterId": "item"') && (best === '' || t.length > files.get(best)!.length)) best = p;
  return best;
}

async function measureEdits(root: string, path: string, text: string): Promise<{ samples: number[]; cpuPerEdit: number }> {
  const d = await LspDriver.start({
    label: 'bot-versions',
    command: process.execPath,
    args: [SERVER, '--stdio'],
    root,
    configuration: (section) => (section === 'botVersions' ? {} : null),
    initializationOptions: { trusted: true, settings: {} },
  });
  try {
    await d.request('botVersions/setTrust', { trusted: true });
    const uri = pathToFileURL(path).toString();
    const opened = d.publishes.length;
    d.open(uri, text, 'json');
    await d.until(() => d.publishes.slice(opened).find((p) => p.uri === uri), 'the first diagnostics of the opened file');
    await d.quiet(PAUSE_MS);
    const offset = text.indexOf('"parameterId": "item"') + '"parameterId": "ite'.length;
    const before = text.slice(0, offset).split('\n');
    const pos = { line: before.length - 1, character: before.at(-1)!.length };
    let current = text;
    let version = 1;
    const samples: number[] = [];
    const cpu = d.cpuMs();
    for (let k = 0; k < EDITS + 2; k++) {
      const bad = current[offset] === 'm';
      const ch = bad ? 'n' : 'm';
      current = current.slice(0, offset) + ch + current.slice(offset + 1);
      const mark = d.publishes.length;
      const t = performance.now();
      d.change(uri, ++version, { start: pos, end: { line: pos.line, character: pos.character + 1 } }, ch, current);
      const v = version;
      const p = await d.until(() => d.publishes.slice(mark).find((x) => x.uri === uri && x.version === v && x.diagnostics.some((g) => g.code === 'dialogflow-cx/unknown-parameter') === bad), `fresh diagnostics for version ${v}`, 30_000);
      if (k >= 2) samples.push(p.at - t);
      await d.quiet(PAUSE_MS);
    }
    return { samples, cpuPerEdit: (d.cpuMs() - cpu) / (EDITS + 2) };
  } finally {
    await d.stop();
  }
}

/** The same edits on a workspace in this process: setDocument, then the file's diagnostics. */
async function libraryEdits(dir: string, path: string, text: string): Promise<number[]> {
  const ws = createWorkspace();
  await loadFolder(ws, dir);
  ws.getAllDiagnostics();
  const offset = text.indexOf('"parameterId": "item"') + '"parameterId": "ite'.length;
  const out: number[] = [];
  let current = text;
  for (let k = 0; k < EDITS + 2; k++) {
    current = current.slice(0, offset) + (current[offset] === 'm' ? 'n' : 'm') + current.slice(offset + 1);
    const t = performance.now();
    ws.setDocument(path, current, k + 2);
    ws.getDiagnostics(path);
    if (k >= 2) out.push(performance.now() - t);
  }
  return out;
}

export const dialogflowBench: BenchModule = {
  name: 'dialogflow',
  title: 'Dialogflow CX: a large generated agent, botv beside JSON.parse',
  reference: 'peer',
  async run({ workDir, log }) {
    if (!existsSync(CLI) || !existsSync(SERVER)) throw new Error(`${CLI} or ${SERVER} is missing: run "node scripts/build.mjs" first.`);
    const loadBefore = loadavg().map((x) => x.toFixed(1)).join(' ');
    const rows: BenchRow[] = [];
    const root = join(workDir, 'botv');
    const dir = join(root, 'agent');
    const written = writeLargeCxAgent(dir);
    mkdirSync(join(root, '.botversions'), { recursive: true });
    const context = [
      `Agent: bench/generate-dialogflow.ts at its defaults, ${thousands(written.files)} files, ${thousands(written.bytes)} bytes: 3 languages × 510 intents × 34 training phrases (${thousands(written.phrases)}), 52 flows of 10 pages, 20 entity types of 30 entries per language, route groups, a webhook, a test case.`,
      `Node ${process.version}; load average before the run ${loadBefore}.`,
    ];
    const peer = join(workDir, 'json-peer.cjs');
    writeJsonPeer(peer);
    let folderMedian = 0;

    if (PARTS.has('validate')) {
      log('botv validate beside JSON.parse…');
      const ours: number[] = [];
      const peers: number[] = [];
      const parses: number[] = [];
      const starts: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        ours.push(timedProcess(process.execPath, [CLI, 'validate', '--root', root, '--json'], root, clean).wall);
        const p = timedProcess(process.execPath, [peer, dir], root);
        parses.push((JSON.parse(p.stdout) as { ms: number }).ms);
        peers.push(p.wall);
        starts.push(timedProcess(process.execPath, ['-e', '0'], root).wall);
        await sleep(100);
      }
      const [v, y] = [median(ours), median(peers)];
      folderMedian = v;
      rows.push(row(`cold botv validate --json, whole process (median of ${ROUNDS})`, v, y, '≤ 2× JSON.parse + start-up', v <= 2 * y));
      rows.push(row('  the peer: node start-up + read + JSON.parse of every file', y, null, '', null));
      rows.push(row('  of which the read and JSON.parse, inside its process', median(parses), null, '', null));
      rows.push(row('  node start-up alone (node -e 0)', median(starts), null, '', null));
      context.push(`Validate: ${ROUNDS} rounds, each botv validate, then the JSON.parse process, then node -e 0; botv ${spread(ours)}, peer ${spread(peers)}.`);
    }

    if (PARTS.has('zip')) {
      log('botv validate of the agent as an export zip…');
      const zroot = join(workDir, 'zipped');
      mkdirSync(join(zroot, '.botversions'), { recursive: true });
      const files = generateLargeCxAgent();
      const zip = writeZip([...files].map(([p, t]) => [p, new TextEncoder().encode(t)] as const));
      writeFileSync(join(zroot, 'large-agent.zip'), zip);
      const zipped: number[] = [];
      const folder: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        zipped.push(timedProcess(process.execPath, [CLI, 'validate', '--root', zroot, '--json'], zroot, clean).wall);
        folder.push(timedProcess(process.execPath, [CLI, 'validate', '--root', root, '--json'], root, clean).wall);
        await sleep(100);
      }
      const [z, f] = [median(zipped), median(folder)];
      rows.push(row(`cold botv validate --json of the agent as one zip (median of ${ROUNDS})`, z, f, '≤ 1.3× the folder', z <= 1.3 * f));
      context.push(`Zip: the same files in one zip of ${thousands(statSync(join(zroot, 'large-agent.zip')).size)} bytes, validated in place; zip ${spread(zipped)}, folder ${spread(folder)} (the folder's own rounds, interleaved${folderMedian ? `; ${ms(folderMedian)} in the rows above` : ''}).`);
    }

    if (PARTS.has('edits')) {
      log('edits through the language server…');
      const files = generateLargeCxAgent();
      const rel = largestFile(files);
      const path = join(dir, ...rel.split('/'));
      const text = readFileSync(path, 'utf8');
      const edits = await measureEdits(root, path, text);
      const inProcess = await libraryEdits(dir, path.replace(/\\/g, '/'), text);
      rows.push(row(`edit → fresh diagnostics p50, edits ${PAUSE_MS} ms apart`, median(edits.samples), null, '', null));
      rows.push(row(`edit → fresh diagnostics p95, edits ${PAUSE_MS} ms apart`, percentile(edits.samples, 95), null, '≤ 50 ms', percentile(edits.samples, 95) <= 50));
      rows.push(row('  server CPU per edit (mean)', edits.cpuPerEdit, null, 'reported', null));
      rows.push(row('  library in-process: edit → the file’s diagnostics p50', median(inProcess), null, '', null));
      rows.push(row('  library in-process: edit → the file’s diagnostics p95', percentile(inProcess, 95), null, '', null));
      context.push(`Edits in ${rel} (${thousands(Buffer.byteLength(text))} bytes, the largest file): one character of a phrase part's parameterId changed and back, two warm-up edits then ${EDITS} timed, each from didChange to the publish of that version with the dialogflow-cx/unknown-parameter error there exactly when the name is wrong.`);
    }

    if (PARTS.has('diff')) {
      log('semantic diff of one file changed…');
      const ws = await openWorkspace(root, { author: 'bench' });
      await ws.save(BOT, { name: 'generated' });
      const phrases = join(dir, 'intents', 'intent.0007', 'trainingPhrases', 'de.json');
      const j = JSON.parse(readFileSync(phrases, 'utf8')) as { trainingPhrases: unknown[] };
      j.trainingPhrases.push({ id: 'added', parts: [{ text: 'de eine ganz neue phrase' }], repeatCount: 1, languageCode: 'de' });
      writeFileSync(phrases, JSON.stringify(j, null, 2) + '\n');
      await ws.save(BOT, { name: 'one phrase added' });
      await ws.settled();
      const entry = join(workDir, 'cx-semantic-entry.ts');
      const bundle = join(workDir, 'cx-semantic.js');
      const src = (p: string) => JSON.stringify(join(ROOT, p));
      writeFileSync(
        entry,
        `import { openWorkspace } from ${src('server/src/versioning/index')};
import { semanticChanges } from ${src('server/src/formats/index')};
void (async () => {
  const ws = await openWorkspace(process.argv[2]!, { author: 'bench' });
  const texts = await ws.diffTexts(process.argv[3]!, '1', '2');
  const t1 = performance.now();
  const cold = semanticChanges(texts.format, texts.before, texts.after);
  const t2 = performance.now();
  const warm = semanticChanges(texts.format, texts.before, texts.after);
  const t3 = performance.now();
  if (JSON.stringify(cold) !== JSON.stringify(warm)) throw new Error('two calls differ');
  process.stdout.write(JSON.stringify({ cold: t2 - t1, warm: t3 - t2, changes: cold.changes.length }));
})();
`,
      );
      await build({ entryPoints: [entry], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error' });
      const whole: number[] = [];
      const cold: number[] = [];
      const warm: number[] = [];
      let changes = -1;
      for (let r = 0; r < ROUNDS; r++) {
        whole.push(timedProcess(process.execPath, [CLI, 'diff', BOT, '1', '2', '--semantic', '--json', '--root', root], root).wall);
        const p = JSON.parse(timedProcess(process.execPath, [bundle, root, BOT], root).stdout) as { cold: number; warm: number; changes: number };
        cold.push(p.cold);
        warm.push(p.warm);
        changes = p.changes;
        await sleep(100);
      }
      if (changes !== 1) throw new Error(`the semantic diff gave ${changes} changes for one phrase added`);
      rows.push(row(`semantic diff v1 → v2 (one file changed), cold, in-process (median of ${ROUNDS})`, median(cold), null, '≤ 100 ms', median(cold) <= 100));
      rows.push(row('  the same, second call in the same process', median(warm), null, '', null));
      rows.push(row('botv diff 1 2 --semantic --json, whole process', median(whole), null, 'reported', null));
      context.push(`Semantic diff: versions 1 and 2 differ in intents/intent.0007/trainingPhrases/de.json (one phrase added); in-process cold ${spread(cold)}.`);
    }
    return { context, rows };
  },
};
