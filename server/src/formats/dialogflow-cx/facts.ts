// What one file of a Dialogflow CX package says, read from its parsed tree with exact spans:
// the resource it defines (by its place in the package, names.ts), and every name it uses —
// intents of routes, target pages and flows, route groups, webhooks, entity types, parameters
// of phrase parts, languages — wherever in the file they are (fulfillments nest: routes,
// event handlers, form parameters' reprompt handlers, conditional cases). Tolerant: a part
// of the wrong shape is skipped, or reported as dialogflow-cx/schema, never thrown on.
import type { ArrayNode, BotDocument, FileFacts, Finding, Node, ObjectNode, ParsedDocument } from '../../definitions/index';
import { placeOf } from './names';
import type { CxPlace } from './names';

/** A string of the file: its value and the span of its token (quotes included). */
export interface Str {
  text: string;
  start: number;
  end: number;
}

/** What a name names. */
export type CxRefKind = 'intent' | 'page' | 'flow' | 'routeGroup' | 'webhook' | 'entityType' | 'parameter' | 'language' | 'playbook';

/** A use of a name, with where it sits (`route`: a transition route's intent). */
export interface CxRef extends Str {
  kind: CxRefKind;
  /** The name (an entity type's without its `@`). */
  name: string;
  /** Where the name starts inside the token (1 after the opening quote, 2 after `"@`). */
  offset: number;
  role: 'route' | 'target' | 'start' | 'test' | 'group' | 'webhook' | 'parameter' | 'form' | 'phrase' | 'language';
}

/** A transition route or an event handler. */
export interface RouteFact {
  kind: 'route' | 'event';
  node: ObjectNode;
  intent?: Str;
  condition?: Str;
  event?: Str;
  targetPage?: Str;
  targetFlow?: Str;
}

export interface PhrasePart {
  text: string;
  start: number;
  end: number;
  parameterId?: Str;
}

/** A training phrase: its text (its parts joined), the span of its parts' texts, and the phrase's object. */
export interface Phrase {
  text: string;
  /** From its first part's text to its last's (the phrase's object when it has no parts). */
  start: number;
  end: number;
  parts: PhrasePart[];
  languageCode?: Str;
  node: ObjectNode;
}

export interface EntityEntry {
  value: Str;
  synonyms: Str[];
  languageCode?: Str;
}

export interface ParameterDecl {
  id: Str;
  entityType?: Str;
  node: ObjectNode;
}

export interface CxFacts extends FileFacts {
  place: CxPlace;
  /** The top-level object, when the file is one. */
  top?: ObjectNode;
  displayName?: Str;
  /** agent.json. */
  agent?: { defaultLanguageCode?: Str; supported: Str[]; startFlow?: Str; startPlaybook?: Str };
  /** An intent's parameters, or a page's form parameters (by display name). */
  parameters: ParameterDecl[];
  isFallback: boolean;
  phrases: Phrase[];
  entries: EntityEntry[];
  routes: RouteFact[];
  refs2: CxRef[];
  /** Every `languageCode` value of the file. */
  languageCodes: Str[];
  /** Languages with text in the entry fulfillment (a page's, a flow's start page has none). */
  entryTextLanguages: string[];
  /** Shape findings of the file alone. */
  shape: Finding[];
  /** A test case's turns: what the user says, in which language, and the intent the turn expects. */
  testTurns: TestTurn[];
}

export interface TestTurn {
  /** `userInput.input.text.text`. */
  input: Str;
  /** `userInput.input.languageCode`, when the turn names one. */
  lang?: string;
  /** `virtualAgentOutput.triggeredIntent`: its display name (or a name that is no machine id). */
  intent?: string;
}

export type CxDocument = BotDocument<CxFacts>;

const str = (n: Node | null | undefined): Str | undefined =>
  n && n.type === 'scalar' && typeof n.value === 'string' ? { text: n.value, start: n.start, end: n.end } : undefined;

function prop(obj: ObjectNode, key: string): Node | null | undefined {
  const ps = obj.properties;
  for (let i = 0; i < ps.length; i++) if (ps[i]!.key === key) return ps[i]!.value;
  return undefined;
}

