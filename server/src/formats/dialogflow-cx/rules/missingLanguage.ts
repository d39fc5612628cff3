// dialogflow-cx/missing-language: a language agent.json declares in which an intent has no
// training phrases, or a page's entry fulfillment no text. The console allows it (a language
// may be supported with no phrases for many intents), so this is information: the agent will
// not understand, or not answer, in that language there.
import type { Str } from '../facts';
import type { CxRule } from './types';

const quoteList = (langs: string[]): string => langs.map((l) => `"${l}"`).join(', ');

export const missingLanguageRule: CxRule = {
  codes: ['dialogflow-cx/missing-language'],
  check(ctx) {
    const { bot } = ctx;
    if (!bot.agent || bot.unreadable.includes(bot.agent) || bot.languages.length < 1) return;
    const at = (file: string, name: Str | undefined): { start: number; end: number } | undefined => {
      if (name) return { start: name.start, end: name.end };
      const top = bot.facts.get(file)?.top;
      return top ? { start: top.start, end: Math.min(top.start + 1, top.end) } : undefined;
    };
    for (const list of bot.intents.values()) {
      for (const intent of list) {
        if (!intent.file || bot.facts.get(intent.file)!.isFallback) continue;
        const missing = bot.languages.filter((l) => {
          const f = intent.phrases.get(l);
          return !f || (bot.facts.get(f)!.phrases.length === 0 && !bot.unreadable.includes(f));
        });
        const span = at(intent.file, intent.displayName);
        if (missing.length === 0 || !span) continue;
        ctx.report(intent.file, {
          ...span,
          code: 'dialogflow-cx/missing-language',
          message: `The intent "${intent.name}" has no training phrases in ${quoteList(missing)}: the agent cannot match it in ${missing.length === 1 ? 'that language' : 'those languages'}. Add intents/…/trainingPhrases/${missing[0]}.json.`,
        });
      }
    }
    const def = bot.languages[0]!;
    for (const list of bot.flows.values()) {
      for (const flow of list) {
        for (const pages of flow.pages.values()) {
          for (const page of pages) {
            const facts = bot.facts.get(page.file!)!;
            const langs = facts.entryTextLanguages.map((l) => (l === '' ? def : l));
            if (langs.length === 0) continue;
            const missing = bot.languages.filter((l) => !langs.includes(l));
            const span = at(page.file!, page.displayName);
            if (missing.length === 0 || !span) continue;
            ctx.report(page.file!, {
              ...span,
              code: 'dialogflow-cx/missing-language',
              message: `The page "${page.name}" says nothing on entry in ${quoteList(missing)}: its entry fulfillment has text only in ${quoteList([...new Set(langs)])}. Add messages with "languageCode": "${missing[0]}".`,
            });
          }
        }
      }
    }
  },
};
