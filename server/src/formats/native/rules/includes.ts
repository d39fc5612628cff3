// Every include glob must stay inside the bot folder and match at least one file.
import type { BotRule } from './types';

export const includesRule: BotRule = {
  codes: ['include/no-match', 'include/outside-bot'],
  check({ bot, report }) {
    for (const use of bot.includes) {
      const { glob } = use;
      if (use.problem) {
        report(bot.manifest, {
          start: glob.start,
          end: glob.end,
          code: 'include/outside-bot',
          message: `The glob "${glob.text}" ${use.problem}: a bot includes only files inside its own folder. Write a path relative to the folder of the manifest.`,
        });
      } else if (use.matches === 0) {
        report(bot.manifest, {
          start: glob.start,
          end: glob.end,
          code: 'include/no-match',
          message: `The glob "${glob.text}" matches no .yaml, .yml, .json or .jsonc file in the bot folder. Fix the pattern or remove it.`,
        });
      }
    }
  },
};
