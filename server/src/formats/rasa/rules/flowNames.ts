// What the flow checks look names up in, and the small pieces of their findings they share.
// Not a check itself.
import type { Fix } from '../../../definitions/index';
import { closest, requote } from '../../../definitions/text/didYouMean';
import { DEFAULT_SLOTS } from '../dialogue';
import type { FlowFact, FlowStep } from '../dialogue';
import type { Spanned } from '../examples';
import { DEFAULT_ACTIONS, PATTERN_RESPONSES } from '../builtins';
import type { RasaBot } from '../model';

/** Slots the domain of the default patterns adds (a pattern override may collect them). */
const PATTERN_SLOTS: ReadonlySet<string> = new Set(['confirm_correction']);

/** Whether a slot is declared in the domain or is one Rasa adds. */
export function slotKnown(bot: RasaBot, name: string): boolean {
  return bot.slots.has(name) || DEFAULT_SLOTS.has(name) || PATTERN_SLOTS.has(name);
}

/** Whether a name is something a flow's `action:` step can run. */
export function actionKnown(bot: RasaBot, name: string): boolean {
  if (bot.actions.has(name) || bot.forms.has(name) || bot.responses.has(name) || DEFAULT_ACTIONS.has(name) || PATTERN_RESPONSES.has(name)) return true;
  // A retrieval intent's answers `utter_faq/ask_x` make `utter_faq` an action.
  for (const r of bot.responses.keys()) if (r.startsWith(`${name}/`)) return true;
  return false;
}

/** Every name an `action:` step could mean, for did-you-mean. */
export function actionNames(bot: RasaBot): string[] {
  return [...bot.actions.keys(), ...bot.forms.keys(), ...bot.responses.keys()];
}

/** How Rasa names a step in its messages: its id, else what it does. */
export function stepLabel(step: FlowStep): string {
  if (step.id) return step.id.text;
  return step.target ? `${step.kind}: ${step.target.text}` : step.kind;
}

/** The text of a file of the project. */
export function textOf(bot: RasaBot, file: string): string {
  return bot.docs.get(file)?.doc.text ?? '';
}

/** A did-you-mean sentence and the rename fix that goes with it. */
export function suggest(bot: RasaBot, file: string, at: Spanned, candidates: Iterable<string>): { hint: string; fixes?: Fix[] } {
  const guess = closest(at.text, candidates);
  if (!guess || guess === at.text) return { hint: '' };
  const text = textOf(bot, file);
  return {
    hint: ` Did you mean '${guess}'?`,
    fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ file, start: at.start, end: at.end, newText: requote(text, at.start, at.end, guess) }] }],
  };
}

/** The flows of the project by id (the first of each id). */
export function flowsById(bot: RasaBot): Map<string, { file: string; decl: FlowFact }> {
  const out = new Map<string, { file: string; decl: FlowFact }>();
  for (const f of bot.flows) if (!out.has(f.decl.id.text)) out.set(f.decl.id.text, f);
  return out;
}
