// The actions, forms and slots stories, rules and tests name must be in the domain
// (verify_actions_in_stories_rules, verify_forms_in_stories_rules, and the tracker's "Tried to
// set non existent slot"). An action is any declared action, form or response, or one of
// Rasa's default actions; `utter_` actions are the utterance check's. Slots Rasa adds
// (requested_slot, …) need no declaration.
import { closest } from '../../../definitions/text/didYouMean';
import { DEFAULT_SLOTS } from '../dialogue';
import type { Spanned } from '../examples';
import { reportMemo } from './dialogueWalk';
import { addToDomainFix, declared, domainDocs, renameFix } from './names';
import { dataFiles, usesAsInputs, usesOf, type Use } from './uses';
import type { RasaRule, RasaRuleContext } from './types';

const ACTION = 'rasa/unknown-action';
const FORM = 'rasa/unknown-form';
const SLOT = 'rasa/unknown-slot';

export const dialogueNamesRule: RasaRule = {
  codes: [ACTION, FORM, SLOT],
  check(ctx) {
    const { bot } = ctx;
    const names = declared(bot);
    if (names.domainUnsure) return;
    const actions = !ctx.isOff(ACTION);
    const forms = !ctx.isOff(FORM);
    const slots = !ctx.isOff(SLOT);
    const inputs = [names, bot.slots, bot.forms, actions, forms, slots, ...domainDocs(bot), ...usesAsInputs(bot, (u) => u.actions.size + u.forms.size + u.slots.size + u.e2eSlots.size > 0)];
    reportMemo(ctx, 'dialogue-names', inputs, (report) => check({ ...ctx, report }, actions, forms, slots));
  },
};

/** Every finding of the rule. */
function check(ctx: RasaRuleContext, actions: boolean, forms: boolean, slots: boolean): void {
  const { bot } = ctx;
  const names = declared(bot);
  const slotKnown = (s: string) => bot.slots.has(s) || DEFAULT_SLOTS.has(s);
  for (const { file } of dataFiles(bot)) {
    const uses = usesOf(bot, file)!;
    if (actions) {
      for (const [name, list] of uses.actions) if (!name.startsWith('utter_') && !names.actions.has(name)) for (const u of list) unknownAction(ctx, file, u);
    }
    if (forms) {
      for (const [name, list] of uses.forms) if (!names.actions.has(name)) for (const u of list) unknownForm(ctx, file, u);
    }
    if (slots) {
      for (const [name, list] of uses.slots) if (!slotKnown(name)) for (const u of list) unknownSlot(ctx, file, u.at, `the '${u.block}' block`);
      for (const [name, list] of uses.e2eSlots) if (!slotKnown(name)) for (const u of list) unknownSlot(ctx, file, u.at, `the test case '${u.block}'`);
    }
  }
}

function unknownAction(ctx: RasaRuleContext, file: string, { at: name, block }: Use): void {
  const { bot } = ctx;
  const guess = closest(name.text, [...declared(bot).actions].filter((a) => !a.startsWith('utter_') && a !== '...'));
  ctx.report(file, {
    start: name.start,
    end: name.end,
    code: ACTION,
    message: `The action '${name.text}' is used in the '${block}' block, but it is not listed in the domain file.${guess ? ` Did you mean '${guess}'?` : ''} Add it to the domain's actions${guess ? ', or change the name' : ''}.`,
    fixes: [...renameFix(bot, file, name, guess), ...addToDomainFix(bot, 'actions', name.text)],
  });
}

function unknownForm(ctx: RasaRuleContext, file: string, { at: name, block }: Use): void {
  const { bot } = ctx;
  const guess = closest(name.text, bot.forms.keys());
  ctx.report(file, {
    start: name.start,
    end: name.end,
    code: FORM,
    message: `The form '${name.text}' is used in the '${block}' block, but it is not listed in the domain file.${guess ? ` Did you mean '${guess}'?` : ''} Declare it in the domain's forms, with its required_slots${guess ? ', or change the name' : ''}.`,
    fixes: renameFix(bot, file, name, guess),
  });
}

function unknownSlot(ctx: RasaRuleContext, file: string, name: Spanned, where: string): void {
  const { bot } = ctx;
  const guess = closest(name.text, bot.slots.keys());
  ctx.report(file, {
    start: name.start,
    end: name.end,
    code: SLOT,
    message: `Tried to set non existent slot '${name.text}' in ${where}.${guess ? ` Did you mean '${guess}'?` : ''} Declare it in the domain's slots${guess ? ', or change the name' : ''}.`,
    fixes: renameFix(bot, file, name, guess),
  });
}
