// dialogflow-es/synonym-conflict: one synonym (case aside) given to two entries of one entity
// in one language. Reported at the later synonym.
import type { EsRule } from './types';

export const synonymConflictRule: EsRule = {
  codes: ['dialogflow-es/synonym-conflict'],
  check(ctx) {
    const { bot } = ctx;
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'entries') continue;
      const owner = new Map<string, { value: string; start: number; end: number }>();
      for (const entry of facts.entries) {
        const mine = new Set<string>();
        for (const syn of entry.synonyms) {
          const key = syn.text.trim().toLowerCase();
          if (key === '' || mine.has(key)) continue;
          mine.add(key);
          const had = owner.get(key);
          if (!had) owner.set(key, { value: entry.value.text, start: syn.start, end: syn.end });
          else if (had.value !== entry.value.text)
            ctx.report(file, {
              start: syn.start,
              end: syn.end,
              code: 'dialogflow-es/synonym-conflict',
              message: `"${syn.text}" is a synonym of both "${had.value}" and "${entry.value.text}": the agent cannot tell which the user means. Keep it under one entry.`,
              related: [{ file, start: had.start, end: had.end, message: `a synonym of "${had.value}"` }],
            });
        }
      }
    }
  },
};
