// Completion in a Rasa project: the names a story, rule, test, flow, nlu item or the domain
// expects where it names them — intents after `intent:`, actions, responses and forms after
// `action:`, forms after `active_loop:`, slots in `slot_was_set`, `required_slots`,
// `collect:` and `{placeholders}`, entities in mappings and `[text](…)` annotations, flows
// after `link:` / `call:`, responses after `utter:`, step ids after `next:`; in the domain,
// the names used but not declared yet.
import type { CompletionItem, CompletionResult, WorkspaceView } from '../../../definitions/index';
import { DEFAULT_ACTIONS, DEFAULT_INTENTS, DEFAULT_PATTERNS, MAPPING_TYPES, PATTERN_RESPONSES, SLOT_TYPES } from '../builtins';
import { spanned, prop } from '../facts';
import type { RasaFacts } from '../facts';
import type { RasaBot } from '../model';
import { cursorContext } from './context';
import type { CursorContext } from './context';
import { responseSummary } from './hover';
import { exampleCount, rasaFile, relPath, responseGroup, subIntentsOf } from './locate';

const PRO_INTENTS: ReadonlySet<string> = new Set(['session_end', 'silence_timeout']);

const EMPTY = (offset: number): CompletionResult => ({ items: [], start: offset, end: offset });

/** A one-line detail, cut to a readable length. */
const short = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const plural = (n: number, word: string): string => `${n} ${n === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;

/** Completion items at an offset of a Rasa file. */
export function complete(ws: WorkspaceView, file: string, offset: number): CompletionResult {
  const rf = rasaFile(ws, file);
  if (!rf) return EMPTY(offset);
  const { bot, doc } = rf;
  const text = doc.doc.text;
  const inline = inlineCompletion(bot, doc.facts, text, offset);
  if (inline) return inline;
  const ctx = cursorContext(doc.doc, offset);
  if (!ctx) return EMPTY(offset);
  const items = itemsFor(bot, doc.facts, ctx, offset);
  return { items, start: ctx.start, end: ctx.end };
}

// ---- names inside texts: annotations, placeholders, predicates, payloads ----

function within(facts: RasaFacts, section: string, offset: number): boolean {
  const p = facts.sections.get(section);
  return !!p && offset >= p.start && offset <= p.end;
}

function inlineCompletion(bot: RasaBot, facts: RasaFacts, text: string, offset: number): CompletionResult | undefined {
  const lineStart = offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
  const before = text.slice(Math.max(lineStart, offset - 300), offset);
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_-]/.test(text[end]!)) end++;
  const result = (typed: string, items: CompletionItem[]): CompletionResult => ({ items, start: offset - typed.length, end });
  // Entity annotations in examples and in test stories' user texts: [words](entity…) and [words]{"entity": "…", "role": "…"}.
  if (within(facts, 'nlu', offset) || within(facts, 'stories', offset)) {
    const paren = /\[[^\]\n]*\]\(([A-Za-z0-9_-]*)$/.exec(before);
    if (paren) return result(paren[1]!, entityItems(bot));
    const json = /\[[^\]\n]*\]\{([^}\n]*)"(entity|role|group)"\s*:\s*"([A-Za-z0-9_-]*)$/.exec(before);
    if (json) {
      if (json[2] === 'entity') return result(json[3]!, entityItems(bot));
      const entity = /"entity"\s*:\s*"([^"]+)"/.exec(json[1]!)?.[1];
      const e = entity ? bot.entities.get(entity)?.[0]?.decl : undefined;
      const names = e ? (json[2] === 'role' ? e.roles : e.groups) : [];
      return result(json[3]!, names.map((r) => ({ label: r.text, kind: 'value', detail: `${json[2]} of ${entity}` })));
    }
  }
  if (within(facts, 'responses', offset)) {
    // Button payloads: /intent{…} and /SetSlots(slot=…).
    const set = /payload:\s*["']?\/SetSlots\((?:[^)\n]*,\s*)?([A-Za-z0-9_-]*)$/.exec(before);
    if (set) return result(set[1]!, slotItems(bot));
    const payload = /payload:\s*["']?\/([A-Za-z0-9_-]*)$/.exec(before);
    if (payload) return result(payload[1]!, intentItems(bot, { defaults: false, retrieval: false }));
    // {slot} placeholders in texts.
    const ph = /(?<!\{)\{([A-Za-z0-9_-]*)$/.exec(before);
    if (ph) return result(ph[1]!, slotItems(bot));
  }
  if (within(facts, 'flows', offset)) {
    const pred = /\bslots\.([A-Za-z0-9_-]*)$/.exec(before);
    if (pred) return result(pred[1]!, slotItems(bot));
  }
  return undefined;
}

// ---- names by where the cursor is ----

const STEP = String.raw`^(stories|rules)\.#\.(steps|condition)(\.#\.or)?\.#\.`;
const FLOW_STEP = String.raw`^flows\.[^.]+\.steps(\..+)?\.`;

