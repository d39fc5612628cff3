// Completion in a Lex V2 export, where Lex links things by name: slot types in
// `slotTypeName` (the locale's own and the common AMAZON. built-ins), slots of the intent in
// an utterance's `{…}`, in `slotPriorities` and in a next step's `slotToElicit`, intents of the
// locale in a next step's `intent.name`, and the dialog actions in `dialogAction.type`.
import type { CompletionItem, CompletionResult, WorkspaceView } from '../../../definitions/index';
import { namesIn } from '../model';
import { DIALOG_ACTIONS } from '../rules/nextSteps';
import { targetAt } from './locate';

/** The built-in slot types Lex V2 offers in every language (built-in-slots.md). */
export const BUILT_IN_SLOT_TYPES = [
  'AMAZON.AlphaNumeric',
  'AMAZON.City',
  'AMAZON.Confirmation',
  'AMAZON.Country',
  'AMAZON.Date',
  'AMAZON.Duration',
  'AMAZON.EmailAddress',
  'AMAZON.FirstName',
  'AMAZON.FreeFormInput',
  'AMAZON.LastName',
  'AMAZON.Number',
  'AMAZON.Percentage',
  'AMAZON.PhoneNumber',
  'AMAZON.SpeedUnit',
  'AMAZON.State',
  'AMAZON.StreetName',
  'AMAZON.Time',
  'AMAZON.UKPostalCode',
  'AMAZON.WeightUnit',
];

const NONE: CompletionResult = { items: [], start: 0, end: 0 };

export function complete(ws: WorkspaceView, file: string, offset: number): CompletionResult {
  const at = targetAt(ws, file, offset);
  if (!at || at.target.role === 'def') return NONE;
  const { ctx, target } = at;
  const locale = ctx.locale;
  if (!locale) return NONE;
  const json = (name: string) => JSON.stringify(name);
  let items: CompletionItem[] = [];
  switch (target.kind) {
    case 'slotType':
      items = [
        ...[...namesIn(locale).types.keys()].sort().map((n) => ({ label: n, kind: 'slotType', detail: `slot type of ${locale.id}`, insertText: json(n), sortText: `0${n}` })),
        ...BUILT_IN_SLOT_TYPES.map((n) => ({ label: n, kind: 'slotType', detail: 'built-in slot type', insertText: json(n), sortText: `1${n}` })),
      ];
      break;
    case 'intent':
      items = [...namesIn(locale).intents.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, list]) => ({ label: n, kind: 'intent', detail: `${list[0]!.file?.facts.utterances.length ?? 0} utterances in ${locale.id}`, insertText: json(n) }));
      break;
    case 'action':
      items = DIALOG_ACTIONS.map((n) => ({ label: n, kind: 'value', detail: 'dialog action', insertText: json(n) }));
      break;
    case 'slot': {
      const slots = (target.intent?.slots ?? []).flatMap((s) => (s.facts.name ? [{ name: s.facts.name.text, type: s.facts.slotTypeName?.text }] : []));
      items = slots.map((s) => ({ label: s.name, kind: 'slot', detail: s.type ? `slot of type ${s.type}` : 'slot', insertText: target.placeholder ? (target.placeholder.closed ? s.name : `${s.name}}`) : json(s.name) }));
      if (target.placeholder) return { items, start: target.placeholder.from, end: target.placeholder.closed ? target.placeholder.to : offset };
      break;
    }
  }
  return { items, start: target.start, end: target.end };
}
