// The dialogue graph: every next step (`nextStep`, `captureNextStep`, `failureNextStep`,
// `successNextStep`, …, a DialogState) has a `dialogAction.type` Lex knows
// (lex-v2/unknown-dialog-action), an `intent.name` that is an intent of the locale
// (lex-v2/unknown-intent), and a `slotToElicit` that is a slot of the intent it goes to — the
// named intent, else the current one (lex-v2/unknown-slot).
import { closest, requote } from '../../../definitions/text/didYouMean';
import { namesIn, slotNames } from '../model';
import type { LexFile, LexIntent } from '../model';
import type { LexRule } from './types';

export const DIALOG_ACTIONS = ['ElicitSlot', 'StartIntent', 'EndConversation', 'InvokeDialogCodeHook', 'ConfirmIntent', 'FulfillIntent', 'EvaluateConditional', 'CloseIntent', 'ElicitIntent'] as const;
const ACTIONS: ReadonlySet<string> = new Set(DIALOG_ACTIONS);

export const nextStepsRule: LexRule = {
  codes: ['lex-v2/unknown-intent', 'lex-v2/unknown-slot', 'lex-v2/unknown-dialog-action'],
  check({ bot, report, text }) {
    for (const locale of bot.byLocale.values()) {
      const { intents } = namesIn(locale);
      const unsure = [...locale.intents.values()].some((i) => i.file && bot.unreadable.has(i.file.path));
      const visit = (file: LexFile, current: LexIntent): void => {
        for (const step of file.facts.nextSteps) {
          if (step.action && !ACTIONS.has(step.action.text)) {
            const guess = closest(step.action.text, ACTIONS);
            report(file.path, {
              start: step.action.start,
              end: step.action.end,
              code: 'lex-v2/unknown-dialog-action',
              message: `"${step.action.text}" is no dialog action Lex knows (${DIALOG_ACTIONS.join(', ')}).${guess ? ` Did you mean "${guess}"?` : ''}`,
              fixes: guess ? [{ title: `Change to "${guess}"`, preferred: true, edits: [{ file: file.path, start: step.action.start, end: step.action.end, newText: requote(text(file.path), step.action.start, step.action.end, guess) }] }] : undefined,
            });
          }
          let target: LexIntent | undefined = current;
          if (step.intent) {
            target = intents.get(step.intent.text)?.[0];
            if (!target && !unsure) {
              const guess = closest(step.intent.text, intents.keys());
              report(file.path, {
                start: step.intent.start,
                end: step.intent.end,
                code: 'lex-v2/unknown-intent',
                message: `The next step goes to the intent "${step.intent.text}", which ${locale.id} does not have.${guess ? ` Did you mean "${guess}"?` : ''}`,
                fixes: guess ? [{ title: `Change to "${guess}"`, preferred: true, edits: [{ file: file.path, start: step.intent.start, end: step.intent.end, newText: requote(text(file.path), step.intent.start, step.intent.end, guess) }] }] : undefined,
              });
            }
          }
          if (step.slotToElicit && target && !target.slots.some((s) => bot.unreadable.has(s.path))) {
            const slots = slotNames(target);
            if (!slots.has(step.slotToElicit.text)) {
              const guess = closest(step.slotToElicit.text, slots);
              const s = step.slotToElicit;
              report(file.path, {
                start: s.start,
                end: s.end,
                code: 'lex-v2/unknown-slot',
                message: `The next step elicits the slot "${s.text}", which the intent ${target.file?.facts.name?.text ?? target.folder} does not have.${guess ? ` Did you mean "${guess}"?` : ''}`,
                fixes: guess ? [{ title: `Change to "${guess}"`, preferred: true, edits: [{ file: file.path, start: s.start, end: s.end, newText: requote(text(file.path), s.start, s.end, guess) }] }] : undefined,
              });
            }
          }
        }
      };
      for (const intent of locale.intents.values()) {
        if (intent.file) visit(intent.file, intent);
        for (const slot of intent.slots) visit(slot, intent);
      }
    }
  },
};
