// dialogflow-cx/duplicate-phrase: the same training phrase, after normalising (case, spacing,
// surrounding punctuation), in two intents of one language — the surest case of the console's
// "different intents have training phrases which are too similar". Reported at every phrase
// after the first, with the first as the related place.
import { normalisePhrase } from '../builtins';
import type { CxRule } from './types';

export const duplicatePhrasesRule: CxRule = {
  codes: ['dialogflow-cx/duplicate-phrase'],
  check(ctx) {
    const { bot } = ctx;
    const first = new Map<string, { intent: string; file: string; start: number; end: number }>();
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'phrases') continue;
      const intent = bot.owner.get(file);
      if (!intent) continue;
      const lang = facts.place.lang ?? '';
      for (const ph of facts.phrases) {
        const norm = normalisePhrase(ph.text);
        if (norm === '') continue;
        const key = `${lang}\0${norm}`;
        const seen = first.get(key);
        if (!seen) {
          first.set(key, { intent: intent.name, file, start: ph.start, end: ph.end });
          continue;
        }
        if (seen.intent === intent.name) continue;
        ctx.report(file, {
          start: ph.start,
          end: ph.end,
          code: 'dialogflow-cx/duplicate-phrase',
          message: `"${ph.text.trim()}" is also a training phrase of the intent "${seen.intent}" (${lang}): the agent cannot tell the two intents apart on it. Keep it in one intent.`,
          related: [{ file: seen.file, start: seen.start, end: seen.end, message: `in "${seen.intent}"` }],
        });
      }
    }
  },
};
