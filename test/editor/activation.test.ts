// The extension loads in a real VS Code, activates on the sample workspace, registers
// what its manifest contributes, and starts its language server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, note, ourExtension, until, within, workspaceRoot } from './support/extension';

describe('activation', () => {
  it('runs in a copy of the sample workspace', async () => {
    const manifest = vscode.Uri.joinPath(workspaceRoot(), 'pizza-dev', 'bot.yaml');
    const stat = await vscode.workspace.fs.stat(manifest);
    assert.equal(stat.type, vscode.FileType.File);
  });

  it('is known to VS Code by its id', () => {
    const ext = ourExtension();
    assert.equal(ext.packageJSON.displayName, 'Bot Versions');
  });

  it('activates and returns its API', async () => {
    const api = await activate();
    assert.ok(ourExtension().isActive);
    assert.equal(typeof api.activationMs, 'number');
    note(`activation took ${api.activationMs.toFixed(1)} ms`);
  });

  it('registers every command its manifest contributes', async () => {
    await activate();
    const contributed: string[] = (ourExtension().packageJSON.contributes?.commands ?? []).map(
      (c: { command: string }) => c.command,
    );
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('starts its language server and lists the sample bots', async () => {
    const api = await activate();
    await within(30_000, 'the language server starting', api.ready);
    const ids = () => api.ctx.bots.map((b) => b.id);
    await until('the sample bots being listed', () => ids().includes('pizza-dev') && ids().includes('pizza-prod'), api.ctx.onDidChange);
    assert.deepEqual([...ids()].sort(), ['pizza-dev', 'pizza-prod']);
  });
});
