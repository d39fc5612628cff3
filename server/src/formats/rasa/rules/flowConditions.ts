// rasa/flow-invalid-condition: a predicate of a flow (a `next` branch's `if:`, a collect
// step's rejection, the flow guard `if:`) that names a variable without the `slots.` or
// `context.` namespace, or `slots.x` for a slot the domain does not declare. Rasa's validator
// (since 3.8): "… references one or more variables without the `slots.` or `context.`
// namespace prefix", and the slot must exist. Quoted strings, numbers, the predicate
// language's words (and, or, not, is, contains, matches, true, false, null, undefined, empty)
// and Jinja `{{ … }}` are not variables.
import type { Spanned } from '../examples';
import { slotKnown, stepLabel, suggest, textOf } from './flowNames';
import type { RasaRule, RasaRuleContext } from './types';

const CODE = 'rasa/flow-invalid-condition';

const WORDS = new Set(['and', 'or', 'not', 'is', 'in', 'contains', 'matches', 'true', 'false', 'null', 'none', 'undefined', 'empty']);
const NAMESPACES = new Set(['slots', 'context']);

/** The variables of a predicate: `[namespace or undefined, name, offset of the name in the predicate]`. */
export function predicateVariables(p: string): { namespace?: string; name: string; at: number }[] {
  const out: { namespace?: string; name: string; at: number }[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '"' || c === "'") {
      const close = p.indexOf(c, i + 1);
      i = close < 0 ? p.length : close + 1;
      continue;
    }
    if (c === '{' && (p[i + 1] === '{' || p[i + 1] === '%' || p[i + 1] === '#')) {
      const end = p.indexOf(p[i + 1] === '{' ? '}}' : p[i + 1] === '%' ? '%}' : '#}', i + 2);
      i = end < 0 ? p.length : end + 2;
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < p.length && /[0-9A-Za-z_.]/.test(p[i]!)) i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < p.length && /[A-Za-z0-9_]/.test(p[j]!)) j++;
      const word = p.slice(i, j);
      if (p[j] === '.' && NAMESPACES.has(word)) {
        let k = j + 1;
        while (k < p.length && /[A-Za-z0-9_-]/.test(p[k]!)) k++;
        out.push({ namespace: word, name: p.slice(j + 1, k), at: j + 1 });
        // Any further `.field` belongs to the same variable.
        while (k < p.length && /[A-Za-z0-9_.-]/.test(p[k]!)) k++;
        i = k;
        continue;
      }
      if (!WORDS.has(word.toLowerCase())) out.push({ name: word, at: i });
      while (j < p.length && /[A-Za-z0-9_.-]/.test(p[j]!)) j++;
      i = j;
      continue;
    }
    i++;
  }
  return out;
}

function checkPredicate(ctx: RasaRuleContext, file: string, pred: Spanned, where: string): void {
  const { bot } = ctx;
  const text = textOf(bot, file);
  const raw = text.slice(pred.start, pred.end);
  // Where the value starts in the source: past the quote of a quoted scalar, when the source
  // holds the value as it is (no escapes, no folding); else findings cover the whole predicate.
  const q = raw.length > pred.text.length && (raw[0] === '"' || raw[0] === "'") ? 1 : 0;
  const exact = raw.slice(q, q + pred.text.length) === pred.text;
  for (const v of predicateVariables(pred.text)) {
    const at: Spanned = exact ? { text: v.name, start: pred.start + q + v.at, end: pred.start + q + v.at + v.name.length } : { text: v.name, start: pred.start, end: pred.end };
    if (!v.namespace) {
      const slot = slotKnown(bot, v.name);
      ctx.report(file, {
        start: at.start,
        end: at.end,
        code: CODE,
        message:
          `The condition '${pred.text}' of ${where} references the variable '${v.name}' without the \`slots.\` or \`context.\` namespace prefix. ` +
          (slot ? `Write slots.${v.name}.` : 'Write slots.<name> for a slot or context.<name> for the dialogue context.'),
        ...(slot && exact ? { fixes: [{ title: `Change to 'slots.${v.name}'`, preferred: true, edits: [{ file, start: at.start, end: at.start, newText: 'slots.' }] }] } : {}),
      });
      continue;
    }
    if (v.namespace !== 'slots' || !v.name || slotKnown(bot, v.name)) continue;
    const { hint, fixes } = exact ? suggest(bot, file, at, bot.slots.keys()) : { hint: '', fixes: undefined };
    ctx.report(file, {
      start: at.start,
      end: at.end,
      code: CODE,
      message: `The condition '${pred.text}' of ${where} uses the slot '${v.name}', which is not listed in the domain slots.${hint} Add it to the domain under slots:, or compare a declared slot.`,
      ...(fixes ? { fixes } : {}),
    });
  }
}

export const flowConditionsRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    if (ctx.isOff(CODE) || !ctx.bot.flows.length) return;
    for (const { file, decl: flow } of ctx.bot.flows) {
      const id = flow.id.text;
      if (flow.guard) checkPredicate(ctx, file, flow.guard, `flow '${id}' (its guard)`);
      for (const step of flow.steps) {
        const label = `the step '${stepLabel(step)}' of flow '${id}'`;
        for (const p of step.predicates) checkPredicate(ctx, file, p, label);
        for (const r of step.rejections) if (r.if) checkPredicate(ctx, file, r.if, `a rejection of ${label}`);
      }
    }
  },
};
