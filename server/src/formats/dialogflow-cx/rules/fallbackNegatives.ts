// dialogflow-cx/fallback-no-negatives: the default negative intent (`isFallback: true`) with no
// training phrases — the console's "no negative examples for the default negative intent":
// phrases the agent should not match make matching better.
import type { CxRule } from './types';

export const fallbackNegativesRule: CxRule = {
  codes: ['dialogflow-cx/fallback-no-negatives'],
  check(ctx) {
    const { bot } = ctx;
    for (const list of bot.intents.values())
      for (const intent of list) {
        if (!intent.file || !bot.facts.get(intent.file)!.isFallback) continue;
        const files = [...intent.phrases.values()];
        if (files.some((f) => bot.unreadable.includes(f) || bot.facts.get(f)!.phrases.length > 0)) continue;
        const at = intent.displayName ?? bot.facts.get(intent.file)!.top;
        if (!at) continue;
        ctx.report(intent.file, {
          start: at.start,
          end: intent.displayName ? at.end : at.start + 1,
          code: 'dialogflow-cx/fallback-no-negatives',
          message: `The negative intent "${intent.name}" has no training phrases: give it examples of what users say that the agent should not match (off-topic requests), in trainingPhrases/<language>.json.`,
        });
      }
  },
};
