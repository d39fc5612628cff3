// Exactly one default handoff (config/handoffs.yaml) and exactly one default variant
// (config/variant_attributes.yaml), as `poly validate` requires of each list that has items.
import type { PolyRule } from './types';

export const defaultsRule: PolyRule = {
  codes: ['polyai/default-handoff', 'polyai/default-variant'],
  needsEveryFile: true,
  check({ project, report }) {
    for (const [list, code, what] of [
      [project.handoffs, 'polyai/default-handoff', 'handoff'],
      [project.variants, 'polyai/default-variant', 'variant'],
    ] as const) {
      if (list.length === 0) continue;
      const defaults = list.filter((x) => x.decl.isDefault);
      if (defaults.length === 1) continue;
      if (defaults.length === 0) {
        const first = list[0]!;
        report(first.file, { start: first.decl.name.start, end: first.decl.name.end, code, message: `No ${what} is the default: exactly one needs \`is_default: true\`. Mark the one the agent falls back to.` });
      } else {
        for (const d of defaults.slice(1)) {
          report(d.file, {
            start: d.decl.name.start,
            end: d.decl.name.end,
            code,
            message: `'${d.decl.name.text}' is a second default ${what} (the first is '${defaults[0]!.decl.name.text}'): exactly one may be. Set \`is_default: false\` on all but one.`,
            related: [{ file: defaults[0]!.file, start: defaults[0]!.decl.name.start, end: defaults[0]!.decl.name.end, message: `the default ${what}` }],
          });
        }
      }
    }
  },
};
