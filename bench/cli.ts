/**
 * `botv` as a user runs it: whole processes, beside `node -e 0` (Node's own start-up, which
 * no Node program can go below) and beside git doing the same job, in the same run, as
 * medians of interleaved rounds (each round runs every command once, so a busy moment of the
 * shared machine falls on all of them alike):
 *
 * - `botv --version` and `botv --help`: start-up alone, ≤ 1.15× `node -e 0`;
 * - `botv status` and `botv versions` of the sample's pizza-dev (with 5 versions): ≤ `node -e 0`
 *   + 20 ms; `git status` of the same files beside them;
 * - `botv validate` of the sample: ≤ `node -e 0` + 50 ms;
 * - the first `botv save` of the generated 5 MB bot (bench/generate-bot.ts), into fresh copies,
 *   ≤ 1.0× git's first `git add -A && git commit` of the same files;
 * - `botv save` after one changed line: ≤ `node -e 0` + 30 ms; git's `add -A && commit` of it beside;
 * - `botv diff <bot> v<n-1> v<n>` (one file changed): ≤ `git diff HEAD~1 HEAD` + `node -e 0`.
 *
 * Before each save (ours and git's) the file system is flushed (`sync`) and 150 ms pass, as in
 * bench/store.ts, so that neither pays for the other's writes. The CLI under test is built from
 * the sources as `npm run package` builds it (minified), unless BOTV_BENCH_CLI names a cli.js.
 * Beside the table: the spread of each row, the CPU time per process, and what each command
 * loaded (files and bytes of the bundle).
 *
 *   BOTV_BENCH_CLI_ROUNDS (default 21)  rounds of the start-up, status, versions, validate and diff rows
 *   BOTV_BENCH_CLI_SAVES  (default 15)  one-file saves (and 7 first saves, or fewer if this is less)
 *   BOTV_BENCH_CLI=<file>               the cli.js to measure (default: a fresh production build)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { writeLargeBot } from './generate-bot';
import type { BenchModule, BenchRow } from './types';

const ROOT = join(__dirname, '..');
const ROUNDS = Math.max(3, Number(process.env.BOTV_BENCH_CLI_ROUNDS ?? 21));
const SAVES = Math.max(3, Number(process.env.BOTV_BENCH_CLI_SAVES ?? 15));
const FIRST_SAVES = Math.min(7, SAVES);
const BOT = 'big-bot';
const SAMPLE = join(ROOT, 'samples', 'pizza-shop');
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };

/** Linux reports CPU time in clock ticks; USER_HZ is 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100;

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const ms = (x: number) => (x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
}
const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** CPU time of this process's waited-for children so far (user + system), in ms. */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[13]) + Number(f[14])) * 1000) / CLOCK_TICKS;
}

/** One timed command: its argv, where it runs, and the exit codes it may end with. */
interface Cmd {
  argv: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  ok?: number[];
}

/** Times of one measured thing, one per round (a sum when a thing is several processes). */
interface Series {
  label: string;
  times: number[];
  cpu: number[];
}

/** Runs the commands (one after the other) and returns their total time and CPU. */
function run(cmds: Cmd[]): { time: number; cpu: number } {
  let time = 0;
  let cpu = 0;
  for (const c of cmds) {
    const c0 = childrenCpuMs();
    const t = performance.now();
    const r = spawnSync(c.argv[0]!, c.argv.slice(1), { cwd: c.cwd, env: c.env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 28 });
    time += performance.now() - t;
    cpu += childrenCpuMs() - c0;
    if (r.error || !(c.ok ?? [0]).includes(r.status ?? -1)) throw new Error(`${c.argv.join(' ')} (in ${c.cwd}) exited ${r.status}: ${r.error?.message ?? ''}${r.stderr}${r.stdout.slice(0, 2000)}`);
  }
  return { time, cpu };
}

