// dialogflow-es/missing-language: a declared language in which an intent that has training
// phrases in another language has none, or that has text responses in another language has
// none (messages without `lang` are the default language's). ES allows it; the agent then
// does not understand, or answers nothing, in that language. Fallback intents are left out.
import type { EsRule } from './types';
import { spanOf } from './at';

const quoteList = (langs: string[]): string => langs.map((l) => `"${l}"`).join(', ');

export const missingLanguageRule: EsRule = {
  codes: ['dialogflow-es/missing-language'],
  check(ctx) {
    const { bot } = ctx;
    if (!bot.agent || bot.unreadable.has(bot.agent) || bot.languages.length < 2) return;
    const def = bot.languages[0]!;
    for (const list of bot.intents.values())
      for (const intent of list) {
        if (!intent.file || bot.unreadable.has(intent.file)) continue;
        const facts = bot.facts.get(intent.file)!;
        if (facts.fallback) continue;
        const at = spanOf(facts, facts.name);
        const phrased = bot.languages.filter((l) => {
          const f = intent.phrases.get(l);
          return f !== undefined && (bot.facts.get(f)!.phrases.length > 0 || bot.unreadable.has(f));
        });
        const noPhrases = phrased.length > 0 ? bot.languages.filter((l) => !phrased.includes(l)) : [];
        if (noPhrases.length)
          ctx.report(intent.file, { ...at, code: 'dialogflow-es/missing-language', message: `The intent "${intent.name}" has no training phrases in ${quoteList(noPhrases)}: the agent cannot match it in ${noPhrases.length === 1 ? 'that language' : 'those languages'}. Add intents/${intent.base}_usersays_${noPhrases[0]}.json.` });
        const answered = facts.messageLanguages.map((l) => (l === '' ? def : l));
        const noText = answered.length > 0 ? bot.languages.filter((l) => !answered.includes(l)) : [];
        if (noText.length)
          ctx.report(intent.file, { ...at, code: 'dialogflow-es/missing-language', message: `The intent "${intent.name}" answers with text only in ${quoteList([...new Set(answered)])}, not in ${quoteList(noText)}. Add a text response with "lang": "${noText[0]}".` });
      }
  },
};
