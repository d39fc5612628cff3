// Random input for the fuzz tests, shared by the library's property tests and the stdio
// fuzz of the server: random bot files built from the format's own words (so references
// sometimes resolve and sometimes do not), YAML-ish noise, mutations of real files, and
// sequences of edits as an editor sends them.
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Text made of the characters YAML and JSON care about, so random input reaches odd corners. */
export const yamlish = fc
  .array(fc.constantFrom(' ', '  ', '\n', '\r\n', '- ', ': ', ':', '{', '}', '[', ']', ',', '"', "'", '#', '&a', '*a', '!t', '|', '>', '?', '---', 'a', 'key', '1', 'true', 'null', '\t', '\0', '\ufeff', '<<<<<<< x', '__proto__', '${X}', '{s}', 'é', '\ud83d'), { maxLength: 80 })
  .map((parts) => parts.join(''));

const word = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const INTENTS = ['OrderPizza', 'Greet', 'Help', 'TrackOrder', 'bad name', ''];
const RESPONSES = ['confirm', 'bye', 'greet', 'ask_size', 'missing'];
const FLOWS = ['order', 'welcome', 'help', 'loop', 'nowhere'];
const SLOTS = ['size', 'kind', 'when', 'ghost'];
const SLOT_TYPES = ['PizzaSize', 'sys.number', 'sys.date', 'sys.any', 'Missing'];
const FUNCTIONS = ['submit', 'lookup', 'absent'];
const VARIABLES = ['API_URL', 'TOKEN', 'UNSET'];
const LOCALES = ['en-US', 'fr-FR', 'de-DE', 'xx', 'EN_us'];
const ENVIRONMENTS = ['development', 'staging', 'production', 'qa'];

/** A string that may hold {slot} and ${VARIABLE} placeholders, or something that is not a string at all. */
const text = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('I want', 'order a', 'what is', 'hello', 'je veux', ''), fc.constantFrom('', ' {size}', ' {ghost}', ' ${API_URL}', ' ${UNSET}', ' {', ' pizza'), fc.constantFrom('', '!', ' please', ' ?')).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 20 })) },
);
const perLocale = <T>(arb: fc.Arbitrary<T>) => fc.dictionary(word(LOCALES), arb, { maxKeys: 3 });
const maybeWrong = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null), fc.constant([]), fc.constant({})) });

const step = fc.oneof(
  fc.record({ say: word(RESPONSES) }),
  fc.record({ ask: word(SLOTS) }),
  fc.record({ call: word(FUNCTIONS) }),
  fc.record({ goto: word(FLOWS) }),
  fc.record({ end: fc.boolean() }),
  fc.record({ handoff: fc.record({ skill: fc.constantFrom('${SUPPORT}', 'desk') }) }),
  fc.record({ unknownStep: fc.string({ maxLength: 5 }) }),
);

