// A protected bot takes changes only through releases. The caller knows which of its files
// differ from the last released version (versioning is not this library's business).
import type { FileRule } from './types';

export const protectedBotRule: FileRule = {
  codes: ['protected/edited'],
  check(ctx) {
    const { bot, file } = ctx;
    if (bot.id === undefined) return;
    const edited = ctx.options.protectedBots.get(bot.id);
    if (!edited || edited.size === 0) return;
    const rel = bot.dir === '' ? file : file.slice(bot.dir.length + 1);
    if (!edited.has(rel)) return;
    const firstLine = ctx.doc.doc.text.search(/\r?\n|$/);
    ctx.report({
      start: 0,
      end: Math.max(0, firstLine),
      code: 'protected/edited',
      message: `The bot ${bot.id} is protected: it takes changes only through releases, and this file differs from its last released version. Undo the edit (restore the released version), or make it in the source bot and release it.`,
    });
  },
};
