// Utterances of two intents that say almost the same thing (Dialogflow CX warns of phrases
// "too similar"): token-set similarity at or above the configured threshold. The pairs come
// from the bot's training index; each utterance gets one warning, naming its closest match.
import type { BotRule } from './types';
import { readingOrder } from './utterances';

export const nearDuplicatesRule: BotRule = {
  codes: ['utterance/near-duplicate'],
  check(ctx) {
    const order = readingOrder(ctx);
    const pct = Math.round(ctx.options.nearDuplicateThreshold * 100);
    for (const x of ctx.training.nearDuplicates()) {
      // Warn at the later of each pair, so a pair is reported once.
      let best: { y: typeof x; sim: number } | undefined;
      for (const [y, sim] of x.similar ?? []) {
        if (order(y, x) >= 0) continue;
        if (!best || sim > best.sim || (sim === best.sim && order(y, best.y) < 0)) best = { y, sim };
      }
      if (!best) continue;
      const { y, sim } = best;
      ctx.report(x.file, {
        start: x.item.start,
        end: x.item.end,
        code: 'utterance/near-duplicate',
        message: `"${x.item.text}" (${x.intent}) is ${Math.round(sim * 100)}% similar to "${y.item.text}" of the intent ${y.intent} (${x.locale}; warning from ${pct}%). Reword one so the intents are easy to tell apart.`,
        related: [{ file: y.file, start: y.item.start, end: y.item.end, message: `similar utterance of ${y.intent}` }],
      });
    }
  },
};
