// What one parsed file says about its bot: its definitions, references, training data and
// flows, read from the tree. Tolerant: wrongly shaped parts are skipped (the shape check
// reports them). Computed once per parse and cached with the document.
import type { ParsedDocument } from '../../../definitions/parse/document';
import type { ArrayNode, Node, ObjectNode, Property } from '../../../definitions/parse/tree';
import { getProperty, walk } from '../../../definitions/parse/tree';
import { scanPlaceholders } from './placeholders';
import type { Definition, Reference, SymbolKind } from '../../../definitions/model/symbols';
import { symbolKey } from '../../../definitions/model/symbols';

/** A string value with the span of its token. */
export interface TextItem {
  text: string;
  start: number;
  end: number;
}

export interface LocaleEntry {
  locale: string;
  start: number;
  end: number;
  value: Node | null;
  /** The entry's strings (one text, or each item of a list). */
  texts: TextItem[];
}

/** A mapping keyed by locale (utterances, prompt, a response, synonyms). */
export interface LocaleMap {
  node: ObjectNode;
  entries: LocaleEntry[];
}

export interface SlotFact {
  def: Definition;
  intent: string;
  type?: TextItem;
  required: boolean;
  prompt?: LocaleMap;
}

export interface IntentFact {
  def: Definition;
  node: ObjectNode;
  utterances?: LocaleMap;
  slots: SlotFact[];
}

export interface SlotTypeValueFact {
  value: TextItem;
  synonyms: { locale: string; item: TextItem }[];
}

export interface SlotTypeFact {
  def: Definition;
  values: SlotTypeValueFact[];
}

export interface ResponseFact {
  def: Definition;
  map?: LocaleMap;
}

export type StepAction = 'ask' | 'say' | 'call' | 'goto' | 'handoff' | 'end';

export interface StepFact {
  node: Node;
  action?: StepAction;
  target?: TextItem;
}

export interface FlowFact {
  def: Definition;
  node: ObjectNode;
  trigger?: { kind: 'intent' | 'event'; item: TextItem };
  steps: StepFact[];
}

export interface VariableFact {
  def: Definition;
  hasDefault: boolean;
  environments: TextItem[];
}

export interface ManifestFact {
  botProp?: Property;
  id?: TextItem;
  locales: TextItem[];
  localesNode?: ArrayNode;
  defaultLocale?: TextItem;
  includeProp?: Property;
  includes: TextItem[];
  keep: TextItem[];
}

export interface DocFacts {
  file: string;
  /** Top-level properties by key (first occurrence). */
  sections: Map<string, Property>;
  manifest: ManifestFact;
  intents: IntentFact[];
  slotTypes: SlotTypeFact[];
  responses: ResponseFact[];
  functions: { def: Definition }[];
  flows: FlowFact[];
  variables: VariableFact[];
  defs: Definition[];
  refs: Reference[];
}

const STEP_ACTIONS: readonly StepAction[] = ['ask', 'say', 'call', 'goto', 'handoff', 'end'];

function text(node: Node | null | undefined): TextItem | undefined {
  if (node && node.type === 'scalar' && typeof node.value === 'string') return { text: node.value, start: node.start, end: node.end };
  return undefined;
}

function asObject(node: Node | null | undefined): ObjectNode | undefined {
  return node && node.type === 'object' ? node : undefined;
}

function asArray(node: Node | null | undefined): ArrayNode | undefined {
  return node && node.type === 'array' ? node : undefined;
}

