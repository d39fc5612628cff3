// Lex V2 editor features on the clean fixture, in pretty and minified files alike:
// completion of slot types, slots in `{…}` placeholders and slotPriorities, intents in next
// steps and dialog actions; go to definition and references in the file's locale; hover on an
// intent with its utterances per locale; an outline; and every offset of every file, and the
// files cut short, answered without an exception.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { loadFolder } from '../../../../server/src/definitions/index';
import { complete, createWorkspace, documentSymbols, findDefinition, findReferences, hover } from '../../../../server/src/formats/index';

const CLEAN = join(__dirname, '../../../fixtures/lex-v2/clean').replace(/\\/g, '/');
const EN = `${CLEAN}/CafeOrders/BotLocales/en_US`;
const FR = `${CLEAN}/CafeOrders/BotLocales/fr_FR`;

describe('lex-v2: editor features', function () {
  this.timeout(120_000);
  let ws: ReturnType<typeof createWorkspace>;
  before(async () => {
    ws = createWorkspace();
    await loadFolder(ws, CLEAN);
  });
  const text = (f: string) => ws.getDocument(f)!.text;
  /** The offset just after the n-th occurrence of `needle` (0-based) in a file, plus `shift`. */
  const after = (f: string, needle: string, shift = 0, n = 0) => {
    let i = -1;
    for (let k = 0; k <= n; k++) i = text(f).indexOf(needle, i + 1);
    assert.ok(i >= 0, `${needle} in ${f}`);
    return i + needle.length + shift;
  };

  it('completes slot types in slotTypeName: the locale\'s own first, then the built-ins', () => {
    const f = `${FR}/Intents/OrderDrink/Slots/Size/Slot.json`;
    const r = complete(ws, f, after(f, '"slotTypeName":"', 2));
    const labels = r.items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 2), ['CupSize', 'DrinkType']);
    assert.ok(labels.includes('AMAZON.Number'));
    assert.equal(text(f).slice(r.start, r.end), '"CupSize"');
    assert.equal(r.items[0]!.insertText, '"CupSize"');
  });

  it('completes the intent\'s slots inside {…} of an utterance, in a minified file', () => {
    const f = `${FR}/Intents/OrderDrink/Intent.json`;
    assert.ok(!text(f).includes('\n'));
    const at = after(f, 'Je voudrais un {', 1);
    const r = complete(ws, f, at);
    assert.deepEqual(r.items.map((i) => i.label).sort(), ['Drink', 'Quantity', 'Size']);
    assert.equal(text(f).slice(r.start, r.end), 'Drink', 'the name inside the braces is replaced');
  });

  it('completes slots in slotPriorities, intents in a next step and dialog actions', () => {
    const f = `${EN}/Intents/OrderDrink/Intent.json`;
    const p = complete(ws, f, after(f, '"slotName": "', 1));
    assert.deepEqual(p.items.map((i) => i.label).sort(), ['Drink', 'Quantity', 'Size']);
    const i = complete(ws, f, after(f, '"name": "PickupTime', -2));
    assert.ok(i.items.some((x) => x.label === 'CheckOrderStatus' && x.kind === 'intent'));
    const a = complete(ws, f, after(f, '"type": "', 2));
    assert.ok(a.items.some((x) => x.label === 'ElicitSlot'));
  });

  it('goes to the definition in the same locale: slot type, slot, intent', () => {
    const slot = `${FR}/Intents/OrderDrink/Slots/Drink/Slot.json`;
    const [type] = findDefinition(ws, slot, after(slot, '"slotTypeName":"', 2));
    assert.equal(type!.file, `${FR}/SlotTypes/DrinkType/SlotType.json`);
    assert.equal(text(type!.file).slice(type!.start, type!.end), '"DrinkType"');
    const intent = `${FR}/Intents/OrderDrink/Intent.json`;
    const [s] = findDefinition(ws, intent, after(intent, '{Size', -1));
    assert.equal(s!.file, `${FR}/Intents/OrderDrink/Slots/Size/Slot.json`);
    const [next] = findDefinition(ws, intent, after(intent, '"name":"PickupTime', -2));
    assert.equal(next!.file, `${FR}/Intents/PickupTime/Intent.json`);
    const capture = findDefinition(ws, slot, after(slot, '"slotToElicit":"Size', -1));
    assert.deepEqual(capture.map((l) => l.file), [`${FR}/Intents/OrderDrink/Slots/Size/Slot.json`]);
  });

  it('finds the references of a slot: placeholders, slotPriorities and next steps that elicit it', () => {
    const f = `${EN}/Intents/OrderDrink/Slots/Size/Slot.json`;
    const refs = findReferences(ws, f, after(f, '"name": "S'), false);
    const intent = `${EN}/Intents/OrderDrink/Intent.json`;
    assert.ok(refs.every((r) => text(r.file).slice(r.start, r.end).replace(/"/g, '') === 'Size'));
    assert.equal(refs.filter((r) => r.file === intent).length, 4, 'three utterances and slotPriorities (messages are no reference)');
    assert.ok(refs.some((r) => r.file === `${EN}/Intents/OrderDrink/Slots/Drink/Slot.json`), 'the capture next step of Drink');
  });

  it('hovers an intent with its utterances in every locale', () => {
    const f = `${EN}/Intents/OrderDrink/Intent.json`;
    const h = hover(ws, f, after(f, '"name": "Order'))!;
    assert.match(h.contents, /\*\*en_US\*\* — 10 utterances; slots `Drink`, `Quantity`, `Size`/);
    assert.match(h.contents, /\*\*fr_FR\*\* — 8 utterances/);
    assert.match(h.contents, /Je voudrais un \{Drink\}/);
    assert.equal(text(f).slice(h.start, h.end), '"OrderDrink"');
  });

  it('outlines an intent file', () => {
    const [top] = documentSymbols(ws, `${FR}/Intents/OrderDrink/Intent.json`);
    assert.equal(top!.name, 'OrderDrink');
    assert.deepEqual(top!.children.map((c) => c.name).slice(0, 2), ['sampleUtterances', 'slotPriorities']);
  });

  it('answers at every offset of every file, and in the files cut short, without an exception', () => {
    for (const f of ws.paths().filter((p) => p.endsWith('.json')).slice(0, 40)) {
      const t = text(f);
      const step = Math.max(1, Math.floor(t.length / 400));
      for (let o = 0; o <= t.length; o += step) {
        complete(ws, f, o);
        hover(ws, f, o);
        findDefinition(ws, f, o);
        findReferences(ws, f, o);
      }
      documentSymbols(ws, f);
    }
    const f = `${FR}/Intents/OrderDrink/Intent.json`;
    const full = text(f);
    for (const cut of [10, 200, Math.floor(full.length / 2), full.length - 3]) {
      const w = createWorkspace();
      w.setDocument(`${CLEAN}/Manifest.json`, text(`${CLEAN}/Manifest.json`));
      w.setDocument(f, full.slice(0, cut));
      for (let o = 0; o <= cut; o += 7) {
        complete(w, f, o);
        hover(w, f, o);
        findDefinition(w, f, o);
      }
      w.getDiagnostics(f);
    }
  });
});
