// Responses against the dialogue (verify_utterances_in_dialogues): an `utter_` action a
// story, rule or test runs, and a response a flow's rejection says, needs a response of that
// name (a retrieval action `utter_faq` needs some `utter_faq/…`), and a response nothing runs
// is dead. (A flow's `action:` steps are checked by the flow checks, as Rasa does.) Used as well, without a step:
// the prompts a form or a collect step asks with (`utter_ask_<slot>`, `utter_ask_<form>_<slot>`),
// a slot's validation responses, and the responses Rasa's default actions and patterns say.
import { addProperty } from '../../../definitions/edits';
import type { Fix } from '../../../definitions/index';
import { closest } from '../../../definitions/text/didYouMean';
import { DEFAULT_ACTION_RESPONSES, PATTERN_RESPONSES } from '../builtins';
import type { Spanned } from '../examples';
import { asArray, asObject, prop, spanned } from '../facts';
import type { RasaBot } from '../model';
import { reportMemo } from './dialogueWalk';
import { declared, domainDocs, renameFix } from './names';
import { dataFiles, usesAsInputs, usesOf, type FileUses, type Use } from './uses';
import type { RasaRule, RasaRuleContext } from './types';

const UNKNOWN = 'rasa/unknown-utterance';
const UNUSED = 'rasa/response-unused';

export const utterancesRule: RasaRule = {
  codes: [UNKNOWN, UNUSED],
  check(ctx) {
    const { bot } = ctx;
    const unknownOn = !ctx.isOff(UNKNOWN);
    const unusedOn = !ctx.isOff(UNUSED);
    const relevant = (u: FileUses) => u.actions.size + u.e2eUtters.size + u.flowActions.size + u.flowRejections.size + u.flowPrompts.size > 0;
    const inputs = [declared(bot), bot.responses, bot.forms, bot.slots, unknownOn, unusedOn, ...domainDocs(bot), ...usesAsInputs(bot, relevant)];
    reportMemo(ctx, 'utterances', inputs, (report) => check({ ...ctx, report }));
  },
};

/** Every finding of the rule. */
function check(ctx: RasaRuleContext): void {
  const { bot } = ctx;
  const names = declared(bot);
  const used = new Set<string>();
  const usedInTests = new Set<string>();
  const checkUnknown = !names.responsesUnsure && !ctx.isOff(UNKNOWN);
  const check = (file: string, name: string, list: readonly Use[], where: string): void => {
    if (!checkUnknown || !name.startsWith('utter_') || known(bot, name)) return;
    for (const use of list) unknown(ctx, file, use.at, where);
  };
  for (const { file, test } of dataFiles(bot)) {
    const uses = usesOf(bot, file)!;
    for (const [name, list] of uses.actions) {
      (test ? usedInTests : used).add(name);
      check(file, name, list, 'the stories');
    }
    for (const [name, list] of uses.e2eUtters) {
      usedInTests.add(name);
      check(file, name, list, 'an end-to-end test');
    }
    if (test) continue;
    // A flow's action steps are the flow checks' (rasa/flow-unknown-action), as in Rasa; they are uses all the same.
    for (const name of uses.flowActions.keys()) used.add(name);
    for (const [name, list] of uses.flowRejections) {
      used.add(name);
      check(file, name, list, 'a rejection of a flow');
    }
    for (const p of uses.flowPrompts) used.add(p);
  }

  if (names.anyUnsure || ctx.isOff(UNUSED)) return;
  const implied = impliedResponses(bot);
  for (const [name, decls] of bot.responses) {
    const slash = name.indexOf('/');
    const base = slash > 0 ? name.slice(0, slash) : name;
    if (used.has(name) || used.has(base) || implied.has(name) || DEFAULT_ACTION_RESPONSES.has(name) || PATTERN_RESPONSES.has(name)) continue;
    const { file, decl } = decls[0]!;
    const tests = usedInTests.has(name) || usedInTests.has(base) ? ' (tests do not count: they are not training data)' : '';
    ctx.report(file, {
      start: decl.item.start,
      end: decl.item.end,
      code: UNUSED,
      message: `The utterance '${base}' is not used in any story, rule or flow${tests}. Use it in a story or rule (- action: ${base}), or remove the response.`,
      tags: ['unnecessary'],
    });
  }
}

function known(bot: RasaBot, name: string): boolean {
  return declared(bot).utterances.has(name) || PATTERN_RESPONSES.has(name) || DEFAULT_ACTION_RESPONSES.has(name);
}

function unknown(ctx: RasaRuleContext, file: string, name: Spanned, where: string): void {
  const { bot } = ctx;
  const guess = closest(name.text, [...declared(bot).utterances].filter((u) => u.startsWith('utter_')));
  ctx.report(file, {
    start: name.start,
    end: name.end,
    code: UNKNOWN,
    message: `The action '${name.text}' is used in ${where}, but is not a valid utterance action: there is no response with its name.${guess ? ` Did you mean '${guess}'?` : ''} Add a response '${name.text}' to the domain's responses${guess ? ', or change the name' : ''}.`,
    fixes: [...renameFix(bot, file, name, guess), ...createFix(bot, name.text)],
  });
}

/** Creates the response in the first domain file that has `responses:`. */
function createFix(bot: RasaBot, name: string): Fix[] {
  for (const file of bot.files) {
    if (bot.roles.get(file) !== 'domain') continue;
    const doc = bot.docs.get(file)!;
    const responses = asObject(doc.facts.sections.get('responses')?.value);
    if (!responses || responses.properties.length === 0) continue;
    return [{ title: `Create response "${name}" in ${file.slice(file.lastIndexOf('/') + 1)}`, edits: [addProperty(doc.doc, responses, name, [{ text: 'TODO' }])] }];
  }
  return [];
}

/** Responses used without a step: the prompts of form slots, and slot validation responses. */
function impliedResponses(bot: RasaBot): Set<string> {
  const out = new Set<string>();
  for (const [form, decls] of bot.forms) {
    for (const { decl } of decls) {
      for (const slot of decl.requiredSlots) {
        out.add(`utter_ask_${slot.text}`);
        out.add(`utter_ask_${form}_${slot.text}`);
      }
    }
  }
  for (const decls of bot.slots.values()) {
    for (const { decl } of decls) {
      const validation = prop(decl.node, 'validation')?.value;
      if (!validation) continue;
      const refill = spanned(prop(validation, 'refill_utter')?.value);
      if (refill) out.add(refill.text);
      for (const r of asArray(prop(validation, 'rejections')?.value)?.items ?? []) {
        const u = spanned(prop(r, 'utter')?.value);
        if (u) out.add(u.text);
      }
    }
  }
  return out;
}
