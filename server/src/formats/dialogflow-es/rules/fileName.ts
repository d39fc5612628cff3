// dialogflow-es/file-name: ES names an intent's and an entity's files after its `name`, as it
// is (intents/<name>.json, <name>_usersays_<lang>.json); a file named otherwise is the sign of
// a hand edit that the next export will undo, and its training phrase files no longer follow.
import { UNSAFE_IN_FILE_NAMES } from '../names';
import type { EsRule } from './types';

export const fileNameRule: EsRule = {
  codes: ['dialogflow-es/file-name'],
  check(ctx) {
    const { bot } = ctx;
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      const role = facts.place.role;
      if ((role !== 'intent' && role !== 'entity') || !facts.name) continue;
      const name = facts.name.text;
      if (name === facts.place.name || UNSAFE_IN_FILE_NAMES.test(name)) continue;
      ctx.report(file, {
        start: facts.name.start,
        end: facts.name.end,
        code: 'dialogflow-es/file-name',
        message: `The ${role} is named "${name}" but its file is ${bot.rel.get(file)}: ES names the file after the ${role} (${role === 'intent' ? 'intents' : 'entities'}/${name}.json${role === 'intent' ? ', with its _usersays_ files' : ''}). Rename the file, or the ${role}, so that they agree.`,
      });
    }
  },
};
