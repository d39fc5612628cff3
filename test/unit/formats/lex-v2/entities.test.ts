// The semantic diff of Lex V2 exports, in Lex's words: what a console re-export changes on
// its own is no change (identifiers, Bot.json's version, key order, minified or pretty, the
// order of slotPriorities and of lists, null against absent, the visual builder's
// coordinates); intents, utterances (a multiset), slots, slot types and their values, prompts
// and responses, next steps and settings are, each in its locale.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diffEntities } from '../../../../server/src/definitions/index';
import { diffBotFiles } from '../../../../server/src/definitions/diff/files';
import { semanticChanges } from '../../../../server/src/formats/index';
import { lexFormat } from '../../../../server/src/formats/lex-v2/index';
import { lexEntities } from '../../../../server/src/formats/lex-v2/entities';

const CLEAN = join(__dirname, '../../../fixtures/lex-v2/clean');

function filesOf(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(root, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return out;
}

type J = any;
/** The files with one file's JSON changed by `edit` and written back as it was (pretty or minified). */
function edited(files: Map<string, string>, path: string, edit: (j: J) => void, style?: 'min' | 'pretty'): Map<string, string> {
  const text = files.get(path)!;
  const json = JSON.parse(text);
  edit(json);
  const min = style ? style === 'min' : !text.includes('\n');
  return new Map(files).set(path, min ? JSON.stringify(json) : JSON.stringify(json, null, 4));
}

/** Keys in another order at every level, and nulls dropped. */
function reshuffle(v: J): J {
  if (Array.isArray(v)) return v.map(reshuffle);
  if (!v || typeof v !== 'object') return v;
  const out: J = {};
  for (const k of Object.keys(v).reverse()) if (v[k] !== null) out[k] = reshuffle(v[k]);
  return out;
}

const changesOf = (a: Map<string, string>, b: Map<string, string>) =>
  semanticChanges('lex-v2', a, b).changes.map((c) => [c.kind, c.change, c.locale ?? '', c.parent ?? '', c.name]);

const EN = 'CafeOrders/BotLocales/en_US';
const FR = 'CafeOrders/BotLocales/fr_FR';

describe('lex-v2: semantic diff', () => {
  const clean = filesOf(CLEAN);

  it('finds no change in a console re-export: identifiers, version, key order, formatting, list order, nulls, layout', () => {
    let again = new Map<string, string>();
    let n = 0;
    for (const [path, text] of clean) {
      // Test sets are the team's own files: a console export leaves them as they are.
      if (!path.endsWith('.json')) {
        again.set(path, text);
        continue;
      }
      const j = JSON.parse(text);
      const walk = (v: J) => {
        if (Array.isArray(v)) {
          v.reverse();
          v.forEach(walk);
        } else if (v && typeof v === 'object') {
          if (typeof v.identifier === 'string' && !/^[a-z]{2}_[A-Z]{2}$/.test(v.identifier)) v.identifier = `NEW${String(n++).padStart(7, '0')}`;
          if ('x' in v) v.x += 100;
          if ('y' in v) v.y -= 20;
          Object.values(v).forEach(walk);
        }
      };
      walk(j);
      if (path.endsWith('/Bot.json')) j.version = '7';
      // Minified files come back pretty and pretty ones minified.
      again.set(path, text.includes('\n') ? JSON.stringify(reshuffle(j)) : JSON.stringify(reshuffle(j), null, 2));
    }
    assert.deepEqual(changesOf(clean, again), []);
    again = new Map([...again].reverse());
    assert.deepEqual(changesOf(clean, again), [], 'the order files come in is no change');
  });

  it('names what changed in Lex terms, in its locale', () => {
    let after = edited(clean, `${FR}/Intents/OrderDrink/Intent.json`, (j) => j.sampleUtterances.push({ utterance: 'Un café bien serré' }));
    after = edited(after, `${EN}/Intents/OrderDrink/Intent.json`, (j) => {
      j.sampleUtterances = j.sampleUtterances.filter((u: J) => u.utterance !== 'I need coffee');
      j.intentClosingSetting.nextStep.intent.name = 'CheckOrderStatus';
    });
    after = edited(after, `${EN}/Intents/OrderDrink/Slots/Size/Slot.json`, (j) => (j.valueElicitationSetting.promptSpecification.messageGroupsList[0].message.plainTextMessage.value = 'Small, medium or large?'));
    after = edited(after, `${FR}/SlotTypes/CupSize/SlotType.json`, (j) => j.slotTypeValues[0].synonyms = [{ value: 'petite taille' }]);
    after = edited(after, `${EN}/BotLocale.json`, (j) => (j.nluConfidenceThreshold = 0.55));
    after = edited(after, 'CafeOrders/Bot.json', (j) => (j.idleSessionTTLInSeconds = 600));
    after.delete(`${FR}/Intents/CancelOrder/Intent.json`);
    assert.deepEqual(changesOf(clean, after), [
      ['setting', 'modified', '', '', 'idleSessionTTLInSeconds'],
      ['locale', 'modified', 'en_US', '', 'en_US'],
      ['intent', 'removed', 'fr_FR', '', 'CancelOrder'],
      ['utterance', 'removed', 'en_US', 'OrderDrink', 'I need coffee'],
      ['utterance', 'removed', 'fr_FR', 'CancelOrder', 'Annuler ma commande'],
      ['utterance', 'removed', 'fr_FR', 'CancelOrder', "J'ai changé d'avis"],
      ['utterance', 'removed', 'fr_FR', 'CancelOrder', 'Laissez tomber le café'],
      ['utterance', 'removed', 'fr_FR', 'CancelOrder', 'Oubliez la commande'],
      ['utterance', 'removed', 'fr_FR', 'CancelOrder', 'Arrêter ma commande'],
      ['utterance', 'added', 'fr_FR', 'OrderDrink', 'Un café bien serré'],
      ['entity-value', 'modified', 'fr_FR', 'CupSize', 'petit'],
      ['response', 'removed', 'fr_FR', 'CancelOrder', 'CancelOrder: intentClosingSetting.closingResponse'],
      ['response', 'modified', 'en_US', 'OrderDrink', 'OrderDrink.Size: valueElicitationSetting.promptSpecification'],
      ['flow', 'removed', 'fr_FR', 'CancelOrder', 'CancelOrder: intentClosingSetting.nextStep'],
      ['flow', 'modified', 'en_US', 'OrderDrink', 'OrderDrink: intentClosingSetting.nextStep'],
    ].sort(sortLike(changesOf(clean, after))));
  });

  it('compares a sample utterance as one of a multiset: a second copy is a change, its place is not', () => {
    const after = edited(clean, `${EN}/Intents/CancelOrder/Intent.json`, (j) => j.sampleUtterances.unshift({ utterance: 'Cancel my order' }));
    assert.deepEqual(changesOf(clean, after), [['utterance', 'added', 'en_US', 'CancelOrder', 'Cancel my order']]);
  });

  it('reads only the files that can differ, with the same changes as reading both sides whole', () => {
    const cases: Map<string, string>[] = [];
    cases.push(edited(clean, `${FR}/Intents/OrderDrink/Intent.json`, (j) => j.sampleUtterances.push({ utterance: 'Un café bien serré' })));
    cases.push(edited(clean, `${EN}/Intents/OrderDrink/Slots/Size/Slot.json`, (j) => (j.slotTypeName = 'DrinkType')));
    cases.push(edited(clean, `${EN}/SlotTypes/CupSize/SlotType.json`, (j) => j.slotTypeValues.pop()));
    // An intent moved to another folder, and a second folder giving an intent's name.
    const moved = new Map(clean);
    for (const [p, t] of clean) if (p.startsWith(`${EN}/Intents/CancelOrder/`)) {
      moved.delete(p);
      moved.set(p.replace('/CancelOrder/', '/CancelOrderV2/'), t);
    }
    cases.push(moved);
    assert.deepEqual(diffBotFiles(lexFormat, clean, moved), [], 'a move between folders is no change');
    cases.push(new Map(clean).set(`${FR}/Intents/Copy/Intent.json`, clean.get(`${FR}/Intents/CancelOrder/Intent.json`)!));
    const gone = new Map(clean);
    gone.delete(`${EN}/BotLocale.json`);
    cases.push(gone);
    for (const after of cases) {
      const whole = diffEntities(lexEntities(clean), lexEntities(after));
      assert.deepEqual(diffBotFiles(lexFormat, clean, after), whole);
    }
  });

  it('compares a Test Workbench test set by its tests: a single input by its words, a conversation by its number; line numbers and row order no change', () => {
    const SET = 'TestSets/CafeOrders_en_US.csv';
    const CONV = 'TestSets/fr_FR/conversations.csv';
    const rows = clean.get(SET)!.split('\r\n');
    // Renumbered, the single inputs in another order, LF line ends: the same tests.
    const shuffled = [rows[0], ...rows.slice(1, -1).reverse().map((r, i) => r.replace(/^\d+/, String(i + 10))), ''].join('\n');
    assert.deepEqual(changesOf(clean, new Map(clean).set(SET, shuffled)), []);
    let after = new Map(clean).set(SET, clean.get(SET)!.replace('Where is my order,CheckOrderStatus', 'Where is my order,CancelOrder'));
    after = after.set(CONV, clean.get(CONV)!.replace('Size = grand', 'Size = petit'));
    after = after.set(SET, after.get(SET)! + '7,N/A,User,Two flat whites,OrderDrink,Quantity = 2,Drink = flat white\r\n');
    assert.deepEqual(changesOf(clean, after).sort(), [
      ['test', 'added', '', '', `${SET}: Two flat whites`],
      ['test', 'modified', '', '', `${SET}: Where is my order`],
      ['test', 'modified', '', '', `${CONV}: conversation 1`],
    ]);
    assert.deepEqual(diffBotFiles(lexFormat, clean, after), diffEntities(lexEntities(clean), lexEntities(after)), 'read file by file, the same changes');
  });

  it('reads a file that does not parse as far as it can, and never throws', () => {
    const after = new Map(clean).set(`${EN}/Intents/CancelOrder/Intent.json`, '{"name":"CancelOrder","sampleUtterances":[{"utterance":"Cancel my order"}');
    const diff = semanticChanges('lex-v2', clean, after);
    assert.deepEqual(diff.unreadable, [`${EN}/Intents/CancelOrder/Intent.json`]);
    assert.ok(diff.changes.some((c) => c.kind === 'utterance' && c.change === 'removed' && c.name === 'Never mind the coffee'));
    assert.ok(!diff.changes.some((c) => c.kind === 'intent' && c.name === 'CancelOrder' && c.change === 'removed'));
  });
});

/** Keeps the order the diff gives (kind, parent, locale, name, change): the expected list is written by meaning. */
function sortLike(actual: unknown[][]) {
  const key = (x: unknown[]) => JSON.stringify(x);
  const at = new Map(actual.map((x, i) => [key(x), i]));
  return (a: unknown[], b: unknown[]) => (at.get(key(a)) ?? 1e9) - (at.get(key(b)) ?? 1e9);
}
