// dialogflow-cx/undeclared-language and dialogflow-cx/language-code-mismatch: every
// per-language file (trainingPhrases/<lang>.json, entities/<lang>.json, …) and every
// `languageCode` is a language agent.json declares (`defaultLanguageCode`,
// `supportedLanguageCodes`); inside a per-language file, `languageCode` is the file's language.
import type { CxRule } from './types';

export const languagesRule: CxRule = {
  codes: ['dialogflow-cx/undeclared-language', 'dialogflow-cx/language-code-mismatch'],
  checkFile(ctx, file) {
    const { bot } = ctx;
    if (!bot.agent || bot.unreadable.includes(bot.agent) || bot.languages.length === 0) return;
    const declared = new Set(bot.languages);
    const list = bot.languages.join(', ');
    {
      const facts = bot.facts.get(file)!;
      const lang = facts.place.lang;
      if (lang !== undefined && !declared.has(lang) && facts.top) {
        ctx.report(file, {
          start: facts.top.start,
          end: Math.min(facts.top.start + 1, facts.top.end),
          code: 'dialogflow-cx/undeclared-language',
          message: `${bot.rel.get(file)} is in "${lang}", which agent.json does not declare (${list}): the console ignores it. Add "${lang}" to supportedLanguageCodes, or remove the file.`,
        });
      }
      for (const code of facts.languageCodes) {
        if (lang !== undefined) {
          // A file in an undeclared language is reported once, above.
          if (!declared.has(lang) || code.text === lang) continue;
          ctx.report(file, {
            start: code.start,
            end: code.end,
            code: 'dialogflow-cx/language-code-mismatch',
            message: `This entry says "${code.text}" in a file for "${lang}" (${bot.rel.get(file)}). Make it "${lang}", or move the entry to the file for "${code.text}".`,
            fixes: [{ title: `Change to "${lang}"`, edits: [{ file, start: code.start, end: code.end, newText: JSON.stringify(lang) }], preferred: true }],
          });
        } else if (!declared.has(code.text)) {
          ctx.report(file, {
            start: code.start,
            end: code.end,
            code: 'dialogflow-cx/undeclared-language',
            message: `"${code.text}" is not a language of the agent (${list}): the console ignores what is written in it. Use one of them, or add "${code.text}" to supportedLanguageCodes in agent.json.`,
          });
        }
      }
    }
  },
};
