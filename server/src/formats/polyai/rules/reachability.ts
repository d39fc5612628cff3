// A flow's steps are reached from its start step, from conditions' child steps and from code
// that goes to them (`flow.goto_step("…")` in the flow's functions). A step none of these
// names never runs (`poly` does not say so).
import type { PolyRule } from './types';

export const reachabilityRule: PolyRule = {
  codes: ['polyai/unreachable-step'],
  needsEveryFile: true,
  check({ project, report }) {
    for (const flow of project.flows.values()) {
      const named = new Set<string>();
      const start = flow.config?.decl.startStep?.text;
      if (start) named.add(start);
      for (const { decl } of flow.stepFiles) for (const c of decl.conditions) if (c.childStep) named.add(c.childStep.text);
      for (const { decl } of [...flow.functionSteps.values(), ...flow.transitionFunctions.values()]) for (const g of decl.gotoSteps) named.add(g.text);
      // The flow's steps can also be reached from global functions' goto_step (they run inside a flow).
      for (const { decl } of project.functions.values()) for (const g of decl.gotoSteps) named.add(g.text);
      if (!flow.config) continue;
      const flowName = flow.config.decl.name?.text ?? flow.folder;
      for (const { file, decl } of flow.stepFiles) {
        const name = decl.name;
        if (!name || named.has(name.text)) continue;
        report(file, { start: name.start, end: name.end, code: 'polyai/unreachable-step', message: `Nothing goes to the step '${name.text}' of '${flowName}': it is not the start step, and no condition or code names it. Lead a condition to it, or remove it.` });
      }
      for (const [name, { file, decl }] of flow.functionSteps) {
        if (named.has(name)) continue;
        const at = decl.def?.name ?? { start: 0, end: 0 };
        report(file, { start: at.start, end: at.end, code: 'polyai/unreachable-step', message: `Nothing goes to the function step '${name}' of '${flowName}': it is not the start step, and no condition or code names it.` });
      }
    }
  },
};
