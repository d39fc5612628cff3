// An intent needs enough utterances per declared locale to match reliably.
import type { FileRule } from './types';

export const tooFewUtterancesRule: FileRule = {
  codes: ['intent/too-few-utterances'],
  check(ctx) {
    const { bot, options } = ctx;
    for (const intent of ctx.doc.facts.intents) {
      for (const entry of intent.utterances?.entries ?? []) {
        if (bot.locales.length && !bot.locales.includes(entry.locale)) continue;
        const n = entry.texts.length;
        if (n >= options.minUtterances) continue;
        ctx.report({
          start: entry.start,
          end: entry.end,
          code: 'intent/too-few-utterances',
          message: `The intent ${intent.def.name} has ${n} ${n === 1 ? 'utterance' : 'utterances'} for ${entry.locale}; at least ${options.minUtterances} help it match reliably. Add more examples.`,
        });
      }
    }
  },
};
