// Restricted Mode over the protocol: a server started untrusted shows the store, the
// diagnostics and every view's data, refuses every request that writes, and changes no
// file at all — not even the store's local stat cache. Trust granted later lets writes through;
// a write that meets the store's own read-only guard is refused with READ_ONLY.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BotInfo, VersionInfo } from '../../server/src/lsp/protocol';
import { openWorkspace } from '../../server/src/versioning/index';
import { listing, listingChanges } from '../support/listing';
import { TestClient } from '../support/lspClient';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'pizza-shop');

describe('language server: Restricted Mode', function () {
  this.timeout(60_000);
  let root: string;
  let client: TestClient;
  let pristine: Map<string, string>;
  let v1: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-restricted-'));
    cpSync(SAMPLE, root, { recursive: true });
    // A store with something in it to read: versions, an environment, a pending release.
    const ws = await openWorkspace(root, { author: 'Setup' });
    v1 = (await ws.save('pizza-dev')).version.id;
    await ws.setEnvironment('pizza-dev', 'development', v1);
    await ws.save('pizza-prod');
    await ws.createRelease('pizza-dev', v1, 'pizza-prod');
    rmSync(join(root, '.botversions', 'local'), { recursive: true, force: true });
    pristine = listing(root);
    client = await TestClient.start({ root, trusted: false, env: { BOTV_AUTHOR: 'Untrusted' } });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers every view and shows diagnostics, writing nothing', async () => {
    const rel = 'pizza-dev/flows/support.yaml';
    const uri = client.uri(rel);
    const text = readFileSync(join(root, rel), 'utf8').replace('say: farewell', 'say: nowhere');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await client.until(() => client.diagnostics.get(uri)?.items.some((d) => d.code === 'ref/unknown-response'), 'a diagnostic on the open file');
    const bots = await client.request<BotInfo[]>('botVersions/listBots', {});
    assert.deepEqual(bots.map((b) => b.id), ['pizza-dev', 'pizza-prod']);
    for (const b of bots) {
      const { versions } = await client.request<{ versions: VersionInfo[] }>('botVersions/listVersions', { bot: b.id });
      for (const v of versions) {
        await client.request('botVersions/versionFiles', { bot: b.id, version: v.id });
        await client.request('botVersions/compare', { bot: b.id, from: { kind: 'version', id: v.id }, to: { kind: 'working' } });
      }
      await client.request('botVersions/environments', { bot: b.id });
      await client.request('botVersions/environmentHistory', { bot: b.id });
      await client.request('botVersions/releases', { bot: b.id });
      await client.request('botVersions/history', { bot: b.id });
    }
    await client.request('botVersions/previewPromote', { bot: 'pizza-dev', environment: 'staging' });
    await client.request('botVersions/fileHistory', { uri });
    await client.request('botVersions/verify', {});
    assert.deepEqual(listingChanges(pristine, listing(root)), []);
  });

  it('refuses every request that writes, and still changes no file', async () => {
    const writes: Array<[string, unknown]> = [
      ['botVersions/saveVersion', { bot: 'pizza-dev' }],
      ['botVersions/restoreVersion', { bot: 'pizza-dev', version: v1 }],
      ['botVersions/deleteVersion', { bot: 'pizza-dev', version: v1 }],
      ['botVersions/setEnvironment', { bot: 'pizza-dev', version: v1, environment: 'staging' }],
      ['botVersions/promote', { bot: 'pizza-dev', environment: 'staging' }],
      ['botVersions/rollback', { bot: 'pizza-dev', environment: 'development' }],
      ['botVersions/createRelease', { bot: 'pizza-dev', version: v1, to: 'pizza-prod' }],
      ['botVersions/acceptRelease', { bot: 'pizza-prod', release: 'latest' }],
      ['botVersions/rejectRelease', { bot: 'pizza-prod', release: 'latest' }],
    ];
    for (const [method, params] of writes) {
      await assert.rejects(client.request(method, params), (e: { message: string; data?: { code: string } }) => {
        assert.equal(e.data?.code, 'UNTRUSTED', method);
        assert.match(e.message, /Restricted Mode/);
        return true;
      });
      // The same through executeCommand, as other editors send it.
      await assert.rejects(client.request('workspace/executeCommand', { command: `botv.${method.slice('botVersions/'.length)}`, arguments: [params] }));
    }
    assert.deepEqual(listingChanges(pristine, listing(root)), []);
  });

  it('writes once the workspace is trusted', async () => {
    await client.request('botVersions/setTrust', { trusted: true });
    const file = join(root, 'pizza-dev', 'responses', 'support.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '# trusted now\n');
    const saved = await client.request<VersionInfo>('botVersions/saveVersion', { bot: 'pizza-dev', name: 'Trusted now' });
    assert.equal(saved.author, 'Untrusted');
    assert.equal(saved.label, 'v2');
    assert.ok(listingChanges(pristine, listing(root)).length > 0);
  });

  it('refuses with READ_ONLY a write the store turns away when trust is withdrawn', async () => {
    // The server refuses writes at once while untrusted (UNTRUSTED, above). A save already
    // past that check, here waiting for a lock another live process holds, meets the store's
    // own read-only guard when trust goes: the client must hear READ_ONLY, not INVALID.
    await client.request('botVersions/setTrust', { trusted: true });
    const before = (await client.request<{ total: number }>('botVersions/listVersions', { bot: 'pizza-dev' })).total;
    const file = join(root, 'pizza-dev', 'responses', 'support.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '# never saved\n');
    const lock = join(root, '.botversions', 'local', 'lock');
    mkdirSync(join(lock, '..'), { recursive: true });
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: 'held-by-the-test', since: new Date().toISOString(), purpose: 'test' }));
    try {
      const save = client.request('botVersions/saveVersion', { bot: 'pizza-dev', name: 'Never' });
      await client.request('botVersions/setTrust', { trusted: false });
      await assert.rejects(save, (e: { message: string; data?: { code: string } }) => {
        assert.equal(e.data?.code, 'READ_ONLY', e.message);
        assert.match(e.message, /open read-only/);
        return true;
      });
    } finally {
      rmSync(lock, { force: true });
    }
    const { total } = await client.request<{ total: number }>('botVersions/listVersions', { bot: 'pizza-dev' });
    assert.equal(total, before, 'no version was written');
  });
});
