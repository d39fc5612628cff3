/** Environment commands: env, env set, promote (now, or --at a time), rollback; and the schedule commands (./schedule.ts). */
import type { GateOptions } from '../../versioning/index';
import { badArgument, type Cli } from '../context';
import { age, table, type Style } from '../format';
import { changeGateLines as gateLines, gateRunOptions } from './gates';
import { registerSchedule } from './schedule';
import type { CommandModule } from './types';

/** The gate options `--override` and `--skip-gates --reason` ask for. */
function overrideOf(o: { override?: string; skipGates?: boolean; reason?: string }): Pick<GateOptions, 'override' | 'skipGates'> {
  if (o.skipGates && o.override !== undefined) badArgument('--skip-gates and --override ask for two things: skip the gates (--skip-gates --reason "<why>") or run them and enter despite failures (--override "<why>").');
  if (o.skipGates) {
    if (!o.reason?.trim()) badArgument('--skip-gates needs a reason, which the history records: --skip-gates --reason "<why>".');
    return { skipGates: { reason: o.reason } };
  }
  if (o.reason !== undefined) badArgument('--reason goes with --skip-gates (to enter despite failed gates, use --override "<why>").');
  return o.override !== undefined ? { override: { reason: o.override } } : {};
}

/** Runs a change with its gates' progress on stderr and Ctrl-C cancelling it. */
async function withGates<T>(cli: Cli, style: Style, json: boolean | undefined, fn: (o: GateOptions) => Promise<T>): Promise<T> {
  const run = gateRunOptions(cli.io, style, json === true);
  try {
    return await fn(run.options);
  } finally {
    run.done();
  }
}

const GATE_OPTIONS = {
  override: ['--override <reason>', 'enter despite failed gates: every gate runs, and their failures and the reason are recorded'],
  skip: ['--skip-gates', 'run no gate (needs --reason, which is recorded)'],
  reason: ['--reason <reason>', 'why the gates are skipped'],
} as const;

export const envCommand: CommandModule = {
  name: 'env',
  register(program, cli) {
    const env = cli.common(
      program
        .command('env')
        .description("show a bot's environments, or point one at a version (env set)")
        .argument('<bot>', 'bot id'),
    );
    cli.action(env, async ({ ws, args, style, now }) => {
      const [bot] = args as [string];
      const list = await ws.environments(bot);
      const rows = list.map((e) => [
        e.inPipeline ? style.bold(e.name) : `${e.name} ${style.dim('(not in the pipeline)')}`,
        e.label ?? style.dim('—'),
        e.since ? `since ${age(e.since, now)} by ${e.by} (${e.lastAction})` : style.dim('empty'),
        e.schedules.length ? style.yellow(`scheduled: ${e.schedules.map((s) => `${s.version.label} at ${s.due}`).join(', ')}`) : '',
        // The gates by name, unless validation is the only one (the default).
        e.gated ? style.dim(e.gates.length === 1 && e.gates[0]!.kind === 'validation' ? 'gated' : `gated: ${e.gates.map((g) => g.name).join(', ')}`) : '',
      ]);
      return { json: list, text: [style.bold(`${bot} environments`), ...table(rows, '  ')] };
    });

    cli.action(
      cli.common(
        env
          .command('set')
          .description('point an environment at a version')
          .argument('<bot>', 'bot id')
          .argument('<environment>', 'environment name')
          .argument('<version>', 'version')
          .option(...GATE_OPTIONS.override)
          .option(...GATE_OPTIONS.skip)
          .option(...GATE_OPTIONS.reason),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, name, ref] = args as [string, string, string];
        const gates = overrideOf(opts as { override?: string; skipGates?: boolean; reason?: string });
        const c = await withGates(cli, style, opts.json, (o) => ws.setEnvironment(bot, name, ref, { ...o, ...gates }));
        const text = c.changed ? [`${bot} ${style.bold(name)} now holds ${c.event.version.label}${c.event.previous ? ` (was ${c.event.previous.label})` : ''}.`] : [`${bot} ${name} already holds ${c.event.version.label}.`];
        return { json: c, text: [...text, ...gateLines(c, style)] };
      },
    );

    cli.action(
      cli.common(
        program
          .command('promote')
          .description('promote into <environment> the version of the stage before it (or of --from, which may skip stages)')
          .argument('<bot>', 'bot id')
          .argument('<environment>', 'environment to promote into')
          .option('--from <environment>', 'take the version from this environment; skipping stages this way is deliberate')
          .option('--at <time>', 'do not promote now: record the promotion for `botv schedule run` to carry out at this time (ISO 8601, e.g. 2025-07-01T06:00:00Z; UTC without a zone)')
          .option('--note <text>', 'with --at: a note on the schedule')
          .option(...GATE_OPTIONS.override)
          .option(...GATE_OPTIONS.skip)
          .option(...GATE_OPTIONS.reason),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, name] = args as [string, string];
        const o = opts as { from?: string; at?: string; note?: string; override?: string; skipGates?: boolean; reason?: string };
        const from = o.from !== undefined ? { from: o.from, skip: true } : {};
        if (o.at !== undefined) {
          if (o.override !== undefined || o.skipGates || o.reason !== undefined) badArgument('A scheduled promotion runs its gates when it is due; --override and --skip-gates go with a promotion made now.');
          const s = await ws.schedulePromotion(bot, name, { at: o.at, ...from, ...(o.note !== undefined ? { note: o.note } : {}) });
          return {
            json: { schedule: s },
            text: [`Scheduled the promotion of ${bot} ${style.bold(s.version.label)} from ${s.from} to ${style.bold(name)} for ${s.due} (schedule ${s.shortId}).`, style.dim(`\`botv schedule run\` carries it out once it is due, if ${s.from} still holds ${s.version.label} then; \`botv schedule cancel ${bot} ${s.shortId}\` cancels it.`)],
          };
        }
        if (o.note !== undefined) badArgument('--note goes with --at (a note on a scheduled promotion).');
        const gates = overrideOf(o);
        const c = await withGates(cli, style, opts.json, (g) => ws.promote(bot, name, { ...from, ...g, ...gates }));
        const text = c.changed
          ? [`Promoted ${bot} ${style.bold(c.event.version.label)} from ${c.event.from} to ${style.bold(name)}${c.event.skipped ? `, skipping ${c.event.skipped.join(', ')}` : ''}${c.event.previous ? ` (was ${c.event.previous.label})` : ''}.`]
          : [`${bot} ${name} already holds ${c.event.version.label}; nothing to promote.`];
        return { json: c, text: [...text, ...gateLines(c, style)] };
      },
    );

    cli.action(
      cli.common(
        program
          .command('rollback')
          .description('point an environment back at what it held before (again: further back), or at --to')
          .argument('<bot>', 'bot id')
          .argument('<environment>', 'environment')
          .option('--to <version>', 'the version to go back to (one the environment never held runs its gates)')
          .option(...GATE_OPTIONS.override)
          .option(...GATE_OPTIONS.skip)
          .option(...GATE_OPTIONS.reason),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, name] = args as [string, string];
        const o = opts as { to?: string; override?: string; skipGates?: boolean; reason?: string };
        const gates = overrideOf(o);
        const c = await withGates(cli, style, opts.json, (g) => ws.rollback(bot, name, { ...(o.to !== undefined ? { to: o.to } : {}), ...g, ...gates }));
        return { json: c, text: [`Rolled ${bot} ${style.bold(name)} back to ${c.event.version.label}${c.event.previous ? ` (was ${c.event.previous.label})` : ''}.`, ...gateLines(c, style)] };
      },
    );

    registerSchedule(program, cli);
  },
};
