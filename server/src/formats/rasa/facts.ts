// What one Rasa file says, read from its parsed tree with exact spans: which kind of file it
// is (known by its top-level keys, as Rasa knows them), and its domain, NLU, dialogue, flow
// and config entries. Tolerant: wrongly shaped parts are skipped, never thrown on.
import type { ArrayNode, Definition, Node, ObjectNode, ParsedDocument, Property, Reference, SymbolKind } from '../../definitions/index';
import { symbolKey } from '../../definitions/model/symbols';
import { readE2eTests, readFlows, readStories, type FlowFact, type StoryFact } from './dialogue';
import { readExamples, type BadLine, type Example, type Spanned } from './examples';

type Ref = (kind: SymbolKind, item: Spanned, role: Reference['role']) => void;

/** Keys that make a YAML file a domain file (rasa/shared/core/domain.py). */
export const DOMAIN_KEYS = ['intents', 'entities', 'slots', 'forms', 'actions', 'responses', 'e2e_actions', 'session_config'] as const;

export interface IntentDecl {
  item: Spanned;
  /** The `triggers:` of the removed MappingPolicy, when present. */
  triggers?: Property;
  useEntities: Spanned[];
}

export interface EntityDecl {
  item: Spanned;
  roles: Spanned[];
  groups: Spanned[];
}

export interface MappingFact {
  node: ObjectNode;
  type?: Spanned;
  entity?: Spanned;
  role?: Spanned;
  intents: Spanned[];
  hasValue: boolean;
  /** `conditions[].active_loop`, with the slot they require when given. */
  conditions: { form: Spanned | null; requestedSlot?: Spanned }[];
  action?: Spanned;
}

export interface SlotDecl {
  item: Spanned;
  node: Node | null;
  type?: Spanned;
  mappings: MappingFact[];
  values: string[];
  hasInitialValue: boolean;
}

export interface FormDecl {
  item: Spanned;
  node: Node | null;
  requiredSlots: Spanned[];
  ignoredIntents: Spanned[];
}

export interface VariationFact {
  node: Node;
  text?: Spanned;
  /** Slots named by `condition: [{type: slot, name: …}]`. */
  conditionSlots: Spanned[];
}

export interface ResponseDecl {
  item: Spanned;
  node: Node | null;
  variations: VariationFact[];
}

export interface NluItem {
  kind: 'intent' | 'synonym' | 'regex' | 'lookup';
  name: Spanned;
  node: ObjectNode;
  examples: Example[];
  badLines: BadLine[];
}

export interface ConfigFact {
  recipe?: Spanned;
  language?: Spanned;
  assistantId?: Spanned;
  additionalLanguages: Spanned[];
  pipeline: Spanned[];
  policies: Spanned[];
}

export interface RasaFacts {
  readonly file: string;
  /** Top-level properties by key (first occurrence). */
  sections: Map<string, Property>;
  /** `version:`, when present. */
  version?: Property;
  isDomain: boolean;
  isNlu: boolean;
  isDialogue: boolean;
  isFlows: boolean;
  /** An end-to-end test file of Rasa Pro (`test_cases:`). */
  isE2e: boolean;
  intents: IntentDecl[];
  entities: EntityDecl[];
  slots: SlotDecl[];
  forms: FormDecl[];
  responses: ResponseDecl[];
  actions: Spanned[];
  nlu: NluItem[];
  stories: StoryFact[];
  flows: FlowFact[];
  config: ConfigFact;
  defs: Definition[];
  refs: Reference[];
}

/** A string scalar with its span (quotes included, as a name's token). */
export function spanned(node: Node | null | undefined): Spanned | undefined {
  if (node && node.type === 'scalar' && typeof node.value === 'string') return { text: node.value, start: node.start, end: node.end };
  return undefined;
}

export function asObject(node: Node | null | undefined): ObjectNode | undefined {
  return node && node.type === 'object' ? node : undefined;
}

export function asArray(node: Node | null | undefined): ArrayNode | undefined {
  return node && node.type === 'array' ? node : undefined;
}

export function prop(node: Node | null | undefined, key: string): Property | undefined {
  const o = asObject(node);
  return o?.properties.find((p) => p.key === key);
}

/** A list of names: `[a, b]` or a single name. */
export function names(node: Node | null | undefined): Spanned[] {
  const one = spanned(node);
  if (one) return [one];
  return (asArray(node)?.items ?? []).map(spanned).filter((x): x is Spanned => !!x);
}