/** Extracts a document's facts. */
export function extractFacts(doc: ParsedDocument): DocFacts {
  const file = doc.path;
  const facts: DocFacts = {
    file,
    sections: new Map(),
    manifest: { locales: [], includes: [], keep: [] },
    intents: [],
    slotTypes: [],
    responses: [],
    functions: [],
    flows: [],
    variables: [],
    defs: [],
    refs: [],
  };
  const root = asObject(doc.root);
  if (!root) return facts;
  for (const p of root.properties) if (!facts.sections.has(p.key)) facts.sections.set(p.key, p);

  const def = (kind: SymbolKind, item: TextItem, whole: Node, container?: string): Definition => {
    const d: Definition = { kind, name: item.text, key: symbolKey(kind, item.text), file, start: item.start, end: item.end, fullStart: whole.start, fullEnd: whole.end };
    if (container !== undefined) d.container = container;
    facts.defs.push(d);
    return d;
  };
  const ref = (kind: SymbolKind, item: TextItem, role: Reference['role'], scope?: string): void => {
    const r: Reference = { kind, name: item.text, key: symbolKey(kind, item.text), file, start: item.start, end: item.end, role };
    if (scope !== undefined) r.scope = scope;
    facts.refs.push(r);
  };
  const placeholders = (item: TextItem, scope: string | undefined): void => {
    scanPlaceholders(doc.text, item.start, item.end, (h) => {
      if (h.kind === 'slot') ref('slot', { text: h.name, start: h.start, end: h.end }, 'placeholder', scope);
    });
  };
  const localeMap = (node: Node | null | undefined, scope: string | false): LocaleMap | undefined => {
    const obj = asObject(node);
    if (!obj) return undefined;
    const entries: LocaleEntry[] = [];
    for (const p of obj.properties) {
      ref('locale', { text: p.key, start: p.keyStart, end: p.keyEnd }, 'locale');
      const texts: TextItem[] = [];
      const single = text(p.value);
      if (single) texts.push(single);
      else for (const it of asArray(p.value)?.items ?? []) {
        const t = text(it);
        if (t) texts.push(t);
      }
      if (scope !== false) for (const t of texts) placeholders(t, scope || undefined);
      entries.push({ locale: p.key, start: p.keyStart, end: p.keyEnd, value: p.value, texts });
    }
    return { node: obj, entries };
  };

  // bot, include, release: read wherever they are; a rule reports them outside the manifest.
  const bot = facts.sections.get('bot');
  const botObj = asObject(bot?.value);
  if (bot) facts.manifest.botProp = bot;
  if (botObj) {
    const id = text(getProperty(botObj, 'id')?.value);
    if (id) facts.manifest.id = id;
    const locales = asArray(getProperty(botObj, 'locales')?.value);
    if (locales) {
      facts.manifest.localesNode = locales;
      for (const it of locales.items) {
        const t = text(it);
        if (t) {
          facts.manifest.locales.push(t);
          def('locale', t, it);
        }
      }
    }
    const dl = text(getProperty(botObj, 'defaultLocale')?.value);
    if (dl) {
      facts.manifest.defaultLocale = dl;
      ref('locale', dl, 'default-locale');
    }
  }
  const include = facts.sections.get('include');
  if (include) {
    facts.manifest.includeProp = include;
    for (const it of asArray(include.value)?.items ?? []) {
      const t = text(it);
      if (t) facts.manifest.includes.push(t);
    }
  }
  const release = asObject(facts.sections.get('release')?.value);
  for (const it of asArray(release && getProperty(release, 'keep')?.value)?.items ?? []) {
    const t = text(it);
    if (t) facts.manifest.keep.push(t);
  }

  for (const item of asArray(facts.sections.get('intents')?.value)?.items ?? []) {
    const obj = asObject(item);
    const name = obj && text(getProperty(obj, 'name')?.value);
    if (!obj || !name) continue;
    const intent: IntentFact = { def: def('intent', name, obj), node: obj, slots: [] };
    const utterances = localeMap(getProperty(obj, 'utterances')?.value, name.text);
    if (utterances) intent.utterances = utterances;
    for (const s of asArray(getProperty(obj, 'slots')?.value)?.items ?? []) {
      const so = asObject(s);
      const sname = so && text(getProperty(so, 'name')?.value);
      if (!so || !sname) continue;
      const slot: SlotFact = { def: def('slot', sname, so, name.text), intent: name.text, required: getProperty(so, 'required')?.value?.type === 'scalar' && (getProperty(so, 'required')!.value as { value: unknown }).value === true };
      const type = text(getProperty(so, 'type')?.value);
      if (type) {
        slot.type = type;
        ref('slotType', type, 'slot-type');
      }
      const prompt = localeMap(getProperty(so, 'prompt')?.value, name.text);
      if (prompt) slot.prompt = prompt;
      intent.slots.push(slot);
    }
    facts.intents.push(intent);
  }

  for (const item of asArray(facts.sections.get('slotTypes')?.value)?.items ?? []) {
    const obj = asObject(item);
    const name = obj && text(getProperty(obj, 'name')?.value);
    if (!obj || !name) continue;
    const st: SlotTypeFact = { def: def('slotType', name, obj), values: [] };
    for (const v of asArray(getProperty(obj, 'values')?.value)?.items ?? []) {
      const vo = asObject(v);
      const value = vo && text(getProperty(vo, 'value')?.value);
      if (!vo || !value) continue;
      const synonyms: SlotTypeValueFact['synonyms'] = [];
      const map = localeMap(getProperty(vo, 'synonyms')?.value, false);
      for (const e of map?.entries ?? []) for (const t of e.texts) synonyms.push({ locale: e.locale, item: t });
      st.values.push({ value, synonyms });
    }
    facts.slotTypes.push(st);
  }

  for (const p of asObject(facts.sections.get('responses')?.value)?.properties ?? []) {
    const key = { text: p.key, start: p.keyStart, end: p.keyEnd };
    const r: ResponseFact = { def: def('response', key, { start: p.start, end: p.end } as Node) };
    const map = localeMap(p.value, '');
    if (map) r.map = map;
    facts.responses.push(r);
  }

  for (const item of asArray(facts.sections.get('functions')?.value)?.items ?? []) {
    const obj = asObject(item);
    const name = obj && text(getProperty(obj, 'name')?.value);
    if (!obj || !name) continue;
    facts.functions.push({ def: def('function', name, obj) });
    // Slot values may be sent in the URL, headers or body.
    for (const key of ['url', 'headers', 'body']) {
      walk(getProperty(obj, key)?.value ?? null, (n) => {
        const t = text(n);
        if (t) placeholders(t, undefined);
      });
    }
  }

  for (const item of asArray(facts.sections.get('flows')?.value)?.items ?? []) {
    const obj = asObject(item);
    const name = obj && text(getProperty(obj, 'name')?.value);
    if (!obj || !name) continue;
    const flow: FlowFact = { def: def('flow', name, obj), node: obj, steps: [] };
    const trigger = asObject(getProperty(obj, 'trigger')?.value);
    const ti = trigger && text(getProperty(trigger, 'intent')?.value);
    const te = trigger && text(getProperty(trigger, 'event')?.value);
    if (ti) {
      flow.trigger = { kind: 'intent', item: ti };
      ref('intent', ti, 'trigger');
    } else if (te) {
      flow.trigger = { kind: 'event', item: te };
      ref('event', te, 'event');
    }
    for (const s of asArray(getProperty(obj, 'steps')?.value)?.items ?? []) {
      const so = asObject(s);
      const step: StepFact = { node: s };
      const p = so?.properties.find((x) => (STEP_ACTIONS as readonly string[]).includes(x.key));
      if (p) {
        step.action = p.key as StepAction;
        const t = text(p.value);
        if (t) step.target = t;
        if (t && p.key === 'ask') ref('slot', t, 'ask', ti?.text);
        else if (t && p.key === 'say') ref('response', t, 'say');
        else if (t && p.key === 'call') ref('function', t, 'call');
        else if (t && p.key === 'goto') ref('flow', t, 'goto');
        else if (p.key === 'handoff') {
          const m = text(getValueOf(p.value, 'message'));
          if (m) ref('response', m, 'handoff-message');
        }
      }
      flow.steps.push(step);
    }
    facts.flows.push(flow);
  }

  for (const p of asObject(facts.sections.get('variables')?.value)?.properties ?? []) {
    const key = { text: p.key, start: p.keyStart, end: p.keyEnd };
    const v: VariableFact = { def: def('variable', key, { start: p.start, end: p.end } as Node), hasDefault: false, environments: [] };
    const obj = asObject(p.value);
    if (!obj) v.hasDefault = p.value !== null && p.value.type === 'scalar' && p.value.value !== null;
    else {
      const d = getProperty(obj, 'default');
      v.hasDefault = !!d && d.value?.type === 'scalar' && d.value.value !== null;
      for (const e of asObject(getProperty(obj, 'environments')?.value)?.properties ?? []) {
        v.environments.push({ text: e.key, start: e.keyStart, end: e.keyEnd });
      }
    }
    facts.variables.push(v);
  }

  // ${VARIABLE} may appear in any string of the file.
  if (doc.text.includes('${')) {
    walk(root, (n) => {
      if (n.type !== 'scalar' || typeof n.value !== 'string' || !n.value.includes('${')) return;
      scanPlaceholders(doc.text, n.start, n.end, (h) => {
        if (h.kind === 'variable') ref('variable', { text: h.name, start: h.start, end: h.end }, 'variable');
      });
    });
  }
  return facts;
}

function getValueOf(node: Node | null | undefined, key: string): Node | null | undefined {
  const o = asObject(node);
  return o ? getProperty(o, key)?.value : undefined;
}
