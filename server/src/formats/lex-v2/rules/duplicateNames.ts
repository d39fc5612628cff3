// lex-v2/duplicate-name: names are unique where Lex keys by them — intents and slot types in
// a locale, slots in an intent. Two folders whose files give one name cannot both be imported.
import type { LexFile } from '../model';
import type { LexRule, LexRuleContext } from './types';

function unique(ctx: LexRuleContext, files: readonly LexFile[], what: string, where: string): void {
  const seen = new Map<string, LexFile>();
  for (const f of files) {
    const name = f.facts.name;
    if (!name) continue;
    const first = seen.get(name.text);
    if (!first) {
      seen.set(name.text, f);
      continue;
    }
    ctx.report(f.path, {
      start: name.start,
      end: name.end,
      code: 'lex-v2/duplicate-name',
      message: `${where} already has ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} named ${name.text}. Rename one of them.`,
      related: [{ file: first.path, start: first.facts.name!.start, end: first.facts.name!.end, message: `the first ${what} ${name.text}` }],
    });
  }
}

export const duplicateNamesRule: LexRule = {
  codes: ['lex-v2/duplicate-name'],
  check(ctx) {
    for (const locale of ctx.bot.byLocale.values()) {
      unique(ctx, [...locale.intents.values()].flatMap((i) => (i.file ? [i.file] : [])), 'intent', `The locale ${locale.id}`);
      unique(ctx, locale.slotTypes, 'slot type', `The locale ${locale.id}`);
      for (const intent of locale.intents.values()) unique(ctx, intent.slots, 'slot', `The intent ${intent.file?.facts.name?.text ?? intent.folder}`);
    }
  },
};
