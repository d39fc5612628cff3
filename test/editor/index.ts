// Entry of the in-editor test suite: VS Code loads this module in the extension host (as
// extensionTestsPath) and awaits run(). It runs every bundled *.test.js beside it with
// mocha and the real `vscode` API. Under code-server the counts and the transcript also go
// to $BOTV_EDITOR_RESULTS, which scripts/vscode/editor-tests.mjs reads: the host's own
// output is not where a terminal sees it.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** What the suite reports back to the script that started it. */
export interface EditorTestResults {
  passed: number;
  failed: number;
  pending: number;
  transcript: string;
}

export async function run(): Promise<void> {
  const resultsFile = process.env.BOTV_EDITOR_RESULTS;
  const lines: string[] = [];
  const log = Mocha.reporters.Base.consoleLog;
  // The spec reporter prints through Base.consoleLog (and tests through note(), which uses
  // it): keep a copy of every line. The extension host's own console ignores reassignment.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    lines.push(format(...args));
    log(...args);
  };
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: !resultsFile,
    timeout: Number(process.env.BOTV_EDITOR_TIMEOUT_MS ?? 60_000),
    ...(process.env.BOTV_EDITOR_GREP ? { grep: process.env.BOTV_EDITOR_GREP } : {}),
  });
  for (const f of testFiles(__dirname)) mocha.addFile(f);

  try {
    const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
      try {
        const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 } as Mocha.Stats));
      } catch (e) {
        reject(e);
      }
    });
    const results: EditorTestResults = {
      passed: stats.passes,
      failed: stats.failures,
      pending: stats.pending,
      transcript: lines.join('\n'),
    };
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results));
    if (stats.failures > 0) throw new Error(`${stats.failures} editor test(s) failed.`);
  } catch (e) {
    if (resultsFile && lines.length === 0) {
      const results: EditorTestResults = { passed: 0, failed: 1, pending: 0, transcript: String(e instanceof Error ? e.stack : e) };
      writeFileSync(resultsFile, JSON.stringify(results));
    }
    throw e;
  } finally {
    Mocha.reporters.Base.consoleLog = log;
  }
}

/** The bundled test files under `dir`, in a stable order. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => join(dir, f));
}
