// The vocabulary of the semantic diff, shared by every format: what a bot is made of
// (intents, their examples, entities, slots, responses, flows, …), each thing as one
// entity with an identity and a canonical value. A format turns a bot's files into a list
// of entities; the differ (differ.ts) compares two lists. Canonical values are built from
// the engine's parse tree with positions, key order and formatting left out, so that two
// texts that say the same thing give the same value.
import type { Node } from '../parse/tree';

/**
 * The kinds of entities, in the order a summary lists them. Formats name their own things
 * with these words: a native slot type is an `entity` and its values `entity-value`s, a
 * native function a `webhook`; the bot's own settings (name, locales' default, include
 * globs) are `setting`s. Platforms with words of their own use them: LivePerson's patterns,
 * integrations, dialogs and interactions; PolyAI's functions, handoffs, variants,
 * translations, topics, steps and conditions.
 */
export const SEMANTIC_KINDS = [
  'setting',
  'locale',
  'variable',
  'intent',
  'utterance',
  'pattern',
  'entity',
  'entity-value',
  'slot',
  'response',
  'form',
  'action',
  'webhook',
  'integration',
  'function',
  'handoff',
  'variant',
  'translation',
  'topic',
  'dialog',
  'interaction',
  'flow',
  'step',
  'condition',
  'page',
  'route-group',
  'route',
  'story',
  'rule',
  'test',
] as const;

export type SemanticKind = (typeof SEMANTIC_KINDS)[number];

/** How a summary heads each kind's changes. */
export const SEMANTIC_KIND_TITLES: Readonly<Record<SemanticKind, string>> = {
  setting: 'Settings',
  locale: 'Locales',
  variable: 'Variables',
  intent: 'Intents',
  utterance: 'Utterances',
  pattern: 'Patterns',
  entity: 'Entities',
  'entity-value': 'Entity values',
  slot: 'Slots',
  response: 'Responses',
  form: 'Forms',
  action: 'Actions',
  webhook: 'Webhooks',
  integration: 'Integrations',
  function: 'Functions',
  handoff: 'Handoffs',
  variant: 'Variants',
  translation: 'Translations',
  topic: 'Topics',
  dialog: 'Dialogs',
  interaction: 'Interactions',
  flow: 'Flows',
  step: 'Steps',
  condition: 'Conditions',
  page: 'Pages',
  'route-group': 'Route groups',
  route: 'Routes',
  story: 'Stories',
  rule: 'Rules',
  test: 'Tests',
};

/**
 * One thing a bot defines. Its identity is (kind, parent, locale, name): the differ
 * matches entities of two sides by it, wherever their files are. Utterances (training
 * examples) are one entity each, named by their text, so that an intent's examples compare
 * as a multiset: their order is no change, a duplicate is.
 */
export interface SemanticEntity {
  kind: SemanticKind;
  /** The entity's name as the platform spells it; an utterance's text. */
  name: string;
  /** The entity it belongs to: an utterance's or a slot's intent, an entity value's entity. */
  parent?: string;
  /** The locale, for entities that exist once per locale. */
  locale?: string;
  /** The file that defines it, relative to the bot folder. */
  file?: string;
  /** A canonical form of what it says (see canonicalNode), compared as a string; '' for entities whose identity is all there is. */
  value: string;
}

export type ChangeKind = 'added' | 'removed' | 'modified';

/** One difference between two sides, in the platform's terms. */
export interface SemanticChange {
  kind: SemanticKind;
  name: string;
  change: ChangeKind;
  parent?: string;
  locale?: string;
  /** Where the entity is: on the side that has it (the newer side when both do). */
  file?: string;
  /** What changed in a modified entity, in a few words ("type PizzaSize → Topping"). */
  detail?: string;
}

/** How canonicalNode reads a subtree. */
export interface CanonicalOptions {
  /** The document's text, for the source of nodes the parser could not turn into data (aliases). */
  text?: string;
  /** Keys of the node itself (when an object) that are left out: the name, children that are entities of their own. */
  omit?: readonly string[];
  /** Whether the array at this path (property keys from the node) is a set: its order is no change. */
  unordered?(path: readonly string[]): boolean;
  /** Properties left out at any depth (a platform's volatile fields: generated ids, timestamps). */
  skip?(key: string, value: Node | null): boolean;
  /** Numbers with a fraction compared at a 32-bit float's precision (7 significant digits): `0.30000001` is `0.3`. */
  float32?: boolean;
}

/** A canonical JSON text of a scalar. Non-finite numbers keep their spelling apart from null. */
export function canonicalScalar(value: string | number | boolean | null): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return `{"$number":"${String(value)}"}`;
  return JSON.stringify(value);
}

/** A canonical JSON text of an object given as key → canonical value pairs: keys sorted, duplicates kept. */
export function canonicalObject(pairs: readonly (readonly [string, string])[]): string {
  const sorted = pairs.length > 1 ? [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) : pairs;
  let s = '{';
  for (let i = 0; i < sorted.length; i++) {
    if (i) s += ',';
    s += JSON.stringify(sorted[i]![0]) + ':' + sorted[i]![1];
  }
  return s + '}';
}

/** A canonical JSON text of an array given as canonical items; `unordered` sorts them (a multiset). */
export function canonicalArray(items: readonly string[], unordered = false): string {
  return '[' + (unordered && items.length > 1 ? [...items].sort() : items).join(',') + ']';
}

/**
 * The canonical JSON text of a parsed subtree: object keys sorted, positions, quoting,
 * flow or block style, comments and formatting gone. Never throws; nesting is bounded by
 * the parser.
 */
export function canonicalNode(node: Node | null | undefined, options: CanonicalOptions = {}): string {
  return canon(node ?? null, options, [], options.omit);
}

function canon(node: Node | null, options: CanonicalOptions, path: string[], omit: readonly string[] | undefined): string {
  if (!node) return 'null';
  switch (node.type) {
    case 'scalar':
      if (options.float32 && typeof node.value === 'number' && Number.isFinite(node.value) && !Number.isInteger(node.value)) return canonicalScalar(Number(node.value.toPrecision(7)));
      return canonicalScalar(node.value);
    case 'opaque':
      return canonicalObject([
        ['$opaque', JSON.stringify(node.reason)],
        ['$text', JSON.stringify(options.text !== undefined ? options.text.slice(node.start, node.end) : '')],
      ]);
    case 'array': {
      const items = node.items.map((item) => canon(item, options, path, undefined));
      return canonicalArray(items, options.unordered?.(path) ?? false);
    }
    case 'object': {
      const pairs: [string, string][] = [];
      for (const p of node.properties) {
        if (omit && omit.includes(p.key)) continue;
        if (options.skip && options.skip(p.key, p.value)) continue;
        path.push(p.key);
        pairs.push([p.key, canon(p.value, options, path, undefined)]);
        path.pop();
      }
      return canonicalObject(pairs);
    }
  }
}

/** Plain data as canonical JSON (keys sorted), for values a format builds itself. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return canonicalScalar(value as string | number | boolean | null);
  if (Array.isArray(value)) return canonicalArray(value.map(canonicalJson));
  return canonicalObject(Object.keys(value).map((k) => [k, canonicalJson((value as Record<string, unknown>)[k])] as const));
}
