// dialogflow-es/duplicate-phrase and dialogflow-es/negative-example-conflict: the same
// training phrase (after normalising case, spacing and the punctuation around it) in two
// intents of one language — ES's "intent has training phrases which are too similar"; when one
// of them is a fallback intent, the phrase is a negative example that another intent trains
// on. Reported at each phrase after the first (in path order), the first as the related place.
import { normalisePhrase } from '../builtins';
import type { EsRule } from './types';

export const duplicatePhrasesRule: EsRule = {
  codes: ['dialogflow-es/duplicate-phrase', 'dialogflow-es/negative-example-conflict'],
  check(ctx) {
    const { bot } = ctx;
    const first = new Map<string, { intent: string; fallback: boolean; file: string; start: number; end: number }>();
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'usersays') continue;
      const intent = bot.owner.get(file);
      if (!intent) continue;
      const fallback = !!intent.file && bot.facts.get(intent.file)!.fallback;
      const lang = facts.place.lang ?? '';
      for (const ph of facts.phrases) {
        const norm = normalisePhrase(ph.text);
        if (norm === '') continue;
        const key = `${lang}\0${norm}`;
        const seen = first.get(key);
        if (!seen) {
          first.set(key, { intent: intent.name, fallback, file, start: ph.start, end: ph.end });
          continue;
        }
        if (seen.intent === intent.name) continue;
        const negative = seen.fallback || fallback;
        ctx.report(file, {
          start: ph.start,
          end: ph.end,
          code: negative ? 'dialogflow-es/negative-example-conflict' : 'dialogflow-es/duplicate-phrase',
          message: negative
            ? `"${ph.text.trim()}" is a negative example of the fallback intent "${seen.fallback ? seen.intent : intent.name}" and a training phrase of "${seen.fallback ? intent.name : seen.intent}" (${lang}): the agent learns both to match it and not to. Keep it in one of them.`
            : `"${ph.text.trim()}" is also a training phrase of the intent "${seen.intent}" (${lang}): the agent cannot tell the two intents apart on it. Keep it in one intent.`,
          related: [{ file: seen.file, start: seen.start, end: seen.end, message: `in "${seen.intent}"` }],
        });
      }
    }
  },
};
