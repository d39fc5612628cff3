/** The `botv` executable. */
import { version } from '../../../package.json';
import type * as Program from './program';

// Flushes run on libuv's thread pool; four threads would serialise the flushes of a
// restore or a first save into many rounds. (Read when the pool first starts, which is
// after this line: the bundle's imports do not touch the pool.)
process.env.UV_THREADPOOL_SIZE ??= '16';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // What the program prints for it (program.ts), without loading the argument parser.
  process.stdout.write(`${version}\n`);
} else {
  const { runCli } = require('./program') as typeof Program;
  void runCli(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}
