// Hover in a Rasa project: a response shows its variations (text, custom payloads, buttons,
// conditions, channels) and where it is defined; an intent its examples; a slot its type and
// mappings; a form its required slots; an entity its roles; an action, a flow, a story or a
// rule what they are.
import type { Hover, Node, WorkspaceView } from '../../../definitions/index';
import { lineOf } from '../../../definitions/features/lines';
import { DEFAULT_ACTIONS, DEFAULT_INTENTS, DEFAULT_PATTERNS, PATTERN_RESPONSES } from '../builtins';
import { DEFAULT_SLOTS } from '../dialogue';
import { asArray, asObject, prop } from '../facts';
import type { ResponseDecl, SlotDecl } from '../facts';
import type { InFile, RasaBot } from '../model';
import type { Target } from './locate';
import { definitionsOf, exampleCount, flowsTriggeredBy, nluItemsOf, relPath, responseGroup, subIntentsOf, symbolAt } from './locate';

/** How many examples and variations a hover shows. */
const SHOWN = 5;

/** The hover for an offset, or undefined when there is nothing to say. */
export function hover(ws: WorkspaceView, file: string, offset: number): Hover | undefined {
  const at = symbolAt(ws, file, offset);
  if (!at) return undefined;
  const contents = describe(ws, at.bot, at.target);
  if (!contents) return undefined;
  const r = at.retrieval;
  // On a retrieval name `faq/ask_x` or `utter_faq/ask_x`, the part under the cursor.
  return r?.sub !== undefined ? { contents, start: r.start, end: r.end } : { contents, start: at.start, end: at.end };
}

/** Markdown that says what a name of the project is. */
export function describe(ws: WorkspaceView, bot: RasaBot, t: Target): string | undefined {
  switch (t.kind) {
    case 'response':
      return responseText(ws, bot, t.name);
    case 'intent':
      return intentText(ws, bot, t.name);
    case 'slot':
      return slotText(ws, bot, t.name);
    case 'form':
      return formText(ws, bot, t.name);
    case 'entity':
      return entityText(ws, bot, t.name);
    case 'action':
      return actionText(ws, bot, t.name);
    case 'flow':
      return flowText(ws, bot, t.name);
    case 'story':
    case 'rule':
      return storyText(ws, bot, t);
    default:
      return undefined;
  }
}

/** Inline code, safe for any name. */
const code = (s: string): string => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

