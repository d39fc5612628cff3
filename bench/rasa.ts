/**
 * A large Rasa project (bench/generate-rasa.ts at its defaults: 324 intents, 32,016 examples,
 * 1,085 stories and rules, 525 responses in 61 files), botv beside the peers the Rasa issue
 * names, in the same run, as ratios:
 *
 * - cold `botv validate --json` as a whole process beside a Node process that reads the same
 *   YAML files and parses them with the `yaml` package (`parseAllDocuments`): that process is
 *   node's start-up plus yaml's parse, and the goal is ≤ 2× it. Node's start-up alone
 *   (`node -e 0`) and yaml's parse alone (timed inside its process) are shown beside it;
 * - edit → fresh diagnostics in the largest NLU file through the real language server over
 *   stdio (dist/server.js): one-character edits (the "-" of an example deleted, making the line
 *   one Rasa skips — a rasa/example-format warning — and typed again), spaced 300 ms apart (a
 *   person pausing: the server checks at once) and at typing pace, 150 ms apart (whether the
 *   server's coalescing wait applies is read from diagnostics.ts: see DEBOUNCE below), each
 *   from its didChange to the publishDiagnostics of that version. Beside them, the server's CPU time per edit (from /proc) and the library's
 *   own time for the same edits in this process;
 * - the semantic diff of two versions that differ in one file, cold: `botv diff <bot> 1 2
 *   --semantic --json` as a whole process, and `semanticChanges('rasa', …)` as the first call
 *   of a fresh process (its texts read from the store before the clock starts);
 * - save and restore of the project beside git, as bench/store.ts does for the native bot
 *   (in-process, with the same goals), and `botv save` / `botv restore` as whole processes.
 *
 *   BOTV_BENCH_RASA_ROUNDS (default 11)  cold processes per row (interleaved with the peer's)
 *   BOTV_BENCH_RASA_EDITS  (default 30)  timed edits per pace, after two warm-up edits
 *   BOTV_BENCH_RASA_PARTS  (default all) some of validate,edits,store,diff (diff needs store)
 *   BOTV_BENCH_RASA_PROFILE=<dir>        the language server runs with --cpu-prof, profiles in <dir>
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { createWorkspace } from '../server/src/formats/index';
import type { RasaBot } from '../server/src/formats/rasa/model';
import { openWorkspace } from '../server/src/versioning/index';
import { generateLargeRasaProject, writeLargeRasaProject } from './generate-rasa';
import { LspDriver } from './lspDriver';
import type { BenchModule, BenchRow } from './types';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const ROUNDS = Math.max(1, Number(process.env.BOTV_BENCH_RASA_ROUNDS ?? 11));
const EDITS = Math.max(2, Number(process.env.BOTV_BENCH_RASA_EDITS ?? 30));
const PROFILE = process.env.BOTV_BENCH_RASA_PROFILE;
const PARTS = new Set((process.env.BOTV_BENCH_RASA_PARTS ?? 'validate,edits,store,diff').split(','));
const FIRST_SAVES = 5;
const PROJECT = 'assistant';
/** A person pausing between edits: longer than the server's quiet spell, so each change is checked at once. */
const PAUSE_MS = 300;
/** Typing pace: a keystroke every 150 ms. */
const TYPING_MS = 150;
/**
 * The server's coalescing wait inside a burst of typing (server/src/lsp/diagnostics.ts): a change
 * that follows another within its quiet spell waits this long for more before it is checked.
 * Read from the source, so the figures follow it.
 */
const DEBOUNCE = (() => {
  const src = readFileSync(join(ROOT, 'server/src/lsp/diagnostics.ts'), 'utf8');
  const n = (name: string) => Number(new RegExp(`const ${name} = (\\d+);`).exec(src)?.[1] ?? NaN);
  return { debounce: n('DEBOUNCE_MS'), quiet: n('QUIET_MS') };
})();

