// What one file of a Dialogflow ES export says, read from its parsed tree with exact spans:
// an intent's id, name, contexts in and out, parameters, messages and follow-up links; a
// training phrases file's phrases with their annotations (`alias`, `meta`); an entity and its
// entries; agent.json's languages. Tolerant: a part of the wrong shape is skipped, or
// reported as dialogflow-es/schema, never thrown on.
import type { ArrayNode, BotDocument, FileFacts, Finding, Node, ObjectNode, ParsedDocument } from '../../definitions/index';
import { placeOf } from './names';
import type { EsPlace } from './names';

/** A string of the file: its value and the span of its token (quotes included). */
export interface Str {
  text: string;
  start: number;
  end: number;
}

export interface PhrasePart {
  text: string;
  start: number;
  end: number;
  alias?: Str;
  meta?: Str;
}

export interface Phrase {
  text: string;
  /** From its first part's text to its last's. */
  start: number;
  end: number;
  parts: PhrasePart[];
  lang?: Str;
}

export interface ParameterDecl {
  name: Str;
  dataType?: Str;
  value?: Str;
  node: ObjectNode;
}

export interface EsFacts extends FileFacts {
  place: EsPlace;
  top?: ObjectNode;
  /** An intent's or entity's `name`, an intent's `id`. */
  name?: Str;
  id?: Str;
  parentId?: Str;
  rootParentId?: Str;
  fallback: boolean;
  /** Input contexts. */
  contexts: Str[];
  /** Output contexts (`affectedContexts[].name`). */
  affected: Str[];
  parameters: ParameterDecl[];
  /** Languages with text responses (messages' `lang`). */
  messageLanguages: string[];
  /** Every `lang` value of the file (messages, prompts, phrases). */
  langs: Str[];
  events: string[];
  phrases: Phrase[];
  entries: { value: Str; synonyms: Str[] }[];
  /** agent.json. */
  agent?: { language?: Str; supported: Str[] };
  shape: Finding[];
}

export type EsDocument = BotDocument<EsFacts>;

const str = (n: Node | null | undefined): Str | undefined =>
  n && n.type === 'scalar' && typeof n.value === 'string' ? { text: n.value, start: n.start, end: n.end } : undefined;

function prop(obj: ObjectNode, key: string): Node | null | undefined {
  const ps = obj.properties;
  for (let i = 0; i < ps.length; i++) if (ps[i]!.key === key) return ps[i]!.value;
  return undefined;
}

/** The facts of a file at `rel` (relative to its agent folder). */
export function extractEsFacts(doc: ParsedDocument, rel: string): EsFacts {
  const place = placeOf(rel);
  const facts: EsFacts = { defs: [], refs: [], place, fallback: false, contexts: [], affected: [], parameters: [], messageLanguages: [], langs: [], events: [], phrases: [], entries: [], shape: [] };
  const root = doc.root;
  if (!root) return facts;
  const schema = (n: Node, message: string): void => {
    facts.shape.push({ start: n.start, end: n.end, code: 'dialogflow-es/schema', message });
  };
  switch (place.role) {
    case 'usersays':
    case 'entries': {
      if (root.type !== 'array') {
        schema(root, `ES reads ${rel} as a list ([ … ]) of ${place.role === 'usersays' ? 'training phrases' : 'entries'}.`);
        return facts;
      }
      if (place.role === 'usersays') readPhrases(root, facts);
      else readEntries(root, facts);
      return facts;
    }
    case 'other':
      return facts;
  }
  if (root.type !== 'object') {
    schema(root, `ES reads ${rel} as one JSON object ({ … }).`);
    return facts;
  }
  facts.top = root;
  switch (place.role) {
    case 'agent': {
      const supported: Str[] = [];
      const sl = prop(root, 'supportedLanguages');
      if (sl && sl.type === 'array') for (const i of sl.items) {
        const s = str(i);
        if (s) supported.push(s);
      } else if (sl) schema(sl, '`supportedLanguages` is a list of language codes.');
      facts.agent = { supported };
      const l = str(prop(root, 'language'));
      if (l) facts.agent.language = l;
      return facts;
    }
    case 'intent':
      readIntent(root, facts, schema);
      return facts;
    case 'entity': {
      const n = str(prop(root, 'name'));
      if (n) facts.name = n;
      const id = str(prop(root, 'id'));
      if (id) facts.id = id;
      return facts;
    }
    default:
      return facts;
  }
}

