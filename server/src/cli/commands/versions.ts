/** Version commands: versions, show, cat, save, restore, copy, delete, pin, unpin, status. */
import type { LocaleOrigin, VersionInfo, VersionOrigin } from '../../versioning/index';
import { badArgument } from '../context';
import { age, badges, bytes, plural, table, type Style } from '../format';
import type { CommandModule } from './types';

/** Where a version came from, in words. */
export function originText(o: VersionOrigin): string {
  switch (o.kind) {
    case 'saved':
      return 'saved';
    case 'auto-saved':
      return `auto-saved before ${o.before === 'restore' ? 'a restore' : 'a release'}`;
    case 'restored':
      return `saved after restoring v${o.fromNumber}`;
    case 'copied':
      return `copy of v${o.fromNumber}`;
    case 'released':
      return `released from ${o.fromBot} v${o.fromNumber}`;
  }
}

/** Where each locale of a version came from, in words: "en_US from the working copy, fr_FR from v3". */
export function localesText(locales: readonly LocaleOrigin[]): string {
  return locales.map((l) => `${l.locale} ${l.fromNumber === null ? 'from the working copy' : `from v${l.fromNumber}`}`).join(', ');
}

/** `--locale fr_FR=v3` options, collected into locale → version (each locale once). */
function localeFrom(values: readonly string[] | undefined): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  const out: Record<string, string> = {};
  for (const v of values) {
    const m = /^([^=\s]+)=(\S+)$/.exec(v);
    if (!m) badArgument(`--locale ${v}: write <locale>=<version>, for example --locale fr_FR=v3.`);
    if (m![1]! in out) badArgument(`--locale ${m![1]} is given twice: take each locale from one version.`);
    out[m![1]!] = m![2]!;
  }
  return out;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function describe(v: VersionInfo, style: Style, last: string | undefined, now: number): string[] {
  return [
    `${style.bold(`${v.bot} ${v.label}`)}  ${v.name}  ${badges(v.environments, style, last)}${v.pinned ? style.yellow(' (pinned)') : ''}${v.stale ? style.dim(' (stale)') : ''}`,
    ...table([
      ['id', v.id],
      ['created', `${v.createdAt} (${age(v.createdAt, now)}) by ${v.author}`],
      ['origin', originText(v.origin) + (v.forced ? ` (forced: ${v.forced.reason})` : '')],
      ['parent', v.parent ?? '—'],
      ['files', `${v.files} (${bytes(v.bytes)})`],
      ...(v.locales?.length ? [['locales', localesText(v.locales)]] : []),
      ...(v.description ? [['description', v.description]] : []),
    ], '  '),
  ];
}

