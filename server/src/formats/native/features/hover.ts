// Hover: what a name is, where it is defined, and its essentials (utterances per locale,
// slots, texts); on a key, what the key means.
import { nativeBotOf } from '../model/bot';
import type { Hover } from '../../../definitions/features/types';
import { getProperty, nodeAt, pathOf, stringValue } from '../../../definitions/parse/tree';
import type { Node } from '../../../definitions/parse/tree';
import type { NativeBot } from '../model/bot';
import { BUILTIN_SLOT_TYPES, EVENTS } from '../model/builtins';
import type { Definition } from '../../../definitions/model/symbols';
import type { WorkspaceView } from '../../../definitions/features/types';
import { schemaAt } from '../schema/schema';
import { lineOf } from '../../../definitions/features/lines';
import { definitionsFor, symbolAt } from './locate';


/** The hover for an offset, or undefined when there is nothing to say. */
export function hover(ws: WorkspaceView, file: string, offset: number): Hover | undefined {
  const at = symbolAt(ws, file, offset);
  if (at) {
    const body = describe(ws, at.bot, at.kind, at.name, definitionsFor(at));
    if (body) return { contents: body, start: at.start, end: at.end };
  }
  const doc = nativeBotOf(ws, file) && ws.getDocument(file);
  if (!doc) return undefined;
  const hit = nodeAt(doc.root, offset);
  if (hit?.keyOf) {
    const p = hit.keyOf;
    const schema = schemaAt([...pathOf(p.parent), p.key]);
    if (schema?.description) return { contents: `**${p.key}**\n\n${schema.description}`, start: p.keyStart, end: p.keyEnd };
  }
  return undefined;
}

function where(ws: WorkspaceView, bot: NativeBot, d: Definition): string {
  const rel = bot.dir === '' ? d.file : d.file.slice(bot.dir.length + 1);
  const doc = ws.getDocument(d.file);
  return `Defined in \`${rel}\`${doc ? ` line ${lineOf(doc, d.start) + 1}` : ''}.`;
}

/** The mapping a definition's name sits in (`name: x`), or the value of a keyed entry (responses, variables). */
function ownerOf(ws: WorkspaceView, d: Definition): Node | undefined {
  const doc = ws.getDocument(d.file);
  const hit = doc && nodeAt(doc.root, d.start);
  if (!hit) return undefined;
  if (hit.keyOf) return hit.keyOf.value ?? undefined;
  return hit.node.parent ?? undefined;
}

function describe(ws: WorkspaceView, bot: NativeBot, kind: string, name: string, defs: Definition[]): string | undefined {
  const d = defs[0];
  const lines: string[] = [];
  switch (kind) {
    case 'intent': {
      lines.push(`**intent** \`${name}\``);
      const intent = bot.intents.find((i) => i.def === d);
      if (intent) {
        const desc = stringValue(getProperty(intent.node, 'description')?.value);
        if (desc) lines.push(desc);
        const counts = (intent.utterances?.entries ?? []).map((e) => `${e.locale}: ${e.texts.length}`);
        lines.push(`Utterances — ${counts.length ? counts.join(', ') : 'none'}`);
        if (intent.slots.length) lines.push(`Slots — ${intent.slots.map((s) => `\`${s.def.name}\`${s.type ? ` (${s.type.text})` : ''}${s.required ? ' required' : ''}`).join(', ')}`);
      }
      const flows = bot.flows.filter((f) => f.trigger?.kind === 'intent' && f.trigger.item.text === name).map((f) => `\`${f.def.name}\``);
      lines.push(flows.length ? `Handled by the flow ${flows.join(', ')}.` : 'No flow is triggered by it.');
      break;
    }
    case 'slot': {
      const slot = bot.intents.flatMap((i) => i.slots).find((s) => s.def === d);
      lines.push(`**slot** \`${name}\`${slot ? ` of the intent \`${slot.intent}\`` : ''}`);
      if (slot?.type) lines.push(`Type \`${slot.type.text}\`${slot.required ? ', required' : ''}.`);
      const prompt = slot?.prompt?.entries.find((e) => e.locale === bot.defaultLocale) ?? slot?.prompt?.entries[0];
      if (prompt?.texts[0]) lines.push(`Prompt (${prompt.locale}): “${prompt.texts[0].text}”`);
      if (defs.length > 1) lines.push(`Also a slot of ${defs.slice(1).map((x) => `\`${x.container}\``).join(', ')}.`);
      break;
    }
    case 'slotType': {
      const builtin = BUILTIN_SLOT_TYPES.get(name);
      if (builtin) return `**built-in slot type** \`${name}\`\n\n${builtin}`;
      lines.push(`**slot type** \`${name}\``);
      const st = bot.slotTypes.find((s) => s.def === d);
      if (st) {
        const values = st.values.map((v) => `\`${v.value.text}\``);
        lines.push(`Values — ${values.slice(0, 12).join(', ')}${values.length > 12 ? `, … (${values.length})` : ''}`);
      }
      break;
    }
    case 'response': {
      lines.push(`**response** \`${name}\``);
      const r = bot.responses.find((x) => x.def === d);
      const entry = r?.map?.entries.find((e) => e.locale === bot.defaultLocale) ?? r?.map?.entries[0];
      if (entry) for (const t of entry.texts.slice(0, 3)) lines.push(`> ${t.text} _(${entry.locale})_`);
      if (r?.map) lines.push(`Locales — ${r.map.entries.map((e) => e.locale).join(', ')}`);
      break;
    }
    case 'function': {
      lines.push(`**function** \`${name}\``);
      const n = d && ownerOf(ws, d);
      if (n && n.type === 'object') {
        const method = stringValue(getProperty(n, 'method')?.value) ?? 'GET';
        const url = stringValue(getProperty(n, 'url')?.value);
        if (url) lines.push(`\`${method} ${url}\``);
      }
      break;
    }
    case 'flow': {
      lines.push(`**flow** \`${name}\``);
      const f = bot.flows.find((x) => x.def === d);
      if (f) {
        lines.push(f.trigger ? `Triggered by the ${f.trigger.kind} \`${f.trigger.item.text}\`.` : 'No trigger: runs when another flow goes to it.');
        lines.push(`Steps — ${f.steps.map((s) => (s.action ? `${s.action}${s.target ? ` ${s.target.text}` : ''}` : '?')).join(' → ') || 'none'}`);
      }
      break;
    }
    case 'variable': {
      lines.push(`**variable** \`${name}\``);
      const value = d && ownerOf(ws, d);
      if (value && value.type === 'scalar') lines.push(`Value in every environment: \`${String(value.value)}\``);
      else if (value && value.type === 'object') {
        const dflt = getProperty(value, 'default')?.value;
        if (dflt && dflt.type === 'scalar') lines.push(`Default: \`${String(dflt.value)}\``);
        const envs = getProperty(value, 'environments')?.value;
        if (envs && envs.type === 'object') for (const e of envs.properties) if (e.value?.type === 'scalar') lines.push(`- ${e.key}: \`${String(e.value.value)}\``);
      }
      break;
    }
    case 'locale':
      lines.push(`**locale** \`${name}\`${name === bot.defaultLocale ? ' (the default)' : ''}`);
      if (!bot.locales.includes(name)) lines.push(`Not declared in bot.locales (${bot.locales.join(', ')}).`);
      break;
    case 'event': {
      const e = EVENTS.get(name);
      return e ? `**event** \`${name}\`\n\n${e}` : undefined;
    }
    default:
      return undefined;
  }
  if (d) lines.push(where(ws, bot, d));
  else lines.push('Not defined in this bot.');
  return lines.join('\n\n');
}
