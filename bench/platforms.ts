/**
 * LivePerson Conversation Builder and PolyAI ADK at the sizes the issue names, each beside its
 * peer in the same run:
 *
 * - a generated LivePerson bot of 300 dialogs × 20 interactions, one JSON file
 *   (bench/generate-liveperson.ts), and a generated PolyAI project of 200 topics and 50 flows ×
 *   20 steps (bench/generate-polyai.ts);
 * - cold `botv validate --json` as a whole process beside a Node process that reads the same
 *   files and parses them (`JSON.parse` for the LivePerson file; `yaml`'s parseAllDocuments for
 *   the PolyAI YAML files, the Python files read): the goal is ≤ 2× that peer, which is node's
 *   start-up plus the bare parse. Node's start-up alone is shown beside it;
 * - edit → fresh diagnostics through the real language server over stdio (dist/server.js),
 *   edits 300 ms apart, each from its didChange to the publishDiagnostics of that version
 *   (LivePerson: one character of a nextMessageId changed, making it name no interaction, and
 *   changed back; PolyAI: one character of a condition's child_step), goal p95 ≤ 50 ms; and
 *   the library's own time for the same edits in this process.
 *
 *   BOTV_BENCH_PLATFORMS_ROUNDS (default 7)  cold processes per row
 *   BOTV_BENCH_PLATFORMS_EDITS  (default 20) timed edits, after two warm-up edits
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { createWorkspace } from '../server/src/formats/index';
import { generateLargeLivePersonBot } from './generate-liveperson';
import { generateLargePolyProject } from './generate-polyai';
import { LspDriver } from './lspDriver';
import type { BenchModule, BenchRow } from './types';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const ROUNDS = Math.max(1, Number(process.env.BOTV_BENCH_PLATFORMS_ROUNDS ?? 7));
const EDITS = Math.max(2, Number(process.env.BOTV_BENCH_PLATFORMS_EDITS ?? 20));
const PAUSE_MS = 300;

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;
const ms = (x: number): string => (x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);

function row(operation: string, ours: number, reference: number | null, goal: string, pass: boolean | null): BenchRow {
  return { operation, ours: ms(ours), reference: reference === null ? '' : ms(reference), ratio: reference === null || reference === 0 ? null : ours / reference, goal, pass, raw: { ours, ...(reference === null ? {} : { reference }) } };
}

function timed(command: string, args: string[], cwd: string, check?: (stdout: string, status: number | null) => void): { wall: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - t;
  if (r.error) throw r.error;
  if (check) check(r.stdout, r.status);
  else if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, stdout: r.stdout };
}

/** The peer: a Node process that reads every file of the kinds given under a folder and parses the JSON and YAML ones. */
function writePeer(file: string): void {
  writeFileSync(
    file,
    `'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const t = performance.now();
let yaml;
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.name === '.botversions') continue;
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\\.(json|ya?ml|py|txt)$/i.test(e.name)) files.push(p);
  }
};
walk(process.argv[2]);
let bytes = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += text.length;
  if (f.endsWith('.json')) JSON.parse(text);
  else if (/\\.ya?ml$/i.test(f)) (yaml ??= require(${JSON.stringify(require.resolve('yaml'))})).parseAllDocuments(text);
}
process.stdout.write(JSON.stringify({ files: files.length, bytes, ms: performance.now() - t }));
`,
  );
}

interface Subject {
  label: string;
  /** Files relative to the workspace root. */
  files: Map<string, string>;
  /** The file edited, relative to the root, and where: the offset of the character toggled. */
  target: string;
  at: number;
  /** The diagnostic code the edited text shows, and its language id. */
  code: string;
  languageId: string;
}

function livePerson(): Subject {
  const text = generateLargeLivePersonBot();
  const file = 'bots/support.json';
  // One character of a nextMessageId near the middle of the file.
  const at = text.indexOf('"nextMessageId": "', text.length / 2) + '"nextMessageId": "'.length + 5;
  return { label: 'LivePerson', files: new Map([[file, text]]), target: file, at, code: 'liveperson/unknown-interaction', languageId: 'json' };
}

function polyAi(): Subject {
  const project = generateLargePolyProject();
  const files = new Map([...project].map(([k, v]) => [`agent/${k}`, v]));
  const target = 'agent/flows/flow_25/steps/step_5.yaml';
  const at = files.get(target)!.indexOf('child_step: ') + 'child_step: '.length + 1;
  return { label: 'PolyAI', files, target, at, code: 'polyai/unknown-step', languageId: 'yaml' };
}

