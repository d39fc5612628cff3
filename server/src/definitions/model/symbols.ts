// The names a bot defines and the places that use them; the shared vocabulary of the
// model, the rules and the editor features.

/**
 * The kinds of names, across formats: the native format's, and those platforms add
 * (Rasa's entities, forms, actions, stories and rules).
 */
export type SymbolKind =
  | 'intent'
  | 'slot'
  | 'slotType'
  | 'response'
  | 'function'
  | 'flow'
  | 'variable'
  | 'locale'
  | 'event'
  | 'entity'
  | 'form'
  | 'action'
  | 'story'
  | 'rule';

/** Where a name is defined. `start`/`end` span the name's token (quotes included). */
export interface Definition {
  kind: SymbolKind;
  name: string;
  /** symbolKey(kind, name), computed once with the file's facts. */
  key: string;
  file: string;
  start: number;
  end: number;
  /** The whole definition (the intent's mapping, the response's entry). */
  fullStart: number;
  fullEnd: number;
  /** The intent a slot belongs to. */
  container?: string;
}

export type ReferenceRole =
  | 'trigger'
  | 'event'
  | 'ask'
  | 'say'
  | 'call'
  | 'goto'
  | 'handoff-message'
  | 'slot-type'
  | 'placeholder'
  | 'variable'
  | 'locale'
  | 'default-locale'
  | 'example'
  | 'step'
  | 'mapping'
  | 'condition'
  | 'required-slot'
  | 'link'
  | 'collect'
  | 'annotation'
  | 'trigger-intent'
  | 'payload';

/** A use of a name. `start`/`end` span the name's token (for placeholders: the name inside braces). */
export interface Reference {
  kind: SymbolKind;
  name: string;
  /** symbolKey(kind, name), computed once with the file's facts. */
  key: string;
  file: string;
  start: number;
  end: number;
  role: ReferenceRole;
  /** For placeholders in utterances and prompts, and ask steps of intent-triggered flows: the intent whose slots apply. */
  scope?: string;
}

/** Keys made so far, by kind and name (bounded: names come and go as a user types). */
const keys = new Map<SymbolKind, Map<string, string>>();
const MAX_KEYS = 50_000;

/** Key of a symbol in the bot's tables. */
export function symbolKey(kind: SymbolKind, name: string): string {
  // Keys repeat: every utterance list names its locale, so a large bot makes the key
  // "locale:en-US" tens of thousands of times. One string per key, kept, instead.
  let byName = keys.get(kind);
  if (!byName) keys.set(kind, (byName = new Map()));
  let key = byName.get(name);
  if (key === undefined) {
    if (byName.size >= MAX_KEYS) byName.clear();
    byName.set(name, (key = `${kind}:${name}`));
  }
  return key;
}

/** Human words for each kind, for messages and hovers. */
export const KIND_WORDS: Record<SymbolKind, string> = {
  intent: 'intent',
  slot: 'slot',
  slotType: 'slot type',
  response: 'response',
  function: 'function',
  flow: 'flow',
  variable: 'variable',
  locale: 'locale',
  event: 'event',
  entity: 'entity',
  form: 'form',
  action: 'action',
  story: 'story',
  rule: 'rule',
};
