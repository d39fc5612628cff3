// A dialog has at most one dialog starter, and it is the dialog's first interaction
// (Conversation Builder's dialog starter docs): the starter is what the user's words match,
// and the dialog runs from it. Reported at the extra starter's type, or at the link that
// puts an interaction before the starter.
import type { LpInteraction } from '../facts';
import { dialogLabel, labelOf } from '../model';
import type { LivePersonRule } from './types';

const isStarter = (it: LpInteraction) => it.type?.text === 'DIALOG_STARTER';

export const dialogStartersRule: LivePersonRule = {
  codes: ['liveperson/dialog-starter'],
  needsWholeFile: false,
  check({ bot, report }) {
    for (const [dialogId, chain] of bot.chains) {
      const dialog = bot.dialogsById.get(dialogId);
      const starters = chain.filter(isStarter);
      for (const extra of starters.slice(1)) {
        report({
          start: extra.type!.start,
          end: extra.type!.end,
          code: 'liveperson/dialog-starter',
          message: `The dialog '${dialogLabel(dialog)}' has a second dialog starter, '${labelOf(extra)}' (the first is '${labelOf(starters[0])}'): a dialog has one starter. Make this one another kind of interaction, or move it into a dialog of its own.`,
          related: [{ file: '', start: starters[0]!.type!.start, end: starters[0]!.type!.end, message: `the dialog starter '${labelOf(starters[0])}'` }],
        });
      }
      const starter = starters[0];
      if (!starter) continue;
      const before = chain.find((it) => it !== starter && it.next?.text === starter.id?.text);
      const prev = starter.prev && starter.prev.text !== '' ? bot.interactionsById.get(starter.prev.text) : undefined;
      if (before || prev) {
        const at = prev ? starter.prev! : before!.next!;
        report({
          start: at.start,
          end: at.end,
          code: 'liveperson/dialog-starter',
          message: `The dialog starter '${labelOf(starter)}' is not the first interaction of the dialog '${dialogLabel(dialog)}': '${labelOf(prev ?? before)}' comes before it. A dialog runs from its starter; make the starter first (clear its prevMessageId, and point no nextMessageId at it).`,
        });
      }
    }
  },
};
