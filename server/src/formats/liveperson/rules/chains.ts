// Within a dialog the interactions form a chain: each `nextMessageId` names the next, and that
// one's `prevMessageId` names it back (every real export keeps the two in step). A next
// interaction in another dialog, or a previous one that does not point back, is a chain the
// editor and the bot read differently. Dangling ids are liveperson/unknown-interaction's.
import { dialogLabel, dialogOf, labelOf } from '../model';
import type { LivePersonRule } from './types';

export const chainsRule: LivePersonRule = {
  codes: ['liveperson/broken-chain'],
  needsWholeFile: true,
  check({ bot, report }) {
    for (const it of bot.facts.interactions) {
      const next = it.next && it.next.text !== '' ? bot.interactionsById.get(it.next.text) : undefined;
      if (next && it.group && next.group && next.group.text !== it.group.text) {
        report({
          start: it.next!.start,
          end: it.next!.end,
          code: 'liveperson/broken-chain',
          message: `The next interaction of '${labelOf(it)}' (dialog '${dialogLabel(dialogOf(bot, it))}') is '${labelOf(next)}', which is in the dialog '${dialogLabel(dialogOf(bot, next))}'. The next interaction is in the same dialog; to go to another dialog, use a rule whose next action is that dialog or interaction.`,
        });
        continue;
      }
      if (next && next.prev && next.prev.text !== '' && next.prev.text !== it.id?.text && bot.interactionsById.has(next.prev.text)) {
        report({
          start: it.next!.start,
          end: it.next!.end,
          code: 'liveperson/broken-chain',
          message: `'${labelOf(it)}' goes next to '${labelOf(next)}', but '${labelOf(next)}' names '${labelOf(bot.interactionsById.get(next.prev.text))}' as the one before it. Make the two links agree: the chain is read both ways.`,
          related: [{ file: '', start: next.prev.start, end: next.prev.end, message: `the previous interaction of '${labelOf(next)}'` }],
        });
      }
    }
  },
};
