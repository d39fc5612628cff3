// Dialog starters are unique across the bot: a duplicated dialog copies its starter's
// patterns and intent, which must then be edited (Conversation Builder's dialog basics). The
// same pattern (compared without case and surrounding spaces) or the same intent in the
// starters of two dialogs means the user's words can start either.
import type { Str } from '../facts';
import { dialogLabel, dialogOf, labelOf } from '../model';
import type { LpInteraction } from '../facts';
import type { LivePersonRule } from './types';

export const starterPatternsRule: LivePersonRule = {
  codes: ['liveperson/duplicate-starter'],
  needsWholeFile: false,
  check({ bot, report }) {
    const seen = new Map<string, { it: LpInteraction; at: Str }>();
    const intents = new Map<string, { it: LpInteraction; at: Str }>();
    for (const it of bot.facts.interactions) {
      if (it.type?.text !== 'DIALOG_STARTER') continue;
      for (const p of it.patterns) {
        const key = p.text.trim().toLowerCase();
        if (key === '') continue;
        const first = seen.get(key);
        if (!first) seen.set(key, { it, at: p });
        else if (first.it.group?.text !== it.group?.text) {
          report({
            start: p.start,
            end: p.end,
            code: 'liveperson/duplicate-starter',
            message: `The pattern '${p.text}' also starts the dialog '${dialogLabel(dialogOf(bot, first.it))}' (its starter '${labelOf(first.it)}'): the user's words can start either dialog. Edit the pattern of one of them.`,
            related: [{ file: '', start: first.at.start, end: first.at.end, message: `the same pattern in '${labelOf(first.it)}'` }],
          });
        }
      }
      const i = it.intentId;
      if (i && i.text !== '') {
        const first = intents.get(i.text);
        if (!first) intents.set(i.text, { it, at: i });
        else if (first.it.group?.text !== it.group?.text) {
          const name = bot.intentsById.get(i.text)?.name?.text ?? i.text;
          report({
            start: i.start,
            end: i.end,
            code: 'liveperson/duplicate-starter',
            message: `The intent '${name}' also starts the dialog '${dialogLabel(dialogOf(bot, first.it))}' (its starter '${labelOf(first.it)}'): one intent starts one dialog. Give one of the starters another intent.`,
            related: [{ file: '', start: first.at.start, end: first.at.end, message: `the same intent in '${labelOf(first.it)}'` }],
          });
        }
      }
    }
  },
};