/** The name of a list entry that is a name or a one-key mapping `{name: {...}}`. */
function entryName(item: Node): { name: Spanned; body: Node | null } | undefined {
  const s = spanned(item);
  if (s) return { name: s, body: null };
  const o = asObject(item);
  if (o && o.properties.length >= 1) {
    const p = o.properties[0]!;
    return { name: { text: p.key, start: p.keyStart, end: p.keyEnd }, body: p.value };
  }
  return undefined;
}

/** Reads one Rasa file. */
export function extractRasaFacts(doc: ParsedDocument): RasaFacts {
  const file = doc.path;
  const facts: RasaFacts = {
    file,
    sections: new Map(),
    isDomain: false,
    isNlu: false,
    isDialogue: false,
    isFlows: false,
    isE2e: false,
    intents: [],
    entities: [],
    slots: [],
    forms: [],
    responses: [],
    actions: [],
    nlu: [],
    stories: [],
    flows: [],
    config: { additionalLanguages: [], pipeline: [], policies: [] },
    defs: [],
    refs: [],
  };
  const root = asObject(doc.root);
  if (!root) return facts;
  for (const p of root.properties) if (!facts.sections.has(p.key)) facts.sections.set(p.key, p);
  const has = (k: string) => facts.sections.has(k);
  const version = facts.sections.get('version');
  if (version) facts.version = version;
  facts.isDomain = DOMAIN_KEYS.some(has);
  facts.isNlu = has('nlu');
  facts.isDialogue = has('stories') || has('rules');
  facts.isFlows = has('flows');
  facts.isE2e = has('test_cases');

  const def = (kind: SymbolKind, item: Spanned, whole: { start: number; end: number }): void => {
    facts.defs.push({ kind, name: item.text, key: symbolKey(kind, item.text), file, start: item.start, end: item.end, fullStart: whole.start, fullEnd: whole.end });
  };
  const ref = (kind: SymbolKind, item: Spanned, role: Reference['role'], scope?: string): void => {
    const r: Reference = { kind, name: item.text, key: symbolKey(kind, item.text), file, start: item.start, end: item.end, role };
    if (scope !== undefined) r.scope = scope;
    facts.refs.push(r);
  };

  // Domain.
  for (const item of asArray(facts.sections.get('intents')?.value)?.items ?? []) {
    const e = entryName(item);
    if (!e) continue;
    const decl: IntentDecl = { item: e.name, useEntities: [] };
    const triggers = prop(e.body, 'triggers');
    if (triggers) decl.triggers = triggers;
    decl.useEntities = names(prop(e.body, 'use_entities')?.value);
    for (const u of decl.useEntities) ref('entity', u, 'mapping');
    for (const u of names(prop(e.body, 'ignore_entities')?.value)) ref('entity', u, 'mapping');
    facts.intents.push(decl);
    def('intent', e.name, item);
  }
  for (const item of asArray(facts.sections.get('entities')?.value)?.items ?? []) {
    const e = entryName(item);
    if (!e) continue;
    facts.entities.push({ item: e.name, roles: names(prop(e.body, 'roles')?.value), groups: names(prop(e.body, 'groups')?.value) });
    def('entity', e.name, item);
  }
  for (const p of asObject(facts.sections.get('slots')?.value)?.properties ?? []) {
    const item = { text: p.key, start: p.keyStart, end: p.keyEnd };
    const slot: SlotDecl = { item, node: p.value, mappings: [], values: [], hasInitialValue: !!prop(p.value, 'initial_value') };
    const type = spanned(prop(p.value, 'type')?.value);
    if (type) slot.type = type;
    for (const v of asArray(prop(p.value, 'values')?.value)?.items ?? []) if (v.type === 'scalar') slot.values.push(String(v.value));
    for (const m of asArray(prop(p.value, 'mappings')?.value)?.items ?? []) {
      const o = asObject(m);
      if (!o) continue;
      const mapping: MappingFact = { node: o, intents: [], hasValue: !!prop(o, 'value'), conditions: [] };
      const t = spanned(prop(o, 'type')?.value);
      if (t) mapping.type = t;
      const entity = spanned(prop(o, 'entity')?.value);
      if (entity) {
        mapping.entity = entity;
        ref('entity', entity, 'mapping');
      }
      const role = spanned(prop(o, 'role')?.value);
      if (role) mapping.role = role;
      const action = spanned(prop(o, 'action')?.value);
      if (action) {
        mapping.action = action;
        ref('action', action, 'mapping');
      }
      mapping.intents = [...names(prop(o, 'intent')?.value), ...names(prop(o, 'not_intent')?.value)];
      for (const i of mapping.intents) ref('intent', i, 'mapping');
      for (const c of asArray(prop(o, 'conditions')?.value)?.items ?? []) {
        const loop = prop(c, 'active_loop');
        if (!loop) continue;
        const form = spanned(loop.value) ?? null;
        const requested = spanned(prop(c, 'requested_slot')?.value);
        mapping.conditions.push(requested ? { form, requestedSlot: requested } : { form });
        if (form) ref('form', form, 'condition');
        if (requested) ref('slot', requested, 'condition');
      }
      slot.mappings.push(mapping);
    }
    const validation = prop(p.value, 'validation')?.value;
    for (const r of asArray(prop(validation, 'rejections')?.value)?.items ?? []) {
      const u = spanned(prop(r, 'utter')?.value);
      if (u) ref('response', u, 'step');
    }
    const refill = spanned(prop(validation, 'refill_utter')?.value);
    if (refill) ref('response', refill, 'step');
    facts.slots.push(slot);
    def('slot', item, p);
  }
  for (const p of asObject(facts.sections.get('forms')?.value)?.properties ?? []) {
    const item = { text: p.key, start: p.keyStart, end: p.keyEnd };
    const form: FormDecl = { item, node: p.value, requiredSlots: names(prop(p.value, 'required_slots')?.value), ignoredIntents: names(prop(p.value, 'ignored_intents')?.value) };
    for (const s of form.requiredSlots) ref('slot', s, 'required-slot');
    for (const i of form.ignoredIntents) ref('intent', i, 'mapping');
    facts.forms.push(form);
    def('form', item, p);
  }
  for (const p of asObject(facts.sections.get('responses')?.value)?.properties ?? []) {
    const item = { text: p.key, start: p.keyStart, end: p.keyEnd };
    const response: ResponseDecl = { item, node: p.value, variations: [] };
    for (const v of asArray(p.value)?.items ?? []) {
      const variation: VariationFact = { node: v, conditionSlots: [] };
      const t = spanned(prop(v, 'text')?.value);
      if (t) {
        variation.text = t;
        placeholders(doc.text, prop(v, 'text')!.value!, ref);
      }
      for (const b of asArray(prop(v, 'buttons')?.value)?.items ?? []) {
        const title = prop(b, 'title')?.value;
        if (title) placeholders(doc.text, title, ref);
        const payload = prop(b, 'payload')?.value;
        if (payload) payloadRefs(doc.text, payload, ref);
      }
      for (const c of asArray(prop(v, 'condition')?.value)?.items ?? []) {
        if (spanned(prop(c, 'type')?.value)?.text !== 'slot') continue;
        const name = spanned(prop(c, 'name')?.value);
        if (name) {
          variation.conditionSlots.push(name);
          ref('slot', name, 'condition');
        }
      }
      response.variations.push(variation);
    }
    facts.responses.push(response);
    def('response', item, p);
  }
  for (const item of asArray(facts.sections.get('actions')?.value)?.items ?? []) {
    const e = entryName(item);
    if (!e) continue;
    facts.actions.push(e.name);
    def('action', e.name, item);
  }

  // NLU training data.
  for (const item of asArray(facts.sections.get('nlu')?.value)?.items ?? []) {
    const o = asObject(item);
    if (!o) continue;
    const kind = (['intent', 'synonym', 'regex', 'lookup'] as const).find((k) => prop(o, k));
    if (!kind) continue;
    const name = spanned(prop(o, kind)?.value);
    if (!name) continue;
    const { examples, bad } = readExamples(doc.text, prop(o, 'examples')?.value);
    facts.nlu.push({ kind, name, node: o, examples, badLines: bad });
    if (kind === 'intent') {
      // A retrieval intent faq/ask_x is the domain's intent faq.
      const slash = name.text.indexOf('/');
      const q = doc.text[name.start] === '"' || doc.text[name.start] === "'" ? 1 : 0;
      ref('intent', slash > 0 ? { text: name.text.slice(0, slash), start: name.start + q, end: name.start + q + slash } : name, 'example');
      for (const ex of examples) for (const a of ex.annotations) if (!a.problem) ref('entity', a.entity, 'annotation');
    }
  }

  // Dialogue, flows, config.
  facts.stories = readStories(doc.text, facts.sections, ref);
  if (facts.isE2e) readE2eTests(facts.sections, ref);
  facts.flows = readFlows(facts.sections.get('flows'), ref, def);
  for (const s of facts.stories) def(s.kind, s.name, s.node);
  readConfig(facts);
  return facts;
}

