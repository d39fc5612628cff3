// Responses, in the domain and in training data (retrieval answers): names start with
// `utter_` (the docs' rule; Rasa's utterance checks see only those), each has variations
// (Rasa Pro's validator: "does not have any variations"), each variation has `text` or
// `custom` (the responses schema's require_response_keys), and a conditional variation
// names slots the domain has.
import type { Finding, Fix, FileEdit, Node } from '../../../definitions/index';
import { requote } from '../../../definitions/text/didYouMean';
import { symbolKey } from '../../../definitions/model/symbols';
import { DEFAULT_SLOTS } from '../dialogue';
import { prop } from '../facts';
import type { RasaBot } from '../model';
import { refsTo } from '../model';
import { didYouMean, domainUnsure, guessName, renameFixes, withFixes } from './renameFix';
import type { RasaRule } from './types';

/** Renames a response and every story, rule and flow step that names it. */
function prefixFix(bot: RasaBot, name: string): Fix {
  const to = `utter_${name}`;
  const edits: FileEdit[] = [];
  const seen = new Set<string>();
  const edit = (file: string, start: number, end: number): void => {
    const key = `${file}:${start}`;
    const text = bot.docs.get(file)?.doc.text;
    if (seen.has(key) || text === undefined) return;
    seen.add(key);
    edits.push({ file, start, end, newText: requote(text, start, end, to) });
  };
  for (const { file, decl } of bot.responses.get(name) ?? []) edit(file, decl.item.start, decl.item.end);
  for (const r of [...refsTo(bot, symbolKey('action', name)), ...refsTo(bot, symbolKey('response', name))]) edit(r.file, r.start, r.end);
  return { title: `Rename to "${to}"${edits.length > 1 ? ` (and its ${edits.length - 1} use${edits.length > 2 ? 's' : ''})` : ''}`, edits };
}

/** Whether a variation has what Rasa requires: a non-null `text`, or a non-empty `custom`. */
function hasTextOrCustom(v: Node): boolean {
  const text = prop(v, 'text');
  if (text && text.value && !(text.value.type === 'scalar' && text.value.value === null)) return true;
  const custom = prop(v, 'custom')?.value;
  if (!custom) return false;
  if (custom.type === 'object') return custom.properties.length > 0;
  if (custom.type === 'array') return custom.items.length > 0;
  return custom.type === 'scalar' ? !!custom.value : true;
}

export const responsesRule: RasaRule = {
  codes: ['rasa/response-name-prefix', 'rasa/response-no-variations', 'rasa/response-no-text', 'rasa/response-condition-unknown-slot'],
  check(ctx) {
    const { bot } = ctx;
    let slotNames: string[] | undefined;
    const unsure = domainUnsure(bot);
    for (const [name, list] of bot.responses) {
      for (const [i, { file, decl }] of list.entries()) {
        const text = bot.docs.get(file)!.doc.text;
        // One finding per name, at its first declaration.
        if (i === 0 && !name.startsWith('utter_')) {
          ctx.report(file, {
            start: decl.item.start,
            end: decl.item.end,
            code: 'rasa/response-name-prefix',
            message: `The response "${name}" does not start with utter_. Each response name should start with \`utter_\`: Rasa's checks of stories, rules and flows only treat \`utter_\` names as responses, so "${name}" would be taken for a custom action. Rename it to "utter_${name}".`,
            fixes: [prefixFix(bot, name)],
          });
        }
        const node = decl.node;
        const empty = !node || (node.type === 'scalar' && node.value === null) || (node.type === 'array' && node.items.length === 0);
        if (empty || (node && node.type !== 'array')) {
          const plain = !!node && node.type === 'scalar' && typeof node.value === 'string' && !/^[|>]/.test(text.slice(node.start, node.end));
          ctx.report(file, {
            start: decl.item.start,
            end: decl.item.end,
            code: 'rasa/response-no-variations',
            message: empty
              ? `The response '${name}' in the domain file does not have any variations. Add at least one, for example \`- text: "…"\`, or remove the response.`
              : `The response '${name}' is not a list of variations${plain ? ': a response is written as `- text: "…"`, one item per variation' : ''}.`,
            ...withFixes(plain ? [{ title: 'Make it a variation with this text', preferred: true, edits: [{ file, start: node.start, end: node.end, newText: `[{ text: ${text.slice(node.start, node.end)} }]` }] }] : []),
          });
          continue;
        }
        for (const v of decl.variations) {
          if (v.node.type === 'scalar' && typeof v.node.value === 'string') {
            const source = text.slice(v.node.start, v.node.end);
            const block = /^[|>]/.test(source);
            const finding: Finding = {
              start: v.node.start,
              end: v.node.end,
              code: 'rasa/response-no-text',
              message: `Missing 'text' or 'custom' key in response '${name}': a variation is a mapping, written \`- text: ${block ? '|' : source}\`.`,
            };
            if (!block) finding.fixes = [{ title: 'Write it as text: …', preferred: true, edits: [{ file, start: v.node.start, end: v.node.start, newText: 'text: ' }] }];
            ctx.report(file, finding);
            continue;
          }
          if (v.node.type === 'object' && !hasTextOrCustom(v.node)) {
            const firstKey = v.node.properties[0];
            ctx.report(file, {
              ...(firstKey ? { start: firstKey.keyStart, end: firstKey.keyEnd } : { start: v.node.start, end: v.node.end }),
              code: 'rasa/response-no-text',
              message: `Missing 'text' or 'custom' key in response or null 'text' value in response '${name}'. Every variation needs a \`text:\` (buttons, images and quick replies go beside it) or a non-empty \`custom:\` payload.`,
            });
          }
          for (const s of v.conditionSlots) {
            if (unsure || bot.slots.has(s.text) || DEFAULT_SLOTS.has(s.text)) continue;
            slotNames ??= [...bot.slots.keys()];
            const guess = guessName(s.text, slotNames);
            ctx.report(file, {
              start: s.start,
              end: s.end,
              code: 'rasa/response-condition-unknown-slot',
              message: `Detected invalid slot '${s.text}' in the condition of a variation of response '${name}': the slot is not listed in the domain slots.${didYouMean(guess)} Add the slot to the domain under slots:, or name an existing one; Rasa never picks this variation otherwise.`,
              ...withFixes(renameFixes(bot, file, s, guess)),
            });
          }
        }
      }
    }
  },
};
