// Training data: the same utterance twice in an intent, the same utterance in two intents
// (after normalising case, spacing and punctuation), and intents with too few utterances.
import { removeItem } from '../edits';
import type { UtteranceRecord } from '../model/training';
import { nodeAt } from '../parse/tree';
import type { Fix } from '../types';
import type { BotRule, RuleContext } from './types';

/** A fix that deletes an utterance from its list. */
function removeFix(ctx: RuleContext, r: UtteranceRecord, preferred: boolean): Fix[] {
  const doc = ctx.bot.docs.get(r.file)?.doc;
  const node = doc && nodeAt(doc.root, r.item.start)?.node;
  const arr = node?.parent;
  if (!doc || !node || !arr || arr.type !== 'array') return [];
  return [{ title: `Remove "${r.item.text}"`, ...(preferred ? { preferred } : {}), edits: [removeItem(doc, arr, arr.items.indexOf(node))] }];
}

/** Orders records as the bot's files and offsets do, so "first" means first in reading order. */
export function readingOrder(ctx: RuleContext): (a: UtteranceRecord, b: UtteranceRecord) => number {
  const rank = new Map(ctx.bot.files.map((f, i) => [f, i]));
  return (a, b) => (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) || a.item.start - b.item.start;
}

export const utterancesRule: BotRule = {
  codes: ['utterance/duplicate', 'utterance/conflict', 'intent/too-few-utterances'],
  check(ctx) {
    const { bot, options } = ctx;
    const order = readingOrder(ctx);
    for (const group of ctx.training.repeats()) {
      const list = [...group].sort(order);
      const first = list[0]!;
      const firstOfIntent = new Map<string, UtteranceRecord>([[first.intent, first]]);
      for (const r of list.slice(1)) {
        const same = firstOfIntent.get(r.intent);
        if (same) {
          ctx.report(r.file, {
            start: r.item.start,
            end: r.item.end,
            code: 'utterance/duplicate',
            message: `"${r.item.text}" repeats an utterance of this intent (${r.locale}), ignoring case and punctuation. Remove it or write a different example.`,
            related: [{ file: same.file, start: same.item.start, end: same.item.end, message: 'first given here' }],
            fixes: removeFix(ctx, r, true),
          });
          continue;
        }
        firstOfIntent.set(r.intent, r);
        ctx.report(r.file, {
          start: r.item.start,
          end: r.item.end,
          code: 'utterance/conflict',
          message: `"${r.item.text}" is also an utterance of the intent ${first.intent} (${r.locale}): the bot cannot tell them apart. Keep it in one intent only.`,
          related: [{ file: first.file, start: first.item.start, end: first.item.end, message: `utterance of ${first.intent}` }],
          fixes: removeFix(ctx, r, false),
        });
      }
    }
    const declared = new Set(bot.locales);
    for (const intent of bot.intents) {
      for (const entry of intent.utterances?.entries ?? []) {
        if (declared.size && !declared.has(entry.locale)) continue;
        const n = entry.texts.length;
        if (n >= options.minUtterances) continue;
        ctx.report(intent.def.file, {
          start: entry.start,
          end: entry.end,
          code: 'intent/too-few-utterances',
          message: `The intent ${intent.def.name} has ${n} ${n === 1 ? 'utterance' : 'utterances'} for ${entry.locale}; at least ${options.minUtterances} help it match reliably. Add more examples.`,
        });
      }
    }
  },
};