/**
 * `{slot}` placeholders in a response text (Rasa fills them from the slots of that name), as
 * slot references on the name inside the braces. `{{ … }}` (Jinja templates) is left alone.
 */
function placeholders(text: string, node: Node, ref: Ref): void {
  if (node.type !== 'scalar' || typeof node.value !== 'string' || !node.value.includes('{')) return;
  const src = text.slice(node.start, node.end);
  for (const m of src.matchAll(/(?<!\{)\{([A-Za-z_][A-Za-z0-9_-]*)\}(?!\})/g)) {
    if (!node.value.includes(m[0])) continue;
    const at = node.start + m.index! + 1;
    ref('slot', { text: m[1]!, start: at, end: at + m[1]!.length }, 'placeholder');
  }
}

/**
 * A button payload: `/intent{"entity": "value"}` names an intent and entities (Rasa's
 * regex interpreter reads it as that intent); Rasa Pro's `/SetSlots(slot=value, …)` names
 * slots. Read only when the payload's source is its value (no escapes), so offsets are exact.
 */
function payloadRefs(text: string, node: Node, ref: Ref): void {
  if (node.type !== 'scalar' || typeof node.value !== 'string') return;
  const v = node.value;
  const q = node.quoted ? 1 : 0;
  if (!v.startsWith('/') || text.slice(node.start + q, node.end - q) !== v) return;
  const base = node.start + q;
  const set = /^\/SetSlots\((.*)\)\s*$/.exec(v);
  if (set) {
    const argsAt = '/SetSlots('.length;
    for (const m of set[1]!.matchAll(/(^|,)\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=/g)) {
      const at = base + argsAt + m.index! + m[0].indexOf(m[2]!, m[1]!.length);
      ref('slot', { text: m[2]!, start: at, end: at + m[2]!.length }, 'payload');
    }
    return;
  }
  const m = /^\/([A-Za-z_][A-Za-z0-9_\-/]*)(@[0-9.]+)?(\{.*\})?\s*$/.exec(v);
  if (!m || m[1]!.startsWith('SetSlots') || /^[A-Z]/.test(m[1]!)) return;
  // A retrieval intent faq/ask_x is the domain's intent faq.
  const intent = m[1]!.split('/')[0]!;
  ref('intent', { text: intent, start: base + 1, end: base + 1 + intent.length }, 'payload');
  if (!m[3]) return;
  let data: unknown;
  try {
    data = JSON.parse(m[3]);
  } catch {
    return;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return;
  const jsonAt = base + 1 + m[1]!.length + (m[2]?.length ?? 0);
  let from = 0;
  for (const key of Object.keys(data)) {
    const quotedKey = JSON.stringify(key);
    const i = m[3].indexOf(quotedKey, from);
    if (i < 0) break;
    from = i + quotedKey.length;
    if (quotedKey.length - 2 !== key.length) continue;
    ref('entity', { text: key, start: jsonAt + i + 1, end: jsonAt + i + 1 + key.length }, 'payload');
  }
}

function readConfig(facts: RasaFacts): void {
  const get = (k: string) => spanned(facts.sections.get(k)?.value);
  const c = facts.config;
  const recipe = get('recipe');
  if (recipe) c.recipe = recipe;
  const language = get('language');
  if (language) c.language = language;
  const id = get('assistant_id');
  if (id) c.assistantId = id;
  c.additionalLanguages = names(facts.sections.get('additional_languages')?.value);
  const components = (k: string) => (asArray(facts.sections.get(k)?.value)?.items ?? []).map((i) => spanned(prop(i, 'name')?.value)).filter((x): x is Spanned => !!x);
  c.pipeline = components('pipeline');
  c.policies = components('policies');
}
