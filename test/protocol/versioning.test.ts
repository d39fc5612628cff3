import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BotInfo, CompareResult, EnvironmentInfo, PromotePreview, ReleaseInfo, VersionInfo } from '../../server/src/lsp/protocol';
import { TestClient } from '../support/lspClient';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'pizza-shop');

describe('language server: versioning over the protocol', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-proto-'));
    cpSync(SAMPLE, root, { recursive: true });
    client = await TestClient.start({ root, env: { BOTV_AUTHOR: 'Protocol Test' } });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the bots of the workspace with their pipeline', async () => {
    const bots = await client.request<BotInfo[]>('botVersions/listBots', {});
    assert.deepEqual(bots.map((b) => [b.id, b.protected]), [['pizza-dev', false], ['pizza-prod', true]]);
    assert.deepEqual(bots[0]!.environments.map((e) => e.name), ['development', 'staging', 'production']);
    assert.equal(bots[0]!.latest, null);
  });

  it('saves, compares and promotes through the pipeline', async () => {
    const v1 = await client.request<VersionInfo>('botVersions/saveVersion', { bot: 'pizza-dev', name: 'First' });
    assert.equal(v1.label, 'v1');
    assert.equal(v1.author, 'Protocol Test');
    const file = join(root, 'pizza-dev', 'responses', 'support.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Bon appétit !', 'Bon appétit et à bientôt !'));
    const cmp = await client.request<CompareResult>('botVersions/compare', { bot: 'pizza-dev', from: { kind: 'version', id: v1.id }, to: { kind: 'working' } });
    assert.deepEqual(cmp.files.map((f) => [f.path, f.change]), [['responses/support.yaml', 'modified']]);
    assert.deepEqual(
      cmp.summary.map((s) => [s.kind, s.name, s.change, s.file, s.detail]),
      [['response', 'farewell', 'modified', 'responses/support.yaml', 'fr-FR …appétit ! → …appétit et à bientôt !']],
    );
    const v2 = await client.request<VersionInfo>('botVersions/saveVersion', { bot: 'pizza-dev', name: 'Second' });
    await client.request<EnvironmentInfo>('botVersions/setEnvironment', { bot: 'pizza-dev', environment: 'development', version: v2.id });
    const staging = await client.request<EnvironmentInfo>('botVersions/promote', { bot: 'pizza-dev', environment: 'staging' });
    assert.equal(staging.version?.id, v2.id);
    const preview = await client.request<PromotePreview>('botVersions/previewPromote', { bot: 'pizza-dev', environment: 'production' });
    assert.equal(preview.incoming?.id, v2.id);
    assert.equal(preview.blocked, null);
    assert.equal(preview.gate.checked, true);
    assert.equal(preview.gate.errors, 0, JSON.stringify(preview.gate.problems));
    const prod = await client.request<EnvironmentInfo>('botVersions/promote', { bot: 'pizza-dev', environment: 'production' });
    assert.equal(prod.version?.label, 'v2');
    await client.request<EnvironmentInfo>('botVersions/setEnvironment', { bot: 'pizza-dev', environment: 'production', version: v1.id });
    const back = await client.request<EnvironmentInfo>('botVersions/rollback', { bot: 'pizza-dev', environment: 'production' });
    assert.equal(back.version?.label, 'v2');
  });

  it('releases pizza-dev to pizza-prod, keeping its identity and credentials', async () => {
    const [dev] = await client.request<BotInfo[]>('botVersions/listBots', {});
    const release = await client.request<ReleaseInfo>('botVersions/createRelease', { bot: 'pizza-dev', version: dev!.latest!.id, to: 'pizza-prod' });
    assert.equal(release.status, 'pending');
    const bots = await client.request<BotInfo[]>('botVersions/listBots', {});
    assert.equal(bots[1]!.pendingReleases.length, 1);
    const accepted = await client.request<{ version: VersionInfo }>('botVersions/acceptRelease', { bot: 'pizza-prod', release: release.id });
    assert.equal(accepted.version.originKind, 'released');
    const manifest = readFileSync(join(root, 'pizza-prod', 'bot.yaml'), 'utf8');
    assert.match(manifest, /id: pizza-prod/);
    assert.match(manifest, /name: Pizza Bot \(production\)/);
    assert.match(readFileSync(join(root, 'pizza-prod', 'intents', 'ordering.yaml'), 'utf8'), /TrackOrder/);
    assert.match(readFileSync(join(root, 'pizza-prod', 'credentials', 'secrets.yaml'), 'utf8'), /vault:\/\/pizza-prod\//);
  });

  it('flags an edit of the protected bot made outside a release', async () => {
    const rel = 'pizza-prod/responses/support.yaml';
    const text = readFileSync(join(root, rel), 'utf8').replace('Enjoy your pizza!', 'Enjoy!');
    writeFileSync(join(root, rel), text);
    await client.notify('textDocument/didOpen', { textDocument: { uri: client.uri(rel), languageId: 'yaml', version: 1, text } });
    const d = await client.until(() => client.diagnostics.get(client.uri(rel))?.items.find((x) => x.code === 'protected/edited'), 'the protected/edited diagnostic');
    assert.match(typeof d.message === 'string' ? d.message : d.message.value, /pizza-prod is protected/);
  });

  it('refuses writes in an untrusted workspace and says why', async () => {
    await client.request('botVersions/setTrust', { trusted: false });
    await assert.rejects(client.request('botVersions/saveVersion', { bot: 'pizza-dev' }), (e: { message: string; data?: { code: string } }) => {
      assert.equal(e.data?.code, 'UNTRUSTED');
      assert.match(e.message, /Restricted Mode/);
      return true;
    });
    await client.request('botVersions/setTrust', { trusted: true });
  });

  it('serves the same operations as workspace/executeCommand for other editors', async () => {
    const bots = await client.request<BotInfo[]>('workspace/executeCommand', { command: 'botv.listBots', arguments: [{}] });
    assert.equal(bots.length, 2);
  });
});

describe('language server: the author setting', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  const settings: Record<string, unknown> = { author: 'First Author' };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-author-'));
    cpSync(SAMPLE, root, { recursive: true });
    client = await TestClient.start({ root, settings, env: { BOTV_AUTHOR: 'From The Environment' } });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('records botVersions.author, and a change to it applies to the next write without a restart', async () => {
    const file = join(root, 'pizza-dev', 'responses', 'support.yaml');
    let n = 0;
    const save = async (): Promise<VersionInfo> => {
      writeFileSync(file, readFileSync(file, 'utf8') + '\n');
      return client.request<VersionInfo>('botVersions/saveVersion', { bot: 'pizza-dev', name: `Save ${++n}` });
    };
    assert.equal((await save()).author, 'First Author');
    /** Changes the setting; the server pulls it when told, and the next saves carry it. */
    const change = async (author: string, expected: string): Promise<void> => {
      settings.author = author;
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      let got = '';
      for (let i = 0; i < 50 && got !== expected; i++) {
        if (i) await new Promise((r) => setTimeout(r, 100));
        got = (await save()).author;
      }
      assert.equal(got, expected);
    };
    await change('Second Author', 'Second Author');
    assert.equal((await save()).author, 'Second Author');
    // Emptied: $BOTV_AUTHOR, git user.name or the OS user, as for the command line.
    await change('', 'From The Environment');
  });
});