/** Whether keystrokes at typing pace fall inside the server's quiet spell (and so wait DEBOUNCE_MS). */
const typingWaits = TYPING_MS <= DEBOUNCE.quiet;

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function gitCommit(cwd: string, message: string): void {
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '--allow-empty', '-m', message);
}

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Nearest rank: p95 of 30 samples is the 29th, a value that was really measured. */
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;
const ms = (x: number): string => (x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const thousands = (n: number): string => n.toLocaleString('en-US');
const spread = (xs: number[]): string => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

function row(operation: string, ours: number, reference: number | null, goal: string, pass: boolean | null, extra: Record<string, number> = {}): BenchRow {
  return {
    operation,
    ours: ms(ours),
    reference: reference === null ? '' : ms(reference),
    ratio: reference === null || reference === 0 ? null : ours / reference,
    goal,
    pass,
    raw: { ours, ...(reference === null ? {} : { reference }), ...extra },
  };
}

/** Runs a process to its end; its wall time from spawn to exit. */
function timedProcess(command: string, args: string[], cwd: string, check?: (stdout: string, status: number | null) => void): { wall: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - t;
  if (r.error) throw r.error;
  if (check) check(r.stdout, r.status);
  else if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, stdout: r.stdout };
}

/** The peer of `botv validate`: a Node process that reads every YAML file of the folder and parses it with `yaml`. */
function writeYamlPeer(file: string): void {
  writeFileSync(
    file,
    `'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseAllDocuments } = require(${JSON.stringify(require.resolve('yaml'))});
const t = performance.now();
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\\.ya?ml$/i.test(e.name)) files.push(p);
  }
};
walk(process.argv[2]);
let errors = 0;
let bytes = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += text.length;
  for (const doc of parseAllDocuments(text)) errors += doc.errors.length;
}
process.stdout.write(JSON.stringify({ files: files.length, bytes, errors, ms: performance.now() - t }));
`,
  );
}

/** Where the edits happen: the "-" of an example line near the middle of the file (not an item's first, which sets the block's indentation). */
function editPoint(text: string): { line: number; offset: number } {
  const lines = text.split('\n');
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    if (!/^ {6}- [A-Za-z][A-Za-z ]+$/.test(lines[i]!) || !lines[i - 1]!.startsWith('      - ')) continue;
    return { line: i, offset: lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0) + 6 };
  }
  throw new Error('no plain example to edit in the target file: has the generator changed?');
}

/** Whether the example-format warning of the edited line is there. */
const badLineOn = (diagnostics: Diagnostic[], line: number): boolean => diagnostics.some((d) => d.code === 'rasa/example-format' && d.range.start.line === line);

interface EditSeries {
  /** didChange → the first publish of that version (or, for a version coalesced into a later one, of the first later version). */
  samples: number[];
  /** Versions that got no publish of their own (coalesced). */
  coalesced: number;
  /** CPU time of the server process per edit. */
  cpuPerEdit: number;
  publishesPerEdit: number;
  bytesPerEdit: number;
}

