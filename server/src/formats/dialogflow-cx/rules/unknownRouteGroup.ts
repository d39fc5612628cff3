// dialogflow-cx/unknown-route-group: a flow or page uses a transition route group that neither
// its flow (flows/<flow>/transitionRouteGroups/) nor the agent (transitionRouteGroups/) defines.
import { unknownRefRule } from './unknownRefs';

export const unknownRouteGroupRule = unknownRefRule(
  'routeGroup',
  'dialogflow-cx/unknown-route-group',
  (ref) => `The route group "${ref.name}" is defined neither in this flow's transitionRouteGroups/ nor in the agent's. Create it, or use one that exists.`,
);
