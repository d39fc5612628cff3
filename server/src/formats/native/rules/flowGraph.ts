// The flow graph: every intent is handled by a flow, every flow is triggered or reached,
// one trigger starts one flow, and no chain of gotos loops without waiting for the user.
// The graph is the bot's; it is worked out once per list of flows (an edit elsewhere keeps
// the list) and each file reads its part.
import type { NativeBot } from '../model/bot';
import type { FlowFact } from '../model/facts';
import type { FileRule } from './types';

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

interface FlowGraph {
  /** The first flow of each name. */
  byName: Map<string, FlowFact>;
  /** The first flow of each trigger (`intent:Name`, `event:name`). */
  triggered: Map<string, FlowFact>;
  /** Names some other flow goes to. */
  reached: Set<string>;
  /** Flows on a goto cycle that never waits, with the cycle in words. */
  loops: Map<FlowFact, string>;
}

const graphs = new WeakMap<readonly FlowFact[], FlowGraph>();

function graphOf(bot: NativeBot): FlowGraph {
  let g = graphs.get(bot.flows);
  if (g) return g;
  g = { byName: new Map(), triggered: new Map(), reached: new Set(), loops: new Map() };
  for (const f of bot.flows) if (!g.byName.has(f.def.name)) g.byName.set(f.def.name, f);
  for (const f of bot.flows) {
    if (!f.trigger) continue;
    const key = `${f.trigger.kind}:${f.trigger.item.text}`;
    if (!g.triggered.has(key)) g.triggered.set(key, f);
  }
  for (const f of bot.flows) for (const s of f.steps) if (s.action === 'goto' && s.target && s.target.text !== f.def.name) g.reached.add(s.target.text);
  // Each flow has at most one goto that runs, so the goto graph is a set of chains; walk
  // each once, colouring as we go, and keep each cycle made only of flows that never wait.
  const state = new Map<string, 1 | 2>(); // 1 on the current path, 2 finished
  for (const start of g.byName.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined && g.byName.has(cur) && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = gotoOf(g.byName.get(cur)!)?.target;
    }
    if (cur !== undefined && state.get(cur) === 1) {
      const cycle = path.slice(path.indexOf(cur));
      if (!cycle.some((n) => waits(g!.byName.get(n)!))) {
        const words = [...cycle, cycle[0]].join(' → ');
        for (const n of cycle) g.loops.set(g.byName.get(n)!, words);
      }
    }
    for (const n of path) state.set(n, 2);
  }
  graphs.set(bot.flows, g);
  return g;
}

export const flowGraphRule: FileRule = {
  codes: ['flow/unhandled-intent', 'flow/unreachable', 'flow/goto-loop', 'flow/duplicate-trigger'],
  check(ctx) {
    const { facts } = ctx.doc;
    const g = graphOf(ctx.bot);
    for (const f of facts.flows) {
      if (!f.trigger) continue;
      const first = g.triggered.get(`${f.trigger.kind}:${f.trigger.item.text}`);
      if (!first || first === f) continue;
      ctx.report({
        start: f.trigger.item.start,
        end: f.trigger.item.end,
        code: 'flow/duplicate-trigger',
        message: `The flow ${first.def.name} is already triggered by the ${f.trigger.kind} ${f.trigger.item.text}; only one of them can run. Merge the flows or change a trigger.`,
        related: [{ file: first.def.file, start: first.trigger!.item.start, end: first.trigger!.item.end, message: `trigger of ${first.def.name}` }],
      });
    }
    for (const intent of facts.intents) {
      if (g.triggered.has(`intent:${intent.def.name}`)) continue;
      ctx.report({
        start: intent.def.start,
        end: intent.def.end,
        code: 'flow/unhandled-intent',
        message: `No flow is triggered by the intent ${intent.def.name}, so matching it does nothing. Add a flow with trigger: { intent: ${intent.def.name} }.`,
      });
    }
    for (const f of facts.flows) {
      if (f.trigger || g.reached.has(f.def.name) || g.byName.get(f.def.name) !== f) continue;
      ctx.report({
        start: f.def.start,
        end: f.def.end,
        code: 'flow/unreachable',
        message: `Nothing starts the flow ${f.def.name}: it has no trigger and no goto leads to it. Give it a trigger, go to it from another flow, or remove it.`,
        tags: ['unnecessary'],
      });
    }
    for (const f of facts.flows) {
      const words = g.loops.get(f);
      if (words === undefined) continue;
      const to = gotoOf(f)!;
      ctx.report({
        start: to.start,
        end: to.end,
        code: 'flow/goto-loop',
        message: `These flows go to each other forever without waiting for the user (${words}). Add an ask step, or end one of them.`,
      });
    }
  },
};
