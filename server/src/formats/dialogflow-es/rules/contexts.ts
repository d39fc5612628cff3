// dialogflow-es/context-never-set: an intent's input context that no intent sets in its
// `affectedContexts` (ES compares context names without case): the intent can only match
// when a client sets the context itself through the API. Off while an intent file cannot be read.
import { closest, requote } from '../../../definitions/text/didYouMean';
import type { Finding } from '../../../definitions/index';
import type { EsRule } from './types';

export const contextsRule: EsRule = {
  codes: ['dialogflow-es/context-never-set'],
  check(ctx) {
    const { bot } = ctx;
    if ([...bot.unreadable].some((f) => bot.facts.get(f)?.place.role === 'intent')) return;
    const known = [...bot.setContexts.values()].map((l) => l[0]!.at.text);
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'intent') continue;
      for (const c of facts.contexts) {
        if (bot.setContexts.has(c.text.toLowerCase())) continue;
        const f: Finding = {
          start: c.start,
          end: c.end,
          code: 'dialogflow-es/context-never-set',
          message: `No intent sets the context "${c.text}" (in its affectedContexts), so this intent can match only when the client sets it through the API. Set it in the intent that comes before, or remove it here.`,
        };
        const near = closest(c.text, known);
        if (near && near.toLowerCase() !== c.text.toLowerCase()) {
          f.message += ` Did you mean "${near}"?`;
          f.fixes = [{ title: `Change to "${near}"`, edits: [{ file, start: c.start, end: c.end, newText: requote(bot.docs.get(file)!.doc.text, c.start, c.end, near) }], preferred: true }];
        }
        ctx.report(file, f);
      }
    }
  },
};
