// lex-v2/missing-translation: every locale of a bot holds its own copy of the intents, so an
// intent one locale has and another lacks is usually a translation not made yet. Information
// only: a locale may leave an intent out on purpose. Reported at the locale that lacks it
// (its BotLocale.json, else where the other locale defines the intent).
import { namesIn } from '../model';
import type { LexRule } from './types';

export const translationsRule: LexRule = {
  codes: ['lex-v2/missing-translation'],
  check({ bot, report }) {
    if (bot.byLocale.size < 2) return;
    const locales = [...bot.byLocale.values()];
    // Which locales have each intent, in locale order.
    const has = new Map<string, { locale: string; file: string; start: number; end: number }[]>();
    for (const l of locales) {
      for (const [name, list] of namesIn(l).intents) {
        const f = list[0]!.file!;
        const entry = { locale: l.id, file: f.path, start: f.facts.name!.start, end: f.facts.name!.end };
        const got = has.get(name);
        if (got) got.push(entry);
        else has.set(name, [entry]);
      }
    }
    for (const l of locales) {
      if ([...l.intents.values()].some((i) => i.file && bot.unreadable.has(i.file.path))) continue;
      const mine = namesIn(l).intents;
      for (const [name, where] of has) {
        if (mine.has(name)) continue;
        const other = where[0]!;
        const own = l.file?.facts;
        const span = own?.name ? { start: own.name.start, end: own.name.end } : own?.root ? { start: own.root.start, end: own.root.start + 1 } : undefined;
        report(span ? l.file!.path : other.file, {
          ...(span ?? { start: other.start, end: other.end }),
          code: 'lex-v2/missing-translation',
          message: `${l.id} has no intent ${name}, which ${where.map((w) => w.locale).join(', ')} ${where.length === 1 ? 'has' : 'have'}. Add it under BotLocales/${l.id}/Intents/ if the bot should understand it in ${l.id} too.`,
          related: [{ file: other.file, start: other.start, end: other.end, message: `${name} in ${other.locale}` }],
        });
      }
    }
  },
};