const series = (label: string): Series => ({ label, times: [], cpu: [] });
function record(s: Series, r: { time: number; cpu: number }): void {
  s.times.push(r.time);
  s.cpu.push(r.cpu);
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Changes one line of one file of the bot (the k-th intents file), as bench/store.ts does. */
function changeOneLine(dir: string, k: number, tag: string): void {
  const files = readdirSync(join(dir, 'intents')).sort();
  const p = join(dir, 'intents', files[k % files.length]!);
  const text = readFileSync(p, 'utf8');
  const at = text.indexOf('\n', Math.floor(text.length / 2));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  writeFileSync(p, `${text.slice(0, lineStart)}        - changed line ${tag}\n${text.slice(at + 1)}`);
}

/** Builds botv as the package ships it (scripts/buildCli.mjs, minified) into `dir`; returns its cli.js. */
async function buildCli(dir: string): Promise<string> {
  const { buildCli } = await import('../scripts/buildCli.mjs');
  await buildCli({ outdir: dir, production: true });
  return join(dir, 'cli.js');
}

/** The files of the bundle (beside `cli`) a command loads, and their bytes: read from a require hook in that process. */
function loaded(cli: string, cmd: Cmd, hookDir: string): { files: number; bytes: number } {
  const hook = join(hookDir, 'loaded-hook.cjs');
  const out = join(hookDir, 'loaded.json');
  writeFileSync(
    hook,
    // The bundle's loader reads each of its files once (server/src/cli/loader.ts); a single-file bundle is read by Node the same way.
    `const fs = require('fs'); const read = fs.readFileSync; const seen = new Set();
fs.readFileSync = function (p, ...a) { if (typeof p === 'string' && p.endsWith('.js')) seen.add(p); return read.call(this, p, ...a); };
process.on('exit', () => fs.writeFileSync(${JSON.stringify(out)}, JSON.stringify([...seen])));`,
  );
  run([{ ...cmd, argv: [cmd.argv[0]!, '-r', hook, ...cmd.argv.slice(1)] }]);
  const under = dirname(cli);
  const files = (JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((f) => f.startsWith(under) && f !== hook);
  return { files: files.length, bytes: files.reduce((n, f) => n + readFileSync(f).length, 0) };
}

export const cliBench: BenchModule = {
  name: 'cli',
  title: 'botv as a process, beside node -e 0 and git (whole processes, medians)',
  reference: 'reference',
  async run({ workDir, log }) {
    const loadBefore = loadavg().map((x) => x.toFixed(1)).join(' ');
    const cli = process.env.BOTV_BENCH_CLI ?? (await buildCli(join(workDir, 'dist')));
    if (!existsSync(cli)) throw new Error(`${cli} is missing`);
    const node = process.execPath;
    const nodeStart: Cmd = { argv: [node, '-e', '0'], cwd: workDir };
    const botv = (cwd: string, ...args: string[]): Cmd => ({ argv: [node, cli, ...args], cwd, ok: args[0] === 'validate' ? [0, 1] : [0] });
    const gitCmd = (cwd: string, ...args: string[]): Cmd => ({ argv: ['git', ...args], cwd, env: GIT_ENV });

    // The sample with five versions of pizza-dev, and the same files in git.
    log('the sample with five versions…');
    const sample = join(workDir, 'sample');
    cpSync(SAMPLE, sample, { recursive: true });
    git(sample, 'init', '-q', '-b', 'main');
    const support = join(sample, 'pizza-dev', 'responses', 'support.yaml');
    const base = readFileSync(support, 'utf8');
    for (let i = 1; i <= 5; i++) {
      writeFileSync(support, `${base}# revision ${i}\n`);
      run([botv(sample, 'save', 'pizza-dev', '--name', `Revision ${i}`)]);
    }
    git(sample, 'add', '-A');
    git(sample, 'commit', '-q', '-m', 'sample');

    // 1. Start-up, status, versions, validate: interleaved rounds.
    log(`start-up, status, versions, validate: ${ROUNDS} rounds…`);
    const quick: [Series, Cmd[]][] = [
      [series('node -e 0'), [nodeStart]],
      [series('botv --version'), [botv(sample, '--version')]],
      [series('botv --help'), [botv(sample, '--help')]],
      [series('botv status pizza-dev'), [botv(sample, 'status', 'pizza-dev')]],
      [series('git status'), [gitCmd(sample, 'status')]],
      [series('botv versions pizza-dev'), [botv(sample, 'versions', 'pizza-dev')]],
      [series('botv validate'), [botv(sample, 'validate')]],
    ];
    for (let r = 0; r < ROUNDS + 1; r++) {
      for (const [s, cmds] of quick) {
        const res = run(cmds);
        if (r > 0) record(s, res); // the first round warms the file cache
      }
    }
    const [nodeS, versionS, helpS, statusS, gitStatusS, versionsS, validateS] = quick.map(([s]) => s) as [Series, Series, Series, Series, Series, Series, Series];

    // Node parses the CA bundle NODE_EXTRA_CA_CERTS names as it starts (tens of milliseconds),
    // which makes node -e 0 slower and every ratio to it smaller: the start-up rows again without it.
    const extraCerts = process.env.NODE_EXTRA_CA_CERTS;
    const plain: [Series, Cmd[]][] = [];
    if (extraCerts !== undefined) {
      log(`the same without NODE_EXTRA_CA_CERTS: ${ROUNDS} rounds…`);
      const bare = (c: Cmd): Cmd => {
        const { NODE_EXTRA_CA_CERTS: _, ...env } = c.env ?? process.env;
        return { ...c, env };
      };
      for (const [s, cmds] of quick) if (s.label !== 'git status') plain.push([series(`${s.label} (no extra CA certificates)`), cmds.map(bare)]);
      for (let r = 0; r < ROUNDS + 1; r++) {
        for (const [s, cmds] of plain) {
          const res = run(cmds);
          if (r > 0) record(s, res);
        }
      }
    }

    // 2. The large bot: first saves into fresh copies, then saves after one changed line, then diffs.
    log('the large bot…');
    const src = join(workDir, 'src', BOT);
    const gen = writeLargeBot(src);
    // A user's files are older than the stat cache's 2 s "racy" window; so are these.
    await sleep(2100);
    const firstS = series('botv save (first)');
    const gitFirstS = series('git add -A && git commit (first)');
    const nodeSaveS = series('node -e 0 (beside the saves)');
    let ws = '';
    let repo = '';
    for (let k = 0; k < FIRST_SAVES; k++) {
      const [o, g] = [join(workDir, `botv-${k}`), join(workDir, `git-${k}`)];
      cpSync(src, join(o, BOT), { recursive: true, preserveTimestamps: true });
      cpSync(src, join(g, BOT), { recursive: true, preserveTimestamps: true });
      git(g, 'init', '-q', '-b', 'main');
      mkdirSync(join(o, '.botversions'));
      await sleep(150);
      spawnSync('sync');
      record(gitFirstS, run([gitCmd(g, 'add', '-A'), gitCmd(g, 'commit', '-q', '-m', 'v1')]));
      await sleep(150);
      spawnSync('sync');
      record(firstS, run([botv(o, 'save', BOT, '--name', 'v1')]));
      record(nodeSaveS, run([nodeStart]));
      if (k === 0) [ws, repo] = [o, g];
    }
    log(`${SAVES} saves after one changed line…`);
    const oneS = series('botv save (one file)');
    const gitOneS = series('git add -A && git commit (one file)');
    for (let i = 0; i < SAVES; i++) {
      changeOneLine(join(ws, BOT), i, `r${i}`);
      changeOneLine(join(repo, BOT), i, `r${i}`);
      await sleep(150);
      spawnSync('sync');
      record(gitOneS, run([gitCmd(repo, 'add', '-A'), gitCmd(repo, 'commit', '-q', '-m', `v${i + 2}`)]));
      await sleep(150);
      spawnSync('sync');
      record(oneS, run([botv(ws, 'save', BOT)]));
      record(nodeSaveS, run([nodeStart]));
    }
    const last = SAVES + 1;
    log(`diffs of v${last - 1} and v${last}: ${ROUNDS} rounds…`);
    const diffs: [Series, Cmd[]][] = [
      [series('node -e 0 (beside the diffs)'), [nodeStart]],
      [series('botv diff'), [botv(ws, 'diff', BOT, `v${last - 1}`, `v${last}`)]],
      [series('git diff HEAD~1 HEAD'), [gitCmd(repo, 'diff', 'HEAD~1', 'HEAD')]],
      [series('botv status big-bot'), [botv(ws, 'status', BOT)]],
      [series('git status (large bot)'), [gitCmd(repo, 'status')]],
    ];
    for (let r = 0; r < ROUNDS + 1; r++) {
      for (const [s, cmds] of diffs) {
        const res = run(cmds);
        if (r > 0) record(s, res);
      }
    }
    const [nodeDiffS, diffS, gitDiffS, bigStatusS, bigGitStatusS] = diffs.map(([s]) => s) as [Series, Series, Series, Series, Series];

    // The table.
    const n0 = median(nodeS.times);
    const row = (operation: string, s: Series, reference: number | null, goal: string, pass: boolean | null, ratioTo = reference): BenchRow => ({
      operation,
      ours: ms(median(s.times)),
      reference: reference === null ? '' : ms(reference),
      ratio: ratioTo === null ? null : median(s.times) / ratioTo,
      goal,
      pass,
      raw: { ours: median(s.times), ...(reference === null ? {} : { reference }), p25: quantile(s.times, 0.25), p75: quantile(s.times, 0.75), cpu: median(s.cpu) },
    });
    const within = (s: Series, ref: number, extra: number) => median(s.times) <= ref + extra;
    const nSave = median(nodeSaveS.times);
    const nDiff = median(nodeDiffS.times);
    const rows: BenchRow[] = [
      row('botv --version vs node -e 0', versionS, n0, '≤ 1.15× node', median(versionS.times) <= 1.15 * n0),
      row('botv --help vs node -e 0', helpS, n0, '≤ 1.15× node', median(helpS.times) <= 1.15 * n0),
      row('botv status pizza-dev vs node -e 0', statusS, n0, '≤ node + 20 ms', within(statusS, n0, 20)),
      row('  git status of the sample', gitStatusS, null, 'reported', null),
      row('botv versions pizza-dev (5) vs node -e 0', versionsS, n0, '≤ node + 20 ms', within(versionsS, n0, 20)),
      row('botv validate of the sample vs node -e 0', validateS, n0, '≤ node + 50 ms', within(validateS, n0, 50)),
      row(`first botv save of the large bot vs git add -A && commit (median of ${FIRST_SAVES})`, firstS, median(gitFirstS.times), '≤ 1.0× git', median(firstS.times) <= median(gitFirstS.times)),
      row(`botv save, one line changed, vs node -e 0 (median of ${SAVES})`, oneS, nSave, '≤ node + 30 ms', within(oneS, nSave, 30)),
      row('  git add -A && commit of it', gitOneS, null, 'reported', null),
      row('botv diff, one file changed, vs git diff + node -e 0', diffS, median(gitDiffS.times) + nDiff, '≤ 1.0× (git diff + node)', median(diffS.times) <= median(gitDiffS.times) + nDiff),
      row('  git diff HEAD~1 HEAD alone', gitDiffS, null, 'reported', null),
      row('botv status of the large bot vs node -e 0', bigStatusS, nDiff, 'reported', null),
      row('  git status of the large bot', bigGitStatusS, null, 'reported', null),
    ];
    if (plain.length) {
      const [pNode, pVersion, pHelp, pStatus, pVersions, pValidate] = plain.map(([s]) => s) as [Series, Series, Series, Series, Series, Series];
      const p0 = median(pNode.times);
      rows.push(
        row('without NODE_EXTRA_CA_CERTS: botv --version vs node -e 0', pVersion, p0, '≤ 1.15× node', median(pVersion.times) <= 1.15 * p0),
        row('  botv --help vs node -e 0', pHelp, p0, '≤ 1.15× node', median(pHelp.times) <= 1.15 * p0),
        row('  botv status pizza-dev vs node -e 0', pStatus, p0, '≤ node + 20 ms', within(pStatus, p0, 20)),
        row('  botv versions pizza-dev vs node -e 0', pVersions, p0, '≤ node + 20 ms', within(pVersions, p0, 20)),
        row('  botv validate of the sample vs node -e 0', pValidate, p0, '≤ node + 50 ms', within(pValidate, p0, 50)),
      );
    }

    // What each command loads, and the spread.
    const sizes = [
      ['--version', botv(sample, '--version')],
      ['--help', botv(sample, '--help')],
      ['status', botv(sample, 'status', 'pizza-dev')],
      ['versions', botv(sample, 'versions', 'pizza-dev')],
      ['save', botv(ws, 'save', BOT)],
      ['diff', botv(ws, 'diff', BOT, `v${last - 1}`, `v${last}`)],
      ['validate', botv(sample, 'validate')],
    ] as const;
    const loads = sizes.map(([name, cmd]) => {
      const l = loaded(cli, cmd, workDir);
      return `${name} ${l.files} files, ${(l.bytes / 1024).toFixed(0)} KB`;
    });
    const spread = (s: Series) => `${s.label} ${ms(quantile(s.times, 0.25))}–${ms(quantile(s.times, 0.75))} (CPU ${ms(median(s.cpu))})`;
    const all = [...quick.map(([s]) => s), ...plain.map(([s]) => s), firstS, gitFirstS, oneS, gitOneS, nodeSaveS, ...diffs.map(([s]) => s)];
    const context = [
      `botv: ${process.env.BOTV_BENCH_CLI ? cli : 'built from the sources as the package ships it (scripts/buildCli.mjs, minified)'}; sources at ${git(ROOT, 'rev-parse', '--short', 'HEAD').trim()}${git(ROOT, 'status', '--porcelain', '--', 'server/src', 'scripts').trim() ? ' with uncommitted changes' : ''}.`,
      `node ${process.version}, ${git(ROOT, '--version').trim()}, ${process.platform} ${process.arch}; load average before ${loadBefore}, after ${loadavg().map((x) => x.toFixed(1)).join(' ')}.${extraCerts !== undefined ? ' NODE_EXTRA_CA_CERTS is set in this environment: every Node process, node -e 0 included, parses that CA bundle as it starts; the start-up rows are run again without it.' : ''}`,
      `Large bot: ${gen.files} files, ${(gen.bytes / 1024 / 1024).toFixed(2)} MB. Start-up, status, versions, validate and diff: median of ${ROUNDS} interleaved rounds (after one warm-up round); first saves: ${FIRST_SAVES} fresh copies; one-line saves: ${SAVES}; node -e 0 is timed beside each group (${ms(n0)}, ${ms(nSave)}, ${ms(nDiff)}).`,
      `Loaded from the bundle: ${loads.join('; ')}.`,
      `Spread (quartiles) and median CPU per run: ${all.map(spread).join('; ')}.`,
    ];
    return { context, rows };
  },
};