export const rasaBench: BenchModule = {
  name: 'rasa',
  title: 'Rasa: a large generated project, botv beside yaml and git',
  reference: 'peer',
  async run({ workDir, log }) {
    for (const f of [CLI, SERVER]) if (!existsSync(f)) throw new Error(`${f} is missing: run "node scripts/build.mjs" first.`);
    const loadBefore = loadavg().map((x) => x.toFixed(1)).join(' ');
    const rows: BenchRow[] = [];
    const root = join(workDir, 'botv');
    const dir = join(root, PROJECT);
    const generated = generateLargeRasaProject();
    const written = writeLargeRasaProject(dir);
    mkdirSync(join(root, '.botversions'));
    const gitRoot = join(workDir, 'git');
    cpSync(dir, join(gitRoot, PROJECT), { recursive: true });
    git(gitRoot, 'init', '-q', '-b', 'main');

    // What the project holds, as the library reads it; and the diagnostics it expects (none).
    const library = createWorkspace({});
    for (const [rel, text] of generated) library.setDocument(join(dir, rel), text);
    const model = library.botOf(join(dir, 'config.yml')) as RasaBot;
    const examples = model.nlu.reduce((n, i) => n + (i.decl.kind === 'intent' ? i.decl.examples.length : 0), 0);
    const libraryDiagnostics = [...library.getAllDiagnostics().values()].reduce((n, d) => n + d.length, 0);
    const nluFiles = [...generated.keys()].filter((p) => p.startsWith('data/nlu/'));
    const targetRel = nluFiles.sort((a, b) => generated.get(b)!.length - generated.get(a)!.length)[0]!;
    const target = { path: join(dir, targetRel), uri: pathToFileURL(join(dir, targetRel)).toString(), text: generated.get(targetRel)! };
    const botId = model.id ? model.id : PROJECT;
    const context = [
      `Project: bench/generate-rasa.ts at its defaults, ${written.files} files, ${thousands(written.bytes)} bytes: ${thousands(model.intents.size)} intents, ${thousands(examples)} examples, ${thousands(model.stories.length)} stories and rules (${model.stories.filter((s) => s.decl.kind === 'rule').length} rules) and ${model.tests.length} test stories, ${thousands(model.responses.size)} responses, ${model.forms.size} forms; the library finds ${libraryDiagnostics} diagnostics in it.`,
      `Node ${process.version}, yaml ${JSON.parse(readFileSync(join(require.resolve('yaml'), '../../package.json'), 'utf8')).version}, ${git(gitRoot, '--version').trim()}; load average before the run ${loadBefore}.`,
    ];
    // A user's files are older than the store's 2 s "racy" window; so are these.
    await sleep(2100);

    // 1. Cold validate, as a whole process, beside yaml's parse in a process of its own.
    if (PARTS.has('validate')) {
      log('botv validate beside yaml…');
      const peer = join(workDir, 'yaml-peer.cjs');
      writeYamlPeer(peer);
      const ours: number[] = [];
      const peers: number[] = [];
      const parses: number[] = [];
      const starts: number[] = [];
      let peerFiles = 0;
      for (let r = 0; r < ROUNDS; r++) {
        // Interleaved, so that a busy moment of the machine does not fall on one side only.
        ours.push(
          timedProcess(process.execPath, [CLI, 'validate', '--root', root, '--json'], root, (out, status) => {
            if (status !== 0 || JSON.parse(out).length !== 0) throw new Error(`botv validate found problems in the generated project (exit ${status}): ${out.slice(0, 2000)}`);
          }).wall,
        );
        const p = timedProcess(process.execPath, [peer, dir], root);
        const got = JSON.parse(p.stdout) as { files: number; errors: number; ms: number };
        if (got.errors) throw new Error(`yaml found ${got.errors} errors in the generated project`);
        peerFiles = got.files;
        peers.push(p.wall);
        parses.push(got.ms);
        starts.push(timedProcess(process.execPath, ['-e', '0'], root).wall);
        await sleep(100);
    }
    const [v, y] = [median(ours), median(peers)];
    rows.push(row(`cold botv validate --json, whole process (median of ${ROUNDS})`, v, y, '≤ 2× yaml + start-up', v <= 2 * y, { spreadMin: Math.min(...ours), spreadMax: Math.max(...ours) }));
    rows.push(row('  the peer: node start-up + read + yaml parseAllDocuments', y, null, '', null));
    rows.push(row('  of which yaml’s read and parse, inside its process', median(parses), null, '', null));
    rows.push(row('  node start-up alone (node -e 0)', median(starts), null, '', null));
    context.push(
      `Validate: ${ROUNDS} rounds, each botv validate, then the yaml process (${peerFiles} files), then node -e 0; botv ${spread(ours)}, yaml ${spread(peers)}; per-round ratios ${ours.map((o, i) => (o / peers[i]!).toFixed(2)).join(' ')}.`,
    );
    }

    // 2. Edits through the language server.
    if (PARTS.has('edits')) {
      log('edits through the language server…');
      const edits = await measureEdits(root, target, log);
      const inProcess = libraryEdits(generated, dir, target);
      const d = DEBOUNCE.debounce;
      rows.push(row(`edit → fresh diagnostics p50, edits ${PAUSE_MS} ms apart`, median(edits.spaced.samples), null, '', null));
      rows.push(row(`edit → fresh diagnostics p95, edits ${PAUSE_MS} ms apart`, percentile(edits.spaced.samples, 95), null, '≤ 50 ms', percentile(edits.spaced.samples, 95) <= 50));
      rows.push(row(`edit → fresh diagnostics p50, typing (${TYPING_MS} ms apart)`, median(edits.typing.samples), null, '', null));
      const typingP95 = percentile(edits.typing.samples, 95);
      if (!typingWaits) rows.push(row(`edit → fresh diagnostics p95, typing (${TYPING_MS} ms apart)`, typingP95, null, '≤ 50 ms', typingP95 <= 50));
      else {
        // Keystrokes inside the server's quiet spell wait for more before they are checked: that wait is the server's choice, not its work.
        rows.push(row(`edit → fresh diagnostics p95, typing (${TYPING_MS} ms apart)`, typingP95, null, `reported (incl. the ${d} ms wait)`, null));
        const typed = edits.typing.samples.map((x) => x - d);
        rows.push(row(`  … p95 less the server's ${d} ms coalescing wait`, percentile(typed, 95), null, '≤ 50 ms', percentile(typed, 95) <= 50));
      }
      rows.push(row('  server CPU per edit, spaced / typing (mean)', edits.spaced.cpuPerEdit, edits.typing.cpuPerEdit, 'reported', null));
      rows.push(row('  library in-process: edit → the file’s diagnostics p50', median(inProcess.own), null, '', null));
      rows.push(row('  library in-process: edit → the file’s diagnostics p95', percentile(inProcess.own, 95), null, '', null));
      rows.push(row('  library in-process: edit → every affected file’s p95', percentile(inProcess.all, 95), null, '', null));
      context.push(
        `Edits in ${targetRel} (${thousands(Buffer.byteLength(target.text))} bytes, the largest NLU file): the "-" of an example line deleted and typed again, two warm-up edits then ${EDITS} timed per pace; each from didChange to the first publish of that version showing the warning exactly when the "-" is gone. ` +
          `The server checks a change that follows ${DEBOUNCE.quiet} ms of quiet at once and waits ${d} ms for more when changes come closer (server/src/lsp/diagnostics.ts): ` +
          (typingWaits
            ? `keystrokes ${TYPING_MS} ms apart are inside that spell, so every typing-pace figure holds the ${d} ms wait, and the goal applies to typing less the wait. `
            : `keystrokes ${TYPING_MS} ms apart are not, so no wait is in these figures: each is the server's work and the way to and from it. `) +
          `Typing: ${edits.typing.coalesced} of ${EDITS} versions were coalesced into a later one (timed to that one's publish). Publishes per edit: ${edits.spaced.publishesPerEdit.toFixed(1)} (spaced), ${edits.typing.publishesPerEdit.toFixed(1)} (typing), ${(edits.spaced.bytesPerEdit / 1024).toFixed(1)} KB of JSON each. ` +
          `Server CPU time is read from /proc in 10 ms ticks (a mean over the series); the library figures replay the same edits on a workspace in this process: setDocument, then getDiagnostics of the edited file, then of every file the change names.`,
      );
    }

    // 3. Save and restore beside git (in-process, as bench/store.ts), and as whole processes.
    if (PARTS.has('store') || PARTS.has('diff')) {
      log('saves and restores beside git…');
      const saves = await storeRows(root, dir, gitRoot, botId, nluFiles, log);
      rows.push(...saves.rows);
      context.push(...saves.context);
    }

    // 4. The semantic diff of versions 1 and 2 (they differ in one file), cold.
    if (PARTS.has('diff')) {
      log('semantic diffs…');
      const diff = await semanticRows(workDir, root, botId);
      rows.push(...diff.rows);
      context.push(...diff.context);
    }
    if (libraryDiagnostics !== 0) context.push(`WARNING: the library finds ${libraryDiagnostics} diagnostics in the generated project, which should be valid.`);
    return { context, rows };
  },
};

