// dialogflow-cx/unknown-webhook: a fulfillment calls a webhook the package does not define
// (webhooks/<name>.json).
import { unknownRefRule } from './unknownRefs';

export const unknownWebhookRule = unknownRefRule(
  'webhook',
  'dialogflow-cx/unknown-webhook',
  (ref) => `The webhook "${ref.name}" is not defined: there is no webhooks/${ref.name}.json with a displayName "${ref.name}". Create the webhook, or call one the agent has.`,
);