function itemsFor(bot: RasaBot, facts: RasaFacts, ctx: CursorContext, offset: number): CompletionItem[] {
  const p = ctx.pattern;
  const is = (re: string) => new RegExp(re).test(p);
  if (ctx.mode === 'value') {
    // Stories, rules and tests.
    if (is(`${STEP}intent$`)) return intentItems(bot, { defaults: true, retrieval: true });
    if (is(`${STEP}action$`)) return actionItems(bot);
    if (is(`${STEP}active_loop$`)) return formItems(bot);
    if (is(`${STEP}slot_was_set\\.#\\.requested_slot$`)) return slotItems(bot);
    if (is(`${STEP}checkpoint$`)) return checkpointItems(bot);
    // NLU.
    if (p === 'nlu.#.intent') return intentItems(bot, { defaults: false, retrieval: true });
    if (p === 'nlu.#.lookup' || p === 'nlu.#.regex') return entityItems(bot);
    // Domain.
    if (is(String.raw`^slots\.[^.]+\.type$`)) return [...SLOT_TYPES].map((t) => ({ label: t, kind: 'value', detail: 'slot type' }));
    if (is(String.raw`^slots\.[^.]+\.mappings\.#\.type$`)) return [...MAPPING_TYPES].map(([t, req]) => ({ label: t, kind: 'value', detail: req ? `slot mapping · needs ${req}` : 'slot mapping' }));
    if (is(String.raw`^slots\.[^.]+\.mappings\.#\.entity$`)) return entityItems(bot);
    if (is(String.raw`^slots\.[^.]+\.mappings\.#\.(intent|not_intent)$`)) return intentItems(bot, { defaults: true, retrieval: false });
    if (is(String.raw`^slots\.[^.]+\.mappings\.#\.action$`)) return customActionItems(bot);
    if (is(String.raw`^slots\.[^.]+\.mappings\.#\.role$`)) return roleItems(bot, ctx);
    if (is(String.raw`^slots\.[^.]+\.mappings\.#\.conditions\.#\.active_loop$`)) return formItems(bot);
    if (is(String.raw`^slots\.[^.]+\.mappings\.#\.conditions\.#\.requested_slot$`)) return slotItems(bot);
    if (is(String.raw`^slots\.[^.]+\.validation\.(rejections\.#\.utter|refill_utter)$`)) return responseItems(bot);
    if (is(String.raw`^forms\.[^.]+\.ignored_intents$`)) return intentItems(bot, { defaults: true, retrieval: false });
    if (is(String.raw`^responses\.[^.]+\.#\.condition\.#\.name$`)) return slotItems(bot);
    // Flows.
    if (is(`${FLOW_STEP}collect$`)) return slotItems(bot);
    if (is(`${FLOW_STEP}action$`)) return actionItems(bot);
    if (is(`${FLOW_STEP}(utter|rejections\\.#\\.utter)$`)) return responseItems(bot);
    if (is(`${FLOW_STEP}link$`)) return flowItems(bot, facts, offset, true);
    if (is(`${FLOW_STEP}call$`)) return flowItems(bot, facts, offset, false);
    if (is(`${FLOW_STEP}(next|then|else)$`) || is(String.raw`^flows\.[^.]+\.steps(\..+)?\.next\.#\.(then|else)$`)) return stepIdItems(facts, offset);
    if (is(String.raw`^flows\.[^.]+\.nlu_trigger\.#\.intent(\.name)?$`)) return intentItems(bot, { defaults: true, retrieval: false });
    // End-to-end tests.
    if (is(String.raw`^test_cases\.#\.steps\.#\.utter$`)) return responseItems(bot);
    if (is(String.raw`^test_cases\.#\.steps\.#\.assertions\.#\.flow_started$`)) return flowItems(bot, facts, offset, false);
    // Half-typed YAML the tree does not hold yet: by the key alone.
    return byKey(bot, facts, ctx, offset);
  }
  if (ctx.mode === 'item') {
    if (is(`${STEP}slot_was_set\\.#$`)) return slotItems(bot, true);
    if (is(`${STEP}entities\\.#$`)) return entityItems(bot);
    if (is(String.raw`^intents\.#$`)) return undeclared(bot, 'intent');
    if (is(String.raw`^entities\.#$`)) return undeclared(bot, 'entity');
    if (is(String.raw`^actions\.#$`)) return undeclared(bot, 'action');
    if (is(String.raw`^intents\.#\.[^.]+\.(use_entities|ignore_entities)\.#$`)) return entityItems(bot);
    if (is(String.raw`^slots\.[^.]+\.mappings\.#\.(intent|not_intent)\.#$`)) return intentItems(bot, { defaults: true, retrieval: false });
    if (is(String.raw`^forms\.[^.]+\.required_slots\.#$`)) return slotItems(bot);
    if (is(String.raw`^forms\.[^.]+\.ignored_intents\.#$`)) return intentItems(bot, { defaults: true, retrieval: false });
    if (is(String.raw`^flows\.[^.]+\.persisted_slots\.#$`) || is(`${FLOW_STEP}set_slots\\.#$`)) return slotItems(bot);
    if (is(String.raw`^test_cases\.#\.steps\.#\.(slot_was_set|slot_was_not_set)\.#$`) || is(String.raw`^fixtures\.#\.[^.]+\.#$`)) return slotItems(bot);
    return [];
  }
  // Keys: in the domain's sections, the names used but not defined yet.
  if (p === 'responses') return undeclared(bot, 'response');
  if (p === 'slots') return undeclared(bot, 'slot');
  if (p === 'forms') return undeclared(bot, 'form');
  if (p === 'flows') return undeclared(bot, 'flow');
  return [];
}