/** Opens the largest NLU file in the real server and edits it, spaced and at typing pace. */
async function measureEdits(root: string, target: { uri: string; text: string }, log: (l: string) => void): Promise<{ spaced: EditSeries; typing: EditSeries }> {
  const d = await LspDriver.start({
    label: 'bot-versions',
    command: process.execPath,
    args: [...(PROFILE ? ['--cpu-prof', '--cpu-prof-dir', PROFILE] : []), SERVER, '--stdio'],
    root,
    configuration: (section) => (section === 'botVersions' ? {} : null),
    initializationOptions: { trusted: true, settings: {} },
  });
  try {
    // Every custom request waits for the start-up load; this one does nothing else.
    await d.request('botVersions/setTrust', { trusted: true });
    const { uri } = target;
    const opened = d.publishes.length;
    d.open(uri, target.text);
    await d.until(() => d.publishes.slice(opened).find((p) => p.uri === uri), 'the first diagnostics of the opened file');
    await d.quiet(PAUSE_MS);
    const at = editPoint(target.text);
    let text = target.text;
    let version = 1;
    /** The next edit: deletes the "-" when it is there, types it again when it is not. */
    const next = (): { v: number; bad: boolean } => {
      const bad = text[at.offset] === '-';
      text = bad ? text.slice(0, at.offset) + ' ' + text.slice(at.offset + 1) : text.slice(0, at.offset) + '-' + text.slice(at.offset + 1);
      const pos = { line: at.line, character: 6 };
      d.change(uri, ++version, { start: pos, end: { line: at.line, character: 7 } }, bad ? ' ' : '-', text);
      return { v: version, bad };
    };
    const fresh = (from: number, v: number, bad: boolean) => d.publishes.slice(from).find((p) => p.uri === uri && (p.version ?? 0) >= v && (p.version !== v || badLineOn(p.diagnostics, at.line) === bad));
    const stats = (from: number, cpu: number, n: number, samples: number[], coalesced: number): EditSeries => {
      const caused = d.publishes.slice(from);
      const bytes = caused.reduce((s, p) => s + JSON.stringify({ uri: p.uri, version: p.version, diagnostics: p.diagnostics }).length, 0);
      return { samples, coalesced, cpuPerEdit: (d.cpuMs() - cpu) / n, publishesPerEdit: caused.length / n, bytesPerEdit: bytes / Math.max(1, caused.length) };
    };

    // Spaced: each edit waits for its answer and then for the server's quiet spell.
    const spaced: number[] = [];
    const spacedFrom = d.publishes.length;
    const spacedCpu = d.cpuMs();
    for (let k = 0; k < EDITS + 2; k++) {
      const mark = d.publishes.length;
      const t = performance.now();
      const { v, bad } = next();
      const p = await d.until(() => fresh(mark, v, bad), `fresh diagnostics for version ${v}`, 30_000);
      if (p.version !== v) throw new Error(`version ${v} was coalesced although the edits were ${PAUSE_MS} ms apart`);
      if (k >= 2) spaced.push(p.at - t);
      await d.quiet(PAUSE_MS);
    }
    const spacedStats = stats(spacedFrom, spacedCpu, EDITS + 2, spaced, 0);
    log(`edits ${PAUSE_MS} ms apart: p50 ${ms(median(spaced))}, p95 ${ms(percentile(spaced, 95))} (sorted: ${[...spaced].sort((a, b) => a - b).map((x) => x.toFixed(0)).join(' ')})`);

    // Typing: a keystroke every 150 ms, whether or not the last one has been answered.
    const typingFrom = d.publishes.length;
    const typingCpu = d.cpuMs();
    const sent: { v: number; bad: boolean; t: number; mark: number }[] = [];
    const start = performance.now();
    for (let k = 0; k < EDITS + 2; k++) {
      const wait = start + k * TYPING_MS - performance.now();
      if (wait > 0) await sleep(wait);
      const mark = d.publishes.length;
      const t = performance.now();
      const e = next();
      sent.push({ ...e, t, mark });
    }
    const last = sent[sent.length - 1]!;
    await d.until(() => fresh(last.mark, last.v, last.bad), `fresh diagnostics for version ${last.v}`, 30_000);
    await d.quiet(PAUSE_MS);
    const typing: number[] = [];
    let coalesced = 0;
    for (const [k, s] of sent.entries()) {
      const p = fresh(s.mark, s.v, s.bad)!;
      if (k < 2) continue;
      if (p.version !== s.v) coalesced++;
      typing.push(p.at - s.t);
    }
    const typingStats = stats(typingFrom, typingCpu, EDITS + 2, typing, coalesced);
    log(`edits ${TYPING_MS} ms apart: p50 ${ms(median(typing))}, p95 ${ms(percentile(typing, 95))}, ${coalesced} coalesced (sorted: ${[...typing].sort((a, b) => a - b).map((x) => x.toFixed(0)).join(' ')})`);
    return { spaced: spacedStats, typing: typingStats };
  } finally {
    await d.stop();
  }
}

