// LivePerson editor features: go to definition from a nextMessageId, a rule's action, a group,
// a responderId, an intentId and a name code jumps to; references of an interaction; hover
// that shows an id's name and where a rule leads; the outline of dialogs with their
// interactions in chain order. Every offset of the file, and the file cut short, answers
// without an exception.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkspace, documentSymbols, findDefinition, findReferences, hover } from '../../../../server/src/formats/index';

const CLEAN = readFileSync(join(__dirname, '../../../fixtures/liveperson/clean/harbor-bikes-support.json'), 'utf8');
const FILE = 'bots/harbor.json';
const bot = JSON.parse(CLEAN);
const idOf = (name: string): string => bot.conversationMessage.find((m: { name: string }) => m.name === name).id;

function load() {
  const ws = createWorkspace();
  ws.setDocument(FILE, CLEAN);
  return ws;
}

/** The offset inside the n-th occurrence of `needle` after `after`. */
function at(needle: string, after = 0): number {
  const i = CLEAN.indexOf(needle, after);
  assert.ok(i >= 0, needle);
  return i + 1;
}

const textAt = (l: { start: number; end: number }) => CLEAN.slice(l.start, l.end);

describe('liveperson: editor features', () => {
  it('goes from a nextMessageId, a rule\'s action and code that jumps by name to the interaction', () => {
    const ws = load();
    const greeting = CLEAN.indexOf('"name": "Welcome Greeting"');
    const next = findDefinition(ws, FILE, at(`"nextMessageId": "${idOf('Main Menu')}"`, greeting) + '"nextMessageId": "'.length);
    assert.deepEqual(next.map(textAt), ['"Main Menu"']);
    const action = findDefinition(ws, FILE, at(`"value": "${idOf('Ask Order Number')}"`) + 10);
    assert.deepEqual(action.map(textAt), ['"Ask Order Number"']);
    const trigger = findDefinition(ws, FILE, at("setTriggerNextMessage('Order Shipped')") + 25);
    assert.deepEqual(trigger.map(textAt), ['"Order Shipped"']);
    const group = findDefinition(ws, FILE, at(`"group": "${bot.groups.find((g: { name: string }) => g.name === 'Opening Hours').id}"`) + 12);
    assert.deepEqual(group.map(textAt), ['"Opening Hours"']);
    const responder = findDefinition(ws, FILE, at('"responderId"') + 18);
    assert.deepEqual(responder.map(textAt), ['"OrderLookup"']);
    const intent = findDefinition(ws, FILE, at('"intentId"') + 14);
    assert.deepEqual(intent.map(textAt), ['"check order status"']);
    // Nothing where nothing is named.
    assert.deepEqual(findDefinition(ws, FILE, at('"chatBotType"')), []);
  });

  it('finds every place that names an interaction: links, rules and code', () => {
    const ws = load();
    const refs = findReferences(ws, FILE, at('"name": "Main Menu"') + 9, true);
    const kinds = refs.map((r) => CLEAN.slice(CLEAN.lastIndexOf('\n', r.start) + 1, r.start).trim().split(':')[0] || 'code');
    assert.equal(textAt(refs[0]!), '"Main Menu"');
    // Welcome Greeting's next; its own rule "Ask again"; the fallback menu's "Yes"; two code jumps.
    assert.equal(refs.length, 6, kinds.join(','));
    assert.equal(refs.filter((r) => textAt(r) === 'Main Menu').length, 2, 'the names in code');
  });

  it('shows the name beside an id, and where a rule leads', () => {
    const ws = load();
    const h = hover(ws, FILE, at(`"nextMessageId": "${idOf('Ask Order Number')}"`) + 20)!;
    assert.match(h.contents, /\*\*Ask Order Number\*\* · TEXT_QUESTION in dialog \*\*Order Status\*\*/);
    const rule = hover(ws, FILE, at('"name": "Hours"'))!;
    assert.match(rule.contents, /Rule \*\*Hours\*\* of \*\*Main Menu\*\*: When pattern "\*hours\*", "open\*", goes to the dialog \*\*Opening Hours\*\*/);
    const again = hover(ws, FILE, at('"name": "Ask again"'))!;
    assert.match(again.contents, /asks again/);
    const next = hover(ws, FILE, at('"name": "Found"'))!;
    assert.match(next.contents, /goes to the next interaction, \*\*Order Found\*\*/);
  });

  it('outlines each dialog with its interactions in chain order, fallback last', () => {
    const ws = load();
    const outline = documentSymbols(ws, FILE);
    assert.deepEqual(
      outline.map((s) => [s.name, s.children.map((c) => c.name)]),
      [
        ['Agent Transfer', ['Transfer Message', 'Escalate To Agent']],
        ['Opening Hours', ['Hours - User Says', 'Hours Answer', 'Store Locations']],
        ['Order Status', ['Order Status - User Says', 'Ask Order Number', 'Lookup Order', 'Order Found', 'Order Shipped', 'Order Not Found']],
        ['Welcome', ['Welcome - User Says', 'Welcome Greeting', 'Main Menu']],
        ['Fallback', ['Fallback Message', 'Fallback Menu']],
        ['API integrations', ['OrderLookup']],
      ],
    );
    for (const s of outline) for (const c of s.children) assert.ok(c.start >= s.start && c.end <= s.end, `${c.name} lies inside ${s.name}`);
  });

  it('answers at every offset, and in the file cut short, without an exception', () => {
    const ws = load();
    for (let o = 0; o <= CLEAN.length; o += 7) {
      hover(ws, FILE, o);
      findDefinition(ws, FILE, o);
      findReferences(ws, FILE, o);
    }
    for (let cut = 0; cut < CLEAN.length; cut += 1499) {
      ws.setDocument(FILE, CLEAN.slice(0, cut));
      documentSymbols(ws, FILE);
      hover(ws, FILE, Math.floor(cut / 2));
      findDefinition(ws, FILE, Math.floor(cut / 2));
    }
  });
});
