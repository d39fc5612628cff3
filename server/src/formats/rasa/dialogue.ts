// Stories, rules and test stories (`stories:`, `rules:`), and Rasa Pro's CALM flows
// (`flows:`), read into steps with exact spans. Each name a step uses is also recorded as a
// reference, so that navigation and rename see it.
import type { Node, ObjectNode, Property, Reference, SymbolKind } from '../../definitions/index';
import { blockLines, parseAnnotations, type Spanned } from './examples';

type Ref = (kind: SymbolKind, item: Spanned, role: Reference['role'], scope?: string) => void;
type Def = (kind: SymbolKind, item: Spanned, whole: { start: number; end: number }) => void;

export type StepKind = 'intent' | 'user' | 'action' | 'bot' | 'slot_was_set' | 'active_loop' | 'checkpoint' | 'or' | 'other';

export interface SlotSet {
  name: Spanned;
  /** The value as canonical JSON; undefined when the slot is named alone. */
  value?: string;
}

export interface StepFact {
  kind: StepKind;
  node: Node;
  /** The intent, action, form (active_loop) or checkpoint it names. */
  name?: Spanned;
  /** `active_loop: null`. */
  loopEnds?: boolean;
  entities: { name: Spanned; value?: string }[];
  slots: SlotSet[];
  /** The intents of an `or:` step. */
  alternatives: StepFact[];
}

export interface StoryFact {
  kind: 'story' | 'rule';
  name: Spanned;
  node: ObjectNode;
  steps: StepFact[];
  /** A rule's `condition:` steps. */
  conditions: StepFact[];
  conversationStart: boolean;
  waitForUserInput: boolean;
}

export type FlowStepKind = 'action' | 'collect' | 'link' | 'call' | 'set_slots' | 'noop' | 'other';

export interface FlowStep {
  kind: FlowStepKind;
  node: ObjectNode;
  id?: Spanned;
  /** The action, collected slot, or linked or called flow. */
  target?: Spanned;
  /** A collect step's `utter`. */
  utter?: Spanned;
  rejections: { if?: Spanned; utter?: Spanned }[];
  setSlots: Spanned[];
  /** Step ids a `next` names (END and START excluded). */
  nextIds: Spanned[];
  hasNext: boolean;
  /** `if:` predicates of its `next` branches. */
  predicates: Spanned[];
}

export interface FlowFact {
  id: Spanned;
  node: Property;
  name?: Spanned;
  description?: Spanned;
  guard?: Spanned;
  nluTriggers: Spanned[];
  persistedSlots: Spanned[];
  /** Every step, nested branches included, in reading order. */
  steps: FlowStep[];
}

function str(node: Node | null | undefined): Spanned | undefined {
  return node && node.type === 'scalar' && typeof node.value === 'string' ? { text: node.value, start: node.start, end: node.end } : undefined;
}

function obj(node: Node | null | undefined): ObjectNode | undefined {
  return node && node.type === 'object' ? node : undefined;
}

function items(node: Node | null | undefined): Node[] {
  return node && node.type === 'array' ? node.items : [];
}

function get(node: Node | null | undefined, key: string): Property | undefined {
  return obj(node)?.properties.find((p) => p.key === key);
}

/** Plain data of a node, as canonical JSON (for slot values and the semantic diff). */
export function canonical(node: Node | null | undefined): string {
  if (!node) return 'null';
  switch (node.type) {
    case 'scalar':
      return JSON.stringify(node.value);
    case 'array':
      return `[${node.items.map(canonical).join(',')}]`;
    case 'object':
      return `{${[...node.properties].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((p) => `${JSON.stringify(p.key)}:${canonical(p.value)}`).join(',')}}`;
    case 'opaque':
      return '"?"';
  }
}

/** Default slots Rasa adds to every domain (never declared). */
export const DEFAULT_SLOTS: ReadonlySet<string> = new Set(['requested_slot', 'session_started_metadata', 'knowledge_base_listed_objects', 'knowledge_base_last_object', 'knowledge_base_last_object_type', 'flow_hashes', 'dialogue_stack', 'return_value', 'silence_timeout', 'consecutive_silence_timeouts']);

