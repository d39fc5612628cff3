// rasa/flow-duplicate-nlu-trigger: one intent in the `nlu_trigger` of two flows. Rasa
// refuses the flows (DuplicateNLUTriggerException: "The intent '…' is used as 'nlu_trigger'
// in multiple flows"). Reported at every flow after the first, in file order.
import type { Spanned } from '../examples';
import type { RasaRule } from './types';

const CODE = 'rasa/flow-duplicate-nlu-trigger';

export const flowNluTriggersRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    if (ctx.isOff(CODE) || !ctx.bot.flows.length) return;
    const first = new Map<string, { file: string; flow: string; at: Spanned }>();
    for (const { file, decl: flow } of ctx.bot.flows) {
      for (const t of flow.nluTriggers) {
        const seen = first.get(t.text);
        if (!seen) {
          first.set(t.text, { file, flow: flow.id.text, at: t });
          continue;
        }
        if (seen.flow === flow.id.text) continue;
        ctx.report(file, {
          start: t.start,
          end: t.end,
          code: CODE,
          message: `The intent '${t.text}' is used as 'nlu_trigger' in multiple flows: '${seen.flow}' and '${flow.id.text}'. An intent can start only one flow: remove it from one nlu_trigger, or give this flow its own intent.`,
          related: [{ file: seen.file, start: seen.at.start, end: seen.at.end, message: `nlu_trigger of flow '${seen.flow}'` }],
        });
      }
    }
  },
};
