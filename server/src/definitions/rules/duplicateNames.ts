// Names are unique across all of a bot's files; slots within their intent; values within their slot type.
import { KIND_WORDS } from '../model/symbols';
import type { Definition } from '../model/symbols';
import type { BotRule, RuleContext } from './types';

function reportDuplicates(ctx: RuleContext, defs: readonly Definition[], where: string): void {
  const first = defs[0]!;
  for (const d of defs.slice(1)) {
    ctx.report(d.file, {
      start: d.start,
      end: d.end,
      code: 'name/duplicate',
      message: `The ${KIND_WORDS[d.kind]} "${d.name}" is defined twice ${where}. Rename or remove one of them.`,
      related: [{ file: first.file, start: first.start, end: first.end, message: 'first defined here' }],
    });
  }
}

export const duplicateNamesRule: BotRule = {
  codes: ['name/duplicate'],
  check(ctx) {
    for (const defs of ctx.bot.defs.values()) {
      if (defs.length < 2) continue;
      const kind = defs[0]!.kind;
      if (kind === 'slot') continue; // slots share names across intents; checked per intent below
      reportDuplicates(ctx, defs, kind === 'locale' ? 'in bot.locales' : 'in this bot');
    }
    for (const intent of ctx.bot.intents) {
      const seen = new Map<string, Definition[]>();
      for (const s of intent.slots) {
        const list = seen.get(s.def.name);
        if (list) list.push(s.def);
        else seen.set(s.def.name, [s.def]);
      }
      for (const list of seen.values()) if (list.length > 1) reportDuplicates(ctx, list, `in the intent ${intent.def.name}`);
    }
    for (const st of ctx.bot.slotTypes) {
      const seen = new Map<string, { start: number; end: number }>();
      for (const v of st.values) {
        const prev = seen.get(v.value.text);
        if (prev) {
          ctx.report(st.def.file, {
            start: v.value.start,
            end: v.value.end,
            code: 'name/duplicate',
            message: `The value "${v.value.text}" appears twice in the slot type ${st.def.name}. Remove one, or merge their synonyms.`,
            related: [{ file: st.def.file, start: prev.start, end: prev.end, message: 'first defined here' }],
          });
        } else seen.set(v.value.text, v.value);
      }
    }
  },
};