/** By the key alone, when the tree has no node for the line yet. */
function byKey(bot: RasaBot, facts: RasaFacts, ctx: CursorContext, offset: number): CompletionItem[] {
  const key = ctx.path[ctx.path.length - 1];
  const inFlows = ctx.path[0] === 'flows' || (ctx.path.length === 1 && facts.isFlows);
  switch (key) {
    case 'intent':
      return intentItems(bot, { defaults: true, retrieval: !inFlows });
    case 'action':
      return actionItems(bot);
    case 'active_loop':
      return formItems(bot);
    case 'utter':
      return responseItems(bot);
    case 'collect':
    case 'requested_slot':
      return slotItems(bot);
    case 'entity':
      return entityItems(bot);
    case 'link':
      return flowItems(bot, facts, offset, true);
    case 'call':
      return flowItems(bot, facts, offset, false);
    default:
      return [];
  }
}

// ---- the items ----

function sorted(items: CompletionItem[], group: number): CompletionItem[] {
  for (const it of items) it.sortText = `${group}${it.label}`;
  return items;
}

function intentItems(bot: RasaBot, o: { defaults: boolean; retrieval: boolean }): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const name of bot.intents.keys()) {
    const n = exampleCount(bot, name);
    const subs = subIntentsOf(bot, name);
    const item: CompletionItem = { label: name, kind: 'intent', detail: subs.length ? `retrieval intent · ${plural(subs.length, 'sub-intent')}, ${plural(n, 'example')}` : plural(n, 'example'), sortText: `0${name}` };
    out.push(item);
    if (o.retrieval) for (const s of subs) out.push({ label: `${name}/${s}`, kind: 'intent', detail: `retrieval sub-intent · ${plural(exampleCount(bot, `${name}/${s}`), 'example')}`, sortText: `1${name}/${s}` });
  }
  // Rasa Pro's default intents (session_end, silence_timeout) only where the project has flows.
  if (o.defaults) for (const name of DEFAULT_INTENTS) if (!bot.intents.has(name) && (bot.flows.length || !PRO_INTENTS.has(name))) out.push({ label: name, kind: 'intent', detail: 'default intent', sortText: `2${name}` });
  return out;
}