/** Whether a `name` or id looks like the console's own (a UUID, a resource path): never a display name. */
export const isMachineName = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) || s.startsWith('projects/');

/** The facts of a file at `rel` (relative to its agent folder). */
export function extractCxFacts(doc: ParsedDocument, rel: string): CxFacts {
  const place = placeOf(rel);
  const facts: CxFacts = {
    defs: [],
    refs: [],
    place,
    parameters: [],
    isFallback: false,
    phrases: [],
    entries: [],
    routes: [],
    refs2: [],
    languageCodes: [],
    entryTextLanguages: [],
    shape: [],
    testTurns: [],
  };
  const root = doc.root;
  if (!root) return facts;
  if (root.type !== 'object') {
    if (place.role !== 'other') facts.shape.push({ start: root.start, end: root.end, code: 'dialogflow-cx/schema', message: `The console reads ${rel} as one JSON object ({ … }); this file is ${root.type === 'array' ? 'a list' : 'a single value'}.` });
    return facts;
  }
  facts.top = root;
  if (place.role === 'other' || place.role === 'settings') {
    walkRefs(root, facts, place);
    return facts;
  }
  const dn = prop(root, 'displayName');
  if (dn !== undefined) {
    const s = str(dn);
    if (s) facts.displayName = s;
    else if (dn) facts.shape.push({ start: dn.start, end: dn.end, code: 'dialogflow-cx/schema', message: '`displayName` is a string: the name the console shows and references use.' });
  }
  const expectList = (key: string): ArrayNode | undefined => {
    const v = prop(root, key);
    if (v === undefined || v === null) return undefined;
    if (v.type === 'array') return v;
    facts.shape.push({ start: v.start, end: v.end, code: 'dialogflow-cx/schema', message: `\`${key}\` is a list ([ … ]) in ${rel}.` });
    return undefined;
  };
  switch (place.role) {
    case 'agent': {
      const supported: Str[] = [];
      for (const item of expectList('supportedLanguageCodes')?.items ?? []) {
        const s = str(item);
        if (s) supported.push(s);
      }
      facts.agent = { supported };
      const dl = str(prop(root, 'defaultLanguageCode'));
      if (dl) facts.agent.defaultLanguageCode = dl;
      const sf = str(prop(root, 'startFlow'));
      if (sf) {
        facts.agent.startFlow = sf;
        facts.refs2.push({ ...sf, kind: 'flow', name: sf.text, offset: 1, role: 'start' });
      }
      const sp = str(prop(root, 'startPlaybook'));
      if (sp) {
        facts.agent.startPlaybook = sp;
        facts.refs2.push({ ...sp, kind: 'playbook', name: sp.text, offset: 1, role: 'start' });
      }
      return facts;
    }
    case 'intent': {
      const fb = prop(root, 'isFallback');
      facts.isFallback = !!fb && fb.type === 'scalar' && fb.value === true;
      for (const item of expectList('parameters')?.items ?? []) {
        if (item.type !== 'object') continue;
        const id = str(prop(item, 'id'));
        if (!id) continue;
        const p: ParameterDecl = { id, node: item };
        const et = str(prop(item, 'entityType'));
        if (et) p.entityType = et;
        facts.parameters.push(p);
      }
      walkRefs(root, facts, place);
      return facts;
    }
    case 'phrases': {
      for (const item of expectList('trainingPhrases')?.items ?? []) {
        if (item.type !== 'object') continue;
        const parts: PhrasePart[] = [];
        let text = '';
        const ps = prop(item, 'parts');
        if (ps && ps.type === 'array') {
          for (const part of ps.items) {
            if (part.type !== 'object') continue;
            const t = str(prop(part, 'text'));
            const p: PhrasePart = { text: t?.text ?? '', start: t?.start ?? part.start, end: t?.end ?? part.end };
            const pid = str(prop(part, 'parameterId'));
            if (pid) {
              p.parameterId = pid;
              facts.refs2.push({ ...pid, kind: 'parameter', name: pid.text, offset: 1, role: 'phrase' });
            }
            text += p.text;
            parts.push(p);
          }
        }
        const phrase: Phrase = { text, start: parts[0]?.start ?? item.start, end: parts[parts.length - 1]?.end ?? item.end, parts, node: item };
        const lc = str(prop(item, 'languageCode'));
        if (lc) {
          phrase.languageCode = lc;
          facts.languageCodes.push(lc);
        }
        facts.phrases.push(phrase);
      }
      return facts;
    }
    case 'entities': {
      for (const item of expectList('entities')?.items ?? []) {
        if (item.type !== 'object') continue;
        const value = str(prop(item, 'value'));
        if (!value) continue;
        const entry: EntityEntry = { value, synonyms: [] };
        const syn = prop(item, 'synonyms');
        if (syn && syn.type === 'array') for (const s of syn.items) {
          const v = str(s);
          if (v) entry.synonyms.push(v);
        }
        const lc = str(prop(item, 'languageCode'));
        if (lc) {
          entry.languageCode = lc;
          facts.languageCodes.push(lc);
        }
        facts.entries.push(entry);
      }
      return facts;
    }
    case 'page': {
      const form = prop(root, 'form');
      if (form && form.type === 'object') {
        const ps = prop(form, 'parameters');
        if (ps && ps.type === 'array') for (const item of ps.items) {
          if (item.type !== 'object') continue;
          const id = str(prop(item, 'displayName'));
          if (!id) continue;
          const p: ParameterDecl = { id, node: item };
          const et = str(prop(item, 'entityType'));
          if (et) p.entityType = et;
          facts.parameters.push(p);
        }
      }
      const entry = prop(root, 'entryFulfillment');
      if (entry && entry.type === 'object') facts.entryTextLanguages = textLanguages(entry);
      walkRefs(root, facts, place);
      return facts;
    }
    case 'testCase': {
      walkRefs(root, facts, place);
      readTestTurns(root, facts);
      return facts;
    }
    default:
      walkRefs(root, facts, place);
      return facts;
  }
}

