// dialogflow-es/annotation-inconsistent: text annotated (`alias`) in some training phrases of
// an intent but left plain, as whole words, in others of the same language — ES's "text
// annotated in some training phrases but not others". Reported at the plain part.
import type { EsRule } from './types';

const WORD = /[\p{L}\p{N}]/u;

function containsWords(hay: string, needle: string): boolean {
  let i = hay.indexOf(needle);
  while (i >= 0) {
    const before = i === 0 ? '' : hay[i - 1]!;
    const after = hay[i + needle.length] ?? '';
    if (!WORD.test(before) && !WORD.test(after)) return true;
    i = hay.indexOf(needle, i + 1);
  }
  return false;
}

export const annotationInconsistentRule: EsRule = {
  codes: ['dialogflow-es/annotation-inconsistent'],
  check(ctx) {
    const { bot } = ctx;
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'usersays') continue;
      const annotated = new Map<string, { alias: string; start: number; end: number }>();
      for (const ph of facts.phrases)
        for (const part of ph.parts) {
          const t = part.text.trim().toLowerCase();
          if (part.alias && t.length > 1 && !annotated.has(t)) annotated.set(t, { alias: part.alias.text, start: part.start, end: part.end });
        }
      if (annotated.size === 0) continue;
      for (const ph of facts.phrases)
        for (const part of ph.parts) {
          if (part.alias || part.meta) continue;
          const t = part.text.toLowerCase();
          for (const [words, a] of annotated) {
            if (!containsWords(t, words)) continue;
            ctx.report(file, {
              start: part.start,
              end: part.end,
              code: 'dialogflow-es/annotation-inconsistent',
              message: `"${words}" is annotated as the parameter "${a.alias}" in other training phrases of this intent but not here. Annotate it here too, or nowhere.`,
              related: [{ file, start: a.start, end: a.end, message: `annotated as "${a.alias}"` }],
            });
            break;
          }
        }
    }
  },
};