function slotSets(node: Node | null | undefined, ref: Ref): SlotSet[] {
  const out: SlotSet[] = [];
  for (const it of items(node)) {
    const alone = str(it);
    if (alone) out.push({ name: alone });
    for (const p of obj(it)?.properties ?? []) out.push({ name: { text: p.key, start: p.keyStart, end: p.keyEnd }, value: canonical(p.value) });
  }
  for (const s of out) if (!DEFAULT_SLOTS.has(s.name.text)) ref('slot', s.name, 'step');
  // `requested_slot: recipient` names the slot a form asks for next.
  for (const it of items(node)) {
    const requested = str(get(it, 'requested_slot')?.value);
    if (requested) ref('slot', requested, 'step');
  }
  return out;
}

function readStep(node: Node, ref: Ref, text: string): StepFact {
  const step: StepFact = { kind: 'other', node, entities: [], slots: [], alternatives: [] };
  const o = obj(node);
  if (!o) return step;
  const intent = get(o, 'intent');
  const user = get(o, 'user');
  if (intent || user) {
    step.kind = intent ? 'intent' : 'user';
    const name = str(intent?.value);
    if (name) {
      // "/greet" reads as greet (Rasa warns about the slash).
      const slash = name.text.startsWith('/') ? 1 : 0;
      const q = name.end - name.start > name.text.length ? 1 : 0;
      step.name = slash ? { text: name.text.slice(1), start: name.start + q + 1, end: name.end - q } : name;
      ref('intent', step.name, 'step');
    }
    for (const e of items(get(o, 'entities')?.value)) {
      const alone = str(e);
      if (alone) step.entities.push({ name: alone });
      const eo = obj(e);
      if (eo) {
        // {name: value} or {entity: name, value: …, role: …}
        const named = str(get(eo, 'entity')?.value);
        if (named) step.entities.push({ name: named, value: canonical(get(eo, 'value')?.value) });
        else if (eo.properties[0] && !['role', 'group', 'value'].includes(eo.properties[0].key)) {
          const p = eo.properties[0];
          step.entities.push({ name: { text: p.key, start: p.keyStart, end: p.keyEnd }, value: canonical(p.value) });
        }
      }
    }
    for (const e of step.entities) ref('entity', e.name, 'step');
    userAnnotations(text, user?.value, ref);
    return step;
  }
  const action = get(o, 'action');
  if (action) {
    step.kind = 'action';
    const name = str(action.value);
    if (name) {
      step.name = name;
      if (name.text.startsWith('utter_')) ref('response', name, 'step');
      else if (name.text !== '...') ref('action', name, 'step');
    }
    return step;
  }
  if (get(o, 'bot')) {
    step.kind = 'bot';
    return step;
  }
  const slots = get(o, 'slot_was_set');
  if (slots) {
    step.kind = 'slot_was_set';
    step.slots = slotSets(slots.value, ref);
    return step;
  }
  const loop = get(o, 'active_loop');
  if (loop) {
    step.kind = 'active_loop';
    const name = str(loop.value);
    if (name) {
      step.name = name;
      ref('form', name, 'step');
    } else step.loopEnds = true;
    return step;
  }
  const checkpoint = get(o, 'checkpoint');
  if (checkpoint) {
    step.kind = 'checkpoint';
    const name = str(checkpoint.value);
    if (name) step.name = name;
    step.slots = slotSets(get(o, 'slot_was_set')?.value, ref);
    return step;
  }
  const or = get(o, 'or');
  if (or) {
    step.kind = 'or';
    step.alternatives = items(or.value).map((n) => readStep(n, ref, text));
  }
  return step;
}

