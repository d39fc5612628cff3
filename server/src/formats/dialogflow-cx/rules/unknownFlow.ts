// dialogflow-cx/unknown-flow: a `targetFlow` or a test case's flow names no flow of the package.
import { unknownRefRule } from './unknownRefs';

export const unknownFlowRule = unknownRefRule(
  'flow',
  'dialogflow-cx/unknown-flow',
  (ref) => `The flow "${ref.name}" is not defined: there is no flows/${ref.name}/ with a displayName "${ref.name}". Create the flow, or name one the agent has.`,
  ['target', 'test'],
);
