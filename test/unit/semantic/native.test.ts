// The native format's semantic diff: its entities, read with the format's own parse, and
// compared by the engine's differ through the formats door, as the language server and
// botv diff call it.
import { strict as assert } from 'node:assert';
import type { SemanticChange } from '../../../server/src/definitions/index';
import { formatById, semanticChanges } from '../../../server/src/formats/index';
import { nativeFormat } from '../../../server/src/formats/native/index';

const manifest = `bot:
  id: demo
  name: Demo
  locales: [en-US]
include: [intents/*.yaml]
variables:
  API_URL:
    default: https://staging.example.com
`;
const intents = `intents:
  - name: OrderPizza
    utterances:
      en-US: [order a pizza, I want a pizza]
    slots:
      - name: size
        type: PizzaSize
  - name: Goodbye
    utterances:
      en-US: [bye, see you]
`;

function files(entries: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(entries));
}

function changes(before: Map<string, string>, after: Map<string, string>): SemanticChange[] {
  return semanticChanges(nativeFormat, before, after).changes;
}

/** A change as one line: `added utterance "ciao" in Goodbye (en-US)`. */
function line(c: SemanticChange): string {
  return `${c.change} ${c.kind} ${c.name}${c.parent !== undefined ? ` in ${c.parent}` : ''}${c.locale !== undefined ? ` [${c.locale}]` : ''}${c.detail ? ` (${c.detail})` : ''}`;
}

