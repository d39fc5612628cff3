// rasa/flow-structure: the shape of a flow's steps that Rasa refuses when it loads flows
// (rasa/shared/core/flows/validation.py):
// - a `next` (or a branch's `then`/`else`) naming a step id the flow does not have: "Step with
//   id '…' could not be resolved. Step '…' in flow '…' referenced this step but it does not
//   exist.";
// - a step id used twice in one flow (reported at every use after the first);
// - a `next` on a `link` step, which ends the flow (NoNextAllowedForLinkException).
import type { FileEdit, Property } from '../../../definitions/index';
import type { Spanned } from '../examples';
import { stepLabel, suggest, textOf } from './flowNames';
import type { RasaRule } from './types';

const CODE = 'rasa/flow-structure';

/** Removes a block-style `key: value` line (and its nested lines); undefined when it shares its line with something else. */
function removeLines(text: string, file: string, p: Property): FileEdit | undefined {
  let start = p.keyStart;
  while (start > 0 && text[start - 1] !== '\n') start--;
  if (text.slice(start, p.keyStart).trim() !== '') return undefined;
  let end = p.end;
  while (end < text.length && text[end] !== '\n') end++;
  return { file, start, end: Math.min(text.length, end + 1), newText: '' };
}

export const flowStructureRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    const { bot } = ctx;
    if (ctx.isOff(CODE) || !bot.flows.length) return;
    for (const { file, decl: flow } of bot.flows) {
      const id = flow.id.text;
      const ids = new Map<string, Spanned>();
      for (const step of flow.steps) {
        if (!step.id) continue;
        const first = ids.get(step.id.text);
        if (!first) {
          ids.set(step.id.text, step.id);
          continue;
        }
        ctx.report(file, {
          start: step.id.start,
          end: step.id.end,
          code: CODE,
          message: `The step id '${step.id.text}' is used twice in flow '${id}'. Step ids must be unique within a flow: rename one of them (and the next: that means it).`,
          related: [{ file, start: first.start, end: first.end, message: 'first used here' }],
        });
      }
      // Steps without an id get `<flow>_<index>_<kind>` ids; a next may name those too.
      const generated = new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_\\d+_`);
      for (const step of flow.steps) {
        for (const target of step.nextIds) {
          if (ids.has(target.text) || generated.test(target.text)) continue;
          const { hint, fixes } = suggest(bot, file, target, ids.keys());
          ctx.report(file, {
            start: target.start,
            end: target.end,
            code: CODE,
            message: `Step with id '${target.text}' could not be resolved. Step '${stepLabel(step)}' in flow '${id}' referenced this step but it does not exist.${hint} Give the step it means an id: '${target.text}', or name an existing id (or END).`,
            ...(fixes ? { fixes } : {}),
          });
        }
        if (step.kind === 'link' && step.hasNext) {
          const next = step.node.properties.find((p) => p.key === 'next')!;
          const edit = removeLines(textOf(bot, file), file, next);
          ctx.report(file, {
            start: next.keyStart,
            end: next.keyEnd,
            code: CODE,
            message: `The link step '${stepLabel(step)}' in flow '${id}' has a next: a link ends the flow and starts '${step.target?.text ?? 'another flow'}', so nothing can follow it. Remove the next, or use call: to come back.`,
            ...(edit ? { fixes: [{ title: 'Remove next', preferred: true, edits: [edit] }] } : {}),
          });
        }
      }
    }
  },
};
