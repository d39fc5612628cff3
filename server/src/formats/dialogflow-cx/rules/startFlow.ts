// dialogflow-cx/unknown-start-flow: agent.json's `startFlow` (or `startPlaybook`) names no flow
// (playbook) of the package: the agent has nowhere to start.
import type { CxRule } from './types';
import { unknownRefRule } from './unknownRefs';

const flows = unknownRefRule(
  'flow',
  'dialogflow-cx/unknown-start-flow',
  (ref) => `The start flow "${ref.name}" is not one of the agent's flows (flows/${ref.name}/): a conversation would have nowhere to start. Name one of the flows, or restore the flow.`,
  ['start'],
);
const playbooks = unknownRefRule(
  'playbook',
  'dialogflow-cx/unknown-start-flow',
  (ref) => `The start playbook "${ref.name}" is not one of the agent's playbooks (playbooks/${ref.name}/). Name one of the playbooks, or restore it.`,
  ['start'],
);

export const startFlowRule: CxRule = {
  codes: ['dialogflow-cx/unknown-start-flow'],
  checkFile(ctx, file) {
    if (ctx.bot.facts.get(file)?.place.role !== 'agent') return;
    flows.checkFile!(ctx, file);
    playbooks.checkFile!(ctx, file);
  },
};
