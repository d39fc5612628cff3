// What a LivePerson Conversation Builder bot JSON holds, read once per change of the file
// from the engine's parse (exact offsets): the bot's identity, its dialogs (`groups`), its
// interactions (`conversationMessage`) with their chain links, rules, patterns, intents,
// integrations, texts, limits and the interaction names their code jumps to, its API
// integrations (`responder`), associated intents and domains, and its global functions.
// Arrays are sorted by id in an export: their order means nothing, and nothing here keeps
// it but for reporting in file order. Shape problems are findings (liveperson/schema),
// never exceptions.
import type { ArrayNode, FileFacts, Finding, Node, ObjectNode, ParsedDocument } from '../../definitions/index';

/** A string value with the span of its token (quotes included). */
export interface Str {
  text: string;
  start: number;
  end: number;
}

/** A value of any scalar type with its span (an interaction delay may be a number or a string). */
export interface Scalar {
  value: string | number | boolean | null;
  start: number;
  end: number;
}

export interface LpBot {
  node: ObjectNode;
  id?: Str;
  name?: Str;
  language?: Str;
  description?: Str;
}

export interface LpDialog {
  node: ObjectNode;
  id?: Str;
  name?: Str;
  /** DIALOG, FALLBACK_DIALOG, … */
  type?: Str;
}

/** A rule of an interaction (`responseMatches[]`): its conditions and the next action. */
export interface LpRule {
  node: ObjectNode;
  name?: Str;
  /** INTERACTION or DIALOG. */
  actionName?: Str;
  /** `next`, `none`, `close_dialog`, `close_conversation`, an interaction id or a dialog id. */
  actionValue?: Str;
}

export interface LpTile {
  node: ObjectNode;
  text?: Str;
  title?: Str;
  subtitle?: Str;
  buttons: Str[];
}

/** A name given to `botContext.setTriggerNextMessage` in code, with its span inside the code string. */
export interface LpTrigger extends Str {
  /** The code's key (preProcessMessage, postProcessMessage, processUserResponse, methods). */
  where: string;
}

export interface LpInteraction {
  node: ObjectNode;
  id?: Str;
  name?: Str;
  /** The dialog id. */
  group?: Str;
  /** DIALOG_STARTER, TEXT, TEXT_QUESTION, …, API_INTEGRATION. */
  type?: Str;
  prev?: Str;
  next?: Str;
  rules: LpRule[];
  patterns: Str[];
  intentId?: Str;
  responderId?: Str;
  delay?: Scalar;
  comment?: Str;
  tiles: LpTile[];
  /** The tileData list, when there is one. */
  tilesNode?: ArrayNode;
  triggers: LpTrigger[];
}

export interface LpResponder {
  node: ObjectNode;
  id?: Str;
  name?: Str;
  type?: Str;
}

export interface LpIntent {
  node: ObjectNode;
  id?: Str;
  name?: Str;
  domainId?: Str;
}

export interface LpDomain {
  node: ObjectNode;
  id?: Str;
  name?: Str;
  language?: Str;
}

export interface LivePersonFacts extends FileFacts {
  root?: ObjectNode;
  bot?: LpBot;
  dialogs: LpDialog[];
  interactions: LpInteraction[];
  responders: LpResponder[];
  intents: LpIntent[];
  domains: LpDomain[];
  /** The global functions' code (`globalFunctions.methods`). */
  globalCode?: Str;
  globalTriggers: LpTrigger[];
  /** Shape problems (liveperson/schema). */
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

/** The value of a key of an object (the first, as the parser reports repeats). */
export function val(node: Node | null | undefined, key: string): Node | null | undefined {
  const o = obj(node);
  if (!o) return undefined;
  for (const p of o.properties) if (p.key === key) return p.value;
  return undefined;
}

/** The value of the first of several keys (the export spells `chatBotId` and `chatbotId`). */
function strOf(node: Node | null | undefined, key: string): Str | undefined {
  return str(val(node, key));
}

/** `botContext.setTriggerNextMessage('name')` (or with double quotes, escaped in the JSON source) in a code string's raw text. */
const TRIGGER = /setTriggerNextMessage\s*\(\s*(?:'((?:[^'\\\n]|\\.)*)'|\\"((?:[^"\\\n]|\\[^"\n])*)\\")\s*\)/g;

/** The interaction names a code string's calls of setTriggerNextMessage jump to, with their spans in the file. */
export function triggersIn(text: string, code: Str, where: string): LpTrigger[] {
  const raw = text.slice(code.start + 1, code.end - 1);
  if (!raw.includes('setTriggerNextMessage')) return [];
  const out: LpTrigger[] = [];
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(raw); m; m = TRIGGER.exec(raw)) {
    const single = m[1] !== undefined;
    const inner = single ? m[1]! : m[2]!;
    const open = m[0].indexOf(single ? "'" : '\\"') + (single ? 1 : 2);
    const start = code.start + 1 + m.index + open;
    let name = inner;
    try {
      name = JSON.parse(`"${inner.replace(/\\'/g, "'")}"`) as string;
    } catch {
      // An escape JSON does not know: the name as written.
    }
    out.push({ text: name, start, end: start + inner.length, where });
  }
  return out;
}

