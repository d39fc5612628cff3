// The names a bot defines and the places that use them; the shared vocabulary of the
// model, the rules and the editor features.

export type SymbolKind = 'intent' | 'slot' | 'slotType' | 'response' | 'function' | 'flow' | 'variable' | 'locale' | 'event';

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
  | 'default-locale';

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

/** Key of a symbol in the bot's tables. */
export function symbolKey(kind: SymbolKind, name: string): string {
  return `${kind}:${name}`;
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
};