/** The same edits on a library workspace in this process: the edited file's diagnostics, then every affected file's. */
function libraryEdits(files: ReadonlyMap<string, string>, dir: string, target: { path: string; text: string }): { own: number[]; all: number[] } {
  const ws = createWorkspace({});
  for (const [rel, text] of files) ws.setDocument(join(dir, rel), text);
  ws.getAllDiagnostics();
  const at = editPoint(target.text);
  let text = target.text;
  const own: number[] = [];
  const all: number[] = [];
  for (let k = 0; k < EDITS + 2; k++) {
    const bad = text[at.offset] === '-';
    text = text.slice(0, at.offset) + (bad ? ' ' : '-') + text.slice(at.offset + 1);
    const t = performance.now();
    const { affected } = ws.setDocument(target.path, text, k + 2);
    ws.getDiagnostics(target.path);
    const a = performance.now();
    for (const f of affected) ws.getDiagnostics(f);
    const b = performance.now();
    if (k >= 2) {
      own.push(a - t);
      all.push(b - t);
    }
  }
  return { own, all };
}

/** Changes one example line of the k-th NLU file (one file differs). */
function changeOneLine(dir: string, nluFiles: readonly string[], k: number, tag: string): void {
  const p = join(dir, nluFiles[k % nluFiles.length]!);
  const text = readFileSync(p, 'utf8');
  const at = text.indexOf('\n      - ', Math.floor(text.length / 2));
  const end = text.indexOf('\n', at + 1);
  writeFileSync(p, `${text.slice(0, at)}\n      - changed example ${tag}${text.slice(end)}`);
}

