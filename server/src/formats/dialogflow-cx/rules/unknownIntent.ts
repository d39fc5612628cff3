// dialogflow-cx/unknown-intent: a route, event handler or test case names an intent the
// package does not define (intents/<name>/<name>.json).
import { unknownRefRule } from './unknownRefs';

export const unknownIntentRule = unknownRefRule('intent', 'dialogflow-cx/unknown-intent', (ref) =>
  ref.role === 'test'
    ? `The test case expects the intent "${ref.name}", which the agent does not define: the test can only fail. Add intents/${ref.name}/, or expect an intent the agent has.`
    : `The intent "${ref.name}" is not defined: there is no intents/${ref.name}/ with a displayName "${ref.name}". Restoring the agent fails on this route. Create the intent, or name one the agent has.`,
);
