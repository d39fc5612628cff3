/** Store commands: verify, gc, retention. */
import { badArgument } from '../context';
import { bytes, plural } from '../format';
import type { CommandModule } from './types';

export const storeCommand: CommandModule = {
  name: 'store',
  register(program, cli) {
    cli.action(cli.common(program.command('verify').description('check every object and record of the store; exit 1 when something is damaged or missing')), async ({ ws, style }) => {
      const r = await ws.verify();
      const text: string[] = [];
      for (const p of r.problems) text.push(`${p.severity === 'error' ? style.red('error') : style.yellow('warning')} ${p.code} ${p.file}: ${p.message}`);
      const errors = r.problems.filter((p) => p.severity === 'error').length;
      const warnings = r.problems.length - errors;
      text.push(
        (r.ok ? style.green('Store OK') : style.red('Store damaged')) +
          `: ${plural(r.checked.objects, 'object')}, ${plural(r.checked.records, 'record')}, ${plural(r.checked.versions, 'version')} checked; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`,
      );
      return { json: r, text, exitCode: r.ok ? 0 : 1 };
    });

    cli.action(cli.common(program.command('gc').description('remove stored content that no version needs')), async ({ ws }) => {
      const r = await ws.gc();
      return {
        json: r,
        text: `Removed ${plural(r.removedObjects, 'object')} (${bytes(r.freedBytes)}) and ${plural(r.removedTemporary, 'temporary file')}; ${plural(r.keptObjects, 'object')} kept.`,
      };
    });

    cli.action(
      cli.common(
        program
          .command('retention')
          .description('remove versions beyond the newest N that nothing needs (N: --keep, else retention.keep in config.json)')
          .argument('<bot>', 'bot id')
          .option('--keep <n>', 'how many of the newest versions to keep')
          .option('--dry-run', 'only show what would be removed'),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot] = args as [string];
        const o = opts as { keep?: string; dryRun?: boolean };
        let keep: number | undefined;
        if (o.keep !== undefined) {
          keep = Number(o.keep);
          if (!Number.isSafeInteger(keep) || keep < 1) badArgument(`--keep ${o.keep}: give a whole number of versions, 1 or more.`);
        }
        const r = await ws.applyRetention(bot, { ...(keep !== undefined ? { keep } : {}), dryRun: o.dryRun === true });
        if (r.keep === null) return { json: r, text: `No retention is configured for this workspace; pass --keep <n> or set retention.keep in .botversions/config.json.` };
        const verb = o.dryRun ? 'Would remove' : 'Removed';
        const text = [`${verb} ${r.removed.length === 0 ? 'nothing' : r.removed.map((v) => v.label).join(', ')} (keeping the newest ${r.keep}).`];
        for (const k of r.retained) text.push(style.dim(`  kept ${k.label}: ${k.reason}`));
        return { json: r, text };
      },
    );
  },
};
