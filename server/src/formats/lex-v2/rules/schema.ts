// lex-v2/schema: the shape Lex requires of each file — a JSON object, a string `name`,
// lists where Lex takes lists — reported at the offending node (facts.ts finds them).
import type { LexRule } from './types';

export const schemaRule: LexRule = {
  codes: ['lex-v2/schema'],
  check({ bot, report }) {
    for (const [file, doc] of bot.docs) for (const s of doc.facts.shape) report(file, { start: s.start, end: s.end, code: 'lex-v2/schema', message: s.message });
  },
};
