// rasa/flow-collect-no-prompt: a collect step Rasa cannot ask with. The question is the
// step's `utter` response (by default `utter_ask_<slot>`) or a custom `action_ask_<slot>`;
// a slot with an `initial_value` needs neither. Rasa's validator: "The collect step '…' has
// neither a response nor an action defined, nor an initial value defined in the domain."; and
// it refuses a step that has both a response and the action ("You can just have one of them").
import type { Node } from '../../../definitions/index';
import { PATTERN_RESPONSES } from '../builtins';
import { slotKnown, stepLabel } from './flowNames';
import type { RasaRule } from './types';

const CODE = 'rasa/flow-collect-no-prompt';

function hasInitialValue(node: Node | null): boolean {
  if (!node || node.type !== 'object') return false;
  const v = node.properties.find((p) => p.key === 'initial_value')?.value;
  return !!v && !(v.type === 'scalar' && v.value === null);
}

export const flowCollectPromptsRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    const { bot } = ctx;
    if (ctx.isOff(CODE) || !bot.flows.length) return;
    for (const { file, decl: flow } of bot.flows) {
      for (const step of flow.steps) {
        if (step.kind !== 'collect' || !step.target) continue;
        const slot = step.target.text;
        // An undeclared slot is rasa/flow-unknown-slot's finding.
        if (!slotKnown(bot, slot) || !bot.slots.has(slot)) continue;
        const utter = step.utter?.text ?? `utter_ask_${slot}`;
        const action = `action_ask_${slot}`;
        const hasResponse = bot.responses.has(utter) || PATTERN_RESPONSES.has(utter);
        const hasAction = bot.actions.has(action);
        const label = stepLabel(step);
        if (hasResponse && hasAction) {
          ctx.report(file, {
            start: step.target.start,
            end: step.target.end,
            code: CODE,
            message: `The collect step '${label}' of flow '${flow.id.text}' has an utterance '${utter}' as well as an action '${action}' defined. You can just have one of them: remove the response or the action.`,
          });
          continue;
        }
        if (hasResponse || hasAction || bot.slots.get(slot)!.some((d) => hasInitialValue(d.decl.node))) continue;
        const how = step.utter
          ? `Add the response '${utter}' to the domain under responses:, or write a custom action '${action}'`
          : `Add a response '${utter}' to the domain under responses: (or name one with utter:), or write a custom action '${action}'`;
        ctx.report(file, {
          start: step.target.start,
          end: step.target.end,
          code: CODE,
          message: `The collect step '${label}' of flow '${flow.id.text}' has neither a response nor an action defined, nor an initial value defined in the domain. ${how}, or give the slot an initial_value.`,
        });
      }
    }
  },
};
