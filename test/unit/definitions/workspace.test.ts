// The workspace index: samples validate clean, changes re-check what they touch, options
// apply, bots nest, and the promotion gate validates a stored version.
import { createWorkspace } from '../../../server/src/formats/index';
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { BotWorkspace, loadFolder } from '../../../server/src/definitions/index';
import { validateVersion } from '../../../server/src/formats/index';

const SAMPLES = join(__dirname, '../../../samples/pizza-shop');
const MANIFEST = 'bot:\n  id: a\n  locales: [en-US]\ninclude: [parts/*.yaml]\n';
const INTENT = 'intents:\n  - name: Hi\n    utterances:\n      en-US: [hi, hello, hey there]\nflows:\n  - name: hi\n    trigger: { intent: Hi }\n    steps:\n      - say: greet\n';
const RESPONSE = 'responses:\n  greet:\n    en-US: [Hello!]\n';

const codesOf = (ws: BotWorkspace, file: string): string[] => ws.getDiagnostics(file).map((d) => d.code);

describe('definitions: workspace', () => {
  it('validates the sample workspace clean, both bots', async () => {
    const ws = createWorkspace();
    await loadFolder(ws, SAMPLES);
    const bots = ws.getBots().map((b) => b.id).sort();
    assert.deepEqual(bots, ['pizza-dev', 'pizza-prod']);
    const problems = [...ws.getAllDiagnostics()].flatMap(([f, ds]) => ds.map((d) => `${f}: ${d.code} ${d.message}`));
    assert.deepEqual(problems, []);
    // credentials/ is not included by any glob: it is no bot file, so it gets no diagnostics.
    assert.equal(ws.botOf(join(SAMPLES, 'pizza-dev/credentials/secrets.yaml').split('\\').join('/')), undefined);
  });

  it('flags files of a protected bot that differ from its last release', async () => {
    const ws = createWorkspace({ protectedBots: new Map([['pizza-prod', new Set(['flows/ordering.yaml'])]]) });
    await loadFolder(ws, SAMPLES);
    const flagged = [...ws.getAllDiagnostics()].filter(([, ds]) => ds.some((d) => d.code === 'protected/edited')).map(([f]) => f.slice(f.indexOf('pizza-prod')));
    assert.deepEqual(flagged, ['pizza-prod/flows/ordering.yaml']);
  });

  it('re-checks a bot across files when one file changes, and says which files to republish', () => {
    const ws = createWorkspace();
    ws.setDocument('bot.yaml', MANIFEST);
    ws.setDocument('parts/intents.yaml', INTENT);
    ws.setDocument('parts/responses.yaml', RESPONSE);
    assert.deepEqual(codesOf(ws, 'parts/intents.yaml'), []);
    const change = ws.setDocument('parts/responses.yaml', RESPONSE.replace('greet', 'greeting'), 2);
    assert.deepEqual(change.affected.sort(), ['bot.yaml', 'parts/intents.yaml', 'parts/responses.yaml']);
    assert.deepEqual(codesOf(ws, 'parts/intents.yaml'), ['ref/unknown-response']);
    assert.deepEqual(codesOf(ws, 'parts/responses.yaml'), ['unused/response']);
    // The same text again changes nothing.
    assert.deepEqual(ws.setDocument('parts/responses.yaml', RESPONSE.replace('greet', 'greeting'), 3).affected, []);
  });

  it('drops a file that leaves the include globs, and lists it so its diagnostics are cleared', () => {
    const ws = createWorkspace();
    ws.setDocument('bot.yaml', MANIFEST);
    ws.setDocument('parts/intents.yaml', INTENT);
    ws.setDocument('parts/responses.yaml', RESPONSE.replace('greet', 'unused'));
    assert.deepEqual(codesOf(ws, 'parts/responses.yaml'), ['unused/response']);
    const change = ws.setDocument('bot.yaml', MANIFEST.replace('parts/*.yaml', 'parts/intents.yaml'), 2);
    assert.ok(change.affected.includes('parts/responses.yaml'));
    assert.deepEqual(codesOf(ws, 'parts/responses.yaml'), []);
    assert.deepEqual(codesOf(ws, 'parts/intents.yaml'), ['ref/unknown-response']);
    const back = ws.setDocument('bot.yaml', MANIFEST, 3);
    assert.ok(back.affected.includes('parts/responses.yaml'));
    ws.removeDocument('parts/responses.yaml');
    assert.deepEqual(codesOf(ws, 'parts/intents.yaml'), ['ref/unknown-response']);
  });

  it('reports two bots with one id, and clears it when one is renamed', () => {
    const ws = createWorkspace();
    ws.setDocument('one/bot.yaml', MANIFEST.replace('include: [parts/*.yaml]\n', ''));
    ws.setDocument('two/bot.yaml', MANIFEST.replace('include: [parts/*.yaml]\n', ''));
    assert.deepEqual(codesOf(ws, 'one/bot.yaml'), ['bot/duplicate-id']);
    const change = ws.setDocument('two/bot.yaml', MANIFEST.replace('id: a', 'id: b').replace('include: [parts/*.yaml]\n', ''), 2);
    assert.ok(change.affected.includes('one/bot.yaml'));
    assert.deepEqual(codesOf(ws, 'one/bot.yaml'), []);
  });

  it('keeps a nested bot\'s files out of the outer bot', () => {
    const ws = createWorkspace();
    ws.setDocument('bot.yaml', MANIFEST.replace('parts/*.yaml', '"**/*.yaml"'));
    ws.setDocument('parts/intents.yaml', INTENT + RESPONSE);
    ws.setDocument('inner/bot.yaml', 'bot:\n  id: inner\n  locales: [en-US]\ninclude: ["*.yaml"]\n');
    ws.setDocument('inner/extra.yaml', RESPONSE);
    assert.equal(ws.botOf('inner/extra.yaml')?.id, 'inner');
    assert.deepEqual(ws.botOf('bot.yaml')?.files, ['bot.yaml', 'parts/intents.yaml']);
  });

  it('applies severity overrides, "off", and the minimum number of utterances', () => {
    const ws = createWorkspace({ minUtterances: 5 });
    ws.setDocument('bot.yaml', MANIFEST + RESPONSE.replace('greet', 'spare'));
    ws.setDocument('parts/intents.yaml', INTENT + RESPONSE);
    assert.deepEqual(codesOf(ws, 'parts/intents.yaml'), ['intent/too-few-utterances']);
    ws.setOptions({ minUtterances: 3, severities: { 'unused/response': 'error' } });
    assert.deepEqual(ws.getDiagnostics('bot.yaml').map((d) => `${d.code} ${d.severity}`), ['unused/response error']);
    ws.setOptions({ severities: { 'unused/response': 'off' } });
    assert.deepEqual(codesOf(ws, 'bot.yaml'), []);
  });

  it('checks variables against the pipeline the caller names', () => {
    const text = MANIFEST + 'variables:\n  URL:\n    environments: { dev: a, prod: b }\nfunctions:\n  - name: f\n    url: ${URL}\n';
    const ws = createWorkspace({ environments: ['dev', 'prod'] });
    ws.setDocument('bot.yaml', text);
    assert.deepEqual(codesOf(ws, 'bot.yaml').filter((c) => c.startsWith('env/')), []);
    ws.setOptions({});
    assert.deepEqual(codesOf(ws, 'bot.yaml').filter((c) => c.startsWith('env/')), ['env/missing-value', 'env/unknown-environment', 'env/unknown-environment']);
  });

  it('validates a stored version given as bytes, with LSP positions (the promotion gate)', () => {
    const files = new Map<string, Uint8Array>([
      ['bot.yaml', new TextEncoder().encode(MANIFEST)],
      ['parts/intents.yaml', new TextEncoder().encode(INTENT)],
    ]);
    assert.deepEqual(validateVersion(files), [
      {
        file: 'parts/intents.yaml',
        range: { start: { line: 8, character: 13 }, end: { line: 8, character: 18 } },
        severity: 'error',
        code: 'ref/unknown-response',
        message: 'Unknown response "greet". Create it under responses, or say an existing one.',
      },
    ]);
    assert.equal(validateVersion(new Map([['intents.yaml', INTENT]]))[0]!.code, 'bot/missing-section');
  });
});
