// dialogflow-es/duplicate-name: two intents (or entities) with one `name`, or two intents with
// one `id` — follow-ups name their parent by id, and the console keeps one of each.
import type { EsRule } from './types';
import { spanOf } from './at';

export const duplicateNamesRule: EsRule = {
  codes: ['dialogflow-es/duplicate-name'],
  check(ctx) {
    const { bot } = ctx;
    for (const [what, map] of [
      ['intent', bot.intents],
      ['entity', bot.entities],
    ] as const) {
      for (const [name, list] of map) {
        const withFiles = list.filter((r) => r.file);
        for (const r of withFiles.slice(1)) {
          const facts = bot.facts.get(r.file!)!;
          const first = withFiles[0]!;
          const firstFacts = bot.facts.get(first.file!)!;
          ctx.report(r.file!, {
            ...spanOf(facts, facts.name),
            code: 'dialogflow-es/duplicate-name',
            message: `Another ${what} is also named "${name}" (${bot.rel.get(first.file!)}): ES keeps one of them. Rename one.`,
            related: [{ file: first.file!, ...spanOf(firstFacts, firstFacts.name), message: 'the other one' }],
          });
        }
      }
    }
    const byId = new Map<string, string>();
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'intent' || !facts.id || facts.id.text === '') continue;
      const had = byId.get(facts.id.text);
      if (!had) {
        byId.set(facts.id.text, file);
        continue;
      }
      const other = bot.facts.get(had)!;
      ctx.report(file, {
        start: facts.id.start,
        end: facts.id.end,
        code: 'dialogflow-es/duplicate-name',
        message: `${bot.rel.get(had)} has the same id: follow-ups name their parent by id, and ES keeps one of the two. Give this intent a new id (any new UUID).`,
        related: [{ file: had, start: other.id!.start, end: other.id!.end, message: 'the same id' }],
      });
    }
  },
};
