// A bot has one fallback dialog, the dialog that runs when nothing matches (every export seen
// has exactly one; the docs do not say more may exist). A second one is never the one that runs.
import { dialogLabel } from '../model';
import type { LivePersonRule } from './types';

export const fallbacksRule: LivePersonRule = {
  codes: ['liveperson/multiple-fallback-dialogs'],
  needsWholeFile: false,
  check({ bot, report }) {
    const fallbacks = bot.facts.dialogs.filter((d) => d.type?.text === 'FALLBACK_DIALOG');
    for (const d of fallbacks.slice(1)) {
      report({
        start: d.type!.start,
        end: d.type!.end,
        code: 'liveperson/multiple-fallback-dialogs',
        message: `'${dialogLabel(d)}' is a second fallback dialog (the first is '${dialogLabel(fallbacks[0])}'): a bot has one. Make it a regular dialog, or merge the two.`,
        related: [{ file: '', start: fallbacks[0]!.type!.start, end: fallbacks[0]!.type!.end, message: `the fallback dialog '${dialogLabel(fallbacks[0])}'` }],
      });
    }
  },
};
