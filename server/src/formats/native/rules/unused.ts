// Definitions nothing uses: responses no step says, functions no step calls, slot types no
// slot has, variables no string mentions.
import { referencesTo } from '../model/bot';
import type { Definition, SymbolKind } from '../../../definitions/model/symbols';
import type { FileRule, FileRuleContext } from './types';

const WORDS: Partial<Record<SymbolKind, [string, string]>> = {
  response: ['unused/response', 'no step says it (say: or a handoff message)'],
  function: ['unused/function', 'no step calls it (call:)'],
  slotType: ['unused/slot-type', 'no slot has it as its type'],
  variable: ['unused/variable', 'no string mentions it as ${…}'],
};

function unused(ctx: FileRuleContext, defs: readonly { def: Definition }[]): void {
  for (const { def } of defs) {
    const [code, why] = WORDS[def.kind]!;
    if (ctx.isOff(code) || referencesTo(ctx.bot, def.kind, def.name).length > 0) continue;
    ctx.report({
      start: def.start,
      end: def.end,
      code,
      message: `The ${def.kind === 'slotType' ? 'slot type' : def.kind} ${def.name} is never used: ${why}. Use it or remove it.`,
      tags: ['unnecessary'],
    });
  }
}

export const unusedRule: FileRule = {
  codes: Object.values(WORDS).map((w) => w![0]),
  check(ctx) {
    const facts = ctx.doc.facts;
    unused(ctx, facts.responses);
    unused(ctx, facts.functions);
    unused(ctx, facts.slotTypes);
    unused(ctx, facts.variables);
  },
};
