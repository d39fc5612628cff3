// Test cases (test_suite/*.yaml) as `poly validate` checks them — the channel is voice or
// webchat, the language is configured, the variant exists, a function assertion names a
// global function and each argument's value_type is string, integer, number or boolean —
// and what it does not: an assertion's parameter that the function does not declare, which
// can never be what the agent calls.
import { didYouMean } from './suggest';
import type { PolyRule } from './types';

const CHANNELS = new Set(['voice', 'webchat']);
const VALUE_TYPES = new Set(['string', 'integer', 'number', 'boolean']);

export const testsRule: PolyRule = {
  codes: ['polyai/test-case', 'polyai/test-unknown-parameter'],
  needsEveryFile: true,
  check({ project, report }) {
    const langs = project.languages.map((l) => l.text);
    const variants = project.variants.map((v) => v.decl.name.text);
    for (const { file, decl: t } of project.tests) {
      const bad = (s: { start: number; end: number }, message: string) => report(file, { start: s.start, end: s.end, code: 'polyai/test-case', message });
      if (t.channel && !CHANNELS.has(t.channel.text)) bad(t.channel, `The channel '${t.channel.text}' is neither voice nor webchat.`);
      if (t.language && langs.length && !langs.includes(t.language.text)) bad(t.language, `The test's language '${t.language.text}' is not configured (${langs.join(', ')}): add it to agent_settings/languages.yaml, or test in one that is.`);
      if (t.variant && !variants.includes(t.variant.text)) bad(t.variant, `The test runs the variant '${t.variant.text}', which config/variant_attributes.yaml does not define.${didYouMean(t.variant.text, variants)}`);
      for (const a of t.assertions) {
        if (!a.name) continue;
        const fn = project.functions.get(a.name.text);
        if (!fn) {
          bad(a.name, `The function assertion names '${a.name.text}', which is no global function (functions/*.py).${didYouMean(a.name.text, project.functions.keys())}`);
          continue;
        }
        const params = new Set((fn.decl.def?.params ?? []).map((p) => p.name).filter((n) => n !== 'conv' && n !== 'flow'));
        for (const arg of a.args) {
          if (arg.valueType && !VALUE_TYPES.has(arg.valueType.text)) bad(arg.valueType, `value_type '${arg.valueType.text}' is none of string, integer, number, boolean.`);
          if (arg.name && fn.decl.def && !params.has(arg.name.text)) {
            report(file, {
              start: arg.name.start,
              end: arg.name.end,
              code: 'polyai/test-unknown-parameter',
              message: `The assertion on '${a.name.text}' checks the parameter '${arg.name.text}', which the function does not declare (${[...params].join(', ') || 'it takes none'}): the agent can never call it so.${didYouMean(arg.name.text, params)}`,
              related: [{ file: fn.file, start: fn.decl.def.name.start, end: fn.decl.def.name.end, message: `def ${a.name.text}` }],
            });
          }
        }
      }
    }
  },
};