/** Markdown-quoted text on one line. */
const quote = (s: string): string => s.replace(/\s+/g, ' ').trim().replace(/([\\*_[\]<>#|])/g, '\\$1');

function where(ws: WorkspaceView, bot: RasaBot, file: string, offset: number): string {
  const doc = ws.getDocument(file);
  return `${code(relPath(bot, file))}${doc ? ` line ${lineOf(doc, offset) + 1}` : ''}`;
}

function definedIn(ws: WorkspaceView, bot: RasaBot, t: Target): string | undefined {
  const defs = definitionsOf(bot, t);
  if (!defs.length) return undefined;
  const places = defs.slice(0, 3).map((d) => where(ws, bot, d.file, d.start));
  return `Defined in ${places.join(', ')}${defs.length > 3 ? ` and ${defs.length - 3} more` : ''}.`;
}

function scalarText(n: Node | null | undefined): string | undefined {
  return n && n.type === 'scalar' && n.value !== null ? String(n.value) : undefined;
}

/** One response variation on one line: its text, and what else it holds. */
function variationLine(v: Node): string {
  const parts: string[] = [];
  const text = scalarText(prop(v, 'text')?.value);
  if (text !== undefined) parts.push(`“${quote(text)}”`);
  if (prop(v, 'custom')) parts.push('custom');
  if (prop(v, 'image')) parts.push('image');
  if (prop(v, 'attachment')) parts.push('attachment');
  const buttons = (asArray(prop(v, 'buttons')?.value)?.items ?? []).map((b) => scalarText(prop(b, 'title')?.value) ?? scalarText(prop(b, 'payload')?.value) ?? '?');
  if (buttons.length) parts.push(`buttons: ${buttons.map(quote).join(', ')}`);
  const quick = asArray(prop(v, 'quick_replies')?.value)?.items.length;
  if (quick) parts.push(`${quick} quick replies`);
  const channel = scalarText(prop(v, 'channel')?.value);
  if (channel) parts.push(`channel ${code(channel)}`);
  const cond = prop(v, 'condition')?.value;
  const conditions = (asArray(cond)?.items ?? []).map((c) => {
    const name = scalarText(prop(c, 'name')?.value) ?? '?';
    const value = prop(c, 'value')?.value;
    return `${name} = ${value && value.type === 'scalar' ? JSON.stringify(value.value) : '…'}`;
  });
  const predicate = scalarText(cond);
  if (predicate) conditions.push(predicate);
  if (conditions.length) parts.push(`if ${code(conditions.join(' and '))}`);
  if (!parts.length) parts.push(asObject(v) ? 'no text' : quote(scalarText(v) ?? '?'));
  return parts.join(' · ');
}

function variations(r: ResponseDecl): string[] {
  const lines = r.variations.slice(0, SHOWN).map((v, i) => `${i + 1}. ${variationLine(v.node)}`);
  if (r.variations.length > SHOWN) lines.push(`… and ${r.variations.length - SHOWN} more variations`);
  return lines;
}

function responseText(ws: WorkspaceView, bot: RasaBot, name: string): string {
  const decls = bot.responses.get(name);
  const out: string[] = [`**response** ${code(name)}`];
  if (decls?.length) {
    const r = decls[0]!;
    const n = r.decl.variations.length;
    out.push(`${n} variation${n === 1 ? '' : 's'}${n > 1 ? ', one picked at random' : ''}:`);
    out.push(variations(r.decl).join('\n'));
    out.push(`Defined in ${where(ws, bot, r.file, r.decl.item.start)}.`);
    if (decls.length > 1) out.push(`Also defined in ${decls.slice(1).map((d) => where(ws, bot, d.file, d.decl.item.start)).join(', ')}: Rasa keeps the first.`);
    return out.join('\n\n');
  }
  const group = responseGroup(bot, name);
  if (group.length) {
    out[0] = `**retrieval responses** ${code(name)}`;
    out.push(`The response selector picks one of ${group.length}, by the sub-intent the user's message is classified as:`);
    out.push(
      group
        .slice(0, 12)
        .map((g) => {
          const first = bot.responses.get(g)?.[0]?.decl.variations[0];
          return `- ${code(g.slice(name.length + 1))}${first ? ` — ${variationLine(first.node)}` : ''}`;
        })
        .join('\n') + (group.length > 12 ? `\n- … and ${group.length - 12} more` : ''),
    );
    return out.join('\n\n');
  }
  if (bot.actions.has(name)) return actionText(ws, bot, name);
  if (PATTERN_RESPONSES.has(name)) out.push("A response of Rasa's default patterns: Rasa provides it unless the domain defines its own.");
  else out.push('Not defined in this project. Add it to the domain under `responses:`.');
  return out.join('\n\n');
}

function intentText(ws: WorkspaceView, bot: RasaBot, name: string): string {
  const out: string[] = [`**intent** ${code(name)}`];
  const items = nluItemsOf(bot, name);
  const count = exampleCount(bot, name);
  const subs = subIntentsOf(bot, name);
  if (subs.length) out.push(`Retrieval intent with ${subs.length} sub-intent${subs.length === 1 ? '' : 's'}: ${subs.slice(0, 8).map((s) => code(`${name}/${s}`)).join(', ')}${subs.length > 8 ? ', …' : ''}.`);
  if (count) {
    const files = [...new Set(items.map((i) => relPath(bot, i.file)))];
    out.push(`${count} example${count === 1 ? '' : 's'} in ${files.slice(0, 3).map(code).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more files` : ''}:`);
    const shown: string[] = [];
    for (const it of items) {
      for (const ex of it.decl.examples) {
        if (shown.length >= SHOWN) break;
        shown.push(`- ${quote(ex.text)}`);
      }
      if (shown.length >= SHOWN) break;
    }
    if (count > shown.length) shown.push(`- …`);
    out.push(shown.join('\n'));
  } else if (DEFAULT_INTENTS.has(name)) out.push("One of Rasa's default intents: every domain has it, examples are optional.");
  else out.push('No training examples. Add an nlu item `- intent: ' + name + '` with examples.');
  const decl = bot.intents.get(name)?.[0]?.decl;
  if (decl?.useEntities.length) out.push(`Uses the entities ${decl.useEntities.map((e) => code(e.text)).join(', ')}.`);
  const flows = flowsTriggeredBy(bot, name);
  if (flows.length) out.push(`Starts the flow${flows.length === 1 ? '' : 's'} ${flows.map(code).join(', ')} (nlu_trigger).`);
  const d = definedIn(ws, bot, { kind: 'intent', name });
  if (d) out.push(d.replace('Defined', 'Declared'));
  else if (!DEFAULT_INTENTS.has(name)) out.push('Not declared in the domain. Add it under `intents:`.');
  return out.join('\n\n');
}

function mappingLine(m: SlotDecl['mappings'][number]): string {
  const parts = [m.type ? code(m.type.text) : '(no type)'];
  if (m.entity) parts.push(`entity ${code(m.entity.text)}${m.role ? ` role ${code(m.role.text)}` : ''}`);
  if (m.intents.length) parts.push(`intent ${m.intents.map((i) => code(i.text)).join(', ')}`);
  if (m.action) parts.push(`action ${code(m.action.text)}`);
  const value = prop(m.node, 'value')?.value;
  if (value && value.type === 'scalar') parts.push(`value ${code(JSON.stringify(value.value))}`);
  for (const c of m.conditions) parts.push(`when ${c.form ? `${code(c.form.text)} is active` : 'no form is active'}${c.requestedSlot ? ` and asks for ${code(c.requestedSlot.text)}` : ''}`);
  return `- ${parts.join(' · ')}`;
}

function slotText(ws: WorkspaceView, bot: RasaBot, name: string): string {
  const decls = bot.slots.get(name);
  const out: string[] = [`**slot** ${code(name)}`];
  const s = decls?.[0]?.decl;
  if (!s) {
    out.push(DEFAULT_SLOTS.has(name) ? "One of Rasa's default slots: Rasa adds it to every domain." : 'Not declared in the domain. Add it under `slots:`.');
    return out.join('\n\n');
  }
  const facts: string[] = [`Type ${s.type ? code(s.type.text) : '(none)'}`];
  if (s.values.length) facts.push(`values ${s.values.slice(0, 10).map(code).join(', ')}${s.values.length > 10 ? ', …' : ''}`);
  const influence = prop(s.node, 'influence_conversation')?.value;
  if (influence && influence.type === 'scalar' && influence.value === false) facts.push('does not influence the conversation');
  const initial = prop(s.node, 'initial_value')?.value;
  if (initial && initial.type === 'scalar') facts.push(`initial value ${code(JSON.stringify(initial.value))}`);
  out.push(`${facts.join(', ')}.`);
  if (s.mappings.length) out.push(`Mappings:\n${s.mappings.map(mappingLine).join('\n')}`);
  else out.push('No mappings.');
  const forms = [...bot.forms].filter(([, fs]) => fs.some((f) => f.decl.requiredSlots.some((r) => r.text === name))).map(([f]) => code(f));
  if (forms.length) out.push(`Required by ${forms.join(', ')}.`);
  out.push(`Defined in ${where(ws, bot, decls![0]!.file, s.item.start)}.`);
  return out.join('\n\n');
}

function formText(ws: WorkspaceView, bot: RasaBot, name: string): string {
  const f = bot.forms.get(name)?.[0];
  const out: string[] = [`**form** ${code(name)}`];
  if (!f) {
    out.push('Not defined in this project. Add it to the domain under `forms:`.');
    return out.join('\n\n');
  }
  const req = f.decl.requiredSlots;
  out.push(req.length ? `Asks for ${req.length} slot${req.length === 1 ? '' : 's'}, in order: ${req.map((r) => code(r.text)).join(' → ')}.` : 'Requires no slots.');
  if (f.decl.ignoredIntents.length) out.push(`Ignores the intents ${f.decl.ignoredIntents.map((i) => code(i.text)).join(', ')}.`);
  if (bot.actions.has(`validate_${name}`)) out.push(`Validated by ${code(`validate_${name}`)}.`);
  out.push(`Defined in ${where(ws, bot, f.file, f.decl.item.start)}.`);
  return out.join('\n\n');
}

function entityText(ws: WorkspaceView, bot: RasaBot, name: string): string {
  const e = bot.entities.get(name)?.[0];
  const out: string[] = [`**entity** ${code(name)}`];
  if (!e) {
    out.push('Not declared in the domain. Add it under `entities:`, or Rasa drops it from training.');
    return out.join('\n\n');
  }
  if (e.decl.roles.length) out.push(`Roles: ${e.decl.roles.map((r) => code(r.text)).join(', ')}.`);
  if (e.decl.groups.length) out.push(`Groups: ${e.decl.groups.map((g) => code(g.text)).join(', ')}.`);
  const slots = [...bot.slots].filter(([, ss]) => ss.some((s) => s.decl.mappings.some((m) => m.entity?.text === name))).map(([s]) => code(s));
  if (slots.length) out.push(`Fills the slot${slots.length === 1 ? '' : 's'} ${slots.join(', ')}.`);
  out.push(`Declared in ${where(ws, bot, e.file, e.decl.item.start)}.`);
  return out.join('\n\n');
}

function actionText(ws: WorkspaceView, bot: RasaBot, name: string): string {
  const a: InFile<unknown> | undefined = bot.actions.get(name)?.[0];
  if (a) {
    const out = [`**custom action** ${code(name)}`, 'Run by the action server (or `actions_module`).'];
    if (name.startsWith('validate_') && bot.forms.has(name.slice('validate_'.length))) out.push(`Validates the form ${code(name.slice('validate_'.length))}.`);
    const d = definedIn(ws, bot, { kind: 'action', name });
    if (d) out.push(d.replace('Defined', 'Declared'));
    return out.join('\n\n');
  }
  if (DEFAULT_ACTIONS.has(name)) return `**default action** ${code(name)}\n\nOne of Rasa's default actions: every assistant has it.`;
  return `**action** ${code(name)}\n\nNot declared in this project. Add it to the domain under \`actions:\`, or define a response or form of that name.`;
}

function flowText(ws: WorkspaceView, bot: RasaBot, name: string): string {
  const f = bot.flows.find((x) => x.decl.id.text === name);
  const out: string[] = [`**flow** ${code(name)}`];
  if (!f) {
    out.push(DEFAULT_PATTERNS.has(name) ? "One of Rasa's default patterns." : 'Not defined in this project.');
    return out.join('\n\n');
  }
  if (f.decl.name && f.decl.name.text !== name) out.push(`“${quote(f.decl.name.text)}”`);
  if (f.decl.description) out.push(quote(f.decl.description.text));
  const steps = f.decl.steps.map((s) => (s.target ? `${s.kind} ${code(s.target.text)}` : s.kind));
  out.push(`Steps: ${steps.slice(0, 8).join(' → ')}${steps.length > 8 ? ' → …' : ''}`);
  if (f.decl.nluTriggers.length) out.push(`Started by the intent${f.decl.nluTriggers.length === 1 ? '' : 's'} ${f.decl.nluTriggers.map((t) => code(t.text)).join(', ')}.`);
  if (DEFAULT_PATTERNS.has(name)) out.push("Overrides Rasa's default pattern of that name.");
  out.push(`Defined in ${where(ws, bot, f.file, f.decl.id.start)}.`);
  return out.join('\n\n');
}

function storyText(ws: WorkspaceView, bot: RasaBot, t: Target): string | undefined {
  const all = [...bot.stories, ...bot.tests];
  const s = all.find((x) => x.decl.kind === t.kind && x.decl.name.text === t.name);
  if (!s) return undefined;
  const steps = s.decl.steps.map((st) => (st.name ? code(st.name.text) : st.kind)).filter((x) => x !== 'other');
  const out = [`**${t.kind}** “${quote(t.name)}”`, `${s.decl.steps.length} steps: ${steps.slice(0, 10).join(' → ')}${steps.length > 10 ? ' → …' : ''}`];
  out.push(`In ${where(ws, bot, s.file, s.decl.name.start)}.`);
  return out.join('\n\n');
}

/** A response's first variation and its list of variations, kept with the file's facts (they live until the file changes). */
const summaries = new WeakMap<ResponseDecl, { first?: string; list: string }>();

/** The first variation of a response on one line, and the markdown list of its variations, for completion. */
export function responseSummary(bot: RasaBot, name: string): { first?: string; list: string } | undefined {
  const r = bot.responses.get(name)?.[0]?.decl;
  if (!r) return undefined;
  let s = summaries.get(r);
  if (!s) {
    const v = r.variations[0];
    s = v ? { first: variationLine(v.node), list: variations(r).join('\n') } : { list: '' };
    summaries.set(r, s);
  }
  return s;
}
