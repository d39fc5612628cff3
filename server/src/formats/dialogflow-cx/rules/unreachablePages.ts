// dialogflow-cx/unreachable-page: a page nothing leads to. A flow starts at its start page (the
// flow's own file), whose routes and event handlers, with those of the route groups it uses,
// are in scope on every page of the flow; each page reached adds its own (and its groups').
// Agent-level route groups lead to the pages they target in any flow that uses them. Off for
// a flow while one of its files cannot be read. (dfcx-scrapi's agent checker finds these too.)
import type { CxFacts } from '../facts';
import type { FlowResource } from '../model';
import { resolveRef } from '../resolve';
import type { CxRule, CxRuleContext } from './types';

function targets(facts: CxFacts | undefined): string[] {
  return facts ? facts.refs2.filter((r) => r.kind === 'page').map((r) => r.name) : [];
}

function checkFlow(ctx: CxRuleContext, flow: FlowResource): void {
  const { bot } = ctx;
  if (!flow.file || flow.files.some((f) => bot.unreadable.includes(f))) return;
  const reached = new Set<string>();
  const queue: string[] = [];
  /** What a file leads to: its own targets and those of the route groups it uses. */
  const visit = (file: string): void => {
    const facts = bot.facts.get(file);
    const out = targets(facts);
    for (const ref of facts?.refs2 ?? []) {
      if (ref.kind !== 'routeGroup') continue;
      const r = resolveRef(bot, file, ref);
      if (r !== 'builtin') for (const g of r.resources) if (g.file) out.push(...targets(bot.facts.get(g.file)));
    }
    for (const name of out) {
      if (reached.has(name)) continue;
      reached.add(name);
      queue.push(name);
    }
  };
  visit(flow.file);
  while (queue.length) {
    const name = queue.shift()!;
    for (const page of flow.pages.get(name) ?? []) if (page.file) visit(page.file);
  }
  for (const [name, pages] of flow.pages) {
    if (reached.has(name)) continue;
    for (const page of pages) {
      const facts = bot.facts.get(page.file!)!;
      const at = page.displayName ?? facts.top;
      if (!at) continue;
      ctx.report(page.file!, {
        start: at.start,
        end: page.displayName ? at.end : at.start + 1,
        code: 'dialogflow-cx/unreachable-page',
        message: `No route, event handler or route group of the flow "${flow.name}" leads to the page "${name}": a conversation can never get here. Add a route with "targetPage": "${name}", or remove the page.`,
      });
    }
  }
}

export const unreachablePagesRule: CxRule = {
  codes: ['dialogflow-cx/unreachable-page'],
  check(ctx) {
    for (const list of ctx.bot.flows.values()) for (const flow of list) checkFlow(ctx, flow);
  },
};
