// rasa/flow-unknown-flow: a `link` or `call` step names no flow of the project. Rasa refuses
// the flows (UnresolvedLinkFlowException: "Flow '…' is linked from flow '…' in step '…', but
// it doesn't exist."; the call step: "there is no flow or agent with the id '…'"). A link may
// go to a default pattern (pattern_human_handoff, …) without defining it; calling a pattern
// is another mistake, not an unknown flow.
import { DEFAULT_PATTERNS } from '../builtins';
import { flowsById, stepLabel, suggest } from './flowNames';
import type { RasaRule } from './types';

const CODE = 'rasa/flow-unknown-flow';

export const flowLinksRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    const { bot } = ctx;
    if (ctx.isOff(CODE) || !bot.flows.length) return;
    const flows = flowsById(bot);
    for (const { file, decl: flow } of bot.flows) {
      for (const step of flow.steps) {
        if ((step.kind !== 'link' && step.kind !== 'call') || !step.target) continue;
        const at = step.target;
        if (flows.has(at.text) || DEFAULT_PATTERNS.has(at.text)) continue;
        // A call to an agent or an MCP tool (Rasa Pro 3.13+) names no flow.
        if (step.kind === 'call' && step.node.properties.some((p) => p.key === 'exit_if' || p.key === 'mcp_server' || p.key === 'mapping')) continue;
        const candidates = [...flows.keys()].filter((id) => id !== flow.id.text && !id.startsWith('pattern_'));
        const { hint, fixes } = suggest(bot, file, at, step.kind === 'link' ? [...candidates, ...DEFAULT_PATTERNS] : candidates);
        const message =
          step.kind === 'link'
            ? `Flow '${at.text}' is linked from flow '${flow.id.text}' in step '${stepLabel(step)}', but it doesn't exist.`
            : `The call step '${stepLabel(step)}' in flow '${flow.id.text}' is invalid: there is no flow with the id '${at.text}'.`;
        ctx.report(file, {
          start: at.start,
          end: at.end,
          code: CODE,
          message: `${message}${hint} Define the flow under flows:, or ${step.kind} an existing one.`,
          ...(fixes ? { fixes } : {}),
        });
      }
    }
  },
};
