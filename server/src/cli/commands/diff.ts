/**
 * `botv diff`: files that differ between two versions, or a version and the working copy,
 * and what changed in bot terms (the format's semantic diff, in `--semantic` and always in
 * `--json`).
 */
import type { DiffResult, DiffSide } from '../../versioning/index';
import { SEMANTIC_KIND_TITLES, countChanges } from '../../definitions/index';
import type { SemanticKind } from '../../definitions/index';
import type { SemanticChange, SemanticDiff } from '../../formats/index';
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

/** A name as a summary shows it: texts (an utterance, a name with spaces) quoted. */
function shownName(c: SemanticChange): string {
  return c.kind === 'utterance' || !/^[\p{L}\p{N}_.:/@$-]+$/u.test(c.name) ? JSON.stringify(c.name) : c.name;
}

/**
 * The semantic diff for people: one group per kind, one line per change marked `+`, `-`
 * or `~` at the start of the line (so that a ```diff block in a pull request colours it),
 * and a total.
 */
function renderSemantic(d: DiffResult, s: SemanticDiff, formatLabel: string, style: Style): string[] {
  const from = sideName(d.from);
  const to = sideName(d.to);
  if (s.unsupported) return [`${formatLabel} bots have no semantic diff yet; ${plural(d.files.length, 'file')} differ (botv diff without --semantic shows them).`];
  const out: string[] = [];
  let kind: SemanticKind | undefined;
  for (const c of s.changes) {
    if (c.kind !== kind) {
      kind = c.kind;
      out.push(style.bold(SEMANTIC_KIND_TITLES[kind] ?? kind));
    }
    const text = `${c.parent !== undefined ? `${c.parent} › ` : ''}${shownName(c)}${c.locale !== undefined ? ` (${c.locale})` : ''}${c.detail ? `: ${c.detail}` : ''}`;
    const where = c.file !== undefined && c.parent === undefined ? style.dim(`  ${c.file}`) : '';
    if (c.change === 'added') out.push(style.green(`+ ${text}`) + where);
    else if (c.change === 'removed') out.push(style.red(`- ${text}`) + where);
    else out.push(`${style.yellow('~')} ${text}${where}`);
  }
  for (const path of s.unreadable) out.push(style.yellow(`! ${path} does not parse cleanly on one side; it is compared as far as it parses`));
  const n = countChanges(s.changes);
  if (s.changes.length === 0) {
    out.push(
      d.files.length === 0
        ? `No differences between ${from} and ${to} of ${d.bot}.`
        : `No changes in bot terms between ${from} and ${to} of ${d.bot} (${plural(d.files.length, 'file')} differ${d.files.length === 1 ? 's' : ''}: formatting, order, comments, moves between files, or files outside the bot's definitions).`,
    );
  } else {
    out.push(style.dim(`${from} → ${to} of ${d.bot}: ${plural(s.changes.length, 'change')} in bot terms (${n.added} added, ${n.removed} removed, ${n.modified} modified) in ${plural(d.files.length, 'file')}`));
  }
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
          .option('--semantic', 'what changed in bot terms (intents, utterances, entities, slots, responses, flows, …) instead of the files')
          .option('--context <lines>', 'lines of context around changes', '3')
          .option('--locale <locale>', 'only what changed in this locale (a bot whose locales are files of their own)'),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, from, to] = args as [string, string, string | undefined];
        const o = opts as { nameOnly?: boolean; semantic?: boolean; json?: boolean; context: string; locale?: string };
        const context = Number(o.context);
        if (!Number.isSafeInteger(context) || context < 0) {
          badArgument(`--context ${o.context}: give a whole number of lines, 0 or more.`);
        }
        const d = ws.diff(bot, from, to, { hunks: !o.nameOnly && (!o.semantic || o.json === true), context, locale: o.locale });
        // The semantic diff reads both sides whole, with the formats' analysis: only when it is shown.
        if (!o.semantic && o.json !== true) return { json: null, text: render(await d, style, o.nameOnly === true) };
        const [{ formatById, semanticChanges }, diffed, texts] = await Promise.all([import('../../formats/index'), d, ws.diffTexts(bot, from, to, { locale: o.locale })]);
        const semantic = semanticChanges(texts.format, texts.before, texts.after);
        const text = o.semantic ? renderSemantic(diffed, semantic, formatById(texts.format)?.label ?? texts.format, style) : render(diffed, style, o.nameOnly === true);
        return { json: { ...diffed, semantic }, text };
      },
    );
  },
};
