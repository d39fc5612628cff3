// The quotas of a locale's contents (quotas.md): at most 1,500 sample utterances per intent
// and 500 characters per utterance, 100 slots per intent, 10,000 values and synonyms per
// custom slot type, and 4,000 characters per text or SSML message.
import type { LexRule } from './types';

export const MAX_UTTERANCES = 1500;
export const MAX_UTTERANCE_LENGTH = 500;
export const MAX_SLOTS = 100;
export const MAX_SLOT_VALUES = 10_000;
export const MAX_MESSAGE = 4000;

const n = (x: number): string => x.toLocaleString('en-US');

export const quotasRule: LexRule = {
  codes: ['lex-v2/too-many-utterances', 'lex-v2/utterance-too-long', 'lex-v2/too-many-slots', 'lex-v2/too-many-slot-values', 'lex-v2/message-too-long'],
  check({ bot, report }) {
    for (const [file, doc] of bot.docs) {
      const f = doc.facts;
      if (f.kind === 'intent' && f.utterances.length > MAX_UTTERANCES) {
        const at = f.utterancesProperty!;
        report(file, { start: at.keyStart, end: at.keyEnd, code: 'lex-v2/too-many-utterances', message: `The intent has ${n(f.utterances.length)} sample utterances; Lex takes at most ${n(MAX_UTTERANCES)} per intent. Remove the ones that add least, or split the intent.` });
      }
      for (const u of f.utterances) {
        if (u.text.length > MAX_UTTERANCE_LENGTH) report(file, { start: u.start, end: u.end, code: 'lex-v2/utterance-too-long', message: `The utterance is ${n(u.text.length)} characters long; Lex takes at most ${MAX_UTTERANCE_LENGTH}.` });
      }
      if (f.kind === 'slotType') {
        const count = f.values.reduce((k, v) => k + (v.value ? 1 : 0) + v.synonyms.length, 0);
        if (count > MAX_SLOT_VALUES) {
          const at = f.slotTypeValuesProperty!;
          report(file, { start: at.keyStart, end: at.keyEnd, code: 'lex-v2/too-many-slot-values', message: `The slot type has ${n(count)} values and synonyms; Lex takes at most ${n(MAX_SLOT_VALUES)} per slot type. Split it, or use a regular expression (AMAZON.AlphaNumeric with a regexFilter).` });
        }
      }
      for (const m of f.messages) {
        if (m.text.length > MAX_MESSAGE) report(file, { start: m.start, end: m.end, code: 'lex-v2/message-too-long', message: `The message is ${n(m.text.length)} characters long; Lex takes at most ${n(MAX_MESSAGE)}. Split it into message groups.` });
      }
    }
    for (const locale of bot.byLocale.values()) {
      for (const intent of locale.intents.values()) {
        const name = intent.file?.facts.name;
        if (intent.file && name && intent.slots.length > MAX_SLOTS) {
          report(intent.file.path, { start: name.start, end: name.end, code: 'lex-v2/too-many-slots', message: `The intent has ${intent.slots.length} slots; Lex takes at most ${MAX_SLOTS} per intent.` });
        }
      }
    }
  },
};
