// The engine's semantic differ, format-neutral: entities matched by identity (kind, parent,
// locale, name) wherever their files are, values compared as canonical strings, entities
// of one identity as a multiset; output stable-sorted; canonical values of parse trees
// blind to formatting, key order and comments; and fast on a large bot.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  canonicalNode,
  diffEntities,
  describeChange,
  parseDocument,
  SEMANTIC_KINDS,
  type SemanticChange,
  type SemanticEntity,
  type SemanticKind,
} from '../../../server/src/definitions/index';
import { nativeFormat } from '../../../server/src/formats/native/index';
import { generateLargeBot } from '../../../bench/generate-bot';

function e(kind: SemanticKind, name: string, more: Partial<SemanticEntity> = {}): SemanticEntity {
  return { kind, name, value: '', ...more };
}

const u = (text: string, intent: string, locale = 'en-US', file = 'a.yaml') => e('utterance', text, { parent: intent, locale, file });
const short = (c: SemanticChange) => `${c.change} ${c.kind} ${c.parent ? `${c.parent}/` : ''}${c.name}${c.locale ? ` [${c.locale}]` : ''}${c.file ? ` @${c.file}` : ''}`;

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 100);

describe('semantic diff: the differ', () => {
  it('finds nothing between equal lists, in any order', () => {
    const list = [e('intent', 'A', { value: '{}' }), u('hi', 'A'), u('hello', 'A'), e('response', 'r', { value: '"x"' })];
    assert.deepEqual(diffEntities(list, [...list].reverse()), []);
    assert.deepEqual(diffEntities([], []), []);
  });

  it('treats a move between files as no change, and reports a file from the side that has the entity', () => {
    const before = [e('intent', 'A', { file: 'one.yaml', value: '{"d":1}' }), e('intent', 'B', { file: 'one.yaml', value: '{}' }), e('flow', 'gone', { file: 'one.yaml' })];
    const after = [e('intent', 'A', { file: 'two.yaml', value: '{"d":1}' }), e('intent', 'B', { file: 'two.yaml', value: '{"d":2}' }), e('flow', 'new', { file: 'three.yaml' })];
    assert.deepEqual(diffEntities(before, after).map(short), ['modified intent B @two.yaml', 'removed flow gone @one.yaml', 'added flow new @three.yaml']);
  });

  it('compares the examples of an intent as a multiset: order is no change, a duplicate is', () => {
    const before = [u('hi', 'A'), u('hello', 'A'), u('hey', 'A')];
    assert.deepEqual(diffEntities(before, [u('hey', 'A'), u('hi', 'A'), u('hello', 'A')]), []);
    assert.deepEqual(diffEntities(before, [...before, u('hi', 'A', 'en-US', 'b.yaml')]).map(short), ['added utterance A/hi [en-US] @b.yaml']);
    assert.deepEqual(diffEntities([...before, u('hi', 'A'), u('hi', 'A')], before).map(short), ['removed utterance A/hi [en-US] @a.yaml', 'removed utterance A/hi [en-US] @a.yaml']);
  });

  it('tells identities apart by locale and parent', () => {
    const before = [u('hello', 'A', 'en-US'), e('slot', 'size', { parent: 'A', value: '1' })];
    const after = [u('hello', 'A', 'fr-FR'), e('slot', 'size', { parent: 'B', value: '1' })];
    assert.deepEqual(diffEntities(before, after).map(short), [
      'removed utterance A/hello [en-US] @a.yaml',
      'added utterance A/hello [fr-FR] @a.yaml',
      'removed slot A/size',
      'added slot B/size',
    ]);
  });

  it('pairs what is left of one identity as modified, matching equal values first', () => {
    const before = [e('intent', 'A', { value: '1', file: 'x' }), e('intent', 'A', { value: '2', file: 'x' })];
    const after = [e('intent', 'A', { value: '2', file: 'y' }), e('intent', 'A', { value: '3', file: 'y' }), e('intent', 'A', { value: '4', file: 'y' })];
    assert.deepEqual(diffEntities(before, after).map((c) => [c.change, c.detail]), [
      ['added', undefined],
      ['modified', '1 → 3'],
    ]);
  });

  it('sorts by kind in the vocabulary order, then parent, locale, name and change, whatever the input order', () => {
    const before = [e('flow', 'f', { value: '1' }), u('b', 'I'), u('a', 'I', 'fr'), e('setting', 'bot.name', { value: '"x"' }), e('intent', 'Z')];
    const after = [e('flow', 'f', { value: '2' }), u('c', 'I'), u('a', 'H'), e('setting', 'bot.name', { value: '"y"' }), e('intent', 'Y'), e('locale', 'fr')];
    const expected = diffEntities(before, after).map(short);
    assert.deepEqual(expected, [
      'modified setting bot.name',
      'added locale fr',
      'added intent Y',
      'removed intent Z',
      'added utterance H/a [en-US] @a.yaml',
      'removed utterance I/b [en-US] @a.yaml',
      'added utterance I/c [en-US] @a.yaml',
      'removed utterance I/a [fr] @a.yaml',
      'modified flow f',
    ]);
    fc.assert(
      fc.property(fc.shuffledSubarray(before, { minLength: before.length }), fc.shuffledSubarray(after, { minLength: after.length }), (b, a) => {
        assert.deepEqual(diffEntities(b, a).map(short), expected);
      }),
      { numRuns: RUNS },
    );
    const kinds = diffEntities([], SEMANTIC_KINDS.map((k) => e(k, 'x')).reverse()).map((c) => c.kind);
    assert.deepEqual(kinds, [...SEMANTIC_KINDS]);
  });

  it('says in a few words what changed in a modified value', () => {
    assert.equal(describeChange('"Demo"', '"Demo Bot"'), 'Demo → Demo Bot');
    assert.equal(describeChange('{"required":false,"type":"A"}', '{"required":true,"type":"B"}'), 'required false → true, type A → B');
    assert.equal(describeChange('{"default":"x"}', '{"default":"x","environments":{"production":"y","staging":"z"}}'), 'environments.production added, environments.staging added');
    assert.equal(describeChange('{"a":1,"b":2}', '{"a":1}'), 'b removed');
    assert.equal(describeChange('{"steps":[1,2]}', '{"steps":[1,2,3]}'), 'steps 2 → 3 items');
    assert.equal(describeChange('{"steps":[1,{"a":1}]}', '{"steps":[1,{"a":2}]}'), 'steps changed');
    assert.equal(describeChange('{"a":1,"b":1,"c":1,"d":1,"e":1}', '{"a":2,"b":2,"c":2,"d":2,"e":2}'), 'a 1 → 2, b 1 → 2, c 1 → 2, 2 more');
    assert.equal(describeChange('"' + 'x'.repeat(60) + '"', '"y"'), `${'x'.repeat(39)}… → y`);
    assert.equal(
      describeChange('{"fr-FR":["Merci pour votre commande. Bon appétit !"]}', '{"fr-FR":["Merci pour votre commande. Bon appétit et à bientôt !"]}'),
      'fr-FR …appétit ! → …appétit et à bientôt !',
      'two long texts are shown from near where they part',
    );
    assert.equal(describeChange('not json', 'either'), '');
  });

  it('builds canonical values blind to key order, style, quoting and comments, but not to data', () => {
    const a = parseDocument('a.yaml', 'x: 1\ny: [a, "b"]\nz: { k: true }\n');
    const b = parseDocument('b.yaml', '# comment\nz:\n  k: true   # why\ny:\n  - \'a\'\n  - b\nx: 1.0\n');
    const c = parseDocument('c.json', '{ "z": { "k": true }, "x": 1, "y": ["a", "b"] }');
    assert.equal(canonicalNode(a.root), '{"x":1,"y":["a","b"],"z":{"k":true}}');
    assert.equal(canonicalNode(b.root), canonicalNode(a.root));
    assert.equal(canonicalNode(c.root), canonicalNode(a.root));
    assert.notEqual(canonicalNode(parseDocument('d.yaml', 'x: "1"\ny: [a, b]\nz: { k: true }\n').root), canonicalNode(a.root), 'a string is not a number');
    assert.notEqual(canonicalNode(parseDocument('d.yaml', 'x: 1\ny: [b, a]\nz: { k: true }\n').root), canonicalNode(a.root), 'lists keep their order');
    assert.equal(canonicalNode(parseDocument('d.yaml', 'x: 1\ny: [b, a]\nz: { k: true }\n').root, { unordered: (p) => p[0] === 'y' }), canonicalNode(a.root, { unordered: () => true }));
    assert.equal(canonicalNode(a.root, { omit: ['y', 'z'] }), '{"x":1}');
  });

  it('compares two versions of a large bot (3,000 intents, 30,000 utterances) within 100 ms', function () {
    this.timeout(120_000);
    const before = generateLargeBot({ intents: 3000, utterances: 5 });
    const after = new Map(before);
    // Edits across the bot: examples added and removed, a response changed, an intent moved between files.
    const first = 'intents/intents-01.yaml';
    const second = 'intents/intents-02.yaml';
    const text = before.get(first)!;
    const cut = text.lastIndexOf('  - name: ');
    after.set(first, text.slice(0, cut).replace('        - ', '        - a brand new example\n        - '));
    after.set(second, `${before.get(second)!}\n${text.slice(cut)}`);
    const [respFile, respText] = [...before].find(([p]) => p.startsWith('responses/'))!;
    after.set(respFile, respText.replace('is handled.', 'is handled now.'));
    const a = nativeFormat.entities!(before);
    const b = nativeFormat.entities!(after);
    assert.equal(a.filter((x) => x.kind === 'utterance').length, 30_000);
    let best = Infinity;
    let changes: SemanticChange[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      changes = diffEntities(a, b);
      best = Math.min(best, performance.now() - t0);
    }
    assert.deepEqual(
      changes.map((c) => [c.kind, c.change]),
      [
        ['utterance', 'added'],
        ['response', 'modified'],
      ],
    );
    // The budget is 100 ms; a loaded shared machine gets some slack before this fails.
    assert.ok(best < 250, `the differ took ${best.toFixed(1)} ms`);
  });
});
