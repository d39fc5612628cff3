/**
 * The store benchmark: botv beside git on the same files in the same run, as ratios.
 *
 * - first save of the large bot vs `git add -A && git commit` (median of 5 fresh copies);
 * - save after one changed line vs the same in git (median of 10);
 * - restore of an old version vs `git checkout <old> -- <dir>` (median, both ways): the time
 *   until the restore answers (its journal durable, the files in place), and apart, the time
 *   until the flushes it does after answering end;
 * - diff of two versions vs `git diff <a> <b> -- <dir>`;
 * - listing 1,000 versions (a fresh process's view: no in-memory cache);
 * - store size after 100 versions with one line changed per version, vs the distinct
 *   content bytes, and the git-packed size of the store beside that of the plain files'
 *   own history and of a gzip'd store.
 *
 * Our operations run in-process (a language server's view); the CLI's own start-up time
 * is measured apart. Git runs with its defaults, which do not flush loose objects to
 * disk; botv flushes every object and record before it counts as saved. Before each timed
 * operation (ours and git's) the file system is flushed with `sync`, so neither pays for
 * the other's unflushed writes, and 150 ms pass, as between two actions of a person: a
 * file changed less than 100 ms before a scan is re-read whatever its stat says (git
 * treats its "racily clean" entries the same way).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openWorkspace } from '../server/src/versioning/index';
import { writeLargeBot } from './generate-bot';
import type { BenchModule, BenchRow } from './types';

/** First saves timed, each into a fresh copy of the bot. */
const FIRST_SAVES = 5;

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
const BOT = 'big-bot';

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function gitCommit(cwd: string, message: string, path = '-A'): void {
  git(cwd, 'add', path);
  git(cwd, 'commit', '-q', '--allow-empty', '-m', message);
}

async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  await sleep(150);
  spawnSync('sync');
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => (x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const mb = (x: number) => `${(x / 1024 / 1024).toFixed(2)} MB`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** Changes one line of one file of the bot (the k-th intents file). */
function changeOneLine(dir: string, k: number, tag: string): void {
  const files = readdirSync(join(dir, 'intents')).sort();
  const p = join(dir, 'intents', files[k % files.length]!);
  const text = readFileSync(p, 'utf8');
  const at = text.indexOf('\n', Math.floor(text.length / 2));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  writeFileSync(p, `${text.slice(0, lineStart)}        - changed line ${tag}\n${text.slice(at + 1)}`);
}

/** Apparent and on-disk sizes of a folder (skipping `skip` names). */
function sizeOf(dir: string, skip: string[] = []): { apparent: number; disk: number } {
  let apparent = 0;
  let disk = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (skip.includes(e.name)) continue;
      const p = join(d, e.name);
      const st = lstatSync(p);
      disk += st.blocks * 512;
      if (e.isDirectory()) walk(p);
      else apparent += st.size;
    }
  };
  walk(dir);
  return { apparent, disk };
}

function packSize(repo: string): number {
  git(repo, 'gc', '-q');
  const dir = join(repo, '.git', 'objects', 'pack');
  return readdirSync(dir).filter((f) => f.endsWith('.pack')).reduce((n, f) => n + lstatSync(join(dir, f)).size, 0);
}

function row(operation: string, ours: number, reference: number | null, goal: string, pass: boolean | null, fmt = ms): BenchRow {
  return {
    operation,
    ours: fmt(ours),
    reference: reference === null ? '' : fmt(reference),
    ratio: reference === null || reference === 0 ? null : ours / reference,
    goal,
    pass,
    raw: { ours, ...(reference === null ? {} : { reference }) },
  };
}