/** Entity annotations in a test story's `user:` text (`[Glasgow](city)`), as entity references. */
function userAnnotations(text: string, node: Node | null | undefined, ref: Ref): void {
  if (!node || node.type !== 'scalar' || typeof node.value !== 'string' || !node.value.includes('[')) return;
  const src = text.slice(node.start, node.end);
  const block = src.startsWith('|') || src.startsWith('>');
  const q = node.quoted ? 1 : 0;
  // Exact offsets: the lines of a block, or a one-line scalar whose source is its value.
  const lines = block ? blockLines(text, node) : text.slice(node.start + q, node.end - q) === node.value ? [{ text: node.value, start: node.start + q, end: node.end - q }] : [];
  for (const line of lines) for (const a of parseAnnotations(line.text, line.start).annotations) if (!a.problem) ref('entity', a.entity, 'annotation');
}

/** The slot names of `slot_was_set:` / `slot_was_not_set:` lists of an end-to-end test (`- slot: value` or `- slot`). */
function e2eSlots(node: Node | null | undefined, ref: Ref): void {
  for (const it of items(node)) {
    const alone = str(it);
    if (alone && !DEFAULT_SLOTS.has(alone.text)) ref('slot', alone, 'step');
    for (const p of obj(it)?.properties ?? []) if (!DEFAULT_SLOTS.has(p.key)) ref('slot', { text: p.key, start: p.keyStart, end: p.keyEnd }, 'step');
  }
}

/**
 * The names an end-to-end test file of Rasa Pro uses (`test_cases:`): `utter:` steps name
 * responses, `slot_was_set:` / `slot_was_not_set:` steps and `fixtures:` name slots,
 * `assertions: [{flow_started: …}]` names flows.
 */
export function readE2eTests(sections: Map<string, Property>, ref: Ref): void {
  for (const fixture of items(sections.get('fixtures')?.value)) for (const p of obj(fixture)?.properties ?? []) e2eSlots(p.value, ref);
  for (const tc of items(sections.get('test_cases')?.value)) {
    for (const step of items(get(tc, 'steps')?.value)) {
      const utter = str(get(step, 'utter')?.value);
      if (utter) ref('response', utter, 'step');
      e2eSlots(get(step, 'slot_was_set')?.value, ref);
      e2eSlots(get(step, 'slot_was_not_set')?.value, ref);
      for (const a of items(get(step, 'assertions')?.value)) {
        const flow = str(get(a, 'flow_started')?.value);
        if (flow) ref('flow', flow, 'step');
      }
    }
  }
}

/** The stories and rules of a file's `stories:` and `rules:`. */
export function readStories(text: string, sections: Map<string, Property>, ref: Ref): StoryFact[] {
  const out: StoryFact[] = [];
  for (const kind of ['story', 'rule'] as const) {
    for (const item of items(sections.get(kind === 'story' ? 'stories' : 'rules')?.value)) {
      const o = obj(item);
      const name = str(get(o, kind)?.value);
      if (!o || !name) continue;
      const bool = (k: string, dflt: boolean) => {
        const v = get(o, k)?.value;
        return v && v.type === 'scalar' && typeof v.value === 'boolean' ? v.value : dflt;
      };
      out.push({
        kind,
        name,
        node: o,
        steps: items(get(o, 'steps')?.value).map((n) => readStep(n, ref, text)),
        conditions: items(get(o, 'condition')?.value).map((n) => readStep(n, ref, text)),
        conversationStart: bool('conversation_start', false),
        waitForUserInput: bool('wait_for_user_input', true),
      });
    }
  }
  return out;
}

/** `slots.name` in a predicate, as slot references. */
function predicateSlots(p: Spanned, ref: Ref, q: number): void {
  for (const m of p.text.matchAll(/\bslots\.([A-Za-z_][A-Za-z0-9_-]*)/g)) {
    const at = p.start + q + m.index! + 'slots.'.length;
    ref('slot', { text: m[1]!, start: at, end: at + m[1]!.length }, 'condition');
  }
}

const quoteOf = (s: Spanned): number => (s.end - s.start > s.text.length ? 1 : 0);

