// Training data: the same utterance twice in an intent, and the same utterance in two
// intents (after normalising case, spacing and punctuation). Each repeat is reported at
// the later utterance in reading order, pointing at the earlier one.
import { removeItem } from '../../../definitions/edits';
import type { UtteranceRecord } from '../model/training';
import { nodeAt } from '../../../definitions/parse/tree';
import type { Fix } from '../../../definitions/types';
import type { RecordRule, RecordRuleContext } from './types';

/** A fix that deletes an utterance from its list. */
function removeFix(ctx: RecordRuleContext, r: UtteranceRecord, preferred: boolean): Fix[] {
  const doc = ctx.bot.docs.get(r.file)?.doc;
  const node = doc && nodeAt(doc.root, r.item.start)?.node;
  const arr = node?.parent;
  if (!doc || !node || !arr || arr.type !== 'array') return [];
  return [{ title: `Remove "${r.item.text}"`, ...(preferred ? { preferred } : {}), edits: [removeItem(doc, arr, arr.items.indexOf(node))] }];
}

export const repeatsRule: RecordRule = {
  codes: ['utterance/duplicate', 'utterance/conflict'],
  check(ctx, r) {
    const group = r.text.records;
    if (group.length < 2) return;
    const list = ctx.sorted(group);
    const first = list[0]!;
    if (first === r) return;
    // The first utterance of r's intent before it, if any: then r repeats its own intent.
    let same: UtteranceRecord | undefined;
    for (const x of list) {
      if (x === r) break;
      if (x.intent === r.intent) {
        same = x;
        break;
      }
    }
    if (same) {
      ctx.report({
        start: r.item.start,
        end: r.item.end,
        code: 'utterance/duplicate',
        message: `"${r.item.text}" repeats an utterance of this intent (${r.locale}), ignoring case and punctuation. Remove it or write a different example.`,
        related: [{ file: same.file, start: same.item.start, end: same.item.end, message: 'first given here' }],
        fixes: removeFix(ctx, r, true),
      });
      return;
    }
    ctx.report({
      start: r.item.start,
      end: r.item.end,
      code: 'utterance/conflict',
      message: `"${r.item.text}" is also an utterance of the intent ${first.intent} (${r.locale}): the bot cannot tell them apart. Keep it in one intent only.`,
      related: [{ file: first.file, start: first.item.start, end: first.item.end, message: `utterance of ${first.intent}` }],
      fixes: removeFix(ctx, r, false),
    });
  },
};
