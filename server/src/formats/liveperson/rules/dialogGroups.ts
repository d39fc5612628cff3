// Every interaction is in a dialog: its `group` is the id of one of the bot's dialogs
// (`groups`). An interaction whose dialog is gone shows in no dialog of Conversation Builder.
import { labelOf } from '../model';
import type { LivePersonRule } from './types';

export const dialogGroupsRule: LivePersonRule = {
  codes: ['liveperson/unknown-dialog'],
  needsWholeFile: true,
  check({ bot, report }) {
    for (const it of bot.facts.interactions) {
      const g = it.group;
      if (!g || bot.dialogsById.has(g.text)) continue;
      report({
        start: g.start,
        end: g.end,
        code: 'liveperson/unknown-dialog',
        message: `The interaction '${labelOf(it)}' is in the dialog '${g.text}', which is no dialog of this bot (groups). Set its group to the id of one of the bot's dialogs, or add the dialog.`,
      });
    }
  },
};
