// The semantic diff of Dialogflow CX agents in the console's words: what the console rewrites
// on every export (UUID names, projectNumber, test cases' creationTime, key order, escapes,
// minified or pretty, float noise, the order of phrases) is no change; a phrase, a route's
// order, a message in one language, a webhook's URL, a page, a route group, a test case are.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diffEntities } from '../../../../server/src/definitions/index';
import { dialogflowCxFormat } from '../../../../server/src/formats/dialogflow-cx/index';
import { semanticChanges } from '../../../../server/src/formats/index';

const CLEAN = join(__dirname, '../../../fixtures/dialogflow-cx/clean');

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
  semanticChanges('dialogflow-cx', before, after).changes.map((c) => [c.kind, c.change, c.parent ?? '', c.locale ?? '', c.name].join(' | '));

describe('dialogflow-cx: semantic diff', () => {
  const before = read(CLEAN);
  const edit = (path: string, change: (v: any) => void, print: (v: unknown) => string = (v) => JSON.stringify(v, null, 2)): Map<string, string> => {
    const after = new Map(before);
    const v = JSON.parse(before.get(path)!);
    change(v);
    after.set(path, print(v));
    return after;
  };

  it('sees no change in what every export rewrites', () => {
    const after = new Map(before);
    for (const [path, text] of before) {
      const v = JSON.parse(text);
      const shuffle = (o: unknown): unknown => {
        if (Array.isArray(o)) return o.map(shuffle);
        if (o && typeof o === 'object') return Object.fromEntries(Object.entries(o).reverse().map(([k, x]) => [k, k === 'name' && typeof x === 'string' && /^[0-9a-f-]{36}$/.test(x) ? 'ffffffff-0000-4000-8000-000000000000' : shuffle(x)]));
        return o;
      };
      const s = shuffle(v) as Record<string, unknown>;
      if (path.includes('trainingPhrases/')) (s.trainingPhrases as unknown[]).reverse();
      if (path.startsWith('testCases/')) s.creationTime = { seconds: 1 };
      if (path === 'agent.json') s.projectNumber = '424242';
      // Minified, and the console's escapes of > and '.
      after.set(path, JSON.stringify(s).replace(/>/g, '\\u003e').replace(/'/g, '\\u0027').replace(/0\.30000001/g, '0.3'));
    }
    assert.deepEqual(changes(before, after), []);
  });

  it('names a changed, added or removed phrase per language, and a phrase moved to another intent', () => {
    const after = edit('intents/confirm.yes/trainingPhrases/de.json', (v) => (v.trainingPhrases[0].parts[0].text = 'jawohl'));
    assert.deepEqual(changes(before, after), ['utterance | removed | confirm.yes | de | ja', 'utterance | added | confirm.yes | de | jawohl']);
  });

  it('sees the order of routes, not that of phrases', () => {
    const after = edit('flows/Default Start Flow/Default Start Flow.json', (v) => v.transitionRoutes.reverse());
    assert.deepEqual(changes(before, after), ['flow | modified |  |  | Default Start Flow']);
  });

  it('names routes by intent or condition and target, under their flow or page, and messages per language', () => {
    const a = edit('flows/Track Parcel/pages/%3e Show Status.json', (v) => {
      v.transitionRoutes[1].targetPage = 'End Session';
      v.entryFulfillment.messages[1].text.text = ['Neuer Stand.'];
    });
    assert.deepEqual(changes(before, a), [
      'response | modified |  | de | Track Parcel / > Show Status: entry',
      'page | modified | Track Parcel |  | > Show Status',
      'route | removed | Track Parcel / > Show Status |  | intent confirm.no → Ask Number',
      'route | added | Track Parcel / > Show Status |  | intent confirm.no → End Session',
    ]);
  });

  it('names webhooks, entity types and their entries, parameters, route groups, test cases and settings', () => {
    const after = new Map(before);
    const set = (path: string, change: (v: any) => void): void => {
      const v = JSON.parse(after.get(path)!);
      change(v);
      after.set(path, JSON.stringify(v));
    };
    set('webhooks/status-lookup.json', (v) => (v.genericWebService.uri = 'https://staging.example.com/status'));
    set('entityTypes/delivery-slot/entities/en.json', (v) => v.entities[0].synonyms.push('weekend'));
    set('intents/track.parcel/track.parcel.json', (v) => (v.parameters[0].isList = true));
    set('transitionRouteGroups/Common Exits.json', (v) => (v.transitionRoutes[0].condition = '$session.params.attempts > 3'));
    set('testCases/Track a parcel.json', (v) => (v.tags = ['#smoke', '#nightly']));
    set('agent.json', (v) => (v.timeZone = 'Europe/Paris'));
    assert.deepEqual(changes(before, after), [
      'setting | modified |  |  | timeZone',
      'entity-value | modified | delivery-slot | en | saturday',
      'slot | modified | track.parcel |  | tracking_number',
      'webhook | modified |  |  | status-lookup',
      'route-group | modified |  |  | Common Exits',
      'route | removed | group Common Exits |  | intent confirm.no if $session.params.attempts > 2 → End Session',
      'route | added | group Common Exits |  | intent confirm.no if $session.params.attempts > 3 → End Session',
      'test | modified |  |  | Track a parcel',
    ]);
  });

  it('reads only the files that differ, and gives what reading every file gives', () => {
    const edits: [string, (v: any) => void][] = [
      ['intents/help/trainingPhrases/de.json', (v) => v.trainingPhrases.pop()],
      ['intents/track.parcel/track.parcel.json', (v) => (v.displayName = 'parcel.track')],
      ['flows/Track Parcel/pages/Ask Number.json', (v) => v.transitionRoutes.reverse()],
      ['flows/Default Start Flow/Default Start Flow.json', (v) => (v.transitionRoutes[1].targetFlow = 'Change Delivery')],
      ['entityTypes/delivery-slot/entities/de.json', (v) => (v.entities[0].value = 'weekend')],
      ['transitionRouteGroups/Common Exits.json', (v) => (v.displayName = 'Exits')],
      ['agent.json', (v) => (v.supportedLanguageCodes = ['de', 'fr'])],
    ];
    let after = new Map(before);
    for (const [path, change] of edits) {
      const v = JSON.parse(after.get(path)!);
      change(v);
      after = new Map(after);
      after.set(path, JSON.stringify(v));
      const whole = diffEntities(dialogflowCxFormat.entities!(before), dialogflowCxFormat.entities!(after));
      assert.deepEqual(semanticChanges('dialogflow-cx', before, after).changes, whole, path);
    }
  });
});

