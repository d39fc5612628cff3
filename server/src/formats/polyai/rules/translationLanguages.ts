// A translation covers exactly the configured languages (agent_settings/languages.yaml): when
// languages are configured, its keys are those languages, no more and no fewer.
import type { PolyRule } from './types';

export const translationLanguagesRule: PolyRule = {
  codes: ['polyai/translation-languages'],
  needsEveryFile: true,
  check({ project, report }) {
    const langs = project.languages.map((l) => l.text);
    if (langs.length === 0) return;
    const configured = new Set(langs);
    for (const list of project.translations.values()) {
      for (const { file, decl: t } of list) {
        const missing = langs.filter((l) => !t.keys.has(l));
        if (missing.length) {
          report(file, { start: t.name.start, end: t.name.end, code: 'polyai/translation-languages', message: `The translation '${t.name.text}' has no text in ${missing.join(', ')}, which agent_settings/languages.yaml configures. Add ${missing.length > 1 ? 'them' : 'it'}.` });
        }
        for (const [l, key] of t.keys) {
          if (!configured.has(l)) report(file, { start: key.start, end: key.end, code: 'polyai/translation-languages', message: `'${t.name.text}' has a text in ${l}, which is not a configured language (${langs.join(', ')}). Remove it, or add the language to agent_settings/languages.yaml.` });
        }
      }
    }
  },
};
