/** Environment commands: env, env set, promote, rollback. */
import type { EnvironmentChange, GateProblem } from '../../versioning/index';
import { age, table, type Style } from '../format';
import type { CommandModule } from './types';

function gateLines(change: EnvironmentChange, style: Style): string[] {
  const g = change.event.gate;
  const lines: string[] = [];
  if (g.checked) {
    const s = `gate: ${g.errors} error${g.errors === 1 ? '' : 's'}, ${g.warnings} warning${g.warnings === 1 ? '' : 's'}`;
    lines.push(g.override ? style.yellow(`${s} — overridden: ${g.override.reason}`) : style.dim(s));
  }
  for (const p of change.problems.filter((x: GateProblem) => x.severity === 'warning' || x.severity === 'error').slice(0, 10)) {
    lines.push(`  ${p.file}:${p.line + 1}:${p.character + 1}: ${p.severity}: ${p.message} (${p.code})`);
  }
  return lines;
}

function overrideOf(o: { override?: string }): { override?: { reason: string } } {
  return o.override !== undefined ? { override: { reason: o.override } } : {};
}

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
        e.gated ? style.dim('gated') : '',
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
          .option('--override <reason>', 'enter a gated environment despite validation errors (the reason is recorded)'),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, name, ref] = args as [string, string, string];
        const c = await ws.setEnvironment(bot, name, ref, overrideOf(opts as { override?: string }));
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
          .option('--override <reason>', 'enter a gated environment despite validation errors (the reason is recorded)'),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, name] = args as [string, string];
        const o = opts as { from?: string; override?: string };
        const c = await ws.promote(bot, name, { ...(o.from !== undefined ? { from: o.from, skip: true } : {}), ...overrideOf(o) });
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
          .option('--to <version>', 'the version to go back to')
          .option('--override <reason>', 'enter a gated environment despite validation errors (the reason is recorded)'),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, name] = args as [string, string];
        const o = opts as { to?: string; override?: string };
        const c = await ws.rollback(bot, name, { ...(o.to !== undefined ? { to: o.to } : {}), ...overrideOf(o) });
        return { json: c, text: [`Rolled ${bot} ${style.bold(name)} back to ${c.event.version.label}${c.event.previous ? ` (was ${c.event.previous.label})` : ''}.`, ...gateLines(c, style)] };
      },
    );
  },
};
