// lex-v2/slot-priorities: an intent's `slotPriorities` list each of its slots once (the
// order Lex elicits them in); a slot left out is never elicited, one listed twice or a name
// that is no slot of the intent is refused by the build.
import type { LexRule } from './types';

export const slotPrioritiesRule: LexRule = {
  codes: ['lex-v2/slot-priorities'],
  check({ bot, report }) {
    for (const locale of bot.byLocale.values()) {
      for (const intent of locale.intents.values()) {
        const file = intent.file;
        if (!file || intent.slots.some((s) => bot.unreadable.has(s.path))) continue;
        const names = new Set(intent.slots.flatMap((s) => (s.facts.name ? [s.facts.name.text] : [])));
        const seen = new Map<string, { start: number; end: number }>();
        for (const p of file.facts.slotPriorities) {
          const n = p.slotName;
          if (!n) continue;
          const first = seen.get(n.text);
          if (first) {
            report(file.path, { start: n.start, end: n.end, code: 'lex-v2/slot-priorities', message: `The slot ${n.text} is listed twice in "slotPriorities". List each slot once.`, related: [{ file: file.path, start: first.start, end: first.end, message: 'listed first here' }] });
            continue;
          }
          seen.set(n.text, n);
          if (!names.has(n.text)) report(file.path, { start: n.start, end: n.end, code: 'lex-v2/slot-priorities', message: `"slotPriorities" names ${n.text}, which is no slot of this intent${names.size ? ` (its slots: ${[...names].sort().join(', ')})` : ''}.` });
        }
        const missing = [...names].filter((n) => !seen.has(n)).sort();
        if (missing.length) {
          const at = file.facts.slotPrioritiesProperty ?? file.facts.nameProperty;
          const span = at ? { start: at.keyStart, end: at.keyEnd } : { start: 0, end: 0 };
          report(file.path, { ...span, code: 'lex-v2/slot-priorities', message: `${missing.length === 1 ? 'The slot' : 'The slots'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing from "slotPriorities": Lex elicits only the slots listed there. Add ${missing.length === 1 ? 'it' : 'them'} with a priority.` });
        }
      }
    }
  },
};
