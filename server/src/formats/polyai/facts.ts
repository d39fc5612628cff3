// What one file of a PolyAI ADK project says, read once per change of the file from the
// engine's parse (exact offsets): the resources it defines (a topic, a flow's config, a step
// with its conditions, entities, handoffs, variants and attributes, translations, SMS
// templates, API integrations, languages, a test case, a function), the references its
// texts make ({{prefix:name}}, start_step, child_step, entities a step extracts or a
// condition requires, goto_step and goto_flow in code) and the state variables its code
// sets. The file's role comes from its path (paths.ts); shape problems are findings
// (polyai/schema), never exceptions.
import type { ArrayNode, FileFacts, Finding, Node, ObjectNode, ParsedDocument } from '../../definitions/index';
import { flowFolderOf, roleOf, stem } from './paths';
import type { PolyRole } from './paths';
import { readPython } from './python';
import type { PyFunction } from './python';
import { scanRefs } from './refs';
import type { TextPlace, TextRef } from './refs';

/** A string value with the span of its token. */
export interface Str {
  text: string;
  start: number;
  end: number;
}

/** A named item of a list file (an entity, a handoff, a variant…). */
export interface Named {
  name: Str;
  node: ObjectNode;
}

export interface Condition {
  node: ObjectNode;
  name?: Str;
  type?: Str;
  childStep?: Str;
  requiredEntities: Str[];
}

export interface StepFacts {
  node: ObjectNode;
  name?: Str;
  /** default_step or advanced_step. */
  type?: Str;
  conditions: Condition[];
  extractedEntities: Str[];
  prompt?: Str;
}

export interface TopicFacts {
  node: ObjectNode;
  name?: Str;
  exampleQueries: Str[];
  exampleQueriesNode?: ArrayNode;
}

export interface FlowConfigFacts {
  node: ObjectNode;
  name?: Str;
  description?: Str;
  startStep?: Str;
}

export interface Attribute extends Named {
  /** Variant name → the value's key span. */
  values: Map<string, Str>;
}

export interface TestAssertion {
  name?: Str;
  args: { name?: Str; valueType?: Str }[];
}

export interface TestFacts {
  node: ObjectNode;
  name?: Str;
  channel?: Str;
  language?: Str;
  variant?: Str;
  assertions: TestAssertion[];
}

export interface PolyFacts extends FileFacts {
  role?: PolyRole;
  /** The flow folder for a flow's files. */
  flow?: string;
  root?: ObjectNode;
  project?: { projectId?: Str; accountId?: Str; region?: Str; projectName?: Str };
  languages?: { defaultLanguage?: Str; additional: Str[] };
  entities: Named[];
  handoffs: (Named & { isDefault: boolean; isDefaultNode?: Node })[];
  smsTemplates: Named[];
  translations: (Named & { keys: Map<string, Str> })[];
  variants: (Named & { isDefault: boolean })[];
  attributes: Attribute[];
  topic?: TopicFacts;
  flowConfig?: FlowConfigFacts;
  step?: StepFacts;
  test?: TestFacts;
  /** A function file's code, read with patterns. */
  python?: PyFunction;
  /** The {{prefix:name}} references of the file's texts. */
  textRefs: TextRef[];
  shape: Finding[];
}

export function str(node: Node | null | undefined): Str | undefined {
  return node && node.type === 'scalar' && typeof node.value === 'string' ? { text: node.value, start: node.start, end: node.end } : undefined;
}

export function obj(node: Node | null | undefined): ObjectNode | undefined {
  return node && node.type === 'object' ? node : undefined;
}

export function arr(node: Node | null | undefined): ArrayNode | undefined {
  return node && node.type === 'array' ? node : undefined;
}

export function val(node: Node | null | undefined, key: string): Node | null | undefined {
  const o = obj(node);
  if (!o) return undefined;
  for (const p of o.properties) if (p.key === key) return p.value;
  return undefined;
}

const strs = (node: Node | null | undefined): Str[] => (arr(node)?.items ?? []).map(str).filter((x): x is Str => !!x);

