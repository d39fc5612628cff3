// lex-v2/duplicate-fallback: a locale has one fallback intent (parentIntentSignature
// AMAZON.FallbackIntent), which Lex creates with the locale and which cannot be doubled.
import type { LexRule } from './types';

export const FALLBACK = 'AMAZON.FallbackIntent';

export const fallbackRule: LexRule = {
  codes: ['lex-v2/duplicate-fallback'],
  check({ bot, report }) {
    for (const locale of bot.byLocale.values()) {
      let first: { path: string; start: number; end: number; name: string } | undefined;
      for (const intent of locale.intents.values()) {
        const sig = intent.file?.facts.parentIntentSignature;
        if (!sig || sig.text !== FALLBACK) continue;
        if (!first) {
          first = { path: intent.file!.path, start: sig.start, end: sig.end, name: intent.file!.facts.name?.text ?? intent.folder };
          continue;
        }
        report(intent.file!.path, {
          start: sig.start,
          end: sig.end,
          code: 'lex-v2/duplicate-fallback',
          message: `${locale.id} already has a fallback intent, ${first.name}; a locale has exactly one. Make this one a custom intent (remove "parentIntentSignature") or delete it.`,
          related: [{ file: first.path, start: first.start, end: first.end, message: 'the fallback intent' }],
        });
      }
    }
  },
};
