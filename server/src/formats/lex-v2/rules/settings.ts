// lex-v2/idle-session-ttl and lex-v2/confidence-threshold: the ranges the API takes for
// Bot.json's `idleSessionTTLInSeconds` (60–86400, API_CreateBot) and BotLocale.json's
// `nluConfidenceThreshold` (0–1, API_CreateBotLocale).
import type { LexRule } from './types';

export const settingsRule: LexRule = {
  codes: ['lex-v2/idle-session-ttl', 'lex-v2/confidence-threshold'],
  check({ bot, report }) {
    const ttl = bot.botFile?.facts.idleSessionTTL;
    if (ttl && (ttl.value < 60 || ttl.value > 86400 || !Number.isInteger(ttl.value))) {
      report(bot.botFile!.path, { start: ttl.start, end: ttl.end, code: 'lex-v2/idle-session-ttl', message: `"idleSessionTTLInSeconds" is ${ttl.value}; Lex takes a whole number of seconds from 60 to 86400 (24 hours). The console's default is 300.` });
    }
    for (const locale of bot.byLocale.values()) {
      const t = locale.file?.facts.confidenceThreshold;
      if (t && (t.value < 0 || t.value > 1)) {
        report(locale.file!.path, { start: t.start, end: t.end, code: 'lex-v2/confidence-threshold', message: `"nluConfidenceThreshold" is ${t.value}; Lex takes a number from 0 to 1 (the console's default is 0.40).` });
      }
    }
  },
};
