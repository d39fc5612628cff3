/**
 * Every command group of `botv`, in help order. Adding a command is a new file in this
 * folder and one line here. The `validate` command (server/src/cli/commands/validate.ts)
 * is registered the same way. Importing a command module has no side effect: the
 * promotion gate is passed to the versioning core explicitly (../context.ts).
 */
import { botsCommand } from './bots';
import { diffCommand } from './diff';
import { envCommand } from './env';
import { exportCommand } from './export';
import { historyCommand } from './history';
import { releaseCommand } from './release';
import { storeCommand } from './store';
import { validateCommand } from './validate';
import type { CommandModule } from './types';
import { versionsCommand } from './versions';

export const commands: CommandModule[] = [botsCommand, versionsCommand, diffCommand, envCommand, historyCommand, releaseCommand, exportCommand, storeCommand, validateCommand];
