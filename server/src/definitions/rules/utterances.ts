// Training data: the same utterance twice in an intent, the same utterance in two intents
// (after normalising), and intents with too few utterances per locale.
import { normalizedOf } from '../text/normalize';
import type { BotRule } from './types';

export const utterancesRule: BotRule = {
  codes: ['utterance/duplicate', 'utterance/conflict', 'intent/too-few-utterances'],
  check(ctx) {
    const { bot, options } = ctx;
    const declared = new Set(bot.locales);
    // locale + normalised text → the first intent that uses it
    const owners = new Map<string, { intent: string; file: string; start: number; end: number }>();
    const checkDuplicates = !ctx.isOff('utterance/duplicate') || !ctx.isOff('utterance/conflict');
    for (const intent of bot.intents) {
      const file = intent.def.file;
      for (const entry of intent.utterances?.entries ?? []) {
        if (checkDuplicates) {
          const mine = new Map<string, { start: number; end: number }>();
          for (const u of entry.texts) {
            const norm = normalizedOf(u);
            if (!norm) continue;
            const same = mine.get(norm);
            if (same) {
              ctx.report(file, {
                start: u.start,
                end: u.end,
                code: 'utterance/duplicate',
                message: `"${u.text}" repeats an utterance of this intent (${entry.locale}), ignoring case and punctuation. Remove it or write a different example.`,
                related: [{ file, start: same.start, end: same.end, message: 'first given here' }],
              });
              continue;
            }
            mine.set(norm, u);
            const key = `${entry.locale}\u0000${norm}`;
            const owner = owners.get(key);
            if (!owner) owners.set(key, { intent: intent.def.name, file, start: u.start, end: u.end });
            else if (owner.intent !== intent.def.name) {
              ctx.report(file, {
                start: u.start,
                end: u.end,
                code: 'utterance/conflict',
                message: `"${u.text}" is also an utterance of the intent ${owner.intent} (${entry.locale}): the bot cannot tell them apart. Keep it in one intent only.`,
                related: [{ file: owner.file, start: owner.start, end: owner.end, message: `utterance of ${owner.intent}` }],
              });
            }
          }
        }
        if (declared.size === 0 || declared.has(entry.locale)) {
          const n = entry.texts.length;
          if (n < options.minUtterances) {
            ctx.report(file, {
              start: entry.start,
              end: entry.end,
              code: 'intent/too-few-utterances',
              message: `The intent ${intent.def.name} has ${n} ${n === 1 ? 'utterance' : 'utterances'} for ${entry.locale}; at least ${options.minUtterances} help it match reliably. Add more examples.`,
            });
          }
        }
      }
    }
  },
};
