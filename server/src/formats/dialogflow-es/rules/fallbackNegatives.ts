// dialogflow-es/fallback-no-negatives: a fallback intent (`fallbackIntent: true`) without
// training phrases — ES's "no negative examples for the fallback intent".
import type { EsRule } from './types';
import { spanOf } from './at';

export const fallbackNegativesRule: EsRule = {
  codes: ['dialogflow-es/fallback-no-negatives'],
  check(ctx) {
    const { bot } = ctx;
    for (const list of bot.intents.values())
      for (const intent of list) {
        if (!intent.file || !bot.facts.get(intent.file)!.fallback) continue;
        if ([...intent.phrases.values()].some((f) => bot.unreadable.has(f) || bot.facts.get(f)!.phrases.length > 0)) continue;
        const facts = bot.facts.get(intent.file)!;
        ctx.report(intent.file, {
          ...spanOf(facts, facts.name),
          code: 'dialogflow-es/fallback-no-negatives',
          message: `The fallback intent "${intent.name}" has no training phrases: give it negative examples — what users say that the agent should not match — in intents/${intent.base}_usersays_<lang>.json.`,
        });
      }
  },
};
