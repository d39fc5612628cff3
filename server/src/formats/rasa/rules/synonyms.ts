// One text mapped to two synonym values (check_duplicate_synonym): `synonym:` items map each
// example to the item's name, and annotations `[words](entity:value)` or `{"value": …}` map
// their words to the value. Rasa reads the training data in order and keeps the later mapping
// ("overwriting … during merge"), so the finding is at the later one. The mappings of each
// file are gathered once per version of the file; a check goes through those few only.
import type { Fix } from '../../../definitions/index';
import type { Spanned } from '../examples';
import { dataFiles, usesOf } from './uses';
import type { RasaRule } from './types';

interface Mapping {
  value: string;
  file: string;
  at: Spanned;
}

const CODE = 'rasa/synonym-conflict';

export const synonymsRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    if (ctx.isOff(CODE)) return;
    const { bot } = ctx;
    const byText = new Map<string, Mapping>();
    for (const { file, test } of dataFiles(bot)) {
      if (test) continue;
      for (const { text, value, at, annotation } of usesOf(bot, file)!.synonyms) {
        const prev = byText.get(text);
        if (prev && prev.value !== value) {
          // In a JSON annotation the value sits inside quotes.
          const inJson = bot.docs.get(file)?.doc.text[at.start - 1] === '"';
          const newText = inJson ? JSON.stringify(prev.value).slice(1, -1) : prev.value;
          const fixes: Fix[] = annotation ? [{ title: `Map it to "${prev.value}"`, edits: [{ file, start: at.start, end: at.end, newText }] }] : [];
          ctx.report(file, {
            start: at.start,
            end: at.end,
            code: CODE,
            message: `Found inconsistent entity synonyms: '${text}' is mapped to '${prev.value}' and here to '${value}'; Rasa keeps the later one (overwriting ${text}->${prev.value} with ${text}->${value} during merge). Map '${text}' to one value only.`,
            related: [{ file: prev.file, start: prev.at.start, end: prev.at.end, message: `'${text}' mapped to '${prev.value}'` }],
            ...(fixes.length ? { fixes } : {}),
          });
        }
        byText.set(text, { value, file, at });
      }
    }
  },
};
