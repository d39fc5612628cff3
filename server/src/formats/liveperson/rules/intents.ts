// A dialog starter that matches an intent names it by id (`intentId`); the intents a bot uses
// are listed in `associatedIntents`, from its associated domains. An id not there is an
// intent the bot cannot match (its domain was not imported first, or the intent is gone).
import { dialogLabel, dialogOf, labelOf } from '../model';
import type { LivePersonRule } from './types';

export const intentsRule: LivePersonRule = {
  codes: ['liveperson/unknown-intent'],
  needsWholeFile: true,
  check({ bot, report }) {
    for (const it of bot.facts.interactions) {
      const i = it.intentId;
      if (!i || i.text === '' || bot.intentsById.has(i.text)) continue;
      report({
        start: i.start,
        end: i.end,
        code: 'liveperson/unknown-intent',
        message: `The dialog starter '${labelOf(it)}' (dialog '${dialogLabel(dialogOf(bot, it))}') matches the intent '${i.text}', which is none of the bot's associated intents: it can never match. Import the intent's domain first (with the same name) and associate the intent again, or remove intentId.`,
      });
    }
  },
};
