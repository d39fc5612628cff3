// dialogflow-es/undeclared-language: every per-language file (`_usersays_<lang>`,
// `_entries_<lang>`, small talk) and every `lang` (messages, prompts, phrases) is a language
// agent.json declares (`language`, `supportedLanguages`): ES ignores the others.
import type { EsRule } from './types';

export const languagesRule: EsRule = {
  codes: ['dialogflow-es/undeclared-language'],
  check(ctx) {
    const { bot } = ctx;
    // Without its default language agent.json is reported itself (agent-missing-key).
    if (!bot.agent || bot.unreadable.has(bot.agent) || !bot.facts.get(bot.agent)!.agent?.language) return;
    const declared = new Set(bot.languages);
    const list = bot.languages.join(', ');
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      const lang = facts.place.lang;
      if (lang !== undefined && !declared.has(lang)) {
        const root = bot.docs.get(file)!.doc.root;
        ctx.report(file, {
          start: root?.start ?? 0,
          end: root ? root.start + 1 : 0,
          code: 'dialogflow-es/undeclared-language',
          message: `${bot.rel.get(file)} is in "${lang}", which agent.json does not declare (${list}): ES ignores it. Add "${lang}" to supportedLanguages, or remove the file.`,
        });
        continue;
      }
      for (const l of facts.langs) {
        if (declared.has(l.text)) continue;
        ctx.report(file, {
          start: l.start,
          end: l.end,
          code: 'dialogflow-es/undeclared-language',
          message: `"${l.text}" is not a language of the agent (${list}): ES ignores what is written in it. Use one of them, or add "${l.text}" to supportedLanguages in agent.json.`,
        });
      }
    }
  },
};
