/** Builds the `botv` program from the command modules and runs it against some I/O. */
import { Command, CommanderError } from 'commander';
import { version } from '../../../package.json';
import { commandGroups, groupsFor } from './commands/index';
import type { CommandGroup } from './commands/types';
import { Cli, type CliIO } from './context';

/** Whether output goes to no terminal and no variable asks for colour or none (commander's own answers then are 80 columns, no colour). */
function plainOutput(cli: Cli): boolean {
  return !cli.io.isTTY && ['NO_COLOR', 'FORCE_COLOR', 'CLICOLOR_FORCE'].every((v) => cli.io.env[v] === undefined);
}

/** Builds the program with the commands of `groups` (default: all); commands print through `cli`. */
export function buildProgram(cli: Cli, groups: readonly CommandGroup[] = commandGroups): Command {
  const program = new Command();
  program
    .name('botv')
    .description('Bot Versions: save, compare, promote, roll back and release versions of bots defined as files.\nThe store is .botversions/ at the workspace root. Exit codes: 0 success, 1 a check found problems, 2 bad usage or a refused action.')
    .version(version, '-V, --version', 'print the version of botv')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => cli.io.stdout(s),
      writeErr: (s) => cli.io.stderr(s),
      // Help to a file or a pipe is 80 columns without colour: said here, so that commander
      // does not create process.stdout to ask it (milliseconds of `botv --help`).
      ...(plainOutput(cli) ? { getOutHelpWidth: () => 80, getOutHasColors: () => false } : {}),
    })
    .showSuggestionAfterError(true)
    .helpCommand(true)
    // `env` takes options and has a subcommand (`env set`): options written after a
    // subcommand belong to it, or `env set … --root X --json` would lose them to `env`.
    .enablePositionalOptions();
  for (const g of groups) g.load().register(program, cli);
  return program;
}

/** Runs `botv` with `argv` (without the node and script paths); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const cli = new Cli(io);
  // Only the commands this command line can run are loaded (`botv status` loads no other command's code).
  const program = buildProgram(cli, groupsFor(argv));
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    cli.fail(e, argv.includes('--json'));
  }
  return cli.exitCode;
}
