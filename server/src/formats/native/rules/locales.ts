// Locales: declared in bot.locales, used by key in utterances, prompts, responses and
// synonyms. A used locale must be declared; intents, prompts and responses cover them all.
import { addProperty, appendItem } from '../../../definitions/edits';
import type { LocaleMap } from '../model/facts';
import { schemaAt } from '../schema/schema';
import { closest, requote } from '../../../definitions/text/didYouMean';
import type { Fix } from '../../../definitions/types';
import type { FileRule, FileRuleContext } from './types';

const TAG = new RegExp(schemaAt(['bot', 'locales', 0])?.pattern ?? '.');

export const localesRule: FileRule = {
  codes: ['locale/undeclared', 'locale/missing', 'locale/default-not-declared'],
  check(ctx) {
    const { bot, doc, file } = ctx;
    // A malformed tag is reported by the shape check; it asks nothing of the other files.
    const valid = bot.locales.filter((l) => TAG.test(l));
    const declared = new Set(bot.locales);
    const manifest = bot.docs.get(bot.manifest)!;
    const dl = manifest.facts.manifest.defaultLocale;
    if (file === bot.manifest && dl && declared.size && !declared.has(dl.text)) {
      const guess = closest(dl.text, bot.locales);
      ctx.report({
        start: dl.start,
        end: dl.end,
        code: 'locale/default-not-declared',
        message: `The default locale "${dl.text}" is not one of locales (${bot.locales.join(', ')}). Add it to locales or pick one of them.`,
        ...(guess ? { fixes: [{ title: `Change to "${guess}"`, preferred: true, edits: [{ file: bot.manifest, start: dl.start, end: dl.end, newText: requote(manifest.doc.text, dl.start, dl.end, guess) }] }] } : {}),
      });
    }
    if (!valid.length) return; // nothing to compare with: the shape check asks for locales
    for (const ref of doc.facts.refs) {
      if (ref.kind !== 'locale' || ref.role !== 'locale' || declared.has(ref.name)) continue;
      const guess = closest(ref.name, bot.locales);
      const fixes: Fix[] = [];
      if (guess) {
        const text = doc.doc.text;
        fixes.push({ title: `Change to "${guess}"`, preferred: true, edits: [{ file: ref.file, start: ref.start, end: ref.end, newText: requote(text, ref.start, ref.end, guess) }] });
      }
      const list = manifest.facts.manifest.localesNode;
      if (list) fixes.push({ title: `Add "${ref.name}" to the bot's locales`, edits: [appendItem(manifest.doc, list, ref.name)] });
      ctx.report({
        start: ref.start,
        end: ref.end,
        code: 'locale/undeclared',
        message: `The locale "${ref.name}" is not declared in bot.locales (${bot.locales.join(', ')}).${guess ? ` Did you mean "${guess}"?` : ''} Declare it or fix the key.`,
        fixes,
      });
    }
    for (const intent of doc.facts.intents) {
      if (intent.utterances) missing(ctx, intent.utterances, `The intent ${intent.def.name} has no utterances`, []);
      for (const slot of intent.slots) {
        if (slot.prompt) missing(ctx, slot.prompt, `The prompt of slot ${slot.def.name} (intent ${intent.def.name}) has no text`, 'TODO');
      }
    }
    for (const r of doc.facts.responses) {
      if (r.map) missing(ctx, r.map, `The response ${r.def.name} has no text`, ['TODO']);
    }
  },
};

function missing(ctx: FileRuleContext, map: LocaleMap, what: string, empty: string | string[]): void {
  const absent = ctx.bot.locales.filter((l) => TAG.test(l) && !map.entries.some((e) => e.locale === l));
  if (!absent.length) return;
  const doc = ctx.doc.doc;
  const owner = map.node.property;
  const start = owner ? owner.keyStart : map.node.start;
  const end = owner ? owner.keyEnd : map.node.start + 1;
  // Match the shape of the entries already there (one text or a list).
  const sample = map.entries[0]?.value;
  const value = Array.isArray(empty) || (sample && sample.type === 'array') ? (Array.isArray(empty) ? empty : [empty]) : empty;
  for (const locale of absent) {
    ctx.report({
      start,
      end,
      code: 'locale/missing',
      message: `${what} for the locale ${locale}. Add a ${locale} entry.`,
      fixes: [{ title: `Add the ${locale} entry`, preferred: true, edits: [addProperty(doc, map.node, locale, value)] }],
    });
  }
}
