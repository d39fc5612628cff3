/**
 * The one promotion gate (server/src/formats/gate.ts) as the versioning core runs it:
 * configured by `.botversions/config.json` — the pipeline and `gates.severities` — only.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateValidator } from '../../server/src/formats/gate';
import { isBotvError } from '../../server/src/versioning/index';
import { copyFixture, open, put } from './versioning/support/workspace';

/** shop-dev with a flow that says a response no file defines, saved as v1 and put in staging. */
async function broken(gates: Record<string, unknown>, pipeline = ['development', 'staging', 'production']) {
  const root = copyFixture();
  writeFileSync(join(root, '.botversions', 'config.json'), JSON.stringify({ pipeline, protected: ['shop-prod'], gates }));
  const flow = readFileSync(join(root, 'shop-dev', 'flows', 'main.yaml'), 'utf8').replace('      - say: hello\n', '      - say: hello\n      - say: goodbye\n');
  put(root, 'shop-dev/flows/main.yaml', flow);
  const ws = await open(root, { validate: gateValidator });
  await ws.save('shop-dev');
  await ws.setEnvironment('shop-dev', pipeline[pipeline.length - 2]!, '1');
  return ws;
}

const codes = (problems: Array<{ code: string; severity: string }>) => problems.map((p) => `${p.severity} ${p.code}`);

describe('the promotion gate', () => {
  it('refuses errors at their default severity', async () => {
    const ws = await broken({ validateBefore: ['production'] });
    await assert.rejects(ws.promote('shop-dev', 'production'), (e) => {
      assert.ok(isBotvError(e, 'GATE_REFUSED'));
      assert.match(e.message, /flows\/main\.yaml:\d+:\d+: ref\/unknown-response: /);
      return true;
    });
  });

  it('applies the severities of gates.severities in config.json', async () => {
    const ws = await broken({ validateBefore: ['production'], severities: { 'ref/unknown-response': 'warning' } });
    const preview = await ws.previewPromotion('shop-dev', 'production');
    assert.ok(codes(preview.gate.problems).includes('warning ref/unknown-response'));
    assert.equal(preview.gate.errors, 0);
    const c = await ws.promote('shop-dev', 'production');
    assert.equal(c.event.gate.errors, 0);
    assert.deepEqual(c.problems, preview.gate.problems);

    const off = await broken({ validateBefore: ['production'], severities: { 'ref/unknown-response': 'off' } });
    assert.ok(!codes((await off.promote('shop-dev', 'production')).problems).some((x) => x.endsWith('ref/unknown-response')));
  });

  it('checks variables against the configured pipeline', async () => {
    // shop-dev's API_URL has a value for "production", which this pipeline does not have.
    const ws = await broken({ validateBefore: ['live'], severities: { 'ref/unknown-response': 'off' } }, ['dev', 'live']);
    const c = await ws.promote('shop-dev', 'live');
    assert.ok(codes(c.problems).includes('warning env/unknown-environment'), JSON.stringify(c.problems));
  });

  it('refuses a severity for a code it does not have, naming its group’s codes', async () => {
    const ws = await broken({ validateBefore: ['production'], severities: { 'ref/unknown-responses': 'off' } });
    await assert.rejects(ws.promote('shop-dev', 'production'), (e) => {
      assert.ok(isBotvError(e, 'BAD_CONFIG'));
      assert.match(e.message, /"ref\/unknown-responses", which is no diagnostic code \(codes of "ref": .*ref\/unknown-response[,)]/);
      assert.match(e.message, /Fix the code .* or remove the entry/);
      return true;
    });
  });
});
