// A function step's name is unique across flows: the same name in two flows breaks the ADK's
// build (flows.md).
import type { PolyRule } from './types';

export const functionStepNamesRule: PolyRule = {
  codes: ['polyai/duplicate-function-step'],
  needsEveryFile: false,
  check({ project, report }) {
    const seen = new Map<string, string>();
    for (const flow of [...project.flows.values()].sort((a, b) => (a.folder < b.folder ? -1 : 1))) {
      for (const [name, { file, decl }] of flow.functionSteps) {
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, flow.folder);
          continue;
        }
        const at = decl.def?.name ?? { start: 0, end: 0 };
        report(file, { start: at.start, end: at.end, code: 'polyai/duplicate-function-step', message: `The function step '${name}' is also in the flow folder flows/${first}/: one name in two flows breaks the build. Rename one of them.` });
      }
    }
  },
};