function responseItem(bot: RasaBot, name: string): CompletionItem {
  const s = responseSummary(bot, name);
  const item: CompletionItem = { label: name, kind: 'response', detail: s?.first ? short(s.first) : 'response' };
  if (s?.list) item.documentation = s.list;
  return item;
}

function responseItems(bot: RasaBot): CompletionItem[] {
  const out = sorted([...bot.responses.keys()].map((n) => responseItem(bot, n)), 0);
  if (bot.flows.length) for (const n of PATTERN_RESPONSES) if (!bot.responses.has(n)) out.push({ label: n, kind: 'response', detail: 'response of the default patterns', sortText: `2${n}` });
  return out;
}

function formItems(bot: RasaBot): CompletionItem[] {
  return sorted(
    [...bot.forms].map(([name, fs]) => ({ label: name, kind: 'form', detail: `form · asks for ${fs[0]!.decl.requiredSlots.map((s) => s.text).join(', ') || 'nothing'}` })),
    0,
  );
}

function customActionItems(bot: RasaBot): CompletionItem[] {
  return sorted(
    [...bot.actions.keys()].filter((n) => !bot.responses.has(n)).map((name) => ({ label: name, kind: 'action', detail: `custom action · ${relPath(bot, bot.actions.get(name)![0]!.file)}` })),
    1,
  );
}

/** What `- action:` may name: responses, retrieval response groups, forms, custom and default actions. */
function actionItems(bot: RasaBot): CompletionItem[] {
  const out = sorted([...bot.responses.keys()].filter((n) => !n.includes('/')).map((n) => responseItem(bot, n)), 0);
  const groups = new Set<string>();
  for (const n of bot.responses.keys()) {
    const slash = n.indexOf('/');
    if (slash > 0) groups.add(n.slice(0, slash));
  }
  for (const g of groups) out.push({ label: g, kind: 'response', detail: `retrieval responses · ${responseGroup(bot, g).length}`, sortText: `0${g}` });
  out.push(...formItems(bot), ...customActionItems(bot));
  // Rasa Pro's default actions only where the project has flows.
  const defaults = [...DEFAULT_ACTIONS];
  const pro = defaults.indexOf('action_agent_request_user_input');
  for (const name of bot.flows.length || pro < 0 ? defaults : defaults.slice(0, pro)) if (name !== '...' && !bot.actions.has(name)) out.push({ label: name, kind: 'action', detail: 'default action', sortText: `3${name}` });
  return out;
}

function slotItems(bot: RasaBot, withRequested = false): CompletionItem[] {
  const out = sorted(
    [...bot.slots].map(([name, ss]) => {
      const s = ss[0]!.decl;
      const values = s.values.length ? ` (${s.values.slice(0, 4).join(', ')}${s.values.length > 4 ? ', …' : ''})` : '';
      return { label: name, kind: 'slot', detail: `${s.type?.text ?? 'slot'}${values}` };
    }),
    0,
  );
  if (withRequested && bot.forms.size) out.push({ label: 'requested_slot', kind: 'slot', detail: 'default slot · the slot a form asks for', sortText: '1requested_slot' });
  return out;
}

function entityItems(bot: RasaBot): CompletionItem[] {
  return sorted(
    [...bot.entities].map(([name, es]) => {
      const e = es[0]!.decl;
      return { label: name, kind: 'entity', detail: e.roles.length ? `entity · roles ${e.roles.map((r) => r.text).join(', ')}` : 'entity' };
    }),
    0,
  );
}

function roleItems(bot: RasaBot, ctx: CursorContext): CompletionItem[] {
  const entity = spanned(ctx.parent ? prop(ctx.parent, 'entity')?.value : undefined)?.text;
  const e = entity ? bot.entities.get(entity)?.[0]?.decl : undefined;
  return (e?.roles ?? []).map((r) => ({ label: r.text, kind: 'value', detail: `role of ${entity}` }));
}

