/**
 * What every command shares: where output goes, the workspace it works on, the common
 * options (`--root`, `--json`) and the translation of results and errors into output and
 * exit codes (0 success; 1 a check found problems; 2 bad usage or a state that forbids
 * the action).
 */
import type { Command } from 'commander';
import type { Workspace } from '../versioning/index';
import { makeStyle, type Style } from './format';

// The versioning core, the gate and the root finder are loaded when a command first needs
// them, so that `botv --help` and `botv --version` load none of them (the CLI's bundle puts
// each `require`d module in a file of its own; docs/architecture.md).
type Versioning = typeof import('../versioning/index');
let versioningModule: Versioning | undefined;
const versioning = (): Versioning => (versioningModule ??= require('../versioning/index') as Versioning);

/** Where the CLI reads and writes; injectable so tests can run it in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours, hints). */
  isTTY: boolean;
  /** The clock (ms since the epoch): when schedules are due, and the time of what is written. Injectable for tests; default `Date.now`. */
  now?: () => number;
}

/** Options every command accepts. */
export interface CommonOptions {
  root?: string;
  json?: boolean;
}

/** What a command produced: data for `--json`, lines for people, and its exit code. */
export interface Output {
  json: unknown;
  text: string | string[];
  exitCode?: 0 | 1 | 2;
}

/** Error codes that mean "a check found problems" (exit 1) rather than "cannot do that" (exit 2). */
const CHECK_FAILURES = new Set(['GATE_REFUSED', 'UNRESOLVED_VARIABLES']);

/** The exit code of an error. */
export function exitCodeOf(e: unknown): 1 | 2 {
  return versioning().isBotvError(e) && CHECK_FAILURES.has(e.code) ? 1 : 2;
}

/** Context handed to each command's handler. */
export interface RunContext<O> {
  ws: Workspace;
  opts: O & CommonOptions;
  args: string[];
  style: Style;
  now: number;
}

/** The running CLI. */
export class Cli {
  exitCode = 0;
  constructor(readonly io: CliIO) {}

  /** Styles for human output (colour only on a terminal without NO_COLOR). */
  style(json: boolean): Style {
    return makeStyle(!json && this.io.isTTY && !this.io.env.NO_COLOR);
  }

  /** Adds `--root` and `--json` to a command. */
  common(cmd: Command): Command {
    return cmd
      .option('--root <dir>', 'workspace folder (default: the nearest folder above with .botversions/, else the git top-level, else the current folder)')
      .option('--json', 'print machine-readable JSON (see docs/cli.md)');
  }

  /** Opens the workspace a command works on. */
  async open(opts: CommonOptions): Promise<Workspace> {
    const { findWorkspaceRoot } = require('./root') as typeof import('./root');
    const { gateValidator } = require('../formats/gate') as typeof import('../formats/gate');
    const root = findWorkspaceRoot(this.io.cwd, opts.root);
    const author = this.io.env.BOTV_AUTHOR;
    // The one promotion gate, the language server's too, configured by the store.
    return versioning().openWorkspace(root, { validate: gateValidator, ...(author ? { author } : {}), ...(this.io.now ? { clock: this.io.now } : {}) });
  }

  /** Prints a result. */
  print(out: Output, json: boolean): void {
    if (json) this.io.stdout(JSON.stringify(out.json, null, 2) + '\n');
    else {
      const text = Array.isArray(out.text) ? out.text.join('\n') : out.text;
      if (text.length > 0) this.io.stdout(text.endsWith('\n') ? text : text + '\n');
    }
    this.exitCode = out.exitCode ?? 0;
  }

  /** Prints an error and sets the exit code. */
  fail(e: unknown, json: boolean): void {
    const code = exitCodeOf(e);
    if (versioning().isBotvError(e)) {
      if (json) this.io.stdout(JSON.stringify({ error: { code: e.code, message: e.message, ...(e.details ?? {}) } }, null, 2) + '\n');
      else this.io.stderr(`botv: ${e.message}\n`);
    } else {
      const msg = e instanceof Error ? e.message : String(e);
      if (json) this.io.stdout(JSON.stringify({ error: { code: 'INTERNAL', message: msg } }, null, 2) + '\n');
      else this.io.stderr(`botv: unexpected error: ${msg}\nThis is a bug in Bot Versions; please report it with the command you ran.${this.io.env.BOTV_DEBUG && e instanceof Error ? `\n${e.stack}` : ''}\n`);
    }
    this.exitCode = code;
  }

  /** Wires a handler as a command's action, with workspace, options, output and errors. */
  action<O>(cmd: Command, handler: (ctx: RunContext<O>) => Promise<Output>): Command {
    return cmd.action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const opts = command.opts() as O & CommonOptions;
      const json = opts.json === true;
      try {
        const ws = await this.open(opts);
        const args = (command.processedArgs as unknown[]).map((a) => (a === undefined ? undefined : String(a))) as string[];
        const out = await handler({ ws, opts, args, style: this.style(json), now: this.io.now?.() ?? Date.now() });
        // A restore has committed and its files are in place: the answer goes out while
        // their flushes finish, and the process ends only after them.
        this.print(out, json);
        await ws.settled().catch((e: unknown) => {
          // The output above stands (the operation committed); the failure goes to stderr.
          this.io.stderr(`botv: the change is in place, but flushing it to disk failed: ${e instanceof Error ? e.message : String(e)}\nThe next botv command that writes finishes it; run \`botv verify\` to check.\n`);
          this.exitCode = 2;
        });
      } catch (e) {
        this.fail(e, json);
      }
    });
  }
}

/** Throws a BAD_ARGUMENT error (exit 2) for an option value that makes no sense. */
export function badArgument(message: string): never {
  throw new (versioning().BotvError)('BAD_ARGUMENT', message);
}