function empty(role: PolyRole | undefined): PolyFacts {
  const f: PolyFacts = { defs: [], refs: [], entities: [], handoffs: [], smsTemplates: [], translations: [], variants: [], attributes: [], textRefs: [], shape: [] };
  if (role) f.role = role;
  return f;
}

/** The file's facts; `rel` is its path relative to the project folder. */
export function extractPolyFacts(doc: ParsedDocument, rel: string): PolyFacts {
  const role = roleOf(rel);
  const f = empty(role);
  const flow = flowFolderOf(rel);
  if (flow !== undefined) f.flow = flow;
  if (!role || role === 'generated' || role === 'context' || role === 'experimental') return f;
  const text = doc.text;
  const refsIn = (node: Node | null | undefined, place: TextPlace) => {
    if (node && node.type === 'scalar' && typeof node.value === 'string') f.textRefs.push(...scanRefs(text, node.start, node.end, place, flow));
  };
  if (role === 'rules') {
    f.textRefs.push(...scanRefs(text, 0, text.length, 'rules'));
    return f;
  }
  if (role === 'function' || role === 'function-step' || role === 'transition-function') {
    f.python = readPython(text, stem(rel));
    return f;
  }
  const root = obj(doc.root);
  const shape = (node: { start: number; end: number }, message: string) => f.shape.push({ start: node.start, end: node.end, code: 'polyai/schema', message });
  if (!root) {
    // An empty file is an empty resource; anything else that is no mapping is a mistake.
    if (doc.root) shape(doc.root, `This file must be a mapping of the ${role.replace(/-/g, ' ')}'s keys.`);
    return f;
  }
  f.root = root;
  const list = (key: string): ObjectNode[] => {
    const v = val(root, key);
    if (v === undefined || v === null || (v.type === 'scalar' && v.value === null)) return [];
    const a = arr(v);
    if (!a) {
      shape(v, `\`${key}\` must be a list.`);
      return [];
    }
    const out: ObjectNode[] = [];
    for (const item of a.items) {
      const o = obj(item);
      if (o) out.push(o);
      else shape(item, `Each item of \`${key}\` must be a mapping.`);
    }
    return out;
  };
  const named = (o: ObjectNode, key = 'name'): Str | undefined => {
    const n = str(val(o, key));
    if (!n) shape(o, `This item has no \`${key}\`.`);
    return n;
  };
  switch (role) {
    case 'project': {
      const p: NonNullable<PolyFacts['project']> = {};
      const set = (k: keyof typeof p, key: string) => {
        const v = str(val(root, key));
        if (v) p[k] = v;
      };
      set('projectId', 'project_id');
      set('accountId', 'account_id');
      set('region', 'region');
      set('projectName', 'project_name');
      for (const key of ['project_id', 'account_id', 'region']) if (!str(val(root, key))) shape(root.properties.find((x) => x.key === key) ?? { start: 0, end: 0 }, `project.yaml needs \`${key}\` (poly init writes project_id, account_id and region).`);
      f.project = p;
      break;
    }
    case 'languages': {
      const l: NonNullable<PolyFacts['languages']> = { additional: strs(val(root, 'additional_languages')) };
      const d = str(val(root, 'default_language'));
      if (d) l.defaultLanguage = d;
      f.languages = l;
      break;
    }
    case 'personality':
    case 'role':
      refsIn(val(root, 'custom'), 'persona-custom');
      break;
    case 'entities':
      for (const o of list('entities')) {
        const name = named(o);
        if (name) f.entities.push({ name, node: o });
      }
      break;
    case 'handoffs':
      for (const o of list('handoffs')) {
        const name = named(o);
        const d = val(o, 'is_default');
        if (name) f.handoffs.push({ name, node: o, isDefault: d?.type === 'scalar' && d.value === true, ...(d ? { isDefaultNode: d } : {}) });
      }
      break;
    case 'sms':
      for (const o of list('sms_templates')) {
        const name = named(o);
        if (name) f.smsTemplates.push({ name, node: o });
        refsIn(val(o, 'text'), 'sms-text');
      }
      break;
    case 'translations':
      for (const o of list('translations')) {
        const name = named(o);
        const keys = new Map<string, Str>();
        for (const p of obj(val(o, 'translations'))?.properties ?? []) keys.set(p.key, { text: p.key, start: p.keyStart, end: p.keyEnd });
        if (name) f.translations.push({ name, node: o, keys });
      }
      break;
    case 'variants':
      for (const o of list('variants')) {
        const name = named(o);
        const d = val(o, 'is_default');
        if (name) f.variants.push({ name, node: o, isDefault: d?.type === 'scalar' && d.value === true });
      }
      for (const o of list('attributes')) {
        const name = named(o);
        const values = new Map<string, Str>();
        for (const p of obj(val(o, 'values'))?.properties ?? []) values.set(p.key, { text: p.key, start: p.keyStart, end: p.keyEnd });
        if (name) f.attributes.push({ name, node: o, values });
      }
      break;
    case 'topic': {
      const t: TopicFacts = { node: root, exampleQueries: strs(val(root, 'example_queries')) };
      const name = str(val(root, 'name'));
      if (name) t.name = name;
      const q = arr(val(root, 'example_queries'));
      if (q) t.exampleQueriesNode = q;
      f.topic = t;
      refsIn(val(root, 'actions'), 'topic-actions');
      refsIn(val(root, 'content'), 'topic-content');
      break;
    }
    case 'flow-config': {
      const c: FlowConfigFacts = { node: root };
      const name = str(val(root, 'name'));
      const description = str(val(root, 'description'));
      const start = str(val(root, 'start_step'));
      if (name) c.name = name;
      if (description) c.description = description;
      if (start) c.startStep = start;
      f.flowConfig = c;
      break;
    }
    case 'step': {
      const s: StepFacts = { node: root, conditions: [], extractedEntities: strs(val(root, 'extracted_entities')) };
      const name = str(val(root, 'name'));
      const type = str(val(root, 'step_type'));
      const prompt = str(val(root, 'prompt'));
      if (name) s.name = name;
      if (type) s.type = type;
      if (prompt) s.prompt = prompt;
      for (const o of list('conditions')) {
        const c: Condition = { node: o, requiredEntities: strs(val(o, 'required_entities')) };
        const cn = str(val(o, 'name'));
        const ct = str(val(o, 'condition_type'));
        const child = str(val(o, 'child_step'));
        if (cn) c.name = cn;
        if (ct) c.type = ct;
        if (child) c.childStep = child;
        s.conditions.push(c);
      }
      f.step = s;
      refsIn(val(root, 'prompt'), type?.text === 'default_step' ? 'default-prompt' : 'advanced-prompt');
      break;
    }
    case 'voice-config':
    case 'chat-config': {
      const greeting = val(root, 'greeting');
      refsIn(val(greeting, 'welcome_message'), 'greeting');
      const disclaimer = val(root, 'disclaimer_messages');
      for (const d of arr(disclaimer)?.items ?? [disclaimer]) refsIn(val(d, 'message'), 'greeting');
      refsIn(val(val(root, 'style_prompt'), 'prompt'), 'style-prompt');
      break;
    }
    case 'test': {
      const t: TestFacts = { node: root, assertions: [] };
      for (const [k, key] of [
        ['name', 'name'],
        ['channel', 'channel'],
        ['language', 'language'],
        ['variant', 'variant'],
      ] as const) {
        const v = str(val(root, key));
        if (v) t[k] = v;
      }
      for (const o of list('function_call_assertions')) {
        const a: TestAssertion = { args: [] };
        const n = str(val(o, 'name'));
        if (n) a.name = n;
        for (const arg of arr(val(o, 'arguments'))?.items ?? []) {
          const pn = str(val(arg, 'parameter_name'));
          const vt = str(val(arg, 'value_type'));
          a.args.push({ ...(pn ? { name: pn } : {}), ...(vt ? { valueType: vt } : {}) });
        }
        t.assertions.push(a);
      }
      f.test = t;
      break;
    }
    default:
      break;
  }
  return f;
}
