// Utterances of two intents that say almost the same thing (Dialogflow CX warns of phrases
// "too similar"): token-set similarity at or above the configured threshold.
import type { TextItem } from '../model/facts';
import { similarPairs } from '../text/similarity';
import type { SimilarityRecord } from '../text/similarity';
import { normalizedOf } from '../text/normalize';
import type { BotRule } from './types';

interface Item {
  intent: string;
  file: string;
  item: TextItem;
}

export const nearDuplicatesRule: BotRule = {
  codes: ['utterance/near-duplicate'],
  check(ctx) {
    if (ctx.isOff('utterance/near-duplicate')) return;
    const byLocale = new Map<string, { items: Item[]; records: SimilarityRecord[]; seen: Set<string> }>();
    let group = 0;
    for (const intent of ctx.bot.intents) {
      group++;
      for (const entry of intent.utterances?.entries ?? []) {
        let bucket = byLocale.get(entry.locale);
        if (!bucket) byLocale.set(entry.locale, (bucket = { items: [], records: [], seen: new Set() }));
        for (const u of entry.texts) {
          const norm = normalizedOf(u);
          // Exact repeats are the duplicate and conflict checks' business.
          if (!norm || bucket.seen.has(norm)) continue;
          bucket.seen.add(norm);
          bucket.items.push({ intent: intent.def.name, file: intent.def.file, item: u });
          bucket.records.push({ group, tokens: norm.split(' ') });
        }
      }
    }
    const pct = Math.round(ctx.options.nearDuplicateThreshold * 100);
    for (const [locale, bucket] of byLocale) {
      const { pairs } = similarPairs(bucket.records, ctx.options.nearDuplicateThreshold);
      const reported = new Set<number>();
      for (const pair of pairs) {
        if (reported.has(pair.b)) continue; // one warning per utterance is enough to act on
        reported.add(pair.b);
        const x = bucket.items[pair.b]!;
        const y = bucket.items[pair.a]!;
        ctx.report(x.file, {
          start: x.item.start,
          end: x.item.end,
          code: 'utterance/near-duplicate',
          message: `"${x.item.text}" (${x.intent}) is ${Math.round(pair.similarity * 100)}% similar to "${y.item.text}" of the intent ${y.intent} (${locale}; warning from ${pct}%). Reword one so the intents are easy to tell apart.`,
          related: [{ file: y.file, start: y.item.start, end: y.item.end, message: `similar utterance of ${y.intent}` }],
        });
      }
    }
  },
};
