// Steps after goto, handoff or end never run.
import type { FileRule } from './types';

const TERMINAL = new Set(['goto', 'handoff', 'end']);

export const flowStepsRule: FileRule = {
  codes: ['flow/unreachable-step'],
  check(ctx) {
    for (const flow of ctx.doc.facts.flows) {
      const stop = flow.steps.findIndex((s) => s.action !== undefined && TERMINAL.has(s.action));
      if (stop < 0 || stop === flow.steps.length - 1) continue;
      const first = flow.steps[stop + 1]!.node;
      const last = flow.steps[flow.steps.length - 1]!.node;
      ctx.report({
        start: first.start,
        end: last.end,
        code: 'flow/unreachable-step',
        message: `These steps never run: the flow ${flow.def.name} leaves at its "${flow.steps[stop]!.action}" step before them. Move them before it, or remove them.`,
        tags: ['unnecessary'],
      });
    }
  },
};
