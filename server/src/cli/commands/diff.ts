/** `botv diff`: files that differ between two versions, or a version and the working copy. */
import { WORKING } from '../../versioning/index';
import type { DiffResult, DiffSide } from '../../versioning/index';
import { badArgument } from '../context';
import { plural, type Style } from '../format';
import type { CommandModule } from './types';

function sideName(s: DiffSide): string {
  return s.kind === 'working' ? 'working copy' : s.label;
}

function render(d: DiffResult, style: Style, nameOnly: boolean): string[] {
  const out: string[] = [];
  if (d.files.length === 0) return [`No differences between ${sideName(d.from)} and ${sideName(d.to)} of ${d.bot}.`];
  const mark = { added: style.green('A'), removed: style.red('D'), modified: style.yellow('M') };
  if (nameOnly) {
    for (const f of d.files) out.push(`${mark[f.change]} ${f.path}`);
  } else {
    for (const f of d.files) {
      out.push(style.bold(`${mark[f.change]} ${f.path}`));
      if (f.binary) {
        out.push(style.dim('  binary file differs'));
        continue;
      }
      if (f.tooLarge) {
        out.push(style.dim('  too many changes to show line by line'));
        continue;
      }
      out.push(style.dim(`--- ${f.change === 'added' ? '/dev/null' : `${sideName(d.from)}/${f.path}`}`));
      out.push(style.dim(`+++ ${f.change === 'removed' ? '/dev/null' : `${sideName(d.to)}/${f.path}`}`));
      for (const h of f.hunks ?? []) {
        out.push(style.cyan(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`));
        for (const l of h.lines) out.push(l.startsWith('+') ? style.green(l) : l.startsWith('-') ? style.red(l) : l);
      }
    }
  }
  const s = d.stats;
  out.push(
    style.dim(
      `${sideName(d.from)} → ${sideName(d.to)}: ${plural(d.files.length, 'file')} (${s.added} added, ${s.removed} removed, ${s.modified} modified), ${s.insertions} insertions(+), ${s.deletions} deletions(-)`,
    ),
  );
  return out;
}

export const diffCommand: CommandModule = {
  name: 'diff',
  register(program, cli) {
    cli.action(
      cli.common(
        program
          .command('diff')
          .description('compare two versions, or a version and the working copy')
          .argument('<bot>', 'bot id')
          .argument('<from>', 'version')
          .argument('[to]', 'version (default: the working copy)')
          .option('--name-only', 'list the files only')
          .option('--context <lines>', 'lines of context around changes', '3'),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, from, to] = args as [string, string, string | undefined];
        const o = opts as { nameOnly?: boolean; context: string };
        const context = Number(o.context);
        if (!Number.isSafeInteger(context) || context < 0) {
          badArgument(`--context ${o.context}: give a whole number of lines, 0 or more.`);
        }
        const d = await ws.diff(bot, from, to ?? WORKING, { hunks: !o.nameOnly, context });
        return { json: d, text: render(d, style, o.nameOnly === true) };
      },
    );
  },
};