async function measure(subject: Subject, workDir: string, log: (l: string) => void): Promise<{ rows: BenchRow[]; context: string[] }> {
  const root = join(workDir, subject.label.toLowerCase());
  let bytes = 0;
  for (const [rel, text] of subject.files) {
    const p = join(root, ...rel.split('/'));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    bytes += Buffer.byteLength(text);
  }
  mkdirSync(join(root, '.botversions'), { recursive: true });
  const rows: BenchRow[] = [];
  const context: string[] = [`${subject.label}: ${subject.files.size} files, ${bytes.toLocaleString('en-US')} bytes.`];

  // What the library finds in it (nothing: the generated bots are valid).
  const ws = createWorkspace();
  for (const [rel, text] of subject.files) ws.setDocument(join(root, rel), text);
  const found = [...ws.getAllDiagnostics().values()].reduce((n, d) => n + d.length, 0);
  if (found) context.push(`WARNING: the library finds ${found} diagnostics in the generated ${subject.label} bot, which should be valid.`);

  // 1. Cold validate beside the peer.
  log(`${subject.label}: botv validate beside the bare parse…`);
  const peer = join(workDir, 'peer.cjs');
  writePeer(peer);
  const ours: number[] = [];
  const peers: number[] = [];
  const parses: number[] = [];
  const starts: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    ours.push(
      timed(process.execPath, [CLI, 'validate', '--root', root, '--json'], root, (out, status) => {
        if (status !== 0) throw new Error(`botv validate found problems in the generated ${subject.label} bot (exit ${status}): ${out.slice(0, 2000)}`);
      }).wall,
    );
    const p = timed(process.execPath, [peer, root], root);
    peers.push(p.wall);
    parses.push((JSON.parse(p.stdout) as { ms: number }).ms);
    starts.push(timed(process.execPath, ['-e', '0'], root).wall);
    await sleep(100);
  }
  const [v, y] = [median(ours), median(peers)];
  rows.push(row(`${subject.label}: cold botv validate --json, whole process (median of ${ROUNDS})`, v, y, '≤ 2× bare parse + start-up', v <= 2 * y));
  rows.push(row(`  the peer: node start-up + read + parse`, y, null, '', null));
  rows.push(row(`  of which the read and parse, inside its process`, median(parses), null, '', null));
  rows.push(row(`  node start-up alone (node -e 0)`, median(starts), null, '', null));

  // 2. Edits through the language server.
  log(`${subject.label}: edits through the language server…`);
  const uri = pathToFileURL(join(root, subject.target)).toString();
  const original = subject.files.get(subject.target)!;
  const lines = original.slice(0, subject.at).split('\n');
  const pos = { line: lines.length - 1, character: lines.at(-1)!.length };
  const flip = (text: string) => text.slice(0, subject.at) + (text[subject.at] === 'Q' ? original[subject.at] : 'Q') + text.slice(subject.at + 1);
  const shows = (d: Diagnostic[]) => d.some((x) => x.code === subject.code);
  const d = await LspDriver.start({ label: 'bot-versions', command: process.execPath, args: [SERVER, '--stdio'], root, configuration: (s) => (s === 'botVersions' ? {} : null), initializationOptions: { trusted: true, settings: {} } });
  const samples: number[] = [];
  try {
    await d.request('botVersions/setTrust', { trusted: true });
    const opened = d.publishes.length;
    d.open(uri, original, subject.languageId);
    await d.until(() => d.publishes.slice(opened).find((p) => p.uri === uri), 'the first diagnostics of the opened file');
    await d.quiet(PAUSE_MS);
    let text = original;
    for (let k = 0; k < EDITS + 2; k++) {
      const mark = d.publishes.length;
      text = flip(text);
      const broken = text !== original;
      const t = performance.now();
      d.change(uri, k + 2, { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text[subject.at]!, text);
      const p = await d.until(() => d.publishes.slice(mark).find((x) => x.uri === uri && x.version === k + 2 && shows(x.diagnostics) === broken), `fresh diagnostics for version ${k + 2}`, 60_000);
      if (k >= 2) samples.push(p.at - t);
      await d.quiet(PAUSE_MS);
    }
  } finally {
    await d.stop();
  }
  rows.push(row(`${subject.label}: edit → fresh diagnostics p50, edits ${PAUSE_MS} ms apart`, median(samples), null, '', null));
  rows.push(row(`${subject.label}: edit → fresh diagnostics p95, edits ${PAUSE_MS} ms apart`, percentile(samples, 95), null, '≤ 50 ms', percentile(samples, 95) <= 50));

  // 3. The same edits on a library workspace in this process.
  const lib: number[] = [];
  let text = original;
  const path = join(root, subject.target);
  for (let k = 0; k < EDITS + 2; k++) {
    text = flip(text);
    const t = performance.now();
    ws.setDocument(path, text, k + 2);
    ws.getDiagnostics(path);
    if (k >= 2) lib.push(performance.now() - t);
  }
  rows.push(row(`  library in-process: edit → the file's diagnostics p50`, median(lib), null, '', null));
  rows.push(row(`  library in-process: edit → the file's diagnostics p95`, percentile(lib, 95), null, '', null));
  context.push(`${subject.label} validate: botv ${ours.map((x) => x.toFixed(0)).join(' ')} ms, peer ${peers.map((x) => x.toFixed(0)).join(' ')} ms; edits (sorted): ${[...samples].sort((a, b) => a - b).map((x) => x.toFixed(0)).join(' ')} ms.`);
  return { rows, context };
}

export const platformsBench: BenchModule = {
  name: 'platforms',
  title: 'LivePerson and PolyAI: generated bots at the issue\'s sizes, botv beside a bare parse',
  reference: 'peer',
  async run({ workDir, log }) {
    for (const f of [CLI, SERVER]) if (!existsSync(f)) throw new Error(`${f} is missing: run "node scripts/build.mjs" first.`);
    const context = [`Node ${process.version}; load average before the run ${loadavg().map((x) => x.toFixed(1)).join(' ')}.`];
    const rows: BenchRow[] = [];
    for (const subject of [livePerson(), polyAi()]) {
      const r = await measure(subject, workDir, log);
      rows.push(...r.rows);
      context.push(...r.context);
    }
    return { context, rows };
  },
};
