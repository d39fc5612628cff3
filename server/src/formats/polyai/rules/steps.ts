// A flow's start step, each condition's child step and every `flow.goto_step("…")` in the
// flow's code name a step of the same flow: a step's `name`, or a function step's file name
// ("Start step 'x' not found."; flows.md, "child_step rules"). `conv.goto_flow("…")` names
// a flow of the project by its config's name.
import { isStepOf, relOf } from '../model';
import type { PolyFlow } from '../model';
import { didYouMean } from './suggest';
import type { PolyRule } from './types';

const stepNames = (flow: PolyFlow) => [...flow.steps.keys(), ...flow.functionSteps.keys()];

export const stepsRule: PolyRule = {
  codes: ['polyai/unknown-step', 'polyai/unknown-flow'],
  needsEveryFile: true,
  check({ project, report }) {
    for (const flow of project.flows.values()) {
      const flowName = flow.config?.decl.name?.text ?? flow.folder;
      const start = flow.config?.decl.startStep;
      if (flow.config && start && !isStepOf(flow, start.text)) {
        report(flow.config.file, {
          start: start.start,
          end: start.end,
          code: 'polyai/unknown-step',
          message: `Start step '${start.text}' not found: the flow '${flowName}' has no step of that name (a step's name, or a function step's file name).${didYouMean(start.text, stepNames(flow))}`,
        });
      }
      for (const { file, decl: step } of flow.stepFiles) {
        for (const c of step.conditions) {
          const child = c.childStep;
          if (!child || child.text === '' || c.type?.text === 'exit_flow_condition' || isStepOf(flow, child.text)) continue;
          report(file, {
            start: child.start,
            end: child.end,
            code: 'polyai/unknown-step',
            message: `The condition '${c.name?.text ?? '?'}' of '${step.name?.text ?? relOf(project, file)}' goes to '${child.text}', which is no step of the flow '${flowName}'.${didYouMean(child.text, stepNames(flow))} child_step names a step of the same flow, by its name.`,
          });
        }
      }
      for (const { file, decl: fn } of [...flow.functionSteps.values(), ...flow.transitionFunctions.values()]) {
        for (const g of fn.gotoSteps) {
          if (isStepOf(flow, g.text)) continue;
          report(file, {
            start: g.start,
            end: g.end,
            code: 'polyai/unknown-step',
            message: `flow.goto_step("${g.text}") names no step of the flow '${flowName}'.${didYouMean(g.text, stepNames(flow))} Name a step of this flow, by its name.`,
          });
        }
      }
    }
    const flowNames = [...project.flowsByName.keys()];
    for (const [file, facts] of project.facts) {
      for (const g of facts.python?.gotoFlows ?? []) {
        if (project.flowsByName.has(g.text)) continue;
        report(file, {
          start: g.start,
          end: g.end,
          code: 'polyai/unknown-flow',
          message: `conv.goto_flow("${g.text}") names no flow of the project.${didYouMean(g.text, flowNames)} Name a flow by the name in its flow_config.yaml.`,
        });
      }
    }
  },
};
