// dialogflow-es/unknown-parent: a follow-up intent's `parentId` (and `rootParentId`) is the
// `id` of an intent of the agent; ES refuses a follow-up whose parent is missing.
import type { EsRule } from './types';

export const parentsRule: EsRule = {
  codes: ['dialogflow-es/unknown-parent'],
  check(ctx) {
    const { bot } = ctx;
    if ([...bot.unreadable].some((f) => bot.facts.get(f)?.place.role === 'intent')) return;
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'intent') continue;
      for (const [ref, what] of [
        [facts.parentId, 'parent'],
        [facts.rootParentId, 'root parent'],
      ] as const) {
        if (!ref || ref.text === '' || bot.intentsById.has(ref.text)) continue;
        ctx.report(file, {
          start: ref.start,
          end: ref.end,
          code: 'dialogflow-es/unknown-parent',
          message: `This follow-up intent's ${what} "${ref.text}" is the id of no intent of the agent: ES refuses it on import. Restore the ${what} intent, or make this one a top-level intent (remove "${what === 'parent' ? 'parentId' : 'rootParentId'}").`,
        });
      }
    }
  },
};
