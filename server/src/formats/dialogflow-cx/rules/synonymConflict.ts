// dialogflow-cx/synonym-conflict: one synonym given to two entries of one entity type (in one
// language) — the console warns "the same synonym used for different values". Reported at
// the later synonym.
import type { CxRule } from './types';

export const synonymConflictRule: CxRule = {
  codes: ['dialogflow-cx/synonym-conflict'],
  checkFile(ctx, file) {
    const { bot } = ctx;
    {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'entities') return;
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
              code: 'dialogflow-cx/synonym-conflict',
              message: `"${syn.text}" is a synonym of both "${had.value}" and "${entry.value.text}": the agent cannot tell which value the user means. Keep it under one entry.`,
              related: [{ file, start: had.start, end: had.end, message: `a synonym of "${had.value}"` }],
            });
        }
      }
    }
  },
};
