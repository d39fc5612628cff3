// Recognition and identity of Dialogflow ES agents: agent.json with package.json (or
// entities/) beside flat intents/ and entities/, never a CX package; where each file sits
// (names written raw, `_usersays_<lang>` and `_entries_<lang>` files); no agent name in the
// files, languages from `language` and `supportedLanguages`; a release keeps the target's
// webhook and Assistant project.
import { strict as assert } from 'node:assert';
import type { FolderProbe } from '../../../../server/src/definitions/index';
import { dialogflowCxFormat } from '../../../../server/src/formats/dialogflow-cx/index';
import { dialogflowEsFormat } from '../../../../server/src/formats/dialogflow-es/index';
import { placeOf } from '../../../../server/src/formats/dialogflow-es/names';
import { FORMATS } from '../../../../server/src/formats/index';

function probe(files: string[], dirs: string[], texts: Record<string, string> = {}): FolderProbe {
  return { dir: 'agents/cafe', hasFile: (r) => files.includes(r), hasDir: (r) => dirs.includes(r), read: (r) => texts[r] };
}

describe('dialogflow-es: recognition and identity', () => {
  it('recognises an ES export, and leaves a CX package to CX', () => {
    assert.deepEqual(dialogflowEsFormat.recognise(probe(['agent.json', 'package.json'], ['intents/', 'entities/'])), { marker: 'agent.json' });
    assert.deepEqual(dialogflowEsFormat.recognise(probe(['agent.json', 'package.json'], ['intents/'])), { marker: 'agent.json' });
    assert.deepEqual(dialogflowEsFormat.recognise(probe(['agent.json'], ['intents/', 'entities/'])), { marker: 'agent.json' });
    assert.equal(dialogflowEsFormat.recognise(probe(['agent.json'], ['intents/'])), undefined, 'intents/ alone beside agent.json is CX');
    assert.equal(dialogflowEsFormat.recognise(probe(['agent.json', 'package.json'], [])), undefined);
    assert.equal(dialogflowEsFormat.recognise(probe(['agent.json', 'package.json'], ['intents/', 'flows/'])), undefined);
    // Never both: each folder is claimed by one of the two.
    for (const [files, dirs] of [
      [['agent.json', 'package.json'], ['intents/', 'entities/']],
      [['agent.json'], ['intents/']],
      [['agent.json'], ['flows/', 'intents/']],
      [['agent.json'], ['intents/', 'entities/']],
    ] as const) {
      const p = probe([...files], [...dirs]);
      assert.equal(!!dialogflowEsFormat.recognise(p) && !!dialogflowCxFormat.recognise(p), false, `${files} ${dirs}`);
    }
    assert.ok(FORMATS.includes(dialogflowEsFormat));
  });

  it('knows where each file sits, with names as ES writes them', () => {
    assert.deepEqual(placeOf('agent.json'), { role: 'agent' });
    assert.deepEqual(placeOf('package.json'), { role: 'package' });
    assert.deepEqual(placeOf('intents/Öffnungszeiten.json'), { role: 'intent', name: 'Öffnungszeiten' });
    assert.deepEqual(placeOf('intents/Tisch reservieren - yes_usersays_de.json'), { role: 'usersays', name: 'Tisch reservieren - yes', lang: 'de' });
    assert.deepEqual(placeOf('intents/order.status_usersays_pt-br.json'), { role: 'usersays', name: 'order.status', lang: 'pt-br' });
    assert.deepEqual(placeOf('entities/seating-area_entries_en.json'), { role: 'entries', name: 'seating-area', lang: 'en' });
    assert.deepEqual(placeOf('entities/seating-area.json'), { role: 'entity', name: 'seating-area' });
    assert.deepEqual(placeOf('customSmalltalkResponses_en.json'), { role: 'smalltalk', lang: 'en' });
    assert.equal(placeOf('intents/sub/x.json').role, 'other');
    assert.equal(dialogflowEsFormat.localeOf!('intents/Öffnungszeiten_usersays_de.json'), 'de');
    assert.equal(dialogflowEsFormat.localeOf!('intents/Öffnungszeiten.json'), undefined);
  });

  it('gives no id or name of its own (the folder or zip names it) and its languages', () => {
    const text = JSON.stringify({ language: 'de', supportedLanguages: ['en', 'fr', 'de'], webhook: { url: 'https://x' } });
    assert.deepEqual(dialogflowEsFormat.identity(probe(['agent.json'], [], { 'agent.json': text }), { marker: 'agent.json' }), { locales: ['de', 'en', 'fr'], keep: [] });
    assert.deepEqual(dialogflowEsFormat.identity(probe(['agent.json'], [], { 'agent.json': '{' }), { marker: 'agent.json' }), { locales: [], keep: [] });
  });

  it('keeps a release target\'s own webhook and Assistant project', () => {
    const released = new Map([['agent.json', '{\n  "language": "en",\n  "webhook": { "url": "https://staging.example.com" },\n  "googleAssistant": { "project": "staging-1" }\n}\n']]);
    const r = dialogflowEsFormat.adoptIdentity(released, { id: 'cafe-prod', marker: 'agent.json', markerText: '{"language":"en","webhook":{"url":"https://prod.example.com"},"googleAssistant":{"project":"prod-2"}}' });
    assert.ok('rewritten' in r);
    assert.equal(r.rewritten.get('agent.json'), '{\n  "language": "en",\n  "webhook": {"url":"https://prod.example.com"},\n  "googleAssistant": {"project":"prod-2"}\n}\n');
  });
});
