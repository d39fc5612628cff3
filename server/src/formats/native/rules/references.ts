// Every name a step, trigger, slot or string uses must resolve in the bot. Unknown names
// get a did-you-mean fix and, for responses and variables, a fix that creates them.
import { addProperty, addSection } from '../../../definitions/edits';
import type { PlainValue } from '../../../definitions/edits';
import { namesOf } from '../model/bot';
import type { NativeBot } from '../model/bot';
import { BUILTIN_SLOT_TYPES } from '../model/builtins';
import type { Reference, SymbolKind } from '../../../definitions/model/symbols';
import { symbolKey } from '../../../definitions/model/symbols';
import { closest, requote } from '../../../definitions/text/didYouMean';
import type { Fix } from '../../../definitions/types';
import type { FileRule, FileRuleContext } from './types';

const CODE: Partial<Record<SymbolKind, string>> = {
  intent: 'ref/unknown-intent',
  slot: 'ref/unknown-slot',
  slotType: 'ref/unknown-slot-type',
  response: 'ref/unknown-response',
  function: 'ref/unknown-function',
  flow: 'ref/unknown-flow',
  variable: 'ref/unknown-variable',
};

const WHAT: Partial<Record<SymbolKind, string>> = {
  intent: 'Define the intent under intents, or trigger the flow with an existing one.',
  slot: 'Add the slot to the intent, or ask for an existing one.',
  slotType: `Define it under slotTypes, or use a built-in type (${[...BUILTIN_SLOT_TYPES.keys()].slice(0, 4).join(', ')}, …).`,
  response: 'Create it under responses, or say an existing one.',
  function: 'Define it under functions, or call an existing one.',
  flow: 'Define the flow, or go to an existing one.',
  variable: 'Define it under variables in the manifest, or use an existing one.',
};

export const referencesRule: FileRule = {
  codes: [...Object.values(CODE), 'ref/unknown-placeholder'],
  check(ctx) {
    const { bot } = ctx;
    for (const ref of ctx.doc.facts.refs) {
      if (ref.kind === 'locale' || ref.kind === 'event') continue;
      if (ref.kind === 'slot') {
        checkSlot(ctx, ref);
        continue;
      }
      if (bot.defs.has(ref.key)) continue;
      if (ref.kind === 'slotType' && BUILTIN_SLOT_TYPES.has(ref.name)) continue;
      const candidates = ref.kind === 'slotType' ? [...namesOf(bot, 'slotType'), ...BUILTIN_SLOT_TYPES.keys()] : namesOf(bot, ref.kind);
      const guess = closest(ref.name, candidates);
      const fixes = renameFix(ctx, ref, guess);
      if (ref.kind === 'response') fixes.push(createFix(bot, ref, 'responses', Object.fromEntries(localesFor(bot).map((l) => [l, ['TODO']]))));
      if (ref.kind === 'variable') fixes.push(createFix(bot, ref, 'variables', { default: 'TODO' }, true));
      ctx.report({
        start: ref.start,
        end: ref.end,
        code: CODE[ref.kind]!,
        message: `Unknown ${kindWord(ref.kind)} "${ref.name}".${guess ? ` Did you mean "${guess}"?` : ''} ${WHAT[ref.kind]}`,
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
};

function kindWord(kind: SymbolKind): string {
  return kind === 'slotType' ? 'slot type' : kind;
}

function localesFor(bot: NativeBot): string[] {
  return bot.locales.length ? bot.locales : ['en-US'];
}

function renameFix(ctx: FileRuleContext, ref: Reference, guess: string | undefined): Fix[] {
  if (!guess) return [];
  const text = ctx.bot.docs.get(ref.file)!.doc.text;
  return [{ title: `Change to "${guess}"`, preferred: true, edits: [{ file: ref.file, start: ref.start, end: ref.end, newText: requote(text, ref.start, ref.end, guess) }] }];
}

/** Creates the missing definition where its kind already lives: the referring file, else the first file that has the section. */
function createFix(bot: NativeBot, ref: Reference, section: 'responses' | 'variables', value: PlainValue, manifestOnly = false): Fix {
  const order = manifestOnly ? [bot.manifest] : [ref.file, ...bot.files];
  for (const file of order) {
    const bd = bot.docs.get(file)!;
    const node = bd.facts.sections.get(section)?.value;
    if (node && node.type === 'object') {
      return { title: `Create ${section === 'responses' ? 'response' : 'variable'} "${ref.name}" in ${baseName(file)}`, edits: [addProperty(bd.doc, node, ref.name, value)] };
    }
  }
  const target = bot.docs.get(manifestOnly ? bot.manifest : ref.file)!;
  return { title: `Create ${section === 'responses' ? 'response' : 'variable'} "${ref.name}" in ${baseName(target.doc.path)}`, edits: [addSection(target.doc, section, { [ref.name]: value })] };
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function checkSlot(ctx: FileRuleContext, ref: Reference): void {
  const { bot } = ctx;
  const scoped = ref.scope !== undefined ? bot.slotsByIntent.get(ref.scope) : undefined;
  if (ref.role === 'placeholder' && ref.scope !== undefined) {
    // In an utterance or a prompt, only the intent's own slots can be filled.
    if (scoped?.has(ref.name)) return;
    const guess = closest(ref.name, scoped ? scoped.keys() : []);
    const fixes = renameFix(ctx, ref, guess);
    ctx.report({
      start: ref.start,
      end: ref.end,
      code: 'ref/unknown-placeholder',
      message: `The intent ${ref.scope} has no slot "${ref.name}".${guess ? ` Did you mean "${guess}"?` : ''} Add it to the intent's slots, or fix the placeholder.`,
      ...(fixes.length ? { fixes } : {}),
    });
    return;
  }
  if (scoped?.has(ref.name) || bot.defs.has(symbolKey('slot', ref.name))) return;
  const guess = closest(ref.name, scoped && scoped.size ? scoped.keys() : namesOf(bot, 'slot'));
  const fixes = renameFix(ctx, ref, guess);
  const placeholder = ref.role === 'placeholder';
  ctx.report({
    start: ref.start,
    end: ref.end,
    code: placeholder ? 'ref/unknown-placeholder' : 'ref/unknown-slot',
    message: placeholder
      ? `No intent of this bot has a slot "${ref.name}".${guess ? ` Did you mean "${guess}"?` : ''} Fix the placeholder, or add the slot to an intent.`
      : `Unknown slot "${ref.name}"${ref.scope ? ` (the flow's intent ${ref.scope} has no such slot)` : ''}.${guess ? ` Did you mean "${guess}"?` : ''} ${WHAT.slot}`,
    ...(fixes.length ? { fixes } : {}),
  });
}
