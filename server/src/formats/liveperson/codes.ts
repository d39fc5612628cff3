// The LivePerson Conversation Builder format's diagnostic codes: what the bot JSON must hold
// for its references to resolve, the constraints Conversation Builder's documentation
// states, and what follows from them (FORMATS.md §11). Errors where the bot breaks (a link
// to nothing, a limit the platform enforces), warnings where it works but not as meant.
// docs/diagnostics.md explains each; a test keeps the two in step.
import type { CodeTable } from '../../definitions/index';

export const LIVEPERSON_CODES = {
  'liveperson/schema': ['error', 'The bot JSON lacks what an export holds, or a part of it has the wrong shape.'],
  'liveperson/unknown-interaction': ['error', 'A `nextMessageId` or `prevMessageId` names no interaction of the bot.'],
  'liveperson/unknown-action-target': ['error', "A rule's next action names no interaction or dialog and is none of `next`, `none`, `close_dialog`, `close_conversation`."],
  'liveperson/unknown-dialog': ['error', "An interaction's `group` names no dialog of the bot."],
  'liveperson/unknown-integration': ['error', 'An integration interaction names an API integration (`responderId`) the bot does not have.'],
  'liveperson/unknown-intent': ['error', "A dialog starter's `intentId` is none of the bot's associated intents."],
  'liveperson/unknown-trigger': ['error', '`botContext.setTriggerNextMessage(…)` in code names no interaction of the bot.'],
  'liveperson/duplicate-interaction-name': ['error', 'Two interactions of the bot share one name.'],
  'liveperson/dialog-starter': ['error', 'A dialog with more than one dialog starter, or a dialog starter that is not the first interaction of its dialog.'],
  'liveperson/broken-chain': ['warning', "An interaction's next or previous interaction is in another dialog, or does not point back."],
  'liveperson/unreachable-dialog': ['warning', 'A dialog nothing can start or reach: no dialog starter, and no rule, dialog or code leads to it.'],
  'liveperson/multiple-fallback-dialogs': ['warning', 'More than one fallback dialog.'],
  'liveperson/duplicate-starter': ['warning', 'The same dialog-starter pattern or intent in two dialogs.'],
  'liveperson/language-mismatch': ['error', "The bot's language differs from the language of an associated domain."],
  'liveperson/delay-too-long': ['error', 'An interaction delay over 10,000 ms.'],
  'liveperson/question-too-long': ['error', 'Question text over 255 characters.'],
  'liveperson/tile-too-long': ['error', 'A structured tile title or subtitle over 255 characters.'],
  'liveperson/too-many-tiles': ['error', 'More than 10 tiles in a structured interaction.'],
  'liveperson/button-label-too-long': ['error', 'A button label over 128 characters.'],
  'liveperson/comment-too-long': ['warning', 'An interaction comment over 240 characters.'],
} as const satisfies CodeTable;
