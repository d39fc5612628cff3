/** Release commands: release create, list, accept, reject. */
import type { ReleaseInfo } from '../../versioning/index';
import { age, plural, table, type Style } from '../format';
import type { CommandModule } from './types';

function statusText(r: ReleaseInfo, style: Style): string {
  if (r.status === 'pending') return style.yellow('pending');
  if (r.status === 'accepted') return style.green(`accepted${r.acceptedVersion ? ` as ${r.acceptedVersion.label}` : ''}`);
  return style.red(`rejected${r.reason ? `: ${r.reason}` : ''}`);
}

export const releaseCommand: CommandModule = {
  name: 'release',
  register(program, cli) {
    const release = program.command('release').description('offer versions of one bot to another, and accept or reject them');

    cli.action(
      cli.common(
        release
          .command('create')
          .description('offer a version of <from-bot> to another bot')
          .argument('<from-bot>', 'bot the version comes from')
          .argument('<version>', 'version')
          .requiredOption('--to <bot>', 'bot that receives the release')
          .option('--name <name>', 'release name')
          .option('--description <text>', 'release notes'),
      ),
      async ({ ws, args, opts, style }) => {
        const [from, ref] = args as [string, string];
        const o = opts as { to: string; name?: string; description?: string };
        const r = await ws.createRelease(from, ref, o.to, { ...(o.name !== undefined ? { name: o.name } : {}), ...(o.description !== undefined ? { description: o.description } : {}) });
        return {
          json: { release: r },
          text: [`Released ${from} ${r.fromVersion.label} to ${style.bold(r.toBot)} as release ${style.bold(r.shortId)}.`, `It waits there until \`botv release accept ${r.toBot} ${r.shortId}\` (or reject).`],
        };
      },
    );

    cli.action(
      cli.common(
        release
          .command('list')
          .description('list the releases into and out of a bot, newest first')
          .argument('<bot>', 'bot id')
          .option('--pending', 'only releases still waiting'),
      ),
      async ({ ws, args, opts, style, now }) => {
        const [bot] = args as [string];
        const list = await ws.releases(bot, { pendingOnly: (opts as { pending?: boolean }).pending === true });
        const text =
          list.length === 0
            ? [`No releases${(opts as { pending?: boolean }).pending ? ' pending' : ''} for ${bot}.`]
            : table([
                ['RELEASE', 'FROM', 'TO', 'NAME', 'AGE', 'STATUS'].map(style.bold),
                ...list.map((r) => [r.shortId, `${r.fromBot} ${r.fromVersion.label}`, r.toBot, r.name, age(r.createdAt, now), statusText(r, style)]),
              ]);
        return { json: list, text };
      },
    );

    cli.action(
      cli.common(
        release
          .command('accept')
          .description("accept a pending release: the bot's files become the released ones (except its identity and release.keep files) and a version is saved")
          .argument('<bot>', 'bot that received the release')
          .argument('<release>', 'release id prefix, or latest')
          .option('--name <name>', 'name of the version saved'),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, ref] = args as [string, string];
        const o = opts as { name?: string };
        const r = await ws.acceptRelease(bot, ref, o.name !== undefined ? { name: o.name } : {});
        const text = [
          `Accepted release ${r.release.shortId} of ${r.release.fromBot} ${r.release.fromVersion.label}: ${bot} is now ${style.bold(r.version.label)} ${style.dim(r.version.shortId)}.`,
          `${plural(r.written.length, 'file')} written, ${r.removed.length} removed${r.kept.length ? `, ${plural(r.kept.length, 'file')} kept as the bot's own (release.keep)` : ''}.`,
        ];
        if (r.autoSaved) text.push(`The working copy was saved first as ${r.autoSaved.label}.`);
        return { json: r, text };
      },
    );

    cli.action(
      cli.common(
        release
          .command('reject')
          .description('reject a pending release')
          .argument('<bot>', 'bot that received the release')
          .argument('<release>', 'release id prefix, or latest')
          .option('--reason <text>', 'why (recorded)'),
      ),
      async ({ ws, args, opts }) => {
        const [bot, ref] = args as [string, string];
        const o = opts as { reason?: string };
        const r = await ws.rejectRelease(bot, ref, o.reason !== undefined ? { reason: o.reason } : {});
        return { json: { release: r }, text: `Rejected release ${r.shortId} of ${r.fromBot} ${r.fromVersion.label}.` };
      },
    );
  },
};
