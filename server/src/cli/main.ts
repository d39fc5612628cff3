/** The `botv` executable. */
import { runCli } from './program';

// Flushes run on libuv's thread pool; four threads would serialise the flushes of a
// restore or a first save into many rounds. (Read when the pool first starts, which is
// after this line: the bundle's imports do not touch the pool.)
process.env.UV_THREADPOOL_SIZE ??= '16';

void runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
