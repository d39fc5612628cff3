// Interaction names are unique in a bot (Conversation Builder's interaction basics): code
// jumps by name, and two interactions of one name make that jump ambiguous.
import { dialogLabel, dialogOf } from '../model';
import type { LivePersonRule } from './types';

export const interactionNamesRule: LivePersonRule = {
  codes: ['liveperson/duplicate-interaction-name'],
  needsWholeFile: false,
  check({ bot, report }) {
    for (const [name, list] of bot.interactionsByName) {
      if (list.length < 2) continue;
      const first = list[0]!;
      for (const it of list.slice(1)) {
        report({
          start: it.name!.start,
          end: it.name!.end,
          code: 'liveperson/duplicate-interaction-name',
          message: `Another interaction is already named '${name}' (dialog '${dialogLabel(dialogOf(bot, first))}'): interaction names are unique in a bot, and code that jumps to '${name}' cannot tell them apart. Rename one of them.`,
          related: [{ file: '', start: first.name!.start, end: first.name!.end, message: `'${name}' first named here` }],
        });
      }
    }
  },
};