/** The node at a path of object keys, or undefined where the path leaves objects. */
function at(n: Node | null | undefined, ...keys: string[]): Node | null | undefined {
  for (const k of keys) {
    if (!n || n.type !== 'object') return undefined;
    n = prop(n, k);
  }
  return n;
}

/** A test case's turns (testCaseConversationTurns) with a text input. */
function readTestTurns(root: ObjectNode, facts: CxFacts): void {
  const turns = prop(root, 'testCaseConversationTurns');
  if (!turns || turns.type !== 'array') return;
  for (const turn of turns.items) {
    const text = str(at(turn, 'userInput', 'input', 'text', 'text'));
    if (!text) continue;
    const t: TestTurn = { input: text };
    const lang = str(at(turn, 'userInput', 'input', 'languageCode'))?.text;
    if (lang) t.lang = lang;
    const name = str(at(turn, 'virtualAgentOutput', 'triggeredIntent', 'displayName')) ?? str(at(turn, 'virtualAgentOutput', 'triggeredIntent', 'name'));
    if (name && !isMachineName(name.text)) t.intent = name.text;
    facts.testTurns.push(t);
  }
}

/** The languages a fulfillment has text messages in ('' for messages without a languageCode). */
function textLanguages(fulfillment: ObjectNode): string[] {
  const out: string[] = [];
  const msgs = prop(fulfillment, 'messages');
  if (!msgs || msgs.type !== 'array') return out;
  for (const m of msgs.items) {
    if (m.type !== 'object') continue;
    const text = prop(m, 'text');
    if (!text || text.type !== 'object') continue;
    const t = prop(text, 'text');
    if (!t || t.type !== 'array' || !t.items.some((x) => str(x)?.text.trim())) continue;
    const lang = str(prop(m, 'languageCode'))?.text ?? '';
    if (!out.includes(lang)) out.push(lang);
  }
  return out;
}

