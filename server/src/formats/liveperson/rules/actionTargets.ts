// A rule's next action (`responseMatches[].action.value`) is `next`, `none`, `close_dialog`,
// `close_conversation`, an interaction id or (with action `DIALOG`) a dialog id
// (FORMATS.md §11). Anything else goes nowhere: reported at the value, by the interaction's
// and the rule's names.
import { ACTION_KEYWORDS, dialogLabel, dialogOf, labelOf } from '../model';
import type { LivePersonRule } from './types';

export const actionTargetsRule: LivePersonRule = {
  codes: ['liveperson/unknown-action-target'],
  needsWholeFile: true,
  check({ bot, report }) {
    for (const it of bot.facts.interactions) {
      for (const rule of it.rules) {
        const v = rule.actionValue;
        if (!v || v.text === '' || ACTION_KEYWORDS.has(v.text)) continue;
        const dialog = rule.actionName?.text === 'DIALOG';
        if (dialog ? bot.dialogsById.has(v.text) : bot.interactionsById.has(v.text) || bot.dialogsById.has(v.text)) continue;
        const where = `the rule ${rule.name ? `'${rule.name.text}' ` : ''}of '${labelOf(it)}' (dialog '${dialogLabel(dialogOf(bot, it))}')`;
        report({
          start: v.start,
          end: v.end,
          code: 'liveperson/unknown-action-target',
          message: `${where[0]!.toUpperCase()}${where.slice(1)} goes to '${v.text}', which is no ${dialog ? 'dialog' : 'interaction or dialog'} of this bot. Choose the ${dialog ? 'dialog' : 'interaction'} it leads to, or one of next, none, close_dialog, close_conversation.`,
        });
      }
    }
  },
};
