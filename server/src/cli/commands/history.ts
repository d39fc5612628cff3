/** `botv history`: every action on a bot, newest first. */
import { badArgument } from '../context';
import { age, table } from '../format';
import { gatesLines } from './gates';
import type { CommandModule } from './types';

export const historyCommand: CommandModule = {
  name: 'history',
  register(program, cli) {
    cli.action(
      cli.common(
        program
          .command('history')
          .description('list every action on a bot, newest first')
          .argument('<bot>', 'bot id')
          .option('--env <environment>', "only this environment's changes")
          .option('--limit <n>', 'at most this many entries'),
      ),
      async ({ ws, args, opts, style, now }) => {
        const [bot] = args as [string];
        const o = opts as { env?: string; limit?: string };
        let limit: number | undefined;
        if (o.limit !== undefined) {
          limit = Number(o.limit);
          if (!Number.isSafeInteger(limit) || limit < 1) {
            badArgument(`--limit ${o.limit}: give a whole number, 1 or more.`);
          }
        }
        if (o.env !== undefined) {
          const config = await ws.config();
          const known = new Set([...config.pipeline, ...(await ws.environments(bot)).map((e) => e.name)]);
          if (!known.has(o.env)) {
            badArgument(`--env ${o.env}: not an environment of this workspace. The pipeline is ${config.pipeline.join(' → ')}.`);
          }
        }
        const list = await ws.history(bot, { ...(o.env !== undefined ? { env: o.env } : {}), ...(limit !== undefined ? { limit } : {}) });
        let text: string[];
        if (list.length === 0) text = [`No history for ${bot}${o.env ? ` in ${o.env}` : ''} yet.`];
        else {
          // Each change that ran gates is followed by what each gate found.
          const rows = table(list.map((h) => [style.dim(age(h.at, now)), h.author, h.summary]));
          text = rows.flatMap((row, i) => [row, ...gatesLines(list[i]!.gates?.skipped ? undefined : list[i]!.gates, style, '    ')]);
        }
        return { json: list, text };
      },
    );
  },
};
