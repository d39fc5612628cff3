/**
 * `botv validate [<paths>…]`: the language server's checks, headless, for CI. Every bot of
 * the workspace is checked as a whole (names resolve across files); the report is limited
 * to the paths given. (The promotion gate is server/src/formats/gate.ts, which the CLI
 * passes to the versioning core in context.ts.)
 */
import type { Command } from 'commander';
import type { Cli } from '../context';
import type { CommandModule } from './types';
import type { ValidateOptions } from './validateRun';

export const validateCommand: CommandModule = {
  name: 'validate',
  register(program: Command, cli: Cli) {
    cli
      .common(program.command('validate'))
      .description('check bot definition files as the editor does: syntax, shape, names, references, locales, training data, flows, environments')
      .argument('[paths...]', 'files or folders to report on (default: every bot of the workspace)')
      .option('--fail-on-warnings', 'exit 1 when there are warnings, not only errors')
      // The checks are loaded when the command runs (not for `botv --help`).
      .action(async (paths: string[], opts: ValidateOptions) => (require('./validateRun') as typeof import('./validateRun')).run(cli, paths ?? [], opts));
  },
};
