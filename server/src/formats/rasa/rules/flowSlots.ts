// rasa/flow-unknown-slot: a flow collects, sets or persists a slot the domain does not
// declare. Rasa's validator stops there (verify_flows_steps_against_domain): "The slot '…'
// is used in the step '…' of flow id '…', but it is not listed in the domain slots."
import type { Spanned } from '../examples';
import { slotKnown, stepLabel, suggest } from './flowNames';
import type { RasaRule } from './types';

const CODE = 'rasa/flow-unknown-slot';

export const flowSlotsRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    const { bot } = ctx;
    if (ctx.isOff(CODE) || !bot.flows.length) return;
    const report = (file: string, at: Spanned, where: string, flow: string): void => {
      if (slotKnown(bot, at.text)) return;
      const { hint, fixes } = suggest(bot, file, at, bot.slots.keys());
      ctx.report(file, {
        start: at.start,
        end: at.end,
        code: CODE,
        message: `The slot '${at.text}' is used in ${where} of flow id '${flow}', but it is not listed in the domain slots.${hint} Add it to the domain under slots:, or use a declared slot.`,
        ...(fixes ? { fixes } : {}),
      });
    };
    for (const { file, decl: flow } of bot.flows) {
      for (const step of flow.steps) {
        const where = `the step '${stepLabel(step)}'`;
        if (step.kind === 'collect' && step.target) report(file, step.target, where, flow.id.text);
        for (const s of step.setSlots) report(file, s, where, flow.id.text);
      }
      for (const s of flow.persistedSlots) report(file, s, 'persisted_slots', flow.id.text);
    }
  },
};