/** The patterns, regexes, option values and API results a rule matches, for people (worked out when a hover asks). */
export function conditionsOf(rule: ObjectNode): string[] {
  const out: string[] = [];
  for (const c of arr(val(rule, 'conditions'))?.items ?? []) {
    const type = str(val(c, 'matchType'))?.text ?? '';
    const pattern = arr(val(val(c, 'patternMatch'), 'patterns'))?.items.map((p) => str(p)?.text).filter((x): x is string => !!x);
    const regex = str(val(val(c, 'regexMatch'), 'regexText'))?.text;
    const option = str(val(val(c, 'evaluateOptionMatch'), 'value'))?.text;
    const status = str(val(val(c, 'apiResultsMatch'), 'status'))?.text;
    if (pattern?.length) out.push(`pattern ${pattern.map((p) => `"${p}"`).join(', ')}`);
    else if (regex) out.push(`regex /${regex}/`);
    else if (option) out.push(`option "${option}"`);
    else if (status) out.push(`API result ${status}`);
    else if (type === 'NO_MATCH') out.push('no match');
    else if (type) out.push(type.toLowerCase().replace(/_/g, ' '));
  }
  for (const c of arr(val(rule, 'contextConditions'))?.items ?? []) {
    const name = str(val(c, 'contextName'))?.text;
    const type = str(val(c, 'matchType'))?.text;
    const value = str(val(c, 'value'))?.text;
    if (name) out.push(`${name} ${(type ?? '').toLowerCase().replace(/_/g, ' ')} ${value ?? ''}`.trim());
  }
  return out;
}

function tilesOf(content: Node | null | undefined): { tiles: LpTile[]; node?: ArrayNode } {
  const tileData = arr(val(val(val(content, 'results'), 'tile'), 'tileData'));
  if (!tileData) return { tiles: [] };
  const tiles: LpTile[] = [];
  for (const t of tileData.items) {
    const o = obj(t);
    if (!o) continue;
    const buttons: Str[] = [];
    for (const b of arr(val(o, 'buttons'))?.items ?? []) {
      const name = strOf(b, 'name');
      if (name) buttons.push(name);
    }
    const tile: LpTile = { node: o, buttons };
    const text = strOf(o, 'text');
    const title = strOf(o, 'title');
    const subtitle = strOf(o, 'subTitle') ?? strOf(o, 'subtitle');
    if (text) tile.text = text;
    if (title) tile.title = title;
    if (subtitle) tile.subtitle = subtitle;
    tiles.push(tile);
  }
  return { tiles, node: tileData };
}

function scalar(node: Node | null | undefined): Scalar | undefined {
  return node && node.type === 'scalar' ? { value: node.value, start: node.start, end: node.end } : undefined;
}

