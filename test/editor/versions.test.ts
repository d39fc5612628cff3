// Versions through the real VS Code: the API, read-only documents of a version, the diff
// editor, the Environments panel and its message handling.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { versionFileUri } from '../../client/src/versionDocuments';
import { activate, until, within, workspaceRoot } from './support/extension';

function file(rel: string): string {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/')).fsPath;
}

describe('versions in the editor', function () {
  this.timeout(60_000);

  it('saves a version and shows it as the bot’s latest', async () => {
    const api = await activate();
    await within(30_000, 'the language server starting', api.ready);
    const saved = await api.ctx.request('botVersions/saveVersion', { bot: 'pizza-dev', name: 'Editor test' });
    await api.ctx.refresh();
    assert.equal(api.ctx.bot('pizza-dev')?.latest?.id, saved.id);
    assert.equal(api.ctx.bot('pizza-dev')?.drift.dirty, false);
  });

  it('opens a file as a version holds it, read-only and byte for byte', async () => {
    const api = await activate();
    const latest = api.ctx.bot('pizza-dev')!.latest!;
    const uri = versionFileUri('pizza-dev', latest.id, 'responses/support.yaml', latest.label);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(), readFileSync(file('pizza-dev/responses/support.yaml'), 'utf8'));
    await vscode.window.showTextDocument(doc);
    assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, 'botversions');
  });

  it('marks the working copy once a file changes, and compares it in the diff editor', async () => {
    const api = await activate();
    const path = file('pizza-dev/responses/support.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Bon appétit !', 'Bon appétit, à bientôt !'));
    await until('the drift to show', () => !!api.ctx.bot('pizza-dev')?.drift.modified.includes('responses/support.yaml'), api.ctx.onDidChange);
    const latest = api.ctx.bot('pizza-dev')!.latest!;
    await vscode.commands.executeCommand('botVersions.compareWithWorkingCopy', { bot: api.ctx.bot('pizza-dev'), version: latest });
    await until('a diff editor to open', () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff, vscode.window.tabGroups.onDidChangeTabs);
    const input = vscode.window.tabGroups.activeTabGroup.activeTab!.input as vscode.TabInputTextDiff;
    assert.equal(input.original.scheme, 'botversions');
    assert.equal(input.modified.fsPath, path);
  });

  it('restores a version under an open editor, which shows the restored text and stays clean', async () => {
    const api = await activate();
    const path = file('pizza-dev/responses/support.yaml');
    const original = readFileSync(path, 'utf8');
    const saved = await api.ctx.request('botVersions/saveVersion', { bot: 'pizza-dev', name: 'Before the restore test' });
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    await vscode.window.showTextDocument(doc);
    const edited = original.replace(/\n$/, '\n# changed on disk\n');
    writeFileSync(path, edited);
    await until('the editor to show the change on disk', () => doc.getText() === edited, vscode.workspace.onDidChangeTextDocument);
    await api.ctx.refresh();
    const config = vscode.workspace.getConfiguration('botVersions');
    await config.update('confirm.restore', false, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('botVersions.restoreVersion', { bot: api.ctx.bot('pizza-dev'), version: saved });
    } finally {
      await config.update('confirm.restore', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(readFileSync(path, 'utf8'), original);
    await until('the editor to show the restored text', () => doc.getText() === original, vscode.workspace.onDidChangeTextDocument);
    assert.equal(doc.isDirty, false, 'the restored file opens clean, not as an unsaved change');
    assert.equal(doc.isClosed, false);
    // The edit on disk was kept as a version before the restore replaced it.
    const versions = (await api.ctx.request('botVersions/listVersions', { bot: 'pizza-dev' })).versions;
    assert.equal(versions[0]?.originKind, 'auto-saved');
    // The working copy is measured against the version it came from, not the newest one.
    const bot = api.ctx.bot('pizza-dev')!;
    assert.equal(bot.latest?.id, versions[0]?.id);
    assert.equal(bot.base?.id, saved.id);
    assert.equal(bot.drift.dirty, false);
    assert.ok(bot.savedAs.includes(saved.label));
  });

  it('opens the Environments panel, whose handler ignores malformed messages', async () => {
    const api = await activate();
    await vscode.commands.executeCommand('botVersions.showEnvironments', 'pizza-dev');
    const panel = api.environmentsPanel();
    assert.ok(panel, 'the panel did not open');
    const before = (await api.ctx.request('botVersions/listVersions', { bot: 'pizza-dev' })).total;
    const junk: unknown[] = [
      null, 42, 'promote', [], {}, { type: 'eval', code: 'alert(1)' }, { type: 'promote' }, { type: 'promote', environment: 7 },
      { type: 'promote', environment: '../../etc' }, { type: 'acceptRelease', release: '<img src=x onerror=alert(1)>' },
      { type: 'selectBot', bot: 'x'.repeat(500) }, { type: '__proto__' }, { type: 'constructor' }, { type: 'toString' },
    ];
    for (let i = 0; i < 1000; i++) junk.push({ type: ['promote', 'rollback', 'x', 'setVersion'][i % 4], environment: i % 3 ? undefined : { i } });
    for (const m of junk) await panel.receive(m);
    const after = (await api.ctx.request('botVersions/listVersions', { bot: 'pizza-dev' })).total;
    assert.equal(after, before);
    const state = await panel.state();
    assert.equal(state.bot?.id, 'pizza-dev');
    assert.deepEqual(state.environments.map((e) => e.name), ['development', 'staging', 'production']);
  });
});