export const versionsCommand: CommandModule = {
  name: 'versions',
  register(program, cli) {
    cli.action(
      cli.common(program.command('versions').description('list the versions of a bot, newest first').argument('<bot>', 'bot id')),
      async ({ ws, args, style, now }) => {
        const [bot] = args as [string];
        const list = await ws.versions(bot);
        const config = await ws.config();
        const last = config.pipeline[config.pipeline.length - 1];
        const status = await ws.workingCopyStatus(bot);
        const text: string[] = [];
        if (list.length === 0) text.push(`${bot} has no versions yet. Save one with \`botv save ${bot}\`.`);
        else {
          text.push(style.bold(`${bot} — ${plural(list.length, 'version')}`));
          text.push(
            ...table(
              [
                ['VERSION', 'ID', 'NAME', 'AUTHOR', 'AGE', 'ORIGIN', 'ENVIRONMENTS'].map(style.bold),
                ...list.map((v) => [
                  v.label + (v.pinned ? '*' : ''),
                  style.dim(v.shortId),
                  v.name,
                  v.author,
                  age(v.createdAt, now),
                  originText(v.origin),
                  v.stale ? style.dim('stale') : badges(v.environments, style, last),
                ]),
              ],
              '  ',
            ),
          );
          if (list.some((v) => v.pinned)) text.push(style.dim('  * pinned'));
          if (list.some((v) => v.stale)) text.push(style.dim(`  stale: no environment has held it and no one has pinned it for ${config.retention.staleAfterDays} days; retention removes these first`));
        }
        if (!status.clean) text.push(style.yellow(`working copy: ${plural(status.changes.length, 'file')} changed${status.base ? ` since ${status.base.label}` : ''} (\`botv save ${bot}\` to keep them)`));
        return { json: list, text };
      },
    );

    cli.action(
      cli.common(
        program
          .command('show')
          .description('show a version and its files')
          .argument('<bot>', 'bot id')
          .argument('<version>', 'version: 12, v12, id prefix, latest or @environment')
          .option('--locale <locale>', 'only the files of this locale (a bot whose locales are files of their own)'),
      ),
      async ({ ws, args, opts, style, now }) => {
        const [bot, ref] = args as [string, string];
        const v = await ws.version(bot, ref, { locale: (opts as { locale?: string }).locale });
        const config = await ws.config();
        const text = describe(v, style, config.pipeline[config.pipeline.length - 1], now);
        text.push('', ...table(v.tree.map((f) => [f.path, bytes(f.size), style.dim(f.sha256.slice(0, 12))]), '  '));
        return { json: v, text };
      },
    );

    cli.action(
      cli.common(program.command('cat').description('print one file of a version').argument('<bot>', 'bot id').argument('<version>', 'version').argument('<path>', 'file path inside the bot')),
      async ({ ws, args }) => {
        const [bot, ref, path] = args as [string, string, string];
        const data = await ws.readVersionFile(bot, ref, path);
        const text = new TextDecoder().decode(data);
        return { json: { path, size: data.length, content: text }, text };
      },
    );

    cli.action(
      cli.common(
        program
          .command('save')
          .description("save the bot's working copy as a new version")
          .argument('<bot>', 'bot id')
          .option('--name <name>', 'version name (default: the date and time)')
          .option('--description <text>', 'what changed')
          .option('--force', 'save a protected bot anyway (recorded on the version)')
          .option('--reason <text>', 'why a protected bot is saved with --force')
          .option('--locales <list>', 'the locales the version holds, comma-separated (default: all of the working copy)')
          .option('--locale <locale=version>', 'take a locale as an older version holds it, e.g. fr_FR=v3 (repeatable)', collect),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot] = args as [string];
        const o = opts as { name?: string; description?: string; force?: boolean; reason?: string; locales?: string; locale?: string[] };
        const locales = o.locales?.split(',').map((l) => l.trim()).filter((l) => l !== '');
        const r = await ws.save(bot, { name: o.name, description: o.description, force: o.force, reason: o.reason, locales, localeFrom: localeFrom(o.locale) });
        const v = r.version;
        const text = r.created
          ? [`Saved ${style.bold(`${bot} ${v.label}`)} ${style.dim(v.shortId)} "${v.name}" — ${plural(v.files, 'file')}, ${bytes(v.bytes)}${v.locales?.length ? `; ${localesText(v.locales)}` : ''}.`]
          : [`Nothing to save: ${bot} matches ${v.label} "${v.name}".`];
        if (r.removedByRetention.length > 0) text.push(style.dim(`Retention removed ${r.removedByRetention.map((x) => x.label).join(', ')}.`));
        for (const w of r.warnings ?? []) text.push(style.yellow(`warning: ${w}`));
        return { json: r, text };
      },
    );

    cli.action(
      cli.common(
        program
          .command('restore')
          .description("replace the bot's working copy with a version (the working copy is saved first if no version holds it)")
          .argument('<bot>', 'bot id')
          .argument('<version>', 'version')
          .option('--force', 'restore a protected bot anyway')
          .option('--locale <locale>', 'restore only this locale, the others staying as they are'),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, ref] = args as [string, string];
        const o = opts as { force?: boolean; locale?: string };
        const r = await ws.restore(bot, ref, { force: o.force === true, locale: o.locale });
        const text = [`Restored ${o.locale ? `${o.locale} of ` : ''}${style.bold(`${bot} ${r.version.label}`)}: ${plural(r.written.length, 'file')} written, ${r.removed.length} removed.`];
        if (r.autoSaved) text.push(`The working copy was saved first as ${r.autoSaved.label}; \`botv restore ${bot} ${r.autoSaved.label}\` brings it back.`);
        return { json: r, text };
      },
    );

    cli.action(
      cli.common(
        program
          .command('copy')
          .description('save a new version with the files of an existing one')
          .argument('<bot>', 'bot id')
          .argument('<version>', 'version to copy')
          .option('--name <name>', 'name of the new version')
          .option('--description <text>', 'description of the new version'),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, ref] = args as [string, string];
        const v = await ws.copyVersion(bot, ref, opts as { name?: string; description?: string });
        return { json: { version: v }, text: `Saved ${style.bold(`${bot} ${v.label}`)} ${style.dim(v.shortId)} as a ${originText(v.origin)}.` };
      },
    );

    cli.action(
      cli.common(program.command('delete').description('delete a version (refused while an environment holds it or a pending release carries it)').argument('<bot>', 'bot id').argument('<version>', 'version')),
      async ({ ws, args }) => {
        const [bot, ref] = args as [string, string];
        const r = await ws.deleteVersion(bot, ref);
        return { json: { deleted: r }, text: `Deleted ${bot} ${r.label} (${r.id.slice(0, 8)}). Its content stays in the store until \`botv gc\`.` };
      },
    );

    for (const [name, pinned] of [
      ['pin', true],
      ['unpin', false],
    ] as const) {
      cli.action(
        cli.common(program.command(name).description(pinned ? 'keep a version whatever retention says' : 'let retention remove a version again').argument('<bot>', 'bot id').argument('<version>', 'version')),
        async ({ ws, args }) => {
          const [bot, ref] = args as [string, string];
          const v = pinned ? await ws.pin(bot, ref) : await ws.unpin(bot, ref);
          return { json: { version: v }, text: `${pinned ? 'Pinned' : 'Unpinned'} ${bot} ${v.label}.` };
        },
      );
    }

    cli.action(
      cli.common(program.command('status').description('show whether the working copy differs from the version it came from').argument('<bot>', 'bot id')),
      async ({ ws, args, style }) => {
        const [bot] = args as [string];
        const s = await ws.workingCopyStatus(bot);
        const text: string[] = [];
        if (s.interrupted) text.push(style.yellow('An interrupted restore or release acceptance will be finished by the next write.'));
        if (!s.base) text.push(`${bot} has no versions yet: ${plural(s.changes.length, 'file')} to save.`);
        else if (s.clean) text.push(`${bot}: the working copy matches ${s.base.label}.`);
        else {
          text.push(`${bot}: ${plural(s.changes.length, 'file')} changed since ${s.base.label}:`);
          const mark = { added: style.green('A'), removed: style.red('D'), modified: style.yellow('M') };
          for (const c of s.changes) text.push(`  ${mark[c.change]} ${c.path}`);
        }
        return { json: s, text };
      },
    );
  },
};