/** Before each timed store operation, ours and git's: the file system flushed, and a pause as between two actions of a person. */
async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  await sleep(150);
  spawnSync('sync');
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

async function storeRows(root: string, dir: string, gitRoot: string, bot: string, nluFiles: readonly string[], log: (l: string) => void): Promise<{ rows: BenchRow[]; context: string[] }> {
  const rows: BenchRow[] = [];
  const work = join(root, '..');
  // First saves: into fresh copies, several times; the last goes on to the rest.
  const ourFirsts: number[] = [];
  const gitFirsts: number[] = [];
  for (let k = 1; k < FIRST_SAVES; k++) {
    const [o, g] = [join(work, `botv-first-${k}`), join(work, `git-first-${k}`)];
    cpSync(root, o, { recursive: true, preserveTimestamps: true });
    cpSync(gitRoot, g, { recursive: true, preserveTimestamps: true });
    gitFirsts.push((await time(() => gitCommit(g, 'v1')))[0]);
    const w = await openWorkspace(o, { author: 'bench' });
    ourFirsts.push((await time(() => w.save(bot, { name: 'v1' })))[0]);
  }
  gitFirsts.push((await time(() => gitCommit(gitRoot, 'v1')))[0]);
  const ws = await openWorkspace(root, { author: 'bench' });
  ourFirsts.push((await time(() => ws.save(bot, { name: 'v1' })))[0]);
  rows.push(row(`first save vs git add -A && git commit (median of ${FIRST_SAVES})`, median(ourFirsts), median(gitFirsts), '≤ 1.0× git', median(ourFirsts) <= median(gitFirsts)));

  // Saves after one changed example line, each in another NLU file: versions 2 to 11.
  log('saves after one change…');
  const ourSaves: number[] = [];
  const gitSaves: number[] = [];
  for (let i = 0; i < 10; i++) {
    changeOneLine(dir, nluFiles, i, `r${i}`);
    changeOneLine(join(gitRoot, PROJECT), nluFiles, i, `r${i}`);
    gitSaves.push((await time(() => gitCommit(gitRoot, `v${i + 2}`)))[0]);
    ourSaves.push((await time(() => ws.save(bot)))[0]);
  }
  rows.push(row('save after one changed line (median of 10)', median(ourSaves), median(gitSaves), '≤ 0.5× git', median(ourSaves) <= 0.5 * median(gitSaves)));
  const eleventh = git(gitRoot, 'rev-parse', 'HEAD').trim();

  // Restores of version 1 and back to 11 (10 files differ), beside git checkout.
  log('restores…');
  const first = git(gitRoot, 'rev-list', '--max-parents=0', 'HEAD').trim();
  const ourRestore: number[] = [];
  const ourSettled: number[] = [];
  const gitRestore: number[] = [];
  const restore = async (ref: string) => {
    const [total, afterAnswer] = await time(async () => {
      await ws.restore(bot, ref);
      const t = performance.now();
      await ws.settled();
      return performance.now() - t;
    });
    ourRestore.push(total - afterAnswer);
    ourSettled.push(total);
  };
  for (let i = 0; i < 3; i++) {
    await restore('1');
    await restore('11');
    gitRestore.push((await time(() => git(gitRoot, 'checkout', '-q', first, '--', PROJECT)))[0]);
    gitRestore.push((await time(() => git(gitRoot, 'checkout', '-q', eleventh, '--', PROJECT)))[0]);
  }
  rows.push(row('restore v1 ⇄ v11, 10 files differ (median of 6)', median(ourRestore), median(gitRestore), '≤ 1.0× git checkout', median(ourRestore) <= median(gitRestore)));
  rows.push(row('  … until its flushes after the answer end', median(ourSettled), median(gitRestore), 'reported', null));

  // The same as whole processes: botv save after one change beside git add + commit, botv restore beside git checkout.
  log('botv save and restore as processes…');
  const cliSave: number[] = [];
  const gitSaveProc: number[] = [];
  const cliRestore: number[] = [];
  const gitRestoreProc: number[] = [];
  for (let i = 0; i < 5; i++) {
    changeOneLine(dir, nluFiles, i, `p${i}`);
    changeOneLine(join(gitRoot, PROJECT), nluFiles, i, `p${i}`);
    gitSaveProc.push((await time(() => gitCommit(gitRoot, `p${i}`)))[0]);
    cliSave.push((await time(() => timedProcess(process.execPath, [CLI, 'save', bot, '--root', root, '--json'], root)))[0]);
    const ref = i % 2 === 0 ? '1' : '11';
    cliRestore.push((await time(() => timedProcess(process.execPath, [CLI, 'restore', bot, ref, '--root', root, '--json'], root)))[0]);
    gitRestoreProc.push((await time(() => git(gitRoot, 'checkout', '-q', i % 2 === 0 ? first : eleventh, '--', PROJECT)))[0]);
  }
  rows.push(row('  botv save after one change, whole process (median of 5)', median(cliSave), median(gitSaveProc), 'reported', null));
  rows.push(row('  botv restore, whole process (median of 5)', median(cliRestore), median(gitRestoreProc), 'reported', null));
  const context = [
    `Store: in-process as bench/store.ts (the workspace open, as a language server holds it), each operation after sync and 150 ms; first saves into fresh copies (botv ${spread(ourFirsts)}, git ${spread(gitFirsts)}); saves after one changed example line (botv ${spread(ourSaves)}, git ${spread(gitSaves)}); restores answer once their journal is durable and the files are in place. The whole-process rows run dist/cli.js.`,
  ];
  return { rows, context };
}

