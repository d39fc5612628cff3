// The flow graph: every intent is handled by a flow, every flow is triggered or reached,
// one trigger starts one flow, and no chain of gotos loops without waiting for the user.
import type { FlowFact } from '../model/facts';
import type { BotRule } from './types';

/** The flow a flow goes to (its first terminal step, when that is a goto). */
function gotoOf(flow: FlowFact): { target: string; start: number; end: number } | undefined {
  for (const s of flow.steps) {
    if (s.action === 'goto' && s.target) return { target: s.target.text, start: s.target.start, end: s.target.end };
    if (s.action === 'handoff' || s.action === 'end' || s.action === 'goto') return undefined;
  }
  return undefined;
}

/** Whether a flow waits for the user before its goto (an ask step). */
function waits(flow: FlowFact): boolean {
  for (const s of flow.steps) {
    if (s.action === 'ask') return true;
    if (s.action === 'goto' || s.action === 'handoff' || s.action === 'end') return false;
  }
  return false;
}

export const flowGraphRule: BotRule = {
  codes: ['flow/unhandled-intent', 'flow/unreachable', 'flow/goto-loop', 'flow/duplicate-trigger'],
  check(ctx) {
    const { bot } = ctx;
    const byName = new Map<string, FlowFact>();
    for (const f of bot.flows) if (!byName.has(f.def.name)) byName.set(f.def.name, f);

    const triggered = new Map<string, FlowFact>();
    for (const f of bot.flows) {
      if (!f.trigger) continue;
      const key = `${f.trigger.kind}:${f.trigger.item.text}`;
      const first = triggered.get(key);
      if (first) {
        ctx.report(f.def.file, {
          start: f.trigger.item.start,
          end: f.trigger.item.end,
          code: 'flow/duplicate-trigger',
          message: `The flow ${first.def.name} is already triggered by the ${f.trigger.kind} ${f.trigger.item.text}; only one of them can run. Merge the flows or change a trigger.`,
          related: [{ file: first.def.file, start: first.trigger!.item.start, end: first.trigger!.item.end, message: `trigger of ${first.def.name}` }],
        });
      } else triggered.set(key, f);
    }

    for (const intent of bot.intents) {
      if (triggered.has(`intent:${intent.def.name}`)) continue;
      ctx.report(intent.def.file, {
        start: intent.def.start,
        end: intent.def.end,
        code: 'flow/unhandled-intent',
        message: `No flow is triggered by the intent ${intent.def.name}, so matching it does nothing. Add a flow with trigger: { intent: ${intent.def.name} }.`,
      });
    }

    const reached = new Set<string>();
    for (const f of bot.flows) for (const s of f.steps) if (s.action === 'goto' && s.target && s.target.text !== f.def.name) reached.add(s.target.text);
    for (const f of bot.flows) {
      if (f.trigger || reached.has(f.def.name) || byName.get(f.def.name) !== f) continue;
      ctx.report(f.def.file, {
        start: f.def.start,
        end: f.def.end,
        code: 'flow/unreachable',
        message: `Nothing starts the flow ${f.def.name}: it has no trigger and no goto leads to it. Give it a trigger, go to it from another flow, or remove it.`,
        tags: ['unnecessary'],
      });
    }

    // Each flow has at most one goto that runs, so the goto graph is a set of chains; walk
    // each once, colouring as we go, and report each cycle made only of flows that never wait.
    const state = new Map<string, 1 | 2>(); // 1 on the current path, 2 finished
    for (const start of byName.keys()) {
      if (state.has(start)) continue;
      const path: string[] = [];
      let cur: string | undefined = start;
      while (cur !== undefined && byName.has(cur) && !state.has(cur)) {
        state.set(cur, 1);
        path.push(cur);
        cur = gotoOf(byName.get(cur)!)?.target;
      }
      if (cur !== undefined && state.get(cur) === 1) {
        const cycle = path.slice(path.indexOf(cur));
        if (!cycle.some((n) => waits(byName.get(n)!))) {
          const words = [...cycle, cycle[0]].join(' → ');
          for (const n of cycle) {
            const f = byName.get(n)!;
            const g = gotoOf(f)!;
            ctx.report(f.def.file, {
              start: g.start,
              end: g.end,
              code: 'flow/goto-loop',
              message: `These flows go to each other forever without waiting for the user (${words}). Add an ask step, or end one of them.`,
            });
          }
        }
      }
      for (const n of path) state.set(n, 2);
    }
  },
};
