// Utterances of two intents that say almost the same thing (Dialogflow CX warns of phrases
// "too similar"): token-set similarity at or above the configured threshold. The pairs come
// from the bot's training index; each utterance gets one warning, naming its closest match.
import type { UtteranceRecord } from '../model/training';
import type { RecordRule } from './types';

export const nearDuplicatesRule: RecordRule = {
  codes: ['utterance/near-duplicate'],
  check(ctx, x) {
    if (!x.similar) return;
    // Warn at the later of each pair, so a pair is reported once.
    let best: UtteranceRecord | undefined;
    let bestSim = 0;
    for (const [y, sim] of x.similar) {
      if (ctx.order(y, x) >= 0) continue;
      if (!best || sim > bestSim || (sim === bestSim && ctx.order(y, best) < 0)) {
        best = y;
        bestSim = sim;
      }
    }
    if (!best) return;
    const y = best;
    const pct = Math.round(ctx.options.nearDuplicateThreshold * 100);
    ctx.report({
      start: x.item.start,
      end: x.item.end,
      code: 'utterance/near-duplicate',
      message: `"${x.item.text}" (${x.intent}) is ${Math.round(bestSim * 100)}% similar to "${y.item.text}" of the intent ${y.intent} (${x.locale}; warning from ${pct}%). Reword one so the intents are easy to tell apart.`,
      related: [{ file: y.file, start: y.item.start, end: y.item.end, message: `similar utterance of ${y.intent}` }],
    });
  },
};
