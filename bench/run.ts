/**
 * `npm run bench`: runs every benchmark module and prints its table; results are also
 * written to bench/.work/results-<module>.json. Add a module (e.g. the language server's)
 * by writing a file exporting a BenchModule and adding it to `modules`.
 *
 *   node --import tsx bench/run.ts [--only store] [--keep]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliBench } from './cli';
import { dialogflowBench } from './dialogflow';
import { editorBench } from './editor';
import { lexBench } from './lex';
import { lspBench } from './lsp';
import { platformsBench } from './platforms';
import { rasaBench } from './rasa';
import { storeBench } from './store';
import type { BenchModule, BenchRow } from './types';

const modules: BenchModule[] = [storeBench, cliBench, editorBench, lspBench, rasaBench, lexBench, platformsBench, dialogflowBench];

// As the CLI does (server/src/cli/main.ts): room for flushes to run side by side.
process.env.UV_THREADPOOL_SIZE ??= '16';

function table(rows: BenchRow[], reference: string): string[] {
  const cells = [['operation', 'botv', reference, 'ratio', 'goal', ''], ...rows.map((r) => [r.operation, r.ours, r.reference, r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`, r.goal, r.pass === null ? '' : r.pass ? 'ok' : 'MISSED'])];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => [...c[i]!].length)));
  return cells.map((c) => c.map((x, i) => x + ' '.repeat(widths[i]! - [...x].length)).join('  ').trimEnd());
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;
  const keep = args.includes('--keep');
  const base = join(__dirname, '.work');
  let failed = false;
  for (const m of modules) {
    if (only && !only.includes(m.name)) continue;
    const workDir = join(base, `${m.name}-${process.pid}`);
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    console.log(`\n== ${m.title} ==`);
    try {
      const { context, rows } = await m.run({ workDir, log: (l) => console.log(`  ${l}`) });
      console.log('');
      for (const c of context) console.log(c);
      console.log('');
      for (const l of table(rows, m.reference)) console.log(l);
      writeFileSync(join(base, `results-${m.name}.json`), JSON.stringify({ date: new Date().toISOString(), node: process.version, context, rows }, null, 2));
      if (rows.some((r) => r.pass === false)) failed = true;
    } finally {
      if (!keep) rmSync(workDir, { recursive: true, force: true });
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 2;
});
