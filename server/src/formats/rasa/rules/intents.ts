// The domain's intents against the training data and the dialogue, as `rasa data validate`
// compares them (verify_intents, verify_intents_in_stories_or_flows): examples of an intent the
// domain does not list, a domain intent with no examples or used nowhere, and a story, rule,
// test or flow trigger naming an intent the domain does not list. Retrieval intents count by
// their base (`faq/ask_x` is `faq`); Rasa's default intents need no declaration.
import { closest } from '../../../definitions/text/didYouMean';
import { DEFAULT_INTENTS } from '../builtins';
import type { Spanned } from '../examples';
import { addToDomainFix, declared, renameFix } from './names';
import { baseOf, dataFiles, usesOf } from './uses';
import type { RasaRule, RasaRuleContext } from './types';

export const intentsRule: RasaRule = {
  codes: ['rasa/intent-not-in-domain', 'rasa/intent-without-examples', 'rasa/intent-unused', 'rasa/unknown-intent'],
  check(ctx) {
    const { bot } = ctx;
    const names = declared(bot);
    const known = (i: string) => bot.intents.has(i) || DEFAULT_INTENTS.has(i);

    // NLU items that name an intent the domain lacks (the items are few: no need to go through their examples).
    if (!names.domainUnsure) {
      for (const { file, decl } of bot.nlu) {
        if (decl.kind !== 'intent') continue;
        const base = baseOf(decl.name, bot.docs.get(file)!.doc.text);
        if (!known(base.text)) unknown(ctx, file, base, 'rasa/intent-not-in-domain', `There is a message in the training data labeled with intent '${base.text}'. This intent is not listed in your domain.`);
      }
    }

    // Which intents have examples, and which stories, rules and flows use (tests are checked, but do not count).
    const withExamples = new Set<string>();
    const used = new Set<string>();
    const usedInTests = new Set<string>();
    for (const { file, test } of dataFiles(bot)) {
      const uses = usesOf(bot, file)!;
      if (!test) for (const i of uses.exampleIntents) withExamples.add(i);
      for (const [name, list] of uses.intents) {
        (test ? usedInTests : used).add(name);
        if (!names.domainUnsure && !known(name)) for (const use of list) unknownInDialogue(ctx, file, use.at);
      }
      if (test) continue;
      for (const [name, list] of uses.flowTriggers) {
        used.add(name);
        if (!names.domainUnsure && !known(name)) for (const use of list) unknownInDialogue(ctx, file, use.at);
      }
    }

    // A file Rasa cannot read may hold the examples or the use: absence proves nothing then.
    if (names.anyUnsure) return;
    for (const [name, decls] of bot.intents) {
      if (DEFAULT_INTENTS.has(name)) continue;
      const { file, decl } = decls[0]!;
      if (!withExamples.has(name) && !ctx.isOff('rasa/intent-without-examples')) {
        ctx.report(file, {
          start: decl.item.start,
          end: decl.item.end,
          code: 'rasa/intent-without-examples',
          message: `The intent '${name}' is listed in the domain file, but is not found in the NLU training data. Add examples for it to the NLU data (- intent: ${name}), or remove it from the domain.`,
        });
      }
      if (!used.has(name) && !ctx.isOff('rasa/intent-unused')) {
        const tests = usedInTests.has(name) ? ' (tests do not count: they are not training data)' : '';
        ctx.report(file, {
          start: decl.item.start,
          end: decl.item.end,
          code: 'rasa/intent-unused',
          message: `The intent '${name}' is not used in any story, rule or flow${tests}. Use it in a story or rule (- intent: ${name}), or remove it from the domain and the NLU data.`,
          tags: ['unnecessary'],
        });
      }
    }
  },
};

function unknownInDialogue(ctx: RasaRuleContext, file: string, name: Spanned): void {
  unknown(ctx, file, name, 'rasa/unknown-intent', `The intent '${name.text}' is used in a story or flow, but it is not listed in the domain file.`);
}

function unknown(ctx: RasaRuleContext, file: string, name: Spanned, code: string, said: string): void {
  if (ctx.isOff(code)) return;
  const { bot } = ctx;
  const guess = closest(name.text, bot.intents.keys());
  ctx.report(file, {
    start: name.start,
    end: name.end,
    code,
    message: `${said}${guess ? ` Did you mean '${guess}'?` : ''} Add it to the domain's intents${guess ? ', or change the name' : ''}.`,
    fixes: [...renameFix(bot, file, name, guess), ...addToDomainFix(bot, 'intents', name.text)],
  });
}
