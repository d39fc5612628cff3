// Variables against the pipeline: a value for every environment, and no value for an
// environment the pipeline does not have.
import { closest, requote } from '../../../definitions/text/didYouMean';
import type { FileRule } from './types';

export const environmentsRule: FileRule = {
  codes: ['env/missing-value', 'env/unknown-environment'],
  check(ctx) {
    const envs = ctx.options.environments;
    const known = new Set(envs);
    for (const v of ctx.doc.facts.variables) {
      const given = new Set(v.environments.map((e) => e.text));
      if (!v.hasDefault) {
        const without = envs.filter((e) => !given.has(e));
        if (without.length) {
          ctx.report({
            start: v.def.start,
            end: v.def.end,
            code: 'env/missing-value',
            message: `The variable ${v.def.name} has no value for ${without.join(', ')}, and no default. Add a default or a value for ${without.length === 1 ? 'that environment' : 'each of them'}.`,
          });
        }
      }
      for (const e of v.environments) {
        if (known.has(e.text)) continue;
        const guess = closest(e.text, envs);
        const text = ctx.doc.doc.text;
        ctx.report({
          start: e.start,
          end: e.end,
          code: 'env/unknown-environment',
          message: `The pipeline has no environment "${e.text}" (it has ${envs.join(', ')}), so this value is never used.${guess ? ` Did you mean "${guess}"?` : ''} Rename or remove it.`,
          ...(guess ? { fixes: [{ title: `Change to "${guess}"`, preferred: true, edits: [{ file: v.def.file, start: e.start, end: e.end, newText: requote(text, e.start, e.end, guess) }] }] } : {}),
        });
      }
    }
  },
};
