// Export resolved for an environment, for every format: a Rasa project exported for
// production carries the action server and tracker store config.json sets for it, in place,
// every other byte as saved; the working copy never holds them; a value for a key the file
// lacks is refused with what to do.
import { strict as assert } from 'node:assert';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError } from '../../../server/src/versioning/index';
import { get, open, put, REPO, tempDir } from './support/workspace';

const CLEAN = join(REPO, 'test', 'fixtures', 'rasa', 'clean');

describe('export with environment values', function () {
  this.timeout(30_000);

  function workspace(values: unknown): string {
    const root = tempDir('botv-values-');
    cpSync(CLEAN, join(root, 'ledger'), { recursive: true });
    put(root, 'ledger/config.yml', get(root, 'ledger/config.yml').replace(/^assistant_id: .*$/m, 'assistant_id: ledger'));
    put(root, '.botversions/config.json', JSON.stringify({ values }, null, 2));
    return root;
  }

  it('sets the values of the environment in the exported files, and nowhere else', async () => {
    const root = workspace({
      ledger: {
        production: { 'endpoints.yml': { 'action_endpoint.url': 'https://actions.ledger.example/webhook' } },
        staging: { 'endpoints.yml': { 'action_endpoint.url': 'https://staging.ledger.example/webhook' } },
      },
    });
    const before = get(root, 'ledger/endpoints.yml');
    const ws = await open(root);
    const v = await ws.save('ledger');
    const out = join(root, '..', `${root.split('/').pop()}-export`);
    const r = await ws.exportVersion('ledger', String(v.version.number), 'production', out);
    const exported = readFileSync(join(out, 'endpoints.yml'), 'utf8');
    // Only the value changed: the rest of the file is byte for byte the saved one.
    assert.equal(exported, before.replace('url: "http://localhost:5055/webhook"', 'url: "https://actions.ledger.example/webhook"'));
    assert.equal(readFileSync(join(out, 'domain.yml'), 'utf8'), get(root, 'ledger/domain.yml'));
    assert.ok(r.variables.includes('endpoints.yml:action_endpoint.url'));
    assert.equal(get(root, 'ledger/endpoints.yml'), before, 'the working copy is untouched');
  });

  it('refuses a value for a key the file does not have, saying what to do', async () => {
    const root = workspace({ ledger: { production: { 'endpoints.yml': { 'lock_store.url': 'redis://cache' } } } });
    const ws = await open(root);
    const v = await ws.save('ledger');
    await assert.rejects(
      ws.exportVersion('ledger', String(v.version.number), 'production', join(root, '..', 'nowhere-export')),
      (e) => isBotvError(e, 'UNRESOLVED_VARIABLES') && /endpoints\.yml: .* sets "lock_store\.url" for production, but the file has no such key/.test(e.message),
    );
  });

  it('refuses config.json values for an environment the pipeline lacks', async () => {
    const root = workspace({ ledger: { qa: { 'endpoints.yml': { 'action_endpoint.url': 'x' } } } });
    const ws = await open(root);
    await assert.rejects(ws.save('ledger'), (e) => isBotvError(e, 'BAD_CONFIG') && /"values.ledger" names the environment "qa"/.test(e.message));
  });
});