export const storeBench: BenchModule = {
  name: 'store',
  title: 'Store: botv beside git',
  reference: 'git',
  async run({ workDir, log }) {
    const rows: BenchRow[] = [];
    const ws1 = join(workDir, 'botv');
    const g1 = join(workDir, 'git');
    const gen = writeLargeBot(join(ws1, BOT));
    cpSync(join(ws1, BOT), join(g1, BOT), { recursive: true });
    mkdirSync(join(ws1, '.botversions'));
    git(g1, 'init', '-q', '-b', 'main');
    const context = [
      `large bot: ${gen.files} files, ${mb(gen.bytes)}, 2,000 intents, 80,000 utterances (en-US, fr-FR)`,
      `node ${process.version}, ${git(g1, '--version').trim()}, ${process.platform} ${process.arch}`,
    ];
    // A user's files are older than the stat cache's 2 s "racy" window; so are these.
    await sleep(2100);

    // 1. First save: into fresh copies of the bot, several times (one sample swings by half
    // on a shared machine); the first copy goes on to the rest of the benchmark.
    log('first saves…');
    const ourFirsts: number[] = [];
    const gitFirsts: number[] = [];
    for (let k = 1; k < FIRST_SAVES; k++) {
      const [o, g] = [join(workDir, `botv-first-${k}`), join(workDir, `git-first-${k}`)];
      cpSync(ws1, o, { recursive: true, preserveTimestamps: true });
      cpSync(g1, g, { recursive: true, preserveTimestamps: true });
      gitFirsts.push((await time(() => gitCommit(g, 'v1')))[0]);
      const w = await openWorkspace(o, { author: 'bench' });
      ourFirsts.push((await time(() => w.save(BOT, { name: 'v1' })))[0]);
    }
    gitFirsts.push((await time(() => gitCommit(g1, 'v1')))[0]);
    const ws = await openWorkspace(ws1, { author: 'bench' });
    ourFirsts.push((await time(() => ws.save(BOT, { name: 'v1' })))[0]);
    const [ourFirst, gitFirst] = [median(ourFirsts), median(gitFirsts)];
    rows.push(row(`first save vs git add -A && git commit (median of ${FIRST_SAVES})`, ourFirst, gitFirst, '≤ 1.0× git', ourFirst <= gitFirst));

    // 2. Save after one change.
    log('saves after one change…');
    const ourSaves: number[] = [];
    const gitSaves: number[] = [];
    for (let i = 0; i < 10; i++) {
      changeOneLine(join(ws1, BOT), i, `r${i}`);
      changeOneLine(join(g1, BOT), i, `r${i}`);
      gitSaves.push((await time(() => gitCommit(g1, `v${i + 2}`)))[0]);
      ourSaves.push((await time(() => ws.save(BOT)))[0]);
    }
    const os = median(ourSaves);
    const gs = median(gitSaves);
    rows.push(row('save after one changed line (median of 10)', os, gs, '≤ 0.5× git', os <= 0.5 * gs));

    // 3. Restore an old version and back.
    log('restores…');
    const first = git(g1, 'rev-list', '--max-parents=0', 'HEAD').trim();
    const ourRestore: number[] = [];
    const ourSettled: number[] = [];
    const gitRestore: number[] = [];
    // A restore answers once its journal is durable and the files are in place; their
    // flushes finish after that, under the lock (docs/store.md). Both times are shown.
    const restore = async (ref: string) => {
      const [total, afterAnswer] = await time(async () => {
        await ws.restore(BOT, ref);
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
      gitRestore.push((await time(() => git(g1, 'checkout', '-q', first, '--', BOT)))[0]);
      gitRestore.push((await time(() => git(g1, 'checkout', '-q', 'HEAD', '--', BOT)))[0]);
    }
    const orr = median(ourRestore);
    const grr = median(gitRestore);
    rows.push(row('restore v1 ⇄ v11, 10 files differ (median of 6)', orr, grr, '≤ 1.0× git checkout', orr <= grr));
    rows.push(row('  … until its flushes after the answer end', median(ourSettled), grr, 'reported', null));

    // 4. Diff two versions.
    log('diffs…');
    const ourDiff: number[] = [];
    const gitDiff: number[] = [];
    for (let i = 0; i < 5; i++) {
      const fresh = await openWorkspace(ws1, { author: 'bench' });
      ourDiff.push((await time(() => fresh.diff(BOT, '1', '11')))[0]);
      gitDiff.push((await time(() => git(g1, 'diff', first, 'HEAD', '--', BOT)))[0]);
    }
    rows.push(row('diff v1 v11 with line hunks (median of 5)', median(ourDiff), median(gitDiff), 'reported', null));

    // 5. Listing 1,000 versions.
    log('1,000 versions of a small bot…');
    const ws2 = join(workDir, 'listing');
    mkdirSync(join(ws2, 'tiny'), { recursive: true });
    mkdirSync(join(ws2, '.botversions'));
    writeFileSync(join(ws2, 'tiny', 'bot.yaml'), 'bot:\n  id: tiny\n');
    const lw = await openWorkspace(ws2, { author: 'bench' });
    for (let i = 0; i < 1000; i++) {
      writeFileSync(join(ws2, 'tiny', 'n.txt'), String(i));
      await lw.save('tiny');
    }
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const fresh = await openWorkspace(ws2, { author: 'bench' });
      const [t, list] = await time(() => fresh.versions('tiny'));
      if (list.length !== 1000) throw new Error(`listed ${list.length} versions`);
      cold.push(t);
      warm.push((await time(() => fresh.versions('tiny')))[0]);
    }
    rows.push(row('list 1,000 versions, cold (median of 5)', median(cold), null, '≤ 100 ms', median(cold) <= 100));
    rows.push(row('list 1,000 versions, warm (same process)', median(warm), null, 'reported', null));
    // botv as the package ships it (bench/cli.ts measures the CLI as a process in full).
    const { buildCli } = await import('../scripts/buildCli.mjs');
    await buildCli({ outdir: join(workDir, 'dist'), production: true, logLevel: 'error' });
    const cliBundle = join(workDir, 'dist', 'cli.js');
    const cliRuns: number[] = [];
    const cliStart: number[] = [];
    for (let i = 0; i < 5; i++) {
      cliRuns.push((await time(() => spawnSync(process.execPath, [cliBundle, 'versions', 'tiny', '--json', '--root', ws2], { encoding: 'utf8', maxBuffer: 1 << 26 })))[0]);
      cliStart.push((await time(() => spawnSync(process.execPath, [cliBundle, '--version'])))[0]);
    }
    rows.push(row('botv versions (1,000) as a process, incl. start-up', median(cliRuns), null, 'reported', null));
    rows.push(row('botv --version (process start-up alone)', median(cliStart), null, 'reported', null));

    // 6. Size after 100 versions with one changed line each.
    log('100 versions with one changed line each, committed to git…');
    const ws3 = join(workDir, 'size');
    const files3 = join(workDir, 'size-files');
    git(g1, 'checkout', '-q', first, '--', BOT);
    cpSync(join(g1, BOT), join(ws3, BOT), { recursive: true });
    cpSync(join(g1, BOT), join(files3, BOT), { recursive: true });
    mkdirSync(join(ws3, '.botversions'));
    git(ws3, 'init', '-q', '-b', 'main');
    git(files3, 'init', '-q', '-b', 'main');
    const sw = await openWorkspace(ws3, { author: 'bench' });
    for (let i = 0; i < 100; i++) {
      if (i > 0) {
        changeOneLine(join(ws3, BOT), i * 7, `s${i}`);
        changeOneLine(join(files3, BOT), i * 7, `s${i}`);
      }
      await sw.save(BOT);
      gitCommit(ws3, `v${i + 1}`, '.botversions');
      gitCommit(files3, `v${i + 1}`);
    }
    const distinct = new Map<string, number>();
    for (const v of await sw.versions(BOT)) for (const f of (await sw.version(BOT, v.id)).tree) distinct.set(f.sha256, f.size);
    const distinctBytes = [...distinct.values()].reduce((a, b) => a + b, 0);
    const store = sizeOf(join(ws3, '.botversions'), ['local']);
    rows.push(row('store size after 100 versions vs distinct content', store.apparent, distinctBytes, '≤ 1.05×', store.apparent <= 1.05 * distinctBytes, mb));
    rows.push(row('  … on disk (4 KB blocks) vs distinct content', store.disk, distinctBytes, 'reported', null, mb));
    const gzDir = join(workDir, 'gz');
    cpSync(join(ws3, '.botversions'), join(gzDir, '.botversions'), { recursive: true, filter: (src) => !src.includes(`${join('.botversions', 'local')}`) });
    const objects = join(gzDir, '.botversions', 'objects');
    for (const fan of readdirSync(objects)) for (const f of readdirSync(join(objects, fan))) {
      const p = join(objects, fan, f);
      writeFileSync(p, gzipSync(readFileSync(p), { level: 6 }));
    }
    const gz = sizeOf(join(gzDir, '.botversions'));
    rows.push(row('  gzip’d store on disk (for comparison)', gz.apparent, distinctBytes, 'reported', null, mb));
    git(gzDir, 'init', '-q', '-b', 'main');
    gitCommit(gzDir, 'store');
    log('git gc…');
    const packFiles = packSize(files3);
    const packStore = packSize(ws3);
    const packGz = packSize(gzDir);
    rows.push(row('git pack of the store’s history vs of the files’ own', packStore, packFiles, 'reported', null, mb));
    rows.push(row('git pack of a gzip’d store vs of the files’ own', packGz, packFiles, 'reported', null, mb));
    return { context, rows };
  },
};
