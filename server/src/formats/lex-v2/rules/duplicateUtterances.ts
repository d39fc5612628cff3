// lex-v2/duplicate-utterance: one sample utterance in two intents of a locale — Lex cannot
// tell the intents apart on it (quotas.md, "General guidelines"). Compared as Lex hears
// them: case and spacing aside. Reported at the later copy, with the first as related.
import { namesIn } from '../model';
import type { LexRule } from './types';

/** An utterance as compared: lower case, spaces collapsed, trimmed. */
export function utteranceKey(text: string): string {
  const lower = text.toLowerCase();
  // Most utterances are words with single spaces: their own key, without a copy.
  return /[^\S ]| {2}|^ | $/.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}

export const duplicateUtterancesRule: LexRule = {
  codes: ['lex-v2/duplicate-utterance'],
  check({ bot, report }) {
    for (const locale of bot.byLocale.values()) {
      const first = new Map<string, { intent: string; file: string; start: number; end: number }>();
      const names = namesIn(locale).intents;
      for (const intent of locale.intents.values()) {
        const f = intent.file;
        if (!f?.facts.name || (names.get(f.facts.name.text)?.length ?? 0) > 1) continue;
        const intentName = f.facts.name.text;
        for (const u of f.facts.utterances) {
          const key = utteranceKey(u.text);
          const had = first.get(key);
          if (!had) {
            first.set(key, { intent: intentName, file: f.path, start: u.start, end: u.end });
            continue;
          }
          if (had.intent === intentName) continue;
          report(f.path, {
            start: u.start,
            end: u.end,
            code: 'lex-v2/duplicate-utterance',
            message: `"${u.text}" is also a sample utterance of ${had.intent} in ${locale.id}: Lex cannot tell the two intents apart on it. Keep it in one of them.`,
            related: [{ file: had.file, start: had.start, end: had.end, message: `the same utterance in ${had.intent}` }],
          });
        }
      }
    }
  },
};