function readIntent(root: ObjectNode, facts: EsFacts, schema: (n: Node, m: string) => void): void {
  for (const [key, field] of [
    ['name', 'name'],
    ['id', 'id'],
    ['parentId', 'parentId'],
    ['rootParentId', 'rootParentId'],
  ] as const) {
    const s = str(prop(root, key));
    if (s) facts[field] = s;
  }
  const fb = prop(root, 'fallbackIntent');
  facts.fallback = !!fb && fb.type === 'scalar' && fb.value === true;
  const ctx = prop(root, 'contexts');
  if (ctx && ctx.type === 'array') for (const c of ctx.items) {
    const s = str(c);
    if (s) facts.contexts.push(s);
  } else if (ctx) schema(ctx, '`contexts` is a list of context names.');
  const events = prop(root, 'events');
  if (events && events.type === 'array') for (const e of events.items) {
    const n = e.type === 'object' ? str(prop(e, 'name')) : undefined;
    if (n) facts.events.push(n.text);
  }
  const responses = prop(root, 'responses');
  if (responses && responses.type !== 'array') schema(responses, '`responses` is a list.');
  if (!responses || responses.type !== 'array') return;
  for (const r of responses.items) {
    if (r.type !== 'object') continue;
    const ac = prop(r, 'affectedContexts');
    if (ac && ac.type === 'array') for (const c of ac.items) {
      const n = c.type === 'object' ? str(prop(c, 'name')) : undefined;
      if (n) facts.affected.push(n);
    }
    const params = prop(r, 'parameters');
    if (params && params.type === 'array') for (const p of params.items) {
      if (p.type !== 'object') continue;
      const name = str(prop(p, 'name'));
      if (!name) continue;
      const decl: ParameterDecl = { name, node: p };
      const dt = str(prop(p, 'dataType'));
      if (dt) decl.dataType = dt;
      const v = str(prop(p, 'value'));
      if (v) decl.value = v;
      facts.parameters.push(decl);
      const prompts = prop(p, 'prompts');
      if (prompts && prompts.type === 'array') for (const pr of prompts.items) {
        const l = pr.type === 'object' ? str(prop(pr, 'lang')) : undefined;
        if (l) facts.langs.push(l);
      }
    }
    const msgs = prop(r, 'messages');
    if (msgs && msgs.type === 'array') for (const m of msgs.items) {
      if (m.type !== 'object') continue;
      const l = str(prop(m, 'lang'));
      if (l) facts.langs.push(l);
      const speech = prop(m, 'speech');
      const hasText = speech ? (speech.type === 'array' ? speech.items.some((x) => !!str(x)?.text.trim()) : !!str(speech)?.text.trim()) : false;
      if (hasText) {
        const lang = l?.text ?? '';
        if (!facts.messageLanguages.includes(lang)) facts.messageLanguages.push(lang);
      }
    }
  }
}

function readPhrases(root: ArrayNode, facts: EsFacts): void {
  for (const item of root.items) {
    if (item.type !== 'object') continue;
    const data = prop(item, 'data');
    const parts: PhrasePart[] = [];
    let text = '';
    if (data && data.type === 'array') for (const d of data.items) {
      if (d.type !== 'object') continue;
      const t = str(prop(d, 'text'));
      const part: PhrasePart = { text: t?.text ?? '', start: t?.start ?? d.start, end: t?.end ?? d.end };
      const alias = str(prop(d, 'alias'));
      if (alias) part.alias = alias;
      const meta = str(prop(d, 'meta'));
      if (meta) part.meta = meta;
      text += part.text;
      parts.push(part);
    }
    const ph: Phrase = { text, start: parts[0]?.start ?? item.start, end: parts[parts.length - 1]?.end ?? item.end, parts };
    const lang = str(prop(item, 'lang'));
    if (lang) {
      ph.lang = lang;
      facts.langs.push(lang);
    }
    facts.phrases.push(ph);
  }
}

function readEntries(root: ArrayNode, facts: EsFacts): void {
  for (const item of root.items) {
    if (item.type !== 'object') continue;
    const value = str(prop(item, 'value'));
    if (!value) continue;
    const synonyms: Str[] = [];
    const syn = prop(item, 'synonyms');
    if (syn && syn.type === 'array') for (const s of syn.items) {
      const v = str(s);
      if (v) synonyms.push(v);
    }
    facts.entries.push({ value, synonyms });
  }
}
