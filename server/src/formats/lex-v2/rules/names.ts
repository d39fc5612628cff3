// lex-v2/invalid-name: bot, intent, slot and slot type names as the API takes them
// (API_CreateBot, API_CreateIntent, API_CreateSlot, API_CreateSlotType): 1 to 100
// characters matching ^([0-9a-zA-Z][_-]?)+$ — letters and digits, each "_" or "-" single
// and after a letter or digit, no spaces.
import type { LexFile } from '../model';
import type { LexRule } from './types';

export const NAME_PATTERN = /^([0-9a-zA-Z][_-]?)+$/;
export const MAX_NAME = 100;

/** Why a name is not one Lex takes, or undefined. */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_NAME) return `is ${name.length} characters long; at most ${MAX_NAME} are allowed`;
  if (!NAME_PATTERN.test(name)) {
    if (/\s/.test(name)) return 'has a space';
    if (/^[_-]/.test(name)) return 'starts with "_" or "-"';
    if (/[_-]{2}/.test(name)) return 'has two "_" or "-" in a row';
    return 'has characters other than letters, digits, "_" and "-"';
  }
  return undefined;
}

export const namesRule: LexRule = {
  codes: ['lex-v2/invalid-name'],
  check({ bot, report }) {
    const check = (f: LexFile | undefined, what: string): void => {
      const name = f?.facts.name;
      if (!f || !name) return;
      const why = nameProblem(name.text);
      if (why) report(f.path, { start: name.start, end: name.end, code: 'lex-v2/invalid-name', message: `The ${what} name "${name.text}" ${why}. Lex takes 1–100 letters and digits, with single "_" or "-" between them.` });
    };
    check(bot.botFile, 'bot');
    for (const locale of bot.byLocale.values()) {
      for (const intent of locale.intents.values()) {
        check(intent.file, 'intent');
        for (const s of intent.slots) check(s, 'slot');
      }
      for (const t of locale.slotTypes) check(t, 'slot type');
    }
  },
};
