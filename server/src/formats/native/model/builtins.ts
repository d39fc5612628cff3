// Names the format provides without a definition: built-in slot types and trigger events.

/** Built-in slot types and what each recognises (shown on hover and in completion). */
export const BUILTIN_SLOT_TYPES: ReadonlyMap<string, string> = new Map([
  ['sys.number', 'A number, in digits or words: 42, forty-two, 3.5.'],
  ['sys.ordinal', 'A position in a list: first, 2nd, third.'],
  ['sys.date', 'A calendar date: tomorrow, 12 March, 2025-03-12.'],
  ['sys.time', 'A time of day: noon, 7pm, 19:30.'],
  ['sys.datetime', 'A date and a time: tomorrow at 7pm.'],
  ['sys.duration', 'A length of time: 20 minutes, two hours.'],
  ['sys.email', 'An email address.'],
  ['sys.phone', 'A phone number.'],
  ['sys.url', 'A web address.'],
  ['sys.currency', 'An amount of money: 12 euros, $5.'],
  ['sys.percentage', 'A percentage: 20%, twenty percent.'],
  ['sys.any', 'Any text the user says (an address, a name).'],
]);

/** Events a flow can be triggered by (the schema's enum says the same). */
export const EVENTS: ReadonlyMap<string, string> = new Map([
  ['welcome', 'A conversation begins.'],
  ['fallback', 'No intent matched what the user said.'],
  ['timeout', 'The user went silent.'],
  ['error', 'A call or a handoff failed.'],
]);


/** File names that make a folder a bot, in order of precedence. */
export const MANIFEST_NAMES: readonly string[] = ['bot.yaml', 'bot.json', 'bot.jsonc'];

const DEFINITION_FILE = /\.(ya?ml|jsonc?)$/i;

/** Whether a file name is one a native bot's include globs may take in. */
export function isNativeDefinitionFile(name: string): boolean {
  return DEFINITION_FILE.test(name);
}
