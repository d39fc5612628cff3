// The Dialogflow ES format's diagnostic codes: the layout of the export, the references its
// files make (training phrases to their intent, annotations to parameters and entities,
// contexts, follow-ups), its languages, and the classes of ES agent validation that can be
// computed from the files. docs/diagnostics.md explains each; a test keeps the two in step.
import type { CodeTable } from '../../definitions/index';

export const ES_CODES = {
  'dialogflow-es/schema': ['error', 'A file of the export does not have the shape ES reads: an intent or entity that is no JSON object, training phrases or entries that are no list.'],
  'dialogflow-es/agent-missing-key': ['error', 'agent.json has no `language`.'],
  'dialogflow-es/usersays-without-intent': ['error', 'A `<Name>_usersays_<lang>.json` file without its intent file `<Name>.json`.'],
  'dialogflow-es/entries-without-entity': ['error', 'A `<Name>_entries_<lang>.json` file without its entity file `<Name>.json`.'],
  'dialogflow-es/unknown-parameter': ['error', "A training phrase's `alias` names no parameter of its intent."],
  'dialogflow-es/unknown-entity': ['error', 'A `meta` or a parameter\'s `dataType` names an entity the agent does not define (and is no `@sys.` entity).'],
  'dialogflow-es/annotation-type-mismatch': ['warning', "An annotation's entity (`meta`) is not the entity of the parameter it fills (`dataType`)."],
  'dialogflow-es/context-never-set': ['warning', 'An input context no intent sets in its `affectedContexts`: the intent can never match.'],
  'dialogflow-es/unknown-parent': ['error', "A follow-up intent's `parentId` or `rootParentId` names no intent of the agent."],
  'dialogflow-es/undeclared-language': ['warning', 'A per-language file or a `lang` that agent.json does not declare (`language`, `supportedLanguages`).'],
  'dialogflow-es/missing-language': ['information', 'A declared language in which an intent has no training phrases, or no text response.'],
  'dialogflow-es/duplicate-phrase': ['warning', 'The same training phrase (after normalising) in two intents: ES calls them too similar.'],
  'dialogflow-es/negative-example-conflict': ['warning', 'A negative example of the fallback intent that is a training phrase of another intent.'],
  'dialogflow-es/synonym-conflict': ['warning', 'One synonym given to two entries of one entity.'],
  'dialogflow-es/annotation-inconsistent': ['warning', 'Text annotated in some training phrases of an intent but not in others.'],
  'dialogflow-es/fallback-no-negatives': ['information', 'A fallback intent without training phrases (negative examples).'],
  'dialogflow-es/file-name': ['warning', "An intent's or entity's file not named like its `name`."],
  'dialogflow-es/duplicate-name': ['error', 'Two intents or entities with one name, or two intents with one id.'],
} as const satisfies CodeTable;