/**
 * Every name the file uses, wherever it sits: one walk of the tree, no recursion. Routes are
 * the items of `transitionRoutes` and `eventHandlers` lists; a test case's expected intents
 * its flow and the pages it expects are uses of their own.
 */
function walkRefs(root: ObjectNode, facts: CxFacts, place: CxPlace): void {
  const test = place.role === 'testCase';
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'array') {
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]!);
      continue;
    }
    if (n.type !== 'object') continue;
    const listKey = n.parent?.type === 'array' ? n.parent.property?.key : undefined;
    if (listKey === 'transitionRoutes' || listKey === 'eventHandlers' || listKey === 'repromptEventHandlers') readRoute(n, listKey === 'transitionRoutes' ? 'route' : 'event', facts);
    for (let i = n.properties.length - 1; i >= 0; i--) {
      const p = n.properties[i]!;
      const v = p.value;
      if (!v) continue;
      if (v.type === 'scalar') {
        if (typeof v.value !== 'string') continue;
        const s: Str = { text: v.value, start: v.start, end: v.end };
        switch (p.key) {
          case 'intent':
            if (!test) facts.refs2.push({ ...s, kind: 'intent', name: s.text, offset: 1, role: 'route' });
            break;
          case 'targetPage':
            facts.refs2.push({ ...s, kind: 'page', name: s.text, offset: 1, role: 'target' });
            break;
          case 'targetFlow':
            facts.refs2.push({ ...s, kind: 'flow', name: s.text, offset: 1, role: 'target' });
            break;
          case 'targetPlaybook':
            facts.refs2.push({ ...s, kind: 'playbook', name: s.text, offset: 1, role: 'target' });
            break;
          case 'webhook':
            if (s.text !== '') facts.refs2.push({ ...s, kind: 'webhook', name: s.text, offset: 1, role: 'webhook' });
            break;
          case 'entityType':
            if (s.text.startsWith('@')) facts.refs2.push({ ...s, kind: 'entityType', name: s.text.slice(1), offset: 2, role: place.role === 'page' ? 'form' : 'parameter' });
            break;
          case 'languageCode':
            facts.languageCodes.push(s);
            break;
          case 'flow':
            // A test case's flow (testConfig.flow).
            if (test && n.property?.key === 'testConfig') facts.refs2.push({ ...s, kind: 'flow', name: s.text, offset: 1, role: 'test' });
            break;
          case 'displayName':
          case 'name':
            // The intent a test case expects (virtualAgentOutput.triggeredIntent), named by its display name.
            if (test && n.property?.key === 'triggeredIntent' && !isMachineName(s.text) && (p.key === 'displayName' || !n.properties.some((q) => q.key === 'displayName')))
              facts.refs2.push({ ...s, kind: 'intent', name: s.text, offset: 1, role: 'test' });
            // The page a test case expects the conversation on (virtualAgentOutput.currentPage).
            else if (test && n.property?.key === 'currentPage' && !isMachineName(s.text) && (p.key === 'displayName' || !n.properties.some((q) => q.key === 'displayName')))
              facts.refs2.push({ ...s, kind: 'page', name: s.text, offset: 1, role: 'test' });
            break;
        }
        continue;
      }
      if (p.key === 'transitionRouteGroups' && v.type === 'array') {
        for (const item of v.items) {
          const s = str(item);
          if (s) facts.refs2.push({ ...s, kind: 'routeGroup', name: s.text, offset: 1, role: 'group' });
        }
        continue;
      }
      stack.push(v);
    }
  }
  facts.routes.sort((a, b) => a.node.start - b.node.start);
}

function readRoute(n: ObjectNode, kind: 'route' | 'event', facts: CxFacts): void {
  const r: RouteFact = { kind, node: n };
  for (const p of n.properties) {
    const s = str(p.value);
    if (!s) continue;
    if (p.key === 'intent') r.intent = s;
    else if (p.key === 'condition') r.condition = s;
    else if (p.key === 'event') r.event = s;
    else if (p.key === 'targetPage') r.targetPage = s;
    else if (p.key === 'targetFlow') r.targetFlow = s;
  }
  facts.routes.push(r);
}
