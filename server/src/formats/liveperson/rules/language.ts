// The bot's language is fixed when it is made and must be the language of the domains it
// takes intents from, or NLU fails (Conversation Builder's bot basics). Compared as language
// tags (case and "_" against "-" aside).
import type { LivePersonRule } from './types';

const tag = (s: string) => s.trim().toLowerCase().replace(/_/g, '-');

export const languageRule: LivePersonRule = {
  codes: ['liveperson/language-mismatch'],
  needsWholeFile: false,
  check({ bot, report }) {
    const own = bot.facts.bot?.language;
    if (!own || own.text === '') return;
    for (const d of bot.facts.domains) {
      const l = d.language;
      if (!l || l.text === '' || tag(l.text) === tag(own.text)) continue;
      report({
        start: l.start,
        end: l.end,
        code: 'liveperson/language-mismatch',
        message: `The domain '${d.name?.text ?? d.id?.text ?? '?'}' is in ${l.text}, and the bot in ${own.text}: its intents will not be matched (NLU errors). Associate a domain in ${own.text}, or make the bot again in ${l.text} (a bot's language cannot change).`,
        related: [{ file: '', start: own.start, end: own.end, message: "the bot's language" }],
      });
    }
  },
};
