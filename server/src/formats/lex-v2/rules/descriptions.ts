// lex-v2/description-too-long: descriptions of bots, locales, intents, slots and slot types
// are at most 200 characters (the API's `description` of each).
import type { LexRule } from './types';

export const MAX_DESCRIPTION = 200;

export const descriptionsRule: LexRule = {
  codes: ['lex-v2/description-too-long'],
  check({ bot, report }) {
    for (const [file, doc] of bot.docs) {
      const d = doc.facts.description;
      if (d && d.text.length > MAX_DESCRIPTION) {
        report(file, { start: d.start, end: d.end, code: 'lex-v2/description-too-long', message: `The description is ${d.text.length} characters long; Lex takes at most ${MAX_DESCRIPTION}. Shorten it.` });
      }
    }
  },
};