function readFlowSteps(node: Node | null | undefined, out: FlowStep[], ref: Ref): void {
  for (const item of items(node)) {
    const o = obj(item);
    if (!o) continue;
    const kind = (['action', 'collect', 'link', 'call', 'set_slots', 'noop'] as const).find((k) => get(o, k)) ?? 'other';
    const step: FlowStep = { kind, node: o, rejections: [], setSlots: [], nextIds: [], hasNext: !!get(o, 'next'), predicates: [] };
    const id = str(get(o, 'id')?.value);
    if (id) step.id = id;
    out.push(step);
    if (kind === 'action' || kind === 'collect' || kind === 'link' || kind === 'call') {
      const target = str(get(o, kind)?.value);
      if (target) {
        step.target = target;
        if (kind === 'action') ref(target.text.startsWith('utter_') ? 'response' : 'action', target, 'step');
        else if (kind === 'collect') ref('slot', target, 'collect');
        else ref('flow', target, kind === 'link' ? 'link' : 'call');
      }
    }
    const utter = str(get(o, 'utter')?.value);
    if (utter) {
      step.utter = utter;
      ref('response', utter, 'step');
    }
    for (const r of items(get(o, 'rejections')?.value)) {
      const cond = str(get(r, 'if')?.value);
      const u = str(get(r, 'utter')?.value);
      const rej: FlowStep['rejections'][number] = {};
      if (cond) {
        rej.if = cond;
        predicateSlots(cond, ref, quoteOf(cond));
      }
      if (u) {
        rej.utter = u;
        ref('response', u, 'step');
      }
      step.rejections.push(rej);
    }
    if (kind === 'set_slots') {
      for (const s of items(get(o, 'set_slots')?.value)) {
        for (const p of obj(s)?.properties ?? []) {
          const name = { text: p.key, start: p.keyStart, end: p.keyEnd };
          step.setSlots.push(name);
          ref('slot', name, 'step');
        }
      }
    }
    const next = get(o, 'next')?.value;
    const target = str(next);
    if (target) {
      if (target.text !== 'END' && target.text !== 'START') step.nextIds.push(target);
    } else {
      for (const branch of items(next)) {
        const cond = str(get(branch, 'if')?.value);
        if (cond) {
          step.predicates.push(cond);
          predicateSlots(cond, ref, quoteOf(cond));
        }
        const then = get(branch, 'then') ?? get(branch, 'else');
        const to = str(then?.value);
        if (to) {
          if (to.text !== 'END' && to.text !== 'START') step.nextIds.push(to);
        } else readFlowSteps(then?.value, out, ref);
      }
    }
  }
}

/** The flows of a file's `flows:`. */
export function readFlows(section: Property | undefined, ref: Ref, def: Def): FlowFact[] {
  const out: FlowFact[] = [];
  for (const p of obj(section?.value)?.properties ?? []) {
    const id = { text: p.key, start: p.keyStart, end: p.keyEnd };
    const flow: FlowFact = { id, node: p, nluTriggers: [], persistedSlots: [], steps: [] };
    const name = str(get(p.value, 'name')?.value);
    if (name) flow.name = name;
    const description = str(get(p.value, 'description')?.value);
    if (description) flow.description = description;
    const guard = str(get(p.value, 'if')?.value);
    if (guard) {
      flow.guard = guard;
      predicateSlots(guard, ref, quoteOf(guard));
    }
    for (const t of items(get(p.value, 'nlu_trigger')?.value)) {
      const v = get(t, 'intent')?.value;
      const intent = str(v) ?? str(get(v, 'name')?.value);
      if (intent) {
        flow.nluTriggers.push(intent);
        ref('intent', intent, 'trigger-intent');
      }
    }
    for (const s of items(get(p.value, 'persisted_slots')?.value)) {
      const n = str(s);
      if (n) {
        flow.persistedSlots.push(n);
        ref('slot', n, 'step');
      }
    }
    readFlowSteps(get(p.value, 'steps')?.value, flow.steps, ref);
    def('flow', id, p);
    out.push(flow);
  }
  return out;
}
