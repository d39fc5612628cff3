// `nextMessageId` and `prevMessageId` name interactions of the bot: a link to an id the bot
// does not have is a dialog that stops (or starts) where it should not. Reported at the id,
// by the interaction's name; a did-you-mean names an interaction of the same dialog when
// exactly one there has nothing before it (for next) or after it (for prev).
import { dialogLabel, dialogOf, labelOf } from '../model';
import type { LivePersonRule } from './types';

export const interactionLinksRule: LivePersonRule = {
  codes: ['liveperson/unknown-interaction'],
  needsWholeFile: true,
  check({ bot, report }) {
    for (const it of bot.facts.interactions) {
      for (const [link, word] of [
        [it.next, 'next'],
        [it.prev, 'previous'],
      ] as const) {
        if (!link || link.text === '' || bot.interactionsById.has(link.text)) continue;
        const key = word === 'next' ? 'nextMessageId' : 'prevMessageId';
        report({
          start: link.start,
          end: link.end,
          code: 'liveperson/unknown-interaction',
          message: `The ${word} interaction of '${labelOf(it)}' (dialog '${dialogLabel(dialogOf(bot, it))}') is '${link.text}', which is no interaction of this bot: the dialog ${word === 'next' ? 'stops here' : 'has a broken chain here'}. Set ${key} to the id of the interaction that ${word === 'next' ? 'follows' : 'comes before'}, or to "" when there is none.`,
        });
      }
    }
  },
};
