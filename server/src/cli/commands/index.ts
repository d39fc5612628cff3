/**
 * Every command group of `botv`, in help order, with the commands it adds. A group's module
 * is loaded only when one of its commands runs, or for the list of them all (`botv --help`,
 * an unknown command): `botv status` loads the version commands alone. Adding a command is
 * a new file in this folder and one line here; a test keeps each line's names and the
 * commands its module registers in step. Importing a command module has no side effect:
 * the promotion gate is passed to the versioning core explicitly (../context.ts).
 */
import type { CommandGroup } from './types';

export const commandGroups: readonly CommandGroup[] = [
  { name: 'bots', commands: ['bots'], load: () => (require('./bots') as typeof import('./bots')).botsCommand },
  { name: 'versions', commands: ['versions', 'show', 'cat', 'save', 'restore', 'copy', 'delete', 'pin', 'unpin', 'status'], load: () => (require('./versions') as typeof import('./versions')).versionsCommand },
  { name: 'diff', commands: ['diff'], load: () => (require('./diff') as typeof import('./diff')).diffCommand },
  { name: 'env', commands: ['env', 'promote', 'rollback', 'schedule'], load: () => (require('./env') as typeof import('./env')).envCommand },
  { name: 'history', commands: ['history'], load: () => (require('./history') as typeof import('./history')).historyCommand },
  { name: 'release', commands: ['release'], load: () => (require('./release') as typeof import('./release')).releaseCommand },
  { name: 'export', commands: ['export'], load: () => (require('./export') as typeof import('./export')).exportCommand },
  { name: 'store', commands: ['verify', 'gc', 'retention'], load: () => (require('./store') as typeof import('./store')).storeCommand },
  { name: 'validate', commands: ['validate'], load: () => (require('./validate') as typeof import('./validate')).validateCommand },
];

/**
 * The groups a command line needs: the group of the command it runs (`help <command>`
 * included), none for the version alone, and every group otherwise (help, a mistyped
 * command that commander suggests a name for).
 */
export function groupsFor(argv: readonly string[]): readonly CommandGroup[] {
  const [first, second] = argv;
  if (argv.length === 1 && (first === '-V' || first === '--version')) return [];
  const name = first === 'help' ? second : first;
  const group = commandGroups.find((g) => name !== undefined && g.commands.includes(name));
  return group ? [group] : commandGroups;
}
