/** The `botv` executable. */
import { fstatSync, writeSync } from 'node:fs';
import { version } from '../../../package.json';
import type * as Program from './program';

// Flushes run on libuv's thread pool; four threads would serialise the flushes of a
// restore or a first save into many rounds. (Read when the pool first starts, which is
// after this line: the bundle's imports do not touch the pool.)
process.env.UV_THREADPOOL_SIZE ??= '16';

/**
 * Output written to the file descriptor, synchronously, as process.stdout and stderr write
 * to files, pipes and terminals on Linux and macOS: creating those streams loads Node's
 * stream modules, milliseconds of a short command. What the descriptor does not take at
 * once (a non-blocking pipe, an error) and everything after it goes through the stream, as
 * before; so does all of it on Windows, whose console wants the stream.
 */
function output(fd: 1 | 2, stream: () => NodeJS.WriteStream): (s: string) => void {
  let direct = process.platform !== 'win32';
  return (s) => {
    if (direct) {
      const bytes = Buffer.from(s);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
        return;
      } catch {
        direct = false;
        stream().write(bytes.subarray(done));
        return;
      }
    }
    stream().write(s);
  };
}

/** Whether standard output is a terminal, without creating process.stdout (a character device: a terminal, or /dev/null, where colour does no harm). */
function stdoutIsTerminal(): boolean {
  if (process.platform === 'win32') return process.stdout.isTTY === true;
  try {
    return fstatSync(1).isCharacterDevice();
  } catch {
    return false;
  }
}

const stdout = output(1, () => process.stdout);
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // What the program prints for it (program.ts), without loading the argument parser.
  stdout(`${version}\n`);
} else {
  const { runCli } = require('./program') as typeof Program;
  void runCli(argv, {
    stdout,
    stderr: output(2, () => process.stderr),
    cwd: process.cwd(),
    env: process.env,
    isTTY: stdoutIsTerminal(),
  }).then((code) => {
    process.exitCode = code;
  });
}