/** A bot definition as data: every section, names from small pools so that they meet. */
export const botData = fc.record(
  {
    bot: fc.record({ id: fc.constantFrom('fuzz-bot', 'Fuzz Bot', 'pizza-dev'), name: fc.string({ maxLength: 20 }), locales: fc.array(word(LOCALES), { maxLength: 3 }), defaultLocale: word(LOCALES) }, { requiredKeys: ['id'] }),
    include: fc.array(fc.constantFrom('intents/*.yaml', 'flows/*.yaml', '../outside/*.yaml', 'none/*.json'), { maxLength: 2 }),
    variables: fc.dictionary(word(VARIABLES), fc.record({ default: text, environments: fc.dictionary(word(ENVIRONMENTS), text, { maxKeys: 3 }) }, { requiredKeys: [] }), { maxKeys: 3 }),
    intents: fc.array(
      fc.record({
        name: word(INTENTS),
        utterances: perLocale(fc.array(text, { maxLength: 5 })),
        slots: fc.array(fc.record({ name: word(SLOTS), type: word(SLOT_TYPES), required: fc.boolean(), prompt: perLocale(text) }, { requiredKeys: ['name'] }), { maxLength: 2 }),
      }, { requiredKeys: ['name'] }),
      { maxLength: 4 },
    ),
    slotTypes: fc.array(fc.record({ name: word(SLOT_TYPES), values: fc.array(fc.record({ value: fc.constantFrom('large', 'small', 'big'), synonyms: perLocale(fc.array(fc.constantFrom('big', 'huge', 'grande'), { maxLength: 3 })) }), { maxLength: 3 }) }), { maxLength: 2 }),
    responses: fc.dictionary(word(RESPONSES), perLocale(fc.array(text, { maxLength: 3 })), { maxKeys: 4 }),
    functions: fc.array(fc.record({ name: word(FUNCTIONS), url: fc.constantFrom('${API_URL}/x', 'https://x.example.com', '${UNSET}/y'), method: fc.constantFrom('GET', 'POST', 'FETCH') }), { maxLength: 2 }),
    flows: fc.array(fc.record({ name: word(FLOWS), trigger: fc.oneof(fc.record({ intent: word(INTENTS) }), fc.record({ event: fc.constantFrom('welcome', 'fallback', 'nope') })), steps: fc.array(step, { maxLength: 5 }) }, { requiredKeys: ['name'] }), { maxLength: 4 }),
  },
  { requiredKeys: ['bot'] },
) as fc.Arbitrary<Record<string, unknown>>;

/** A random bot file: YAML (block or flow style) or JSON, sometimes with a section of the wrong type. */
export const botFile = fc
  .tuple(botData, fc.constantFrom('yaml', 'yaml-flow', 'json'), maybeWrong(fc.constant(undefined)))
  .map(([data, style, wrong]) => {
    const d: Record<string, unknown> = wrong === undefined ? data : { ...data, responses: wrong };
    if (style === 'json') return { name: 'bot.json', text: JSON.stringify(d, null, 2) };
    return { name: 'bot.yaml', text: stringify(d, style === 'yaml-flow' ? { collectionStyle: 'flow' } : undefined) };
  });

/** One edit of a text: delete a span, insert text, or duplicate a line. */
export const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'duplicate-line'),
  length: fc.nat({ max: 40 }),
  text: fc.oneof(yamlish, fc.constantFrom('{size}', '${API_URL}', '- say: ', 'intent: ', '\n  ', ': ')),
});
export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Applies a mutation (its offset taken modulo the text's length). */
export function mutate(t: string, e: Mutation): string {
  const at = e.at % (t.length + 1);
  if (e.kind === 'delete') return t.slice(0, at) + t.slice(at + e.length);
  if (e.kind === 'insert') return t.slice(0, at) + e.text + t.slice(at);
  const s = t.lastIndexOf('\n', at - 1) + 1;
  const end = t.indexOf('\n', at);
  return t.slice(0, s) + copyOfLine(t.slice(s, end < 0 ? t.length : end + 1)) + t.slice(s);
}

/** A line to duplicate; a very long one only in part, so that repeated duplications cannot double a text without end. */
function copyOfLine(line: string): string {
  return line.length > 10_000 ? line.slice(0, 100) + '\n' : line;
}

/** An edit as an editor sends it: a range of the current text replaced by new text. */
export interface RangeEdit {
  start: number;
  end: number;
  text: string;
}

/** Turns mutations into range edits of `text`, each against the text the previous ones left. */
export function toRangeEdits(text: string, edits: readonly Mutation[]): { edits: RangeEdit[]; result: string } {
  const out: RangeEdit[] = [];
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    let r: RangeEdit;
    if (e.kind === 'delete') r = { start: at, end: Math.min(t.length, at + e.length), text: '' };
    else if (e.kind === 'insert') r = { start: at, end: at, text: e.text };
    else {
      const s = t.lastIndexOf('\n', at - 1) + 1;
      const end = t.indexOf('\n', at);
      r = { start: s, end: s, text: copyOfLine(t.slice(s, end < 0 ? t.length : end + 1)) };
    }
    t = t.slice(0, r.start) + r.text + t.slice(r.end);
    out.push(r);
  }
  return { edits: out, result: t };
}
