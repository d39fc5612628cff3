// lex-v2/intent-without-utterances: a custom intent (no `parentIntentSignature`, so not a
// built-in such as AMAZON.FallbackIntent) needs at least one sample utterance, or the locale
// does not build (the docs recommend ten or more, build-intents.md).
import type { LexRule } from './types';

export const utterancesRequiredRule: LexRule = {
  codes: ['lex-v2/intent-without-utterances'],
  check({ bot, report }) {
    for (const locale of bot.byLocale.values()) {
      for (const intent of locale.intents.values()) {
        const f = intent.file?.facts;
        if (!f || !f.root || f.parentIntentSignature || f.utterances.length > 0) continue;
        // Utterances that could not be read are reported by the schema check.
        const su = f.utterancesProperty?.value;
        if (su && !(su.type === 'array' && su.items.length === 0) && !(su.type === 'scalar' && su.value === null)) continue;
        const at = f.utterancesProperty ? { start: f.utterancesProperty.keyStart, end: f.utterancesProperty.keyEnd } : f.name ?? { start: f.root.start, end: f.root.start + 1 };
        report(intent.file!.path, { start: at.start, end: at.end, code: 'lex-v2/intent-without-utterances', message: `The intent ${f.name?.text ?? intent.folder} has no sample utterances, so ${locale.id} will not build. Add some (ten or more train it well), or give it a "parentIntentSignature" if it is a built-in intent.` });
      }
    }
  },
};
