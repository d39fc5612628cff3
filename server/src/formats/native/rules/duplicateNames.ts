// Names are unique across all of a bot's files; slots within their intent; values within their slot type.
import { KIND_WORDS } from '../../../definitions/model/symbols';
import type { Definition } from '../../../definitions/model/symbols';
import type { FileRule, FileRuleContext } from './types';

function reportDuplicate(ctx: FileRuleContext, d: Definition, first: Definition, where: string): void {
  ctx.report({
    start: d.start,
    end: d.end,
    code: 'name/duplicate',
    message: `The ${KIND_WORDS[d.kind]} "${d.name}" is defined twice ${where}. Rename or remove one of them.`,
    related: [{ file: first.file, start: first.start, end: first.end, message: 'first defined here' }],
  });
}

export const duplicateNamesRule: FileRule = {
  codes: ['name/duplicate'],
  check(ctx) {
    const { bot, doc, file } = ctx;
    // Each definition of this file that an earlier one (in the bot's file order) already made.
    for (const d of doc.facts.defs) {
      if (d.kind === 'slot') continue; // slots share names across intents; checked per intent below
      const defs = bot.defs.get(d.key);
      // Locales count only in the manifest (the model leaves the others out).
      if (!defs || defs.length < 2 || defs[0] === d || !defs.includes(d)) continue;
      reportDuplicate(ctx, d, defs[0]!, d.kind === 'locale' ? 'in bot.locales' : 'in this bot');
    }
    for (const intent of doc.facts.intents) {
      const seen = new Map<string, Definition>();
      for (const s of intent.slots) {
        const first = seen.get(s.def.name);
        if (first) reportDuplicate(ctx, s.def, first, `in the intent ${intent.def.name}`);
        else seen.set(s.def.name, s.def);
      }
    }
    for (const st of doc.facts.slotTypes) {
      const seen = new Map<string, { start: number; end: number }>();
      for (const v of st.values) {
        const prev = seen.get(v.value.text);
        if (prev) {
          ctx.report({
            start: v.value.start,
            end: v.value.end,
            code: 'name/duplicate',
            message: `The value "${v.value.text}" appears twice in the slot type ${st.def.name}. Remove one, or merge their synonyms.`,
            related: [{ file, start: prev.start, end: prev.end, message: 'first defined here' }],
          });
        } else seen.set(v.value.text, v.value);
      }
    }
  },
};
