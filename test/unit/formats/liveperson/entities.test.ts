// The semantic diff of LivePerson bots in Conversation Builder's terms: what an export changes
// by itself (every id regenerated, hashes, times, modifiedBy, the arrays' order, minified or
// pretty, the date and time an import appends to the name) is no change; a pattern's order
// is none; a rule's order, a chain, a text, an integration, the global functions are.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { semanticChanges } from '../../../../server/src/formats/index';

const CLEAN = readFileSync(join(__dirname, '../../../fixtures/liveperson/clean/harbor-bikes-support.json'), 'utf8');
type Bot = Record<string, any>;
const parse = (): Bot => JSON.parse(CLEAN);
const diff = (a: string, b: string) => semanticChanges('liveperson', new Map([['bot.json', a]]), new Map([['bot.json', b]])).changes.map((c) => `${c.change} ${c.kind} ${c.parent ? `${c.parent} / ` : ''}${c.name}`);
const msg = (b: Bot, name: string) => b.conversationMessage.find((m: Bot) => m.name === name);

/** Every id of the bot replaced by a new one, consistently, as an import into another account does. */
function regenerateIds(text: string): string {
  const ids = new Set<string>();
  for (const m of text.matchAll(/"(?:id|chatBotId|chatbotId|group|nextMessageId|prevMessageId|responderId|intentId|domainId|entityDataSourceId|value)": "([0-9a-f-]{32,40})"/g)) ids.add(m[1]!);
  let out = text;
  let n = 0;
  for (const id of ids) out = out.split(id).join(`${String(n++).padStart(8, '0')}-aaaa-bbbb-cccc-${'d'.repeat(12)}`);
  return out;
}

describe('liveperson: semantic diff', () => {
  it('finds no change between an export and itself re-exported: new ids, times, hash, order, formatting, an import suffix', () => {
    const b = parse();
    b.hash = '42';
    b.bot.name = 'Harbor Bikes Support (09-16-2021 05:42)';
    b.bot.modificationTime += 1000;
    for (const g of b.groups) g.modificationTime = '2025-01-01 00:00:00';
    b.conversationMessage.reverse();
    b.groups.reverse();
    b.associatedDomains[0].modifiedBy = 'someone else';
    msg(b, 'Ask Order Number').comment.lastModifiedDate = '2025-01-01 00:00:00';
    msg(b, 'Welcome - User Says').pattern.reverse();
    assert.deepEqual(diff(CLEAN, regenerateIds(JSON.stringify(b))), []);
  });

  it('lists what changed in Conversation Builder\'s words', () => {
    const b = parse();
    msg(b, 'Welcome - User Says').pattern.push('howdy');
    msg(b, 'Hours Answer').content.results.tile.tileData[0].text = "We're open from 9 to 7.";
    const menu = msg(b, 'Main Menu');
    menu.responseMatches.reverse();
    b.responder[0].webhook = 'https://api.harborbikes.example/v2/orders';
    b.globalFunctions.methods += '\n// helpers\n';
    b.bot.description = 'Orders and hours.';
    assert.deepEqual(diff(CLEAN, JSON.stringify(b, null, 2)), [
      'modified setting description',
      'modified setting globalFunctions',
      'added pattern Welcome - User Says / howdy',
      'modified integration OrderLookup',
      'modified interaction Opening Hours / Hours Answer',
      'modified interaction Welcome / Main Menu',
    ]);
  });

  it('compares a dialog\'s chain as a sequence, and rules by the names their ids stand for', () => {
    const b = parse();
    // Swap two interactions of a chain: Order Found and Order Shipped.
    const found = msg(b, 'Order Found');
    const shipped = msg(b, 'Order Shipped');
    const lookup = msg(b, 'Lookup Order');
    lookup.nextMessageId = shipped.id;
    shipped.prevMessageId = lookup.id;
    shipped.nextMessageId = found.id;
    found.prevMessageId = shipped.id;
    found.nextMessageId = '';
    const changes = diff(CLEAN, JSON.stringify(b, null, 2));
    assert.ok(changes.includes('modified dialog Order Status'), changes.join('\n'));
    // A rule that goes to another interaction.
    const c = parse();
    msg(c, 'Main Menu').responseMatches[0].action.value = msg(c, 'Order Found').id;
    assert.deepEqual(diff(CLEAN, JSON.stringify(c, null, 2)), ['modified interaction Welcome / Main Menu']);
  });

  it('lists a removed interaction and a renamed dialog (and the rule that goes to it, by the dialog\'s new name)', () => {
    const b = parse();
    b.conversationMessage = b.conversationMessage.filter((m: Bot) => m.name !== 'Store Locations');
    msg(b, 'Hours Answer').nextMessageId = '';
    b.groups.find((g: Bot) => g.name === 'Agent Transfer').name = 'Human Handover';
    assert.deepEqual(diff(CLEAN, JSON.stringify(b, null, 2)), [
      'removed dialog Agent Transfer',
      'added dialog Human Handover',
      'modified dialog Opening Hours',
      'removed interaction Agent Transfer / Escalate To Agent',
      'removed interaction Agent Transfer / Transfer Message',
      'added interaction Human Handover / Escalate To Agent',
      'added interaction Human Handover / Transfer Message',
      'removed interaction Opening Hours / Store Locations',
      'modified interaction Order Status / Order Not Found',
    ]);
  });
});
