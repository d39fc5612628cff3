// Small process helpers shared by the VS Code scripts.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Runs a command to completion, output inherited; rejects with its exit status when it fails.
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<void>}
 */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${cmd} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** True when the module at `metaUrl` is the script node was started with. */
export function isMain(metaUrl) {
  return process.argv[1] !== undefined && metaUrl === pathToFileURL(process.argv[1]).href;
}

/** Writes a suite's counts where scripts/test.mjs reads them ($BOTV_TEST_STATS), if it asked. */
export function writeStats(stats) {
  const file = process.env.BOTV_TEST_STATS;
  if (!file) return;
  const { passed, failed, pending = 0 } = stats;
  writeFileSync(file, JSON.stringify({ passed, failed, pending }));
}

/** Seconds since `start` (a Date.now() value), for the timings the scripts print. */
export function secondsSince(start) {
  return ((Date.now() - start) / 1000).toFixed(1);
}
