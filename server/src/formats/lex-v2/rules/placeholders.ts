// lex-v2/unknown-slot-in-utterance: in a sample utterance, `{Name}` is a slot of the intent
// (API_CreateIntent: "I want a {PizzaSize} pizza"), written exactly as the slot is named —
// Lex matches slot names case-sensitively. Reported at the braces, inside the string, even
// in a one-line file; the fix changes it to the slot the name is closest to.
import { closest } from '../../../definitions/text/didYouMean';
import { rawOffset } from '../facts';
import type { Str } from '../facts';
import { slotNames } from '../model';
import type { LexRule } from './types';

/** The `{…}` of a text: the name inside and its index in the text (of the "{"). */
export function placeholdersOf(text: string): { name: string; index: number; length: number }[] {
  const out: { name: string; index: number; length: number }[] = [];
  if (!text.includes('{')) return out;
  const re = /\{([^{}]*)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ name: m[1]!, index: m.index, length: m[0].length });
  return out;
}

/** The span in the file of a placeholder's name (inside the braces) in an utterance token. */
export function placeholderSpan(fileText: string, u: Str, index: number, length: number): { start: number; end: number } {
  return { start: rawOffset(fileText, u, index + 1), end: rawOffset(fileText, u, index + length - 1) };
}

export const placeholdersRule: LexRule = {
  codes: ['lex-v2/unknown-slot-in-utterance'],
  check({ bot, report, text }) {
    for (const locale of bot.byLocale.values()) {
      for (const intent of locale.intents.values()) {
        const file = intent.file;
        if (!file || file.facts.utterances.length === 0) continue;
        let slots: Set<string> | undefined;
        for (const u of file.facts.utterances) {
          for (const p of placeholdersOf(u.text)) {
            slots ??= slotNames(intent);
            if (slots.has(p.name)) continue;
            const fileText = text(file.path);
            const at = { start: rawOffset(fileText, u, p.index), end: rawOffset(fileText, u, p.index + p.length) };
            const guess = closest(p.name, slots);
            const inner = placeholderSpan(fileText, u, p.index, p.length);
            const intentName = file.facts.name?.text ?? intent.folder;
            report(file.path, {
              start: at.start,
              end: at.end,
              code: 'lex-v2/unknown-slot-in-utterance',
              message:
                slots.size === 0
                  ? `"{${p.name}}" names a slot, but the intent ${intentName} has none. Add a slot ${p.name} under Slots/, or write the words without braces.`
                  : `"{${p.name}}" names no slot of the intent ${intentName} (its slots: ${[...slots].sort().join(', ')}).${guess ? ` Did you mean {${guess}}? Slot names are case-sensitive.` : ''}`,
              fixes: guess ? [{ title: `Change to {${guess}}`, preferred: true, edits: [{ file: file.path, start: inner.start, end: inner.end, newText: guess }] }] : undefined,
            });
          }
        }
      }
    }
  },
};
