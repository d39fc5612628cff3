// The semantic diff of Dialogflow ES agents in ES's words: ids, `updated` and `count`, key
// order, escapes, formatting and the order of phrases are no change; a phrase per language, a
// parameter, a response per language, a context, an entity's entry, a follow-up's parent (by
// name) are.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { semanticChanges } from '../../../../server/src/formats/index';

const CLEAN = join(__dirname, '../../../fixtures/dialogflow-es/clean');

function read(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(root, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return files;
}

const changes = (before: Map<string, string>, after: Map<string, string>) =>
  semanticChanges('dialogflow-es', before, after).changes.map((c) => [c.kind, c.change, c.parent ?? '', c.locale ?? '', c.name].join(' | '));

describe('dialogflow-es: semantic diff', () => {
  const before = read(CLEAN);

  it('sees no change in what every export rewrites', () => {
    const after = new Map(before);
    for (const [path, text] of before) {
      const v = JSON.parse(text);
      const walk = (o: unknown): unknown => {
        if (Array.isArray(o)) return o.map(walk);
        if (o && typeof o === 'object') return Object.fromEntries(Object.entries(o).reverse().map(([k, x]) => [k, k === 'updated' || k === 'count' ? 12345 : k === 'id' && typeof x === 'string' ? `${x.slice(0, -4)}ffff` : walk(x)]));
        return o;
      };
      let s = walk(v);
      if (path.includes('_usersays_')) s = (s as unknown[]).reverse();
      // Follow-ups keep pointing at their parent (by its new id).
      after.set(path, JSON.stringify(s).replace(/'/g, '\\u0027'));
    }
    for (const [path, text] of after) {
      if (!/^intents\/[^/]*\.json$/.test(path) || path.includes('_usersays_')) continue;
      after.set(path, text.replace(/"(parentId|rootParentId)":"([0-9a-f-]+)"/g, (_m, k: string, id: string) => `"${k}":"${id.slice(0, -4)}ffff"`));
    }
    assert.deepEqual(changes(before, after), []);
  });

  it('names phrases, parameters, responses, contexts and entries in ES\'s words', () => {
    const after = new Map(before);
    const set = (path: string, change: (v: any) => void): void => {
      const v = JSON.parse(after.get(path)!);
      change(v);
      after.set(path, JSON.stringify(v, null, 2));
    };
    set('intents/Öffnungszeiten_usersays_de.json', (v) => v.push({ id: 'n', data: [{ text: 'seid ihr heute da', userDefined: false }], isTemplate: false, count: 0, lang: 'de', updated: 0 }));
    set('intents/Tisch reservieren.json', (v) => {
      v.responses[0].parameters[2].required = true;
      v.responses[0].messages[1].speech = ['Tisch für $guests am $date?'];
      v.responses[0].affectedContexts[0].lifespan = 5;
    });
    set('entities/seating-area_entries_en.json', (v) => v[0].synonyms.push('garden'));
    assert.deepEqual(changes(before, after), [
      'intent | modified |  |  | Tisch reservieren',
      'utterance | added | Öffnungszeiten | de | seid ihr heute da',
      'entity-value | modified | seating-area | en | terrace',
      'slot | modified | Tisch reservieren |  | area',
      'response | modified | Tisch reservieren | de | Tisch reservieren: responses',
    ]);
  });
});
