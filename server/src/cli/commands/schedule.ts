/** `botv schedule list|cancel|run`: promotions recorded with `botv promote --at`, and carrying out those that are due. */
import type { Command } from 'commander';
import type { ScheduleInfo } from '../../versioning/index';
import type { Cli } from '../context';
import { age, table, type Style } from '../format';
import { gateRunOptions, gatesLines } from './gates';

function scheduleRow(s: ScheduleInfo, style: Style, now: number): string[] {
  const when = s.status === 'pending' ? (s.isDue ? style.yellow(`due since ${age(s.due, now)}`) : `due ${s.due}`) : `${s.status}${s.resolvedAt ? ` ${age(s.resolvedAt, now)}` : ''}`;
  return [style.dim(s.shortId), s.bot, `${s.version.label} ${s.from} → ${s.environment}`, when, `by ${s.author}`, s.reason ?? s.note ?? ''];
}

/** Adds `schedule` and its subcommands to the program (registered by the environment commands' module). */
export function registerSchedule(program: Command, cli: Cli): void {
  const schedule = program.command('schedule').description('scheduled promotions (botv promote --at): list, cancel, and run those that are due');

  cli.action(
    cli.common(
      schedule
        .command('list')
        .description('pending scheduled promotions, soonest first (of one bot, or of every bot)')
        .argument('[bot]', 'bot id')
        .option('--all', 'every schedule, carried out, cancelled or refused too, newest first'),
    ),
    async ({ ws, args, opts, style, now }) => {
      const [bot] = args as [string | undefined];
      const list = await ws.schedules(bot, { all: (opts as { all?: boolean }).all === true });
      const text = list.length === 0 ? [`No ${(opts as { all?: boolean }).all ? '' : 'pending '}scheduled promotions${bot ? ` of ${bot}` : ''}. Schedule one with \`botv promote <bot> <environment> --at <time>\`.`] : table(list.map((s) => scheduleRow(s, style, now)));
      return { json: list, text };
    },
  );

  cli.action(
    cli.common(
      schedule
        .command('cancel')
        .description('cancel a pending scheduled promotion (the reason is recorded)')
        .argument('<bot>', 'bot id')
        .argument('<schedule>', 'its id (4+ hex digits, as `botv schedule list` shows it) or "next"')
        .option('--reason <reason>', 'why (recorded)'),
    ),
    async ({ ws, args, opts }) => {
      const [bot, ref] = args as [string, string];
      const reason = (opts as { reason?: string }).reason;
      const s = await ws.cancelSchedule(bot, ref, reason !== undefined ? { reason } : {});
      return { json: { schedule: s }, text: [`Cancelled the promotion of ${s.bot} ${s.version.label} from ${s.from} to ${s.environment} scheduled for ${s.due} (${s.shortId}).`] };
    },
  );

  cli.action(
    cli.common(
      schedule
        .command('run')
        .description('carry out every scheduled promotion that is due, gates included, and record each outcome (for a CI cron)')
        .option('--bot <bot>', 'only this bot')
        .option('--dry-run', 'say what is due and would be done; run nothing, write nothing'),
    ),
    async ({ ws, opts, style, now }) => {
      const o = opts as { bot?: string; dryRun?: boolean };
      const run = gateRunOptions(cli.io, style, (opts as { json?: boolean }).json === true);
      let outcomes;
      try {
        outcomes = await ws.runSchedules({ ...run.options, ...(o.bot !== undefined ? { bot: o.bot } : {}), ...(o.dryRun ? { dryRun: true } : {}) });
      } finally {
        run.done();
      }
      const text: string[] = [];
      if (outcomes.length === 0) text.push(`Nothing is due${o.bot ? ` for ${o.bot}` : ''} (${new Date(now).toISOString()}).`);
      for (const r of outcomes) {
        const s = r.schedule;
        const what = `${s.bot} ${s.version.label} ${s.from} → ${s.environment} (scheduled for ${s.due}, ${s.shortId})`;
        if (r.outcome === 'promoted') {
          text.push(`${style.green('promoted')} ${what}${o.dryRun ? ' — dry run, nothing ran' : ''}`);
          if (r.change) text.push(...gatesLines(r.change.event.gates, style, '    '));
        } else {
          text.push(`${r.outcome === 'refused' ? style.red('refused') : style.dim('unneeded')} ${what}: ${r.reason}`);
          text.push(...gatesLines(s.gates, style, '    '));
        }
      }
      const refused = outcomes.some((r) => r.outcome === 'refused');
      return { json: { now: new Date(now).toISOString(), outcomes }, text, exitCode: refused ? 1 : 0 };
    },
  );
}