const isPattern = (id: string): boolean => DEFAULT_PATTERNS.has(id) || id.startsWith('pattern_');

function flowOf(facts: RasaFacts, offset: number) {
  return facts.flows.find((f) => offset >= f.node.start && offset <= f.node.end);
}

function flowItems(bot: RasaBot, facts: RasaFacts, offset: number, link: boolean): CompletionItem[] {
  const own = flowOf(facts, offset)?.id.text;
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const f of bot.flows) {
    const id = f.decl.id.text;
    if (id === own || seen.has(id) || isPattern(id)) continue;
    seen.add(id);
    out.push({ label: id, kind: 'flow', detail: short(f.decl.description?.text ?? f.decl.name?.text ?? 'flow'), sortText: `0${id}` });
  }
  // A flow may link to the human handoff pattern, and a pattern to the chitchat one; nothing calls a pattern.
  if (link) {
    const targets = ['pattern_human_handoff', ...(own && isPattern(own) ? ['pattern_chitchat'] : [])];
    for (const p of targets) if (p !== own) out.push({ label: p, kind: 'flow', detail: bot.flows.some((f) => f.decl.id.text === p) ? 'pattern (overridden in this project)' : 'default pattern', sortText: `1${p}` });
  }
  return out;
}

function stepIdItems(facts: RasaFacts, offset: number): CompletionItem[] {
  const f = flowOf(facts, offset);
  const out: CompletionItem[] = (f?.steps ?? []).filter((s) => s.id).map((s) => ({ label: s.id!.text, kind: 'value', detail: `step · ${s.kind}${s.target ? ` ${s.target.text}` : ''}`, sortText: `0${s.id!.text}` }));
  out.push({ label: 'END', kind: 'value', detail: 'ends the flow', sortText: '1END' });
  return out;
}

function checkpointItems(bot: RasaBot): CompletionItem[] {
  const names = new Set<string>();
  for (const s of bot.stories) for (const st of s.decl.steps) if (st.kind === 'checkpoint' && st.name) names.add(st.name.text);
  return [...names].map((n) => ({ label: n, kind: 'value', detail: 'checkpoint' }));
}

/** Names used somewhere in the project but not declared yet: the likeliest to declare next. */
function undeclared(bot: RasaBot, kind: 'intent' | 'entity' | 'action' | 'response' | 'slot' | 'form' | 'flow'): CompletionItem[] {
  const missing = new Map<string, number>();
  const declared = (name: string): boolean => {
    switch (kind) {
      case 'intent':
        return bot.intents.has(name) || DEFAULT_INTENTS.has(name);
      case 'entity':
        return bot.entities.has(name);
      case 'slot':
        return bot.slots.has(name);
      case 'form':
        return bot.forms.has(name);
      case 'response':
        return bot.responses.has(name) || responseGroup(bot, name).length > 0 || PATTERN_RESPONSES.has(name);
      case 'flow':
        return bot.flows.some((f) => f.decl.id.text === name) || DEFAULT_PATTERNS.has(name);
      case 'action':
        return bot.actions.has(name) || bot.forms.has(name) || bot.responses.has(name) || responseGroup(bot, name).length > 0 || DEFAULT_ACTIONS.has(name);
    }
  };
  for (const r of bot.refs) {
    if (r.kind !== kind) continue;
    const name = kind === 'intent' ? r.name.split('/')[0]! : r.name;
    if (!name || declared(name)) continue;
    missing.set(name, (missing.get(name) ?? 0) + 1);
  }
  if (kind === 'intent') {
    for (const it of bot.nlu) {
      if (it.decl.kind !== 'intent') continue;
      const name = it.decl.name.text.split('/')[0]!;
      if (name && !declared(name) && !missing.has(name)) missing.set(name, 0);
    }
  }
  return [...missing].map(([name, n]) => ({ label: name, kind, detail: n ? `used ${plural(n, 'time')}, not declared yet` : 'has examples, not declared yet', sortText: `0${name}` }));
}
