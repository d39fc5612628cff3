// Recognition and identity of Dialogflow CX agents: what makes a folder an agent (agent.json
// beside the package's folders, never ES's package.json and entities/), names in file and
// folder names decoded and encoded as the console writes them, where each file sits in the
// package, and the identity agent.json gives (displayName, else the folder; a zip by its name).
import { strict as assert } from 'node:assert';
import type { FolderProbe } from '../../../../server/src/definitions/index';
import { dialogflowCxFormat } from '../../../../server/src/formats/dialogflow-cx/index';
import { decodeName, encodeName, placeOf, resourcePath } from '../../../../server/src/formats/dialogflow-cx/names';
import { FORMATS } from '../../../../server/src/formats/index';

function probe(files: string[], dirs: string[], texts: Record<string, string> = {}, dir = 'agents/parcels'): FolderProbe {
  return { dir, hasFile: (r) => files.includes(r), hasDir: (r) => dirs.includes(r), read: (r) => texts[r] };
}

describe('dialogflow-cx: recognition and identity', () => {
  it('recognises agent.json beside the folders of a CX package', () => {
    for (const d of ['flows/', 'entityTypes/', 'playbooks/', 'transitionRouteGroups/', 'webhooks/', 'testCases/', 'generators/']) assert.deepEqual(dialogflowCxFormat.recognise(probe(['agent.json'], [d])), { marker: 'agent.json' }, d);
    assert.deepEqual(dialogflowCxFormat.recognise(probe(['agent.json'], ['intents/'])), { marker: 'agent.json' });
    assert.equal(dialogflowCxFormat.recognise(probe(['agent.json'], [])), undefined);
    assert.equal(dialogflowCxFormat.recognise(probe([], ['flows/', 'intents/'])), undefined);
    // Dialogflow ES: agent.json with package.json, or entities/, and flat intents/.
    assert.equal(dialogflowCxFormat.recognise(probe(['agent.json', 'package.json'], ['intents/'])), undefined);
    assert.equal(dialogflowCxFormat.recognise(probe(['agent.json'], ['intents/', 'entities/'])), undefined);
    for (const m of ['agent.json', 'package.json', 'flows/', 'intents/', 'entities/']) assert.ok(dialogflowCxFormat.markers.includes(m), m);
    assert.ok(FORMATS.includes(dialogflowCxFormat));
  });

  it('decodes percent-encoded names as UTF-8 and encodes display names as the console does', () => {
    assert.equal(decodeName('Ap%c3%b3lice Informada'), 'Apólice Informada');
    assert.equal(decodeName('%3e collect address'), '> collect address');
    assert.equal(decodeName('Confirm %28Start flow%29'), 'Confirm (Start flow)');
    assert.equal(decodeName('prebuilt_components_address_collection%3aaddress_validation'), 'prebuilt_components_address_collection:address_validation');
    assert.equal(decodeName('%e2%80%9cquoted%e2%80%9d'), '“quoted”');
    assert.equal(decodeName('100%'), '100%', 'a broken run stays as written');
    assert.equal(decodeName('%zz%c3'), '%zz%c3');
    for (const name of ['Apólice Informada', '> collect address', 'Confirm (Start flow)', 'a/b', 'x:y?z', '100%', 'Zustellung ändern', 'plain name-1_2.x']) assert.equal(decodeName(encodeName(name)), name, name);
    assert.equal(encodeName('Apólice Informada'), 'Ap%c3%b3lice Informada');
    assert.equal(encodeName('> collect address'), '%3e collect address');
    assert.equal(encodeName('a/b'), 'a%2fb');
    assert.equal(resourcePath('intent', 'Zustellung ändern'), 'intents/Zustellung %c3%a4ndern/Zustellung %c3%a4ndern.json');
    assert.equal(resourcePath('webhook', 'status lookup'), 'webhooks/status lookup.json');
  });

  it('knows where each file sits in the package', () => {
    assert.deepEqual(placeOf('agent.json'), { role: 'agent' });
    assert.deepEqual(placeOf('intents/Ap%c3%b3lice/Ap%c3%b3lice.json'), { role: 'intent', name: 'Apólice', folder: 'Apólice', folderRaw: 'Ap%c3%b3lice', file: 'Apólice' });
    assert.deepEqual(placeOf('intents/x/trainingPhrases/pt-br.json'), { role: 'phrases', name: 'x', folder: 'x', folderRaw: 'x', lang: 'pt-br' });
    assert.deepEqual(placeOf('entityTypes/size/entities/es-419.json'), { role: 'entities', name: 'size', folder: 'size', folderRaw: 'size', lang: 'es-419' });
    assert.deepEqual(placeOf('flows/Main/pages/%3e collect address.json'), { role: 'page', name: '> collect address', folder: 'Main', folderRaw: 'Main' });
    assert.deepEqual(placeOf('flows/Main/transitionRouteGroups/Help.json'), { role: 'flowGroup', name: 'Help', folder: 'Main', folderRaw: 'Main' });
    assert.deepEqual(placeOf('transitionRouteGroups/Help.json'), { role: 'agentGroup', name: 'Help' });
    assert.deepEqual(placeOf('webhooks/hook.json'), { role: 'webhook', name: 'hook' });
    assert.deepEqual(placeOf('testCases/Smoke test.json'), { role: 'testCase', name: 'Smoke test' });
    assert.equal(placeOf('README.md').role, 'other');
    assert.equal(placeOf('tools/t/schema.yaml').role, 'other');
    // Files of one language, for versions chosen language by language.
    assert.equal(dialogflowCxFormat.localeOf!('intents/x/trainingPhrases/pt-br.json'), 'pt-br');
    assert.equal(dialogflowCxFormat.localeOf!('entityTypes/size/entities/de.json'), 'de');
    assert.equal(dialogflowCxFormat.localeOf!('flows/Main/pages/Start.json'), undefined);
    assert.equal(dialogflowCxFormat.localeOf!('agent.json'), undefined);
  });

  it('takes its name and id from displayName, its locales from the languages, and a zip\'s id from the zip', () => {
    const text = JSON.stringify({ displayName: 'Parcel Desk', defaultLanguageCode: 'en', supportedLanguageCodes: ['de', 'pt-br', 'en'], startFlow: 'Default Start Flow' });
    const ident = dialogflowCxFormat.identity(probe(['agent.json'], ['flows/'], { 'agent.json': text }), { marker: 'agent.json' });
    assert.deepEqual(ident, { id: 'parcel-desk', name: 'Parcel Desk', locales: ['en', 'de', 'pt-br'], keep: ['webhooks/*.json'] });
    // Exports without displayName: no id of its own, so the folder's name gives it.
    const bare = dialogflowCxFormat.identity(probe(['agent.json'], ['flows/'], { 'agent.json': JSON.stringify({ defaultLanguageCode: 'es-419', startFlow: 'x' }) }), { marker: 'agent.json' });
    assert.deepEqual(bare, { locales: ['es-419'], keep: ['webhooks/*.json'] });
    // A zip: named from displayName, its id from the zip's name.
    const zipped = dialogflowCxFormat.identity(probe(['agent.json'], ['flows/'], { 'agent.json': text }, 'exports/parcel.zip/agent'), { marker: 'agent.json' });
    assert.equal(zipped.id, undefined);
    assert.equal(zipped.name, 'Parcel Desk');
    // A broken agent.json is still an agent: no problem that would stop versioning it.
    const broken = dialogflowCxFormat.identity(probe(['agent.json'], ['flows/'], { 'agent.json': '{ "displayName": ' }), { marker: 'agent.json' });
    assert.deepEqual(broken, { locales: [], keep: ['webhooks/*.json'] });
  });

  it('keeps a release target\'s own displayName and projectNumber, and nothing else of its agent.json', () => {
    const released = new Map([['agent.json', '{\n  "displayName": "Parcel Desk",\n  "projectNumber": "111",\n  "timeZone": "Europe/Berlin"\n}\n']]);
    const r = dialogflowCxFormat.adoptIdentity(released, { id: 'parcel-desk-eu', marker: 'agent.json', markerText: '{"displayName":"Parcel Desk EU","projectNumber":"222","timeZone":"UTC"}' });
    assert.ok('rewritten' in r);
    assert.equal(r.rewritten.get('agent.json'), '{\n  "displayName": "Parcel Desk EU",\n  "projectNumber": "222",\n  "timeZone": "Europe/Berlin"\n}\n');
    assert.ok('problem' in dialogflowCxFormat.adoptIdentity(new Map(), { id: 'x', marker: 'agent.json', markerText: '{}' }));
  });
});
