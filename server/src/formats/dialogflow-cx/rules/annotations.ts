// dialogflow-cx/annotation-inconsistent: text annotated as a parameter in some training phrases
// of an intent but left plain in others (of the same language) — the console's "text
// annotated in some training phrases but not others": the model learns both that it is and
// that it is not the parameter. Reported at the plain part, with an annotated one as related.
import type { CxRule } from './types';

const WORD = /[\p{L}\p{N}]/u;

/** Whether `needle` occurs in `hay` as whole words. */
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

export const annotationsRule: CxRule = {
  codes: ['dialogflow-cx/annotation-inconsistent'],
  checkFile(ctx, file) {
    const { bot } = ctx;
    {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'phrases') return;
      const annotated = new Map<string, { parameter: string; start: number; end: number }>();
      for (const ph of facts.phrases)
        for (const part of ph.parts) {
          const t = part.text.trim().toLowerCase();
          if (part.parameterId && t.length > 1 && !annotated.has(t)) annotated.set(t, { parameter: part.parameterId.text, start: part.start, end: part.end });
        }
      if (annotated.size === 0) return;
      for (const ph of facts.phrases)
        for (const part of ph.parts) {
          if (part.parameterId) continue;
          const t = part.text.toLowerCase();
          for (const [words, a] of annotated) {
            if (!containsWords(t, words)) continue;
            ctx.report(file, {
              start: part.start,
              end: part.end,
              code: 'dialogflow-cx/annotation-inconsistent',
              message: `"${words}" is annotated as the parameter "${a.parameter}" in other training phrases of this intent but not here. Annotate it here too, or nowhere.`,
              related: [{ file, start: a.start, end: a.end, message: `annotated as "${a.parameter}"` }],
            });
            break;
          }
        }
    }
  },
};
