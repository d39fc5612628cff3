// Editor features on the same bot in YAML and in JSONC: definition, references, rename,
// hover, completion, outline, folding and quick fixes.
import { strict as assert } from 'node:assert';
import { codeActions, foldingRanges } from '../../../server/src/definitions/index';
import { complete, documentSymbols, findDefinition, findReferences, hover, prepareRename, rename } from '../../../server/src/formats/index';
import { applyEdits, BOTS, load, offsetOf, YAML_BOT } from './support/bots';

const codes = (ws: ReturnType<typeof load>): string[] => [...ws.getAllDiagnostics().values()].flat().map((d) => `${d.file} ${d.code}`);

for (const bot of BOTS) {
  const main = bot.files[bot.main]!;
  const q = bot.format === 'yaml' ? '' : '"';

  describe(`definitions features (${bot.format})`, () => {
    it('the test bot validates clean', () => {
      assert.deepEqual(codes(load(bot)), []);
    });

    it('goes from a say step to its response', () => {
      const ws = load(bot);
      const at = offsetOf(main, `say${q}: ${q}confirm`, (`say${q}: ${q}`).length + 2);
      const defs = findDefinition(ws, bot.main, at);
      assert.equal(defs.length, 1);
      assert.equal(defs[0]!.file, bot.main);
      assert.equal(main.slice(defs[0]!.start, defs[0]!.end), `${q}confirm${q}`);
    });

    it('goes from a {slot} placeholder to the slot of its intent', () => {
      const ws = load(bot);
      const defs = findDefinition(ws, bot.main, offsetOf(main, '{size}', 2));
      assert.equal(defs.length, 1);
      assert.equal(main.slice(defs[0]!.start, defs[0]!.end), `${q}size${q}`);
      assert.ok(defs[0]!.start > offsetOf(main, 'slots'));
    });

    it('goes from ${VARIABLE} across files to the manifest', () => {
      // The use is in parts/main, the definition under `variables` in the manifest.
      const text = main.replace('pizza is coming', 'pizza is coming: ${API_URL}/track');
      const ws = load(bot, { [bot.main]: text });
      assert.deepEqual(codes(ws), []);
      const defs = findDefinition(ws, bot.main, offsetOf(text, '${API_URL}', 3));
      assert.equal(defs.length, 1);
      assert.equal(defs[0]!.file, bot.manifest);
      const manifest = bot.files[bot.manifest]!;
      assert.equal(manifest.slice(defs[0]!.start, defs[0]!.end), `${q}API_URL${q}`);
      assert.ok(defs[0]!.start > offsetOf(manifest, 'variables'));
    });

    it('finds every reference of an intent and of a slot', () => {
      const ws = load(bot);
      const intent = findReferences(ws, bot.main, offsetOf(main, 'OrderPizza', 1));
      assert.deepEqual(intent.map((l) => main.slice(l.start, l.end).replace(/"/g, '')), ['OrderPizza', 'OrderPizza']);
      const slot = findReferences(ws, bot.main, offsetOf(main, `ask${q}: ${q}size`, (`ask${q}: ${q}`).length));
      // definition, utterance placeholder, two response placeholders, the ask step
      assert.equal(slot.length, 5);
      assert.equal(findReferences(ws, bot.main, offsetOf(main, `ask${q}: ${q}size`, (`ask${q}: ${q}`).length), false).length, 4);
    });

    it('renames a response across its definition and uses, keeping quotes', () => {
      const ws = load(bot);
      const at = offsetOf(main, `${q}confirm${q}:`, 1);
      const prep = prepareRename(ws, bot.main, at);
      assert.ok(!('error' in prep));
      assert.equal(prep.placeholder, 'confirm');
      const r = rename(ws, bot.main, at, 'confirm_order');
      assert.ok('edits' in r);
      assert.equal(r.edits.length, 2);
      const after = applyEdits(bot.files, r.edits);
      assert.ok(after[bot.main]!.includes(`${q}confirm_order${q}:`));
      assert.ok(after[bot.main]!.includes(`say${q}: ${q}confirm_order`));
      assert.deepEqual(codes(load(bot, after)), []);
    });

    it('renames a slot in utterances, prompts, responses and ask steps', () => {
      const ws = load(bot);
      const r = rename(ws, bot.main, offsetOf(main, '{size}', 1), 'pizzaSize');
      assert.ok('edits' in r);
      const after = applyEdits(bot.files, r.edits);
      assert.equal(after[bot.main]!.split('{pizzaSize}').length - 1, 3);
      assert.deepEqual(codes(load(bot, after)), []);
    });

    it('refuses bad and clashing new names, and built-ins', () => {
      const ws = load(bot);
      const at = offsetOf(main, 'OrderPizza', 1);
      assert.match((rename(ws, bot.main, at, 'Order Pizza') as { error: string }).error, /not a valid intent name/);
      const flowAt = offsetOf(main, `name${q}: ${q}order`, (`name${q}: ${q}`).length + 1);
      assert.deepEqual(rename(ws, bot.main, flowAt, 'order'), { edits: [] });
      const two = bot.format === 'yaml' ? main.replace('responses:\n', 'responses:\n  other:\n    en-US: [x]\n    fr-FR: [y]\n') : main.replace('"responses": {\n', '"responses": {\n    "other": { "en-US": ["x"], "fr-FR": ["y"] },\n');
      const clash = rename(load(bot, { [bot.main]: two }), bot.main, offsetOf(two, `${q}confirm${q}:`, 1), 'other');
      assert.match((clash as { error: string }).error, /already has a response "other"/);
      const manifest = bot.files[bot.manifest]!;
      assert.match((rename(ws, bot.manifest, offsetOf(manifest, 'API_URL', 1), 'api') as { error: string }).error, /upper case/);
      const types = load(bot, { [bot.main]: main.replace(`${q}PizzaSize${q}`, `${q}sys.number${q}`) });
      assert.match((prepareRename(types, bot.main, offsetOf(main, `type${q}: ${q}`, (`type${q}: ${q}`).length + 1)) as { error: string }).error, /built-in/);
    });

    it('hovers an intent with its utterance counts and its flow', () => {
      const ws = load(bot);
      const h = hover(ws, bot.main, offsetOf(main, `intent${q}: ${q}OrderPizza`, (`intent${q}: ${q}`).length + 2));
      assert.ok(h);
      assert.match(h.contents, /\*\*intent\*\* `OrderPizza`/);
      assert.match(h.contents, /en-US: 3, fr-FR: 3/);
      assert.match(h.contents, /Handled by the flow `order`/);
      assert.match(h.contents, /Defined in `parts\/main\.(yaml|json)` line \d+\./);
    });

    it('hovers a key with its meaning from the schema', () => {
      const ws = load(bot);
      const h = hover(ws, bot.main, offsetOf(main, 'utterances', 2));
      assert.ok(h);
      assert.match(h.contents, /Example utterances per locale/);
    });

    it('completes response names in a say step', () => {
      const text = bot.format === 'yaml' ? main.replace('say: confirm', 'say: ') : main.replace('"say": "confirm"', '"say": ""');
      const ws = load(bot, { [bot.main]: text });
      const at = bot.format === 'yaml' ? offsetOf(text, 'say: ', 5) : offsetOf(text, '"say": "', 8);
      const r = complete(ws, bot.main, at);
      assert.deepEqual(r.items.map((i) => i.label), ['confirm']);
      assert.equal(r.items[0]!.kind, 'response');
    });

    it('completes intents in a trigger, and slots of the flow\'s intent first in ask', () => {
      const ws = load(bot);
      const r = complete(ws, bot.main, offsetOf(main, 'OrderPizza', 3, 1));
      assert.deepEqual(r.items.map((i) => i.label), ['OrderPizza']);
      assert.equal(main.slice(r.start, r.end), 'OrderPizza');
      const s = complete(ws, bot.main, offsetOf(main, `ask${q}: ${q}size`, (`ask${q}: ${q}`).length + 1));
      assert.deepEqual(s.items.map((i) => i.label), ['size']);
    });

    it('completes {slot} placeholders and ${VARIABLE}s inside strings', () => {
      const text = main.replace('order pizza', 'order {s pizza');
      const ws = load(bot, { [bot.main]: text });
      const r = complete(ws, bot.main, offsetOf(text, '{s pizza', 2));
      assert.deepEqual(r.items.map((i) => i.label), ['size']);
      const manifest = bot.files[bot.manifest]!;
      const v = complete(ws, bot.manifest, offsetOf(manifest, '${API_URL}', 4));
      assert.deepEqual(v.items.map((i) => i.label), ['API_URL']);
      assert.equal(manifest.slice(v.start, v.end), 'API_URL');
    });

    it('completes the keys an intent may still have, with their docs', () => {
      const text = bot.format === 'yaml' ? main.replace('    slots:\n', '    desc\n    slots:\n') : main.replace('"slots": [', '"desc": 1, "slots": [');
      const ws = load(bot, { [bot.main]: text });
      const r = complete(ws, bot.main, offsetOf(text, 'desc', 4));
      const labels = r.items.map((i) => i.label);
      assert.ok(labels.includes('description'), labels.join());
      assert.ok(!labels.includes('name'));
      assert.ok(r.items.find((i) => i.label === 'description')!.documentation);
    });

    it('completes the declared locales missing from a response', () => {
      const text = bot.format === 'yaml' ? main.replace('    fr-FR: ["Votre pizza {size} arrive"]\n', '    f\n') : main.replace(', "fr-FR": ["Votre pizza {size} arrive"]', ', "f": 1');
      const ws = load(bot, { [bot.main]: text });
      const at = bot.format === 'yaml' ? offsetOf(text, '    f\n', 5) : offsetOf(text, '"f"', 2);
      assert.deepEqual(complete(ws, bot.main, at).items.map((i) => i.label), ['fr-FR']);
    });

    it('outlines sections, definitions and slots', () => {
      const ws = load(bot);
      const symbols = documentSymbols(ws, bot.main);
      assert.deepEqual(symbols.map((s) => s.name), ['intents', 'slotTypes', 'responses', 'flows']);
      const intent = symbols[0]!.children[0]!;
      assert.equal(intent.name, 'OrderPizza');
      assert.equal(intent.detail, '6 utterances');
      assert.deepEqual(intent.children.map((c) => c.name), ['size']);
      assert.ok(intent.start <= intent.selectionStart && intent.selectionEnd <= intent.end);
    });

    it('folds every multi-line mapping and list', () => {
      const ws = load(bot);
      const ranges = foldingRanges(ws, bot.main);
      assert.ok(ranges.length >= 5);
      for (const r of ranges) assert.ok(r.endLine > r.startLine && r.start < r.end);
      assert.equal(ranges[0]!.startLine, bot.format === 'yaml' ? 0 : 0);
    });

    it('offers did-you-mean and create fixes for an unknown response, and both work', () => {
      const text = bot.format === 'yaml' ? main.replace('say: confirm', 'say: confrm') : main.replace('"say": "confirm"', '"say": "confrm"');
      const ws = load(bot, { [bot.main]: text });
      const at = offsetOf(text, 'confrm');
      const actions = codeActions(ws, bot.main, at, at + 6);
      assert.deepEqual(actions.map((a) => a.title), ['Change to "confirm"', `Create response "confrm" in main.${bot.format === 'yaml' ? 'yaml' : 'json'}`]);
      assert.equal(actions[0]!.diagnostic.code, 'ref/unknown-response');
      assert.deepEqual(codes(load(bot, applyEdits({ ...bot.files, [bot.main]: text }, actions[0]!.edits))), []);
      const created = applyEdits({ ...bot.files, [bot.main]: text }, actions[1]!.edits);
      // The new response exists; it is a TODO text, and the old one is now unused.
      assert.deepEqual(codes(load(bot, created)), [`${bot.main} unused/response`]);
    });

    it('adds a missing locale to a response with a quick fix', () => {
      const text = bot.format === 'yaml' ? main.replace('    fr-FR: ["Votre pizza {size} arrive"]\n', '') : main.replace(', "fr-FR": ["Votre pizza {size} arrive"]', '');
      const ws = load(bot, { [bot.main]: text });
      const d = ws.getDiagnostics(bot.main).find((x) => x.code === 'locale/missing')!;
      assert.ok(d);
      const [action] = codeActions(ws, bot.main, d.start, d.end);
      assert.equal(action!.title, 'Add the fr-FR entry');
      assert.deepEqual(codes(load(bot, applyEdits({ ...bot.files, [bot.main]: text }, action!.edits))), []);
    });
  });
}

describe('definitions quick fixes on lists', () => {
  for (const [name, text, path] of [
    ['YAML block list', 'bot:\n  id: a\n  locales: [en-US]\nintents:\n  - name: Hi\n    utterances:\n      en-US:\n        - hi\n        - hello\n        - Hi!\n        - hey\nflows:\n  - name: f\n    trigger: { intent: Hi }\n    steps: [{ end: true }]\n', 'bot.yaml'],
    ['YAML flow list', 'bot:\n  id: a\n  locales: [en-US]\nintents:\n  - name: Hi\n    utterances:\n      en-US: [hi, hello, Hi!, hey]\nflows:\n  - name: f\n    trigger: { intent: Hi }\n    steps: [{ end: true }]\n', 'bot.yaml'],
    ['JSON list', '{"bot": {"id": "a", "locales": ["en-US"]}, "intents": [{"name": "Hi", "utterances": {"en-US": ["hi", "hello", "Hi!", "hey"]}}], "flows": [{"name": "f", "trigger": {"intent": "Hi"}, "steps": [{"end": true}]}]}', 'bot.json'],
  ] as const) {
    it(`removes a repeated utterance from a ${name}`, () => {
      const ws = load({ format: 'yaml', manifest: path, main: path, files: { [path]: text } });
      const d = ws.getDiagnostics(path).find((x) => x.code === 'utterance/duplicate')!;
      assert.equal(text.slice(d.start, d.end).replace(/"/g, ''), 'Hi!');
      const [fix] = codeActions(ws, path, d.start, d.end);
      assert.equal(fix!.title, 'Remove "Hi!"');
      const after = applyEdits({ [path]: text }, fix!.edits)[path]!;
      assert.ok(!after.includes('Hi!'));
      assert.deepEqual(codes(load({ format: 'yaml', manifest: path, main: path, files: { [path]: after } })), []);
    });
  }
});

describe('definitions features outside bots', () => {
  it('offer nothing in YAML that belongs to no bot', () => {
    const ws = load(YAML_BOT, { 'other/config.yaml': 'intents:\n  - name: X\n' });
    assert.deepEqual(complete(ws, 'other/config.yaml', 0).items, []);
    assert.equal(hover(ws, 'other/config.yaml', 2), undefined);
    assert.deepEqual(documentSymbols(ws, 'other/config.yaml'), []);
    assert.deepEqual(foldingRanges(ws, 'other/config.yaml'), []);
    assert.deepEqual(ws.getDiagnostics('other/config.yaml'), []);
  });
});

describe('definitions completion on broken YAML', () => {
  it('answers on a line below a text that starts with a line break (the walk up the lines ends at the top)', () => {
    // Found by the stdio fuzz test: this completion never returned.
    const text = "\n}*a'!tinte\ninte\ninte\n  ---\t,,1\n\u0000\nnt{size}${API_URLnt${API_URL";
    const ws = load(YAML_BOT, { 'bot.yaml': text });
    assert.ok(Array.isArray(complete(ws, 'bot.yaml', 25).items));
    assert.ok(Array.isArray(complete(ws, 'bot.yaml', 0).items));
  });
});
