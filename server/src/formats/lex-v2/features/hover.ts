// Hover in a Lex V2 export: an intent shows its sample utterances in every locale of the bot
// (so a missing translation shows at a glance) and its slots; a slot its type and prompt; a
// slot type its values and synonyms; a dialog action what it does.
import type { Hover, WorkspaceView } from '../../../definitions/index';
import { namesIn } from '../model';
import type { LexBot, LexIntent } from '../model';
import { targetAt } from './locate';
import type { Target } from './locate';

/** How many utterances and values a hover shows per locale. */
const SHOWN = 8;

const code = (s: string): string => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);
const quote = (s: string): string => s.replace(/\s+/g, ' ').trim().replace(/([\\*_[\]<>#|`])/g, '\\$1');

const ACTIONS: Record<string, string> = {
  ElicitSlot: 'asks for the slot `slotToElicit`',
  StartIntent: 'starts the intent `intent.name`',
  EndConversation: 'ends the conversation',
  InvokeDialogCodeHook: 'runs the dialog code hook (Lambda)',
  ConfirmIntent: 'asks the intent’s confirmation prompt',
  FulfillIntent: 'fulfills the intent',
  EvaluateConditional: 'evaluates the conditional branches',
  CloseIntent: 'closes the intent with its closing response',
  ElicitIntent: 'asks what the user wants next',
};

export function hover(ws: WorkspaceView, file: string, offset: number): Hover | undefined {
  const at = targetAt(ws, file, offset);
  if (!at) return undefined;
  const contents = describe(at.ctx.bot, at.ctx.locale?.id, at.target);
  return contents ? { contents, start: at.target.start, end: at.target.end } : undefined;
}

function describe(bot: LexBot, localeId: string | undefined, t: Target): string | undefined {
  switch (t.kind) {
    case 'intent':
      return intentText(bot, t.name);
    case 'slot':
      return slotText(t.intent, t.name);
    case 'slotType': {
      if (t.name.startsWith('AMAZON.')) return `**${code(t.name)}** — built-in slot type`;
      const locale = localeId ? bot.byLocale.get(localeId) : undefined;
      const type = locale ? namesIn(locale).types.get(t.name)?.[0] : undefined;
      if (!type) return undefined;
      const values = type.facts.values.filter((v) => v.value);
      const lines = values.slice(0, SHOWN).map((v) => `- ${quote(v.value!.text)}${v.synonyms.length ? ` (${v.synonyms.map((s) => quote(s.text)).join(', ')})` : ''}`);
      return [`**${code(t.name)}** — slot type of ${localeId}, ${values.length} value${values.length === 1 ? '' : 's'}`, '', ...lines, ...(values.length > SHOWN ? [`- … ${values.length - SHOWN} more`] : [])].join('\n');
    }
    case 'action':
      return ACTIONS[t.name] ? `**${code(t.name)}** — ${ACTIONS[t.name]}` : undefined;
  }
}

function intentText(bot: LexBot, name: string): string | undefined {
  const parts: string[] = [];
  let found = false;
  for (const locale of bot.byLocale.values()) {
    const intent = namesIn(locale).intents.get(name)?.[0];
    if (!intent?.file) {
      if (parts.length) parts.push('');
      parts.push(`**${locale.id}** — no such intent (a missing translation?)`);
      continue;
    }
    found = true;
    const f = intent.file.facts;
    const sig = f.parentIntentSignature ? ` (${code(f.parentIntentSignature.text)})` : '';
    const slots = intent.slots.flatMap((s) => (s.facts.name ? [code(s.facts.name.text)] : []));
    if (parts.length) parts.push('');
    parts.push(`**${locale.id}**${sig} — ${f.utterances.length} utterance${f.utterances.length === 1 ? '' : 's'}${slots.length ? `; slots ${slots.join(', ')}` : ''}`);
    for (const u of f.utterances.slice(0, SHOWN)) parts.push(`- ${quote(u.text)}`);
    if (f.utterances.length > SHOWN) parts.push(`- … ${f.utterances.length - SHOWN} more`);
  }
  if (!found) return undefined;
  return [`**${code(name)}** — intent`, '', ...parts].join('\n');
}

function slotText(intent: LexIntent | undefined, name: string): string | undefined {
  const slot = intent?.slots.find((s) => s.facts.name?.text === name);
  if (!slot) return undefined;
  const type = slot.facts.slotTypeName?.text;
  const prompt = slot.facts.messages[0]?.text;
  return [`**${code(name)}** — slot of ${code(intent!.file?.facts.name?.text ?? intent!.folder)}${type ? `, type ${code(type)}` : ''}`, ...(prompt ? ['', `Prompt: ${quote(prompt)}`] : [])].join('\n');
}