function setIf<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Reads a bot JSON's facts. Never throws: what has the wrong shape is left out and reported. */
export function extractLivePersonFacts(doc: ParsedDocument): LivePersonFacts {
  const facts: LivePersonFacts = { defs: [], refs: [], dialogs: [], interactions: [], responders: [], intents: [], domains: [], globalTriggers: [], shape: [] };
  const shape = (node: { start: number; end: number }, message: string): void => {
    facts.shape.push({ start: node.start, end: node.end, code: 'liveperson/schema', message });
  };
  const root = obj(doc.root);
  if (!root) {
    if (doc.root) shape(doc.root, 'A LivePerson bot export is one JSON object with `bot`, `conversationMessage` and `groups`. Export the bot again from Conversation Builder.');
    return facts;
  }
  facts.root = root;
  const keyOf = (key: string) => root.properties.find((p) => p.key === key);

  const botNode = val(root, 'bot');
  const bot = obj(botNode);
  if (!bot) shape(keyOf('bot') ?? { start: root.start, end: root.start + 1 }, '`bot` must be an object with the bot\'s `id`, `name` and `language`.');
  else {
    const b: LpBot = { node: bot };
    setIf(b, 'id', strOf(bot, 'id'));
    setIf(b, 'name', strOf(bot, 'name'));
    setIf(b, 'language', strOf(bot, 'language'));
    setIf(b, 'description', strOf(bot, 'description'));
    facts.bot = b;
  }

  const list = (key: string, required: boolean): ArrayNode | undefined => {
    const p = keyOf(key);
    if (!p) {
      if (required) shape({ start: root.start, end: root.start + 1 }, `The bot has no \`${key}\` list. Export the bot again from Conversation Builder.`);
      return undefined;
    }
    const a = arr(p.value);
    if (!a && !(p.value?.type === 'scalar' && p.value.value === null)) shape({ start: p.keyStart, end: p.keyEnd }, `\`${key}\` must be a list.`);
    return a;
  };

  for (const item of list('groups', true)?.items ?? []) {
    const o = obj(item);
    if (!o) {
      shape(item, 'A dialog (an item of `groups`) must be an object.');
      continue;
    }
    const d: LpDialog = { node: o };
    setIf(d, 'id', strOf(o, 'id'));
    setIf(d, 'name', strOf(o, 'name'));
    setIf(d, 'type', strOf(o, 'dialogType'));
    if (!d.id) shape(o, 'A dialog without an `id`: nothing can name it. Export the bot again.');
    facts.dialogs.push(d);
  }

  const text = doc.text;
  for (const item of list('conversationMessage', true)?.items ?? []) {
    const o = obj(item);
    if (!o) {
      shape(item, 'An interaction (an item of `conversationMessage`) must be an object.');
      continue;
    }
    const it: LpInteraction = { node: o, rules: [], patterns: [], tiles: [], triggers: [] };
    // One pass over the interaction's keys (an export has thousands of interactions); the first of a repeated key counts.
    const seen = new Set<string>();
    for (const p of o.properties) {
      if (seen.has(p.key)) continue;
      seen.add(p.key);
      const v = p.value;
      switch (p.key) {
        case 'id':
        case 'name':
        case 'group':
        case 'intentId': {
          const x = str(v);
          if (x) it[p.key] = x;
          break;
        }
        case 'interactionType':
          setIf(it, 'type', str(v));
          break;
        case 'prevMessageId':
          setIf(it, 'prev', str(v));
          break;
        case 'nextMessageId':
          setIf(it, 'next', str(v));
          break;
        case 'interactionDelay':
          setIf(it, 'delay', scalar(v));
          break;
        case 'comment':
          setIf(it, 'comment', strOf(v, 'content'));
          break;
        case 'content': {
          const { tiles, node: tilesNode } = tilesOf(v);
          it.tiles = tiles;
          setIf(it, 'tilesNode', tilesNode);
          setIf(it, 'responderId', strOf(v, 'responderId'));
          break;
        }
        case 'pattern':
          for (const x of arr(v)?.items ?? []) {
            const s = str(x);
            if (s) it.patterns.push(s);
          }
          break;
        case 'responseMatches':
          for (const r of arr(v)?.items ?? []) {
            const ro = obj(r);
            if (!ro) continue;
            const rule: LpRule = { node: ro };
            setIf(rule, 'name', strOf(ro, 'name'));
            const action = val(ro, 'action');
            setIf(rule, 'actionName', strOf(action, 'name'));
            setIf(rule, 'actionValue', strOf(action, 'value'));
            it.rules.push(rule);
          }
          break;
        case 'preProcessMessage':
        case 'postProcessMessage':
        case 'processUserResponse': {
          const code = str(v);
          if (code) it.triggers.push(...triggersIn(text, code, p.key));
          break;
        }
      }
    }
    if (!it.id) shape(o, 'An interaction without an `id`: nothing can go to it. Export the bot again.');
    facts.interactions.push(it);
  }

  for (const item of list('responder', false)?.items ?? []) {
    const o = obj(item);
    if (!o) continue;
    const r: LpResponder = { node: o };
    setIf(r, 'id', strOf(o, 'id'));
    setIf(r, 'name', strOf(o, 'name'));
    setIf(r, 'type', strOf(o, 'integrationType'));
    facts.responders.push(r);
  }
  for (const item of list('associatedIntents', false)?.items ?? []) {
    const o = obj(item);
    if (!o) continue;
    const i: LpIntent = { node: o };
    setIf(i, 'id', strOf(o, 'id'));
    setIf(i, 'name', strOf(o, 'displayName') ?? strOf(o, 'name'));
    setIf(i, 'domainId', strOf(o, 'domainId'));
    facts.intents.push(i);
  }
  for (const item of list('associatedDomains', false)?.items ?? []) {
    const o = obj(item);
    if (!o) continue;
    const d: LpDomain = { node: o };
    setIf(d, 'id', strOf(o, 'id'));
    setIf(d, 'name', strOf(o, 'name'));
    setIf(d, 'language', strOf(o, 'language'));
    facts.domains.push(d);
  }
  const methods = strOf(val(root, 'globalFunctions'), 'methods');
  if (methods) {
    facts.globalCode = methods;
    facts.globalTriggers = triggersIn(text, methods, 'globalFunctions');
  }
  return facts;
}
