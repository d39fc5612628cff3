// A form's `required_slots` must be slots of the domain (Validator.verify_form_slots: "The
// form slot '{s}' in form '{f}' is not present in the domain slots."; validation fails).
import type { Finding, Fix, ObjectNode } from '../../../definitions/index';
import { addProperty, addSection } from '../../../definitions/edits';
import { DEFAULT_SLOTS } from '../dialogue';
import { asObject } from '../facts';
import type { RasaBot } from '../model';
import { relOf } from '../model';
import { didYouMean, domainUnsure, guessName, renameFixes } from './renameFix';
import type { RasaRule } from './types';

/** Declares a text slot the form fills from the user's answer: in the form's file, else the first domain file with slots. */
function createSlotFix(bot: RasaBot, formFile: string, form: string, slot: string): Fix | undefined {
  const files = [formFile, ...[...bot.roles].filter(([f, r]) => r === 'domain' && f !== formFile).map(([f]) => f)];
  const value = { type: 'text', mappings: [{ type: 'from_text', conditions: [{ active_loop: form, requested_slot: slot }] }] };
  for (const file of files) {
    const doc = bot.docs.get(file);
    const slots = asObject(doc?.facts.sections.get('slots')?.value) as ObjectNode | undefined;
    if (doc && slots && !slots.flow) return { title: `Add a text slot "${slot}" to ${relOf(bot, file)}`, edits: [addProperty(doc.doc, slots, slot, value)] };
  }
  const doc = bot.docs.get(formFile);
  if (!doc || doc.facts.sections.has('slots')) return undefined;
  return { title: `Add a text slot "${slot}" to ${relOf(bot, formFile)}`, edits: [addSection(doc.doc, 'slots', { [slot]: value })] };
}

export const formSlotsRule: RasaRule = {
  codes: ['rasa/form-slot-not-in-domain'],
  check(ctx) {
    const { bot } = ctx;
    if (domainUnsure(bot)) return;
    let slotNames: string[] | undefined;
    for (const [form, list] of bot.forms) {
      for (const { file, decl } of list) {
        for (const s of decl.requiredSlots) {
          if (bot.slots.has(s.text) || DEFAULT_SLOTS.has(s.text)) continue;
          slotNames ??= [...bot.slots.keys()];
          const guess = guessName(s.text, slotNames);
          const finding: Finding = {
            start: s.start,
            end: s.end,
            code: 'rasa/form-slot-not-in-domain',
            message: `The form slot '${s.text}' in form '${form}' is not present in the domain slots. Please add the correct slot or check for typos.${didYouMean(guess)}`,
          };
          const fixes = renameFixes(bot, file, s, guess);
          const create = createSlotFix(bot, file, form, s.text);
          if (create) fixes.push(create);
          if (fixes.length) finding.fixes = fixes;
          ctx.report(file, finding);
        }
      }
    }
  },
};
