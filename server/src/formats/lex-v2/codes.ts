// The Lex V2 format's diagnostic codes: the limits and rules AWS documents for bots,
// locales, intents, slots and slot types (the API reference and the quotas page), and the
// local rules an export can be checked for before the console builds it. Errors where Lex
// refuses the import or the build; warnings where it builds a bot that behaves badly;
// information where nothing is wrong but something is likely missing. docs/diagnostics.md
// explains each; a test keeps the two in step.
import type { CodeTable } from '../../definitions/index';

export const LEX_CODES = {
  'lex-v2/schema': ['error', 'A file breaks the shape Lex requires: not a JSON object, a name or list that is missing or of the wrong kind.'],
  'lex-v2/manifest': ['error', 'Manifest.json does not say `fileFormat` "LexJson" and a `resourceType` of Bot or BotLocale.'],
  'lex-v2/invalid-name': ['error', 'A bot, intent, slot or slot type name that is empty, longer than 100 characters or not of letters, digits and single "_" or "-".'],
  'lex-v2/description-too-long': ['error', 'A description longer than 200 characters.'],
  'lex-v2/idle-session-ttl': ['error', '`idleSessionTTLInSeconds` outside 60–86400.'],
  'lex-v2/confidence-threshold': ['error', '`nluConfidenceThreshold` outside 0–1.'],
  'lex-v2/too-many-utterances': ['error', 'An intent with more than 1,500 sample utterances.'],
  'lex-v2/utterance-too-long': ['error', 'A sample utterance longer than 500 characters.'],
  'lex-v2/too-many-slots': ['error', 'An intent with more than 100 slots.'],
  'lex-v2/too-many-slot-values': ['error', 'A slot type with more than 10,000 values and synonyms.'],
  'lex-v2/message-too-long': ['error', 'A text or SSML message longer than 4,000 characters.'],
  'lex-v2/unknown-slot-in-utterance': ['error', 'A `{Slot}` in a sample utterance that names no slot of the intent (names are case-sensitive).'],
  'lex-v2/unknown-slot-type': ['error', 'A `slotTypeName` that is neither an `AMAZON.` built-in nor a slot type of the same locale.'],
  'lex-v2/slot-priorities': ['error', 'A slot missing from the intent\'s `slotPriorities`, listed twice, or a priority naming no slot of the intent.'],
  'lex-v2/intent-without-utterances': ['error', 'A custom intent (no `parentIntentSignature`) with no sample utterances.'],
  'lex-v2/duplicate-fallback': ['error', 'More than one fallback intent (`AMAZON.FallbackIntent`) in a locale.'],
  'lex-v2/duplicate-name': ['error', 'Two intents, two slots of an intent, or two slot types of a locale with one name.'],
  'lex-v2/unknown-intent': ['error', 'A next step (`nextStep`, `captureNextStep`, …) that names an intent the locale does not have.'],
  'lex-v2/unknown-slot': ['error', 'A next step that elicits a slot its intent does not have.'],
  'lex-v2/unknown-dialog-action': ['error', 'A `dialogAction.type` Lex does not know.'],
  'lex-v2/duplicate-utterance': ['warning', 'The same sample utterance in two intents of a locale: Lex cannot tell them apart.'],
  'lex-v2/test-set': ['warning', 'A row of a Test Workbench test set (CSV) the workbench cannot read: a Source that is neither User nor Agent, an expected slot not written "Slot = value", an unclosed quote, no Input column.'],
  'lex-v2/test-unknown-intent': ['error', 'A test set row that expects an intent the locale does not have.'],
  'lex-v2/test-unknown-slot': ['error', 'A test set row that expects a slot its intent does not have.'],
  'lex-v2/test-example-conflict': ['warning', 'A test set input that is a sample utterance of another intent than the one the test expects.'],
  'lex-v2/missing-translation': ['information', 'A locale without an intent that another locale of the bot has.'],
} as const satisfies CodeTable;
