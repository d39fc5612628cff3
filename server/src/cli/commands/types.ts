/** A command module: one file per command group, registered by one line in ./index.ts. */
import type { Command } from 'commander';
import type { Cli } from '../context';

/** Adds one or more commands to the program. */
export interface CommandModule {
  /** The command group's name, for listings and tests. */
  name: string;
  register(program: Command, cli: Cli): void;
}

/** A line of ./index.ts: a group's name, the top-level commands its module adds, and the module, loaded on demand. */
export interface CommandGroup {
  name: string;
  commands: readonly string[];
  load(): CommandModule;
}
