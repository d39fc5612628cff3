// rasa/flow-unknown-action: a flow's `action:` step runs something that is neither a
// declared action, form or response, nor a default action or a response of the default
// patterns. Rasa: "The action '…' is used in the step '…' of flow id '…', but it is not
// listed in the domain file." An action interpolated at run time (`{context.…}`) is not
// checked, as in Rasa.
import { actionKnown, actionNames, stepLabel, suggest } from './flowNames';
import type { RasaRule } from './types';

const CODE = 'rasa/flow-unknown-action';

export const flowActionsRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    const { bot } = ctx;
    if (ctx.isOff(CODE) || !bot.flows.length) return;
    let names: string[] | undefined;
    for (const { file, decl: flow } of bot.flows) {
      for (const step of flow.steps) {
        const at = step.kind === 'action' ? step.target : undefined;
        if (!at || at.text.includes('{') || actionKnown(bot, at.text)) continue;
        names ??= actionNames(bot);
        const { hint, fixes } = suggest(bot, file, at, names);
        const what = at.text.startsWith('utter_') ? `Add a response '${at.text}' to the domain under responses:` : `Add it to the domain under actions:`;
        ctx.report(file, {
          start: at.start,
          end: at.end,
          code: CODE,
          message: `The action '${at.text}' is used in the step '${stepLabel(step)}' of flow id '${flow.id.text}', but it is not listed in the domain file.${hint} ${what}, or run an existing one.`,
          ...(fixes ? { fixes } : {}),
        });
      }
    }
  },
};