/** The semantic diff of versions 1 and 2 (one NLU file differs), cold: the whole `botv diff` process, and the call alone in a fresh process. */
async function semanticRows(workDir: string, root: string, bot: string): Promise<{ rows: BenchRow[]; context: string[] }> {
  const entry = join(workDir, 'semantic-entry.ts');
  const bundle = join(workDir, 'semantic.js');
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
  const starts: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const reads: number[] = [];
  let changes = -1;
  let cliChanges = -1;
  for (let r = 0; r < ROUNDS; r++) {
    whole.push(
      timedProcess(process.execPath, [CLI, 'diff', bot, '1', '2', '--semantic', '--json', '--root', root], root, (out, status) => {
        if (status !== 0) throw new Error(`botv diff exited ${status}: ${out.slice(0, 2000)}`);
        cliChanges = (JSON.parse(out) as { semantic: { changes: unknown[] } }).semantic.changes.length;
      }).wall,
    );
    const p = JSON.parse(timedProcess(process.execPath, [bundle, root, bot], root).stdout) as { read: number; cold: number; warm: number; changes: number };
    cold.push(p.cold);
    warm.push(p.warm);
    reads.push(p.read);
    changes = p.changes;
    starts.push(timedProcess(process.execPath, [CLI, '--version'], root).wall);
    await sleep(100);
  }
  if (changes !== cliChanges || changes <= 0) throw new Error(`the semantic diff of versions 1 and 2 gave ${changes} changes in-process and ${cliChanges} from botv diff`);
  const startup = median(starts);
  const rows = [
    row(`semantic diff v1 → v2 (one file differs), cold, in-process (median of ${ROUNDS})`, median(cold), null, '≤ 100 ms', median(cold) <= 100),
    row('  the same, second call in the same process', median(warm), null, '', null),
    row('  reading both versions’ texts from the store (before the clock)', median(reads), null, '', null),
    row('botv diff 1 2 --semantic --json, whole process', median(whole), startup, 'reported', null),
    row('  botv --version, whole process (start-up alone)', startup, null, '', null),
  ];
  const context = [
    `Semantic diff: versions 1 and 2 differ in one NLU file (one example line changed: ${changes} changes). ${ROUNDS} rounds, each botv diff as a process, then a fresh process that reads both versions' texts from the store and times semanticChanges('rasa', before, after) (first call: cold; again: warm), then botv --version; the reference of the whole-process row is botv's own start-up. In-process cold ${spread(cold)}.`,
  ];
  return { rows, context };
}
