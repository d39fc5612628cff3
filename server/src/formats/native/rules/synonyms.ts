// A synonym given to two values of one slot type makes the value ambiguous.
import { normalizeUtterance } from '../../../definitions/text/normalize';
import type { FileRule } from './types';

export const synonymsRule: FileRule = {
  codes: ['slotType/duplicate-synonym'],
  check(ctx) {
    for (const st of ctx.doc.facts.slotTypes) {
      const owner = new Map<string, { value: string; start: number; end: number }>();
      // A value's own name counts as one of its synonyms in every locale.
      for (const v of st.values) owner.set(`*\u0000${normalizeUtterance(v.value.text)}`, { value: v.value.text, ...v.value });
      for (const v of st.values) {
        for (const syn of v.synonyms) {
          const norm = normalizeUtterance(syn.item.text);
          const asValue = owner.get(`*\u0000${norm}`);
          const key = `${syn.locale}\u0000${norm}`;
          const prev = asValue && asValue.value !== v.value.text ? asValue : owner.get(key);
          if (prev && prev.value !== v.value.text) {
            ctx.report({
              start: syn.item.start,
              end: syn.item.end,
              code: 'slotType/duplicate-synonym',
              message: `"${syn.item.text}" is a synonym of both "${prev.value}" and "${v.value.text}" in the slot type ${st.def.name}, so the value it means is ambiguous. Keep it under one value.`,
              related: [{ file: st.def.file, start: prev.start, end: prev.end, message: `also "${prev.value}"` }],
            });
          } else if (!prev) owner.set(key, { value: v.value.text, start: syn.item.start, end: syn.item.end });
        }
      }
    }
  },
};
