// lex-v2/unknown-slot-type: a slot's `slotTypeName` is a built-in (`AMAZON.` followed by its
// name) or a custom slot type of the same locale (SlotTypes/ beside Intents/): each locale
// has its own copy, so a type of another locale does not count.
import { closest } from '../../../definitions/text/didYouMean';
import { requote } from '../../../definitions/text/didYouMean';
import { namesIn } from '../model';
import type { LexRule } from './types';

export const slotTypesRule: LexRule = {
  codes: ['lex-v2/unknown-slot-type'],
  check({ bot, report, text }) {
    for (const locale of bot.byLocale.values()) {
      const { types } = namesIn(locale);
      const unsure = locale.slotTypes.some((t) => bot.unreadable.has(t.path));
      if (unsure) continue;
      for (const intent of locale.intents.values()) {
        for (const slot of intent.slots) {
          const st = slot.facts.slotTypeName;
          if (!st || st.text.startsWith('AMAZON.') || types.has(st.text)) continue;
          const guess = closest(st.text, types.keys());
          const elsewhere = [...bot.byLocale.values()].filter((l) => l !== locale && namesIn(l).types.has(st.text)).map((l) => l.id);
          report(slot.path, {
            start: st.start,
            end: st.end,
            code: 'lex-v2/unknown-slot-type',
            message: `The slot type "${st.text}" is neither a built-in (AMAZON.…) nor a slot type of ${locale.id}${elsewhere.length ? ` (${elsewhere.join(', ')} ${elsewhere.length === 1 ? 'has' : 'have'} it: each locale needs its own copy under SlotTypes/)` : ''}.${guess ? ` Did you mean "${guess}"?` : ''}`,
            fixes: guess ? [{ title: `Change to "${guess}"`, preferred: true, edits: [{ file: slot.path, start: st.start, end: st.end, newText: requote(text(slot.path), st.start, st.end, guess) }] }] : undefined,
          });
        }
      }
    }
  },
};
