// The Dialogflow CX format's diagnostic codes: the references the console resolves by display
// name, the layout of the JSON package, its languages, and the classes of the console's own
// validation that can be computed from the files. CX's validation never blocks (it is
// informational), so errors are kept for what the console refuses or cannot resolve on
// restore; what it only warns of is a warning, and what it merely notes is information.
// docs/diagnostics.md explains each; a test keeps the two in step.
import type { CodeTable } from '../../definitions/index';

export const CX_CODES = {
  'dialogflow-cx/schema': ['error', 'A file of the package does not have the shape the console reads: not a JSON object, or a key of the wrong type.'],
  'dialogflow-cx/agent-missing-key': ['error', 'agent.json lacks `defaultLanguageCode`, or names neither `startFlow` nor `startPlaybook`.'],
  'dialogflow-cx/unknown-start-flow': ['error', "agent.json's `startFlow` (or `startPlaybook`) names no flow (playbook) of the package."],
  'dialogflow-cx/unknown-intent': ['error', 'A route, event handler or test case names an intent the package does not define.'],
  'dialogflow-cx/unknown-page': ['error', "A `targetPage` names neither a page of the flow nor one of the special pages."],
  'dialogflow-cx/unknown-flow': ['error', 'A `targetFlow` (or a test case\'s flow) names no flow of the package.'],
  'dialogflow-cx/unknown-route-group': ['error', 'A flow or page uses a transition route group that neither the flow nor the agent defines.'],
  'dialogflow-cx/unknown-webhook': ['error', 'A fulfillment calls a webhook the package does not define.'],
  'dialogflow-cx/unknown-entity-type': ['error', 'A parameter\'s `entityType` names an entity type the package does not define (and is no `@sys.` type).'],
  'dialogflow-cx/unknown-parameter': ['error', "A training phrase part's `parameterId` is no parameter of its intent."],
  'dialogflow-cx/undeclared-language': ['warning', 'A per-language file or a `languageCode` in a language agent.json does not declare.'],
  'dialogflow-cx/language-code-mismatch': ['warning', "A `languageCode` inside a per-language file that differs from the file's language."],
  'dialogflow-cx/missing-language': ['information', 'A declared language in which an intent has no training phrases, or a page no fulfillment text.'],
  'dialogflow-cx/duplicate-phrase': ['warning', 'The same training phrase (after normalising) in two intents: the console calls them too similar.'],
  'dialogflow-cx/synonym-conflict': ['warning', 'One synonym given to two entries of one entity type.'],
  'dialogflow-cx/annotation-inconsistent': ['warning', 'Text annotated as a parameter in some training phrases of an intent but not in others.'],
  'dialogflow-cx/fallback-no-negatives': ['information', 'The default negative intent has no training phrases (negative examples).'],
  'dialogflow-cx/unreachable-page': ['information', 'A page no route, event handler or route group of its flow leads to.'],
  'dialogflow-cx/unused-intent': ['information', 'An intent no route or event handler uses.'],
  'dialogflow-cx/test-example-conflict': ['warning', 'A test case turn whose words are a training phrase of another intent than the one it expects.'],
  'dialogflow-cx/metadata-file-name': ['error', 'A resource folder whose metadata file is not named like the folder (or is missing).'],
  'dialogflow-cx/duplicate-name': ['error', 'Two intents, entity types, flows, pages, route groups or webhooks with one display name.'],
  'dialogflow-cx/form-sys-any': ['information', 'A form parameter of type `@sys.any`, which the console advises against.'],
} as const satisfies CodeTable;
