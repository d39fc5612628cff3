// Property: a bot written out again by another tool — the `yaml` package with other
// indentation, flow or block collections, other quoting, keys in another order, its
// sections spread over other files, or as JSON — means the same bot, so the semantic diff
// finds no change and no unreadable file. And an utterance added to it is always found.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { semanticChanges } from '../../../server/src/formats/index';
import { nativeFormat } from '../../../server/src/formats/native/index';

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 100);

type Data = null | boolean | number | string | Data[] | { [k: string]: Data };

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,7}$/);
// Texts with what YAML makes hard: indicators, quotes, placeholders, '#', ': ', spaces at the ends, words YAML 1.1 read as booleans, numbers.
const text = fc.oneof(
  fc.array(fc.constantFrom('a', 'B', 'é', '日', ' ', '{', '}', '[', ']', '#', ':', '-', ',', '"', "'", '\\', '&', '*', '!', '|', '>', '%', '@', '`', '?', '$', '\t'), { maxLength: 14 }).map((c) => c.join('')),
  fc.constantFrom('yes', 'no', 'on', 'off', 'null', '~', 'true', '123', '1e3', '0x1F', '-', '- x', 'a: b', '{size} pizza', '${API_URL}/x', '# not a comment', 'multi\nline', 'trailing\n'),
);
const locales = ['en-US', 'fr-FR'];
const perLocale = <T>(arb: fc.Arbitrary<T>) => fc.record({ 'en-US': arb, 'fr-FR': arb });

const slot = fc.record({ name, type: fc.constantFrom('sys.any', 'Size'), required: fc.boolean(), prompt: perLocale(text) }, { requiredKeys: ['name', 'type'] });
const intent = fc.record(
  {
    name,
    description: text,
    utterances: perLocale(fc.array(text, { maxLength: 5 })),
    slots: fc.uniqueArray(slot, { selector: (s) => s.name, maxLength: 2 }),
  },
  { requiredKeys: ['name', 'utterances'] },
);
const variable = fc.oneof(text, fc.integer(), fc.boolean(), fc.record({ default: fc.oneof(text, fc.integer()), environments: fc.record({ production: text }, { requiredKeys: [] }) }, { requiredKeys: [] }));

/** A bot's sections, as data. */
const bot = fc.record({
  name: text,
  intents: fc.uniqueArray(intent, { selector: (i) => i.name, maxLength: 4 }),
  slotTypes: fc.uniqueArray(fc.record({ name, values: fc.uniqueArray(fc.record({ value: name, synonyms: perLocale(fc.array(text, { maxLength: 3 })) }), { selector: (v) => v.value, minLength: 1, maxLength: 3 }) }), { selector: (t) => t.name, maxLength: 2 }),
  responses: fc.dictionary(name, perLocale(fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 }))), { maxKeys: 3 }),
  functions: fc.uniqueArray(fc.record({ name, url: text, method: fc.constantFrom('GET', 'POST'), timeoutMs: fc.integer({ min: 1, max: 60000 }), body: fc.dictionary(name, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null))) }, { requiredKeys: ['name', 'url'] }), { selector: (f) => f.name, maxLength: 2 }),
  flows: fc.uniqueArray(fc.record({ name, trigger: fc.record({ intent: name }), steps: fc.array(fc.oneof(fc.record({ say: name }), fc.record({ ask: name }), fc.record({ end: fc.constant(true) })), { maxLength: 3 }) }), { selector: (f) => f.name, maxLength: 2 }),
  variables: fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,6}$/), variable, { maxKeys: 2 }),
});
type Bot = typeof bot extends fc.Arbitrary<infer T> ? T : never;

/** How to write a bot out: the yaml package's options, key order, and which file each section goes to. */
const writing = fc.record({
  indent: fc.integer({ min: 1, max: 8 }),
  indentSeq: fc.boolean(),
  collectionStyle: fc.constantFrom('any', 'block', 'flow'),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  lineWidth: fc.constantFrom(0, 20, 80),
  json: fc.boolean(),
  seed: fc.integer(),
  /** For each section, the file it goes to: 0 the manifest, else parts/<n>. */
  files: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
});
type Writing = typeof writing extends fc.Arbitrary<infer T> ? T : never;

/** The same data with each object's keys in a shuffled order. */
function shuffled(value: Data, next: () => number): Data {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, next));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const out: { [k: string]: Data } = {};
  for (const k of keys) out[k] = shuffled(value[k]!, next);
  return out;
}

function write(data: Bot, w: Writing): Map<string, string> {
  let s = w.seed >>> 0 || 1;
  const next = () => (s = (s * 1103515245 + 12345) >>> 0) >>> 8;
  const sections = ['intents', 'slotTypes', 'responses', 'functions', 'flows', 'variables'] as const;
  const manifest: { [k: string]: Data } = { bot: { id: 'demo', name: data.name, locales }, include: ['parts/*'] };
  const parts: { [k: string]: Data }[] = [{}, {}];
  sections.forEach((section, i) => {
    const to = w.files[i]!;
    (to === 0 ? manifest : parts[to - 1]!)[section] = data[section] as Data;
  });
  const dump = (value: Data) => {
    if (w.json) return JSON.stringify(shuffled(value, next), null, w.indent);
    // yaml 2.9 writes an empty list in block style at its key's indentation when lists are not indented, which no parser reads back as a list.
    const indentSeq = w.indentSeq || w.collectionStyle === 'block';
    const out = stringify(shuffled(value, next), { indent: Math.max(2, w.indent), indentSeq, collectionStyle: w.collectionStyle, defaultStringType: w.defaultStringType, lineWidth: w.lineWidth, aliasDuplicateObjects: false });
    assert.deepEqual(parse(out), JSON.parse(JSON.stringify(value)), `the yaml package does not read back what it wrote:\n${out}`);
    return out;
  };
  const ext = w.json ? 'json' : 'yaml';
  const files = new Map([[`bot.${ext}`, dump(manifest)]]);
  parts.forEach((p, i) => {
    if (Object.keys(p).length) files.set(`parts/p${i + 1}.${ext}`, dump(p));
  });
  return files;
}

describe('semantic diff: rewriting a bot changes nothing', function () {
  this.timeout(120_000);

  it('finds no change between a bot and the same bot written out another way', () => {
    fc.assert(
      fc.property(bot, writing, writing, (data, a, b) => {
        const before = write(data, a);
        const after = write(data, b);
        const diff = semanticChanges(nativeFormat, before, after);
        assert.deepEqual(diff.changes, [], `\n${[...before].map(([p, t]) => `--- ${p}\n${t}`).join('\n')}\n=====\n${[...after].map(([p, t]) => `--- ${p}\n${t}`).join('\n')}`);
        assert.deepEqual(diff.unreadable, []);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds an utterance added, however both sides are written', () => {
    fc.assert(
      fc.property(bot.filter((d) => d.intents.length > 0), writing, writing, text, (data, a, b, extra) => {
        const more = structuredClone(data);
        more.intents[0]!.utterances['fr-FR'].push(extra);
        const diff = semanticChanges(nativeFormat, write(data, a), write(more, b));
        assert.deepEqual(diff.changes.map((c) => [c.kind, c.name, c.change, c.parent, c.locale]), [['utterance', extra, 'added', data.intents[0]!.name, 'fr-FR']]);
      }),
      { numRuns: RUNS },
    );
  });
});
