// dialogflow-cx/duplicate-name: display names are how the package links resources, so two
// intents (entity types, flows, webhooks, agent route groups; pages or route groups of one
// flow) with one display name make every reference to it ambiguous. Reported at each one
// after the first.
import type { Resource } from '../model';
import type { CxRule, CxRuleContext } from './types';

function check(ctx: CxRuleContext, map: ReadonlyMap<string, readonly Resource[]>, what: string): void {
  for (const [name, list] of map) {
    if (list.length < 2) continue;
    const first = list[0]!;
    for (const r of list.slice(1)) {
      const file = r.file ?? r.files[0];
      if (!file) continue;
      const facts = ctx.bot.facts.get(file)!;
      const at = r.displayName ?? (facts.top ? { start: facts.top.start, end: facts.top.start + 1 } : { start: 0, end: 0 });
      const firstFile = first.file ?? first.files[0] ?? file;
      const firstAt = first.displayName ?? { start: 0, end: 0 };
      ctx.report(file, {
        start: at.start,
        end: at.end,
        code: 'dialogflow-cx/duplicate-name',
        message: `Another ${what} is also named "${name}" (${ctx.bot.rel.get(firstFile)}): references by display name cannot tell them apart, and the console refuses the package. Rename one.`,
        related: [{ file: firstFile, start: firstAt.start, end: firstAt.end, message: 'the other one' }],
      });
    }
  }
}

export const duplicateNamesRule: CxRule = {
  codes: ['dialogflow-cx/duplicate-name'],
  check(ctx) {
    const { bot } = ctx;
    check(ctx, bot.intents, 'intent');
    check(ctx, bot.entityTypes, 'entity type');
    check(ctx, bot.flows, 'flow');
    check(ctx, bot.webhooks, 'webhook');
    check(ctx, bot.agentGroups, 'route group of the agent');
    for (const list of bot.flows.values())
      for (const flow of list) {
        check(ctx, flow.pages, `page of the flow "${flow.name}"`);
        check(ctx, flow.groups, `route group of the flow "${flow.name}"`);
      }
  },
};
