// A dialog is started by its dialog starter (the user's words), or reached from another
// dialog: a rule whose next action is the dialog or one of its interactions, or code that
// jumps to one of its interactions by name. Fallback and the platform's other dialog types
// are entered by the platform. A dialog of type DIALOG with none of these never runs.
import { dialogLabel } from '../model';
import type { LivePersonRule } from './types';

export const reachabilityRule: LivePersonRule = {
  codes: ['liveperson/unreachable-dialog'],
  needsWholeFile: true,
  check({ bot, report }) {
    const reached = new Set<string>();
    const dialogOfId = (id: string) => bot.interactionsById.get(id)?.group?.text;
    for (const u of bot.uses) {
      if (u.kind === 'dialog' && u.role === 'action') reached.add(u.id);
      if (u.kind === 'interaction' && (u.role === 'action' || u.role === 'trigger')) {
        const d = dialogOfId(u.id);
        // A dialog that leads to itself does not count as reached.
        if (d && d !== u.from?.group?.text) reached.add(d);
      }
    }
    for (const d of bot.facts.dialogs) {
      if (!d.id || (d.type && d.type.text !== 'DIALOG')) continue;
      if (reached.has(d.id.text)) continue;
      const chain = bot.chains.get(d.id.text) ?? [];
      if (chain.some((it) => it.type?.text === 'DIALOG_STARTER')) continue;
      const at = d.name ?? d.id;
      report({
        start: at.start,
        end: at.end,
        code: 'liveperson/unreachable-dialog',
        message: `Nothing can start or reach the dialog '${dialogLabel(d)}': it has no dialog starter, and no rule, dialog or code leads to it. Add a dialog starter, lead a rule to it, or remove it.`,
      });
    }
  },
};