describe('semantic diff: the native format', () => {
  it('is reached through the registry by format id', () => {
    assert.equal(formatById('native')?.entities, nativeFormat.entities);
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const after = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents.replace('[bye, see you]', '[bye]') });
    assert.deepEqual(semanticChanges('native', before, after), semanticChanges(nativeFormat, before, after));
  });

  it('reports nothing when an intent only moves to another file', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const moved = intents.split('  - name: Goodbye');
    const after = files({
      'bot.yaml': manifest,
      'intents/a.yaml': moved[0]!,
      'intents/b.yaml': `intents:\n  - name: Goodbye${moved[1]}`,
    });
    assert.deepEqual(changes(before, after), []);
  });

  it('lists utterances added and removed per locale, each by its text, and leaves the intent alone', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const after = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents.replace('[bye, see you]', '[bye, goodbye, ciao]') });
    assert.deepEqual(
      changes(before, after).map((c) => [c.kind, c.name, c.change, c.parent, c.locale, c.file]),
      [
        ['utterance', 'ciao', 'added', 'Goodbye', 'en-US', 'intents/a.yaml'],
        ['utterance', 'goodbye', 'added', 'Goodbye', 'en-US', 'intents/a.yaml'],
        ['utterance', 'see you', 'removed', 'Goodbye', 'en-US', 'intents/a.yaml'],
      ],
    );
  });

  it('names added and removed entities, and what changed in a slot, a variable and the bot', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const after = files({
      'bot.yaml': manifest.replace('name: Demo', 'name: Demo Bot') + 'responses:\n  bye:\n    en-US: [Bye!]\n',
      'intents/a.yaml': intents.replace('type: PizzaSize', 'type: Topping').replace(/  - name: Goodbye[\s\S]*$/, ''),
    });
    assert.deepEqual(changes(before, after).map(line), [
      'modified setting bot.name (Demo → Demo Bot)',
      'removed intent Goodbye',
      'removed utterance bye in Goodbye [en-US]',
      'removed utterance see you in Goodbye [en-US]',
      'modified slot size in OrderPizza (type PizzaSize → Topping)',
      'added response bye',
    ]);
    const response = changes(before, after).find((c) => c.kind === 'response')!;
    assert.equal(response.file, 'bot.yaml', 'the file of an added entity is the newer side’s');
    const removed = changes(before, after).find((c) => c.kind === 'intent')!;
    assert.equal(removed.file, 'intents/a.yaml', 'the file of a removed entity is the older side’s');
  });

  it('treats a file it cannot parse as unreadable rather than failing', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const after = files({ 'bot.yaml': manifest, 'intents/a.yaml': 'intents: [\n  - : : :\n' });
    const diff = semanticChanges(nativeFormat, before, after);
    assert.deepEqual(diff.unreadable, ['intents/a.yaml']);
    // What it held is gone from the bot as the parser reads it.
    assert.ok(diff.changes.some((c) => c.kind === 'intent' && c.name === 'Goodbye' && c.change === 'removed'));
  });

  it('reports per-environment variable changes', () => {
    const before = files({ 'bot.yaml': manifest });
    const after = files({ 'bot.yaml': manifest.replace('    default: https://staging.example.com', '    default: https://staging.example.com\n    environments: { production: https://api.example.com }') });
    assert.deepEqual(changes(before, after).map((c) => [c.kind, c.name, c.detail]), [['variable', 'API_URL', 'environments.production added']]);
  });

  it('sees no change in key order, comments, quoting, flow or block style, or a JSON file saying the same', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const yaml = files({
      'bot.yaml': `# the demo bot
bot: { locales: ["en-US"], name: "Demo", id: demo }
variables: { API_URL: { default: 'https://staging.example.com' } }   # staging
include:
  - "intents/*.yaml"
`,
      'intents/a.yaml': `intents:
  - utterances:
      en-US:
        - I want a pizza   # reordered
        - "order a pizza"
    slots: [{ type: PizzaSize, name: size }]
    name: OrderPizza
  - { name: Goodbye, utterances: { en-US: [see you, bye] } }
`,
    });
    assert.deepEqual(changes(before, yaml), []);
    const json = files({
      'bot.yaml': manifest.replace('include: [intents/*.yaml]', 'include: [intents/*.json]'),
      'intents/a.json': JSON.stringify({ intents: [{ name: 'Goodbye', utterances: { 'en-US': ['bye', 'see you'] } }, { slots: [{ name: 'size', type: 'PizzaSize' }], name: 'OrderPizza', utterances: { 'en-US': ['order a pizza', 'I want a pizza'] } }] }),
    });
    assert.deepEqual(changes(before, json).map(line), ['modified setting include (intents/*.yaml → intents/*.json)']);
  });

  it('counts a duplicate utterance added as a change, and one taken away as one', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const twice = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents.replace('[bye, see you]', '[bye, see you, bye]') });
    assert.deepEqual(changes(before, twice).map(line), ['added utterance bye in Goodbye [en-US]']);
    assert.deepEqual(changes(twice, before).map(line), ['removed utterance bye in Goodbye [en-US]']);
  });

  it('tells locales apart: a locale added to the bot, utterances of each locale', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const after = files({
      'bot.yaml': manifest.replace('locales: [en-US]', 'locales: [en-US, fr-FR]'),
      'intents/a.yaml': intents.replace('      en-US: [bye, see you]\n', '      en-US: [bye, see you]\n      fr-FR: [bye, au revoir]\n'),
    });
    assert.deepEqual(changes(before, after).map(line), [
      'added locale fr-FR',
      'added utterance au revoir in Goodbye [fr-FR]',
      'added utterance bye in Goodbye [fr-FR]',
    ]);
  });

  it('reads only the files the manifest includes', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents, 'notes/todo.yaml': 'intents:\n  - name: Draft\n    utterances: { en-US: [maybe] }\n' });
    const edited = new Map(before).set('notes/todo.yaml', 'intents:\n  - name: Draft2\n');
    assert.deepEqual(changes(before, edited), [], 'a file outside the include globs is no part of the bot');
    const included = new Map(before).set('bot.yaml', manifest.replace('include: [intents/*.yaml]', 'include: [intents/*.yaml, notes/*.yaml]'));
    assert.deepEqual(changes(before, included).map(line), ['modified setting include (1 → 2 items)', 'added intent Draft', 'added utterance maybe in Draft [en-US]']);
  });

  it('reads slot types as entities with their values, synonyms and variants as sets', () => {
    const types = `slotTypes:
  - name: PizzaSize
    values:
      - value: large
        synonyms: { en-US: [big, family] }
      - value: small
responses:
  hello:
    en-US: [Hi!, Hello!]
    fr-FR: Bonjour !
functions:
  - name: submit
    url: https://example.com/submit
flows:
  - name: order
    trigger: { intent: OrderPizza }
    steps: [{ ask: size }, { end: true }]
`;
    const before = files({ 'bot.yaml': manifest.replace('include: [intents/*.yaml]', 'include: ["*/*.yaml"]'), 'parts/types.yaml': types });
    const same = new Map(before).set(
      'parts/types.yaml',
      types.replace('[big, family]', '[family, big]').replace('[Hi!, Hello!]', '[Hello!, Hi!]').replace('fr-FR: Bonjour !', 'fr-FR: [Bonjour !]'),
    );
    assert.deepEqual(changes(before, same), []);
    const after = new Map(before).set(
      'parts/types.yaml',
      types
        .replace('[big, family]', '[big, family, xl]')
        .replace('      - value: small\n', '')
        .replace('fr-FR: Bonjour !', 'fr-FR: Salut !')
        .replace('https://example.com/submit', 'https://example.com/v2/submit')
        .replace('{ ask: size }, ', ''),
    );
    assert.deepEqual(changes(before, after).map(line), [
      'modified entity-value large in PizzaSize (synonyms.en-US 2 → 3 items)',
      'removed entity-value small in PizzaSize',
      'modified response hello (fr-FR Bonjour ! → Salut !)',
      'modified webhook submit (url https://example.com/submit → https://example.com/v2/submit)',
      'modified flow order (steps 2 → 1 item)',
    ]);
  });

  it('reads a variable given as one value as its default', () => {
    const before = files({ 'bot.yaml': manifest });
    const after = files({ 'bot.yaml': manifest.replace('  API_URL:\n    default: https://staging.example.com\n', '  API_URL: https://staging.example.com\n') });
    assert.deepEqual(changes(before, after), []);
  });
});
