// Every variant attribute has a value for every variant and for no other
// (config/variant_attributes.yaml, `poly validate`): an agent running a variant the attribute
// has no value for reads nothing where {{attr:}} stands.
import type { PolyRule } from './types';

export const variantValuesRule: PolyRule = {
  codes: ['polyai/variant-values'],
  needsEveryFile: true,
  check({ project, report }) {
    const variants = project.variants.map((v) => v.decl.name.text);
    if (variants.length === 0) return;
    const known = new Set(variants);
    for (const list of project.attributes.values()) {
      for (const { file, decl: a } of list) {
        const missing = variants.filter((v) => !a.values.has(v));
        if (missing.length) {
          report(file, { start: a.name.start, end: a.name.end, code: 'polyai/variant-values', message: `The attribute '${a.name.text}' has no value for the variant${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')}. Give it a value for every variant.` });
        }
        for (const [v, key] of a.values) {
          if (!known.has(v)) report(file, { start: key.start, end: key.end, code: 'polyai/variant-values', message: `The attribute '${a.name.text}' has a value for '${v}', which is no variant (${variants.join(', ')}). Remove it, or add the variant.` });
        }
      }
    }
  },
};
