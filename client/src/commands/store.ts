import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { command } from './run';

const DEFAULT_CONFIG = {
  pipeline: ['development', 'staging', 'production'],
  protected: [] as string[],
  retention: { keep: null },
  gates: { validateBefore: ['production'] },
};

/** Store-wide commands: verify, configure the pipeline, create the sample bot. */
export function registerStoreCommands(ctx: Ctx): void {
  ctx.push(
    command(ctx, 'botVersions.verifyStore', { progress: 'Verifying the store…' }, async () => {
      const r = await ctx.request('botVersions/verify', {});
      if (r.ok) {
        void vscode.window.showInformationMessage('The Bot Versions store is whole: every record and file checks out.');
        return;
      }
      for (const p of r.problems) ctx.output.error(p);
      const choice = await vscode.window.showErrorMessage(
        `The store has ${r.problems.length} fault${r.problems.length === 1 ? '' : 's'}: ${r.problems[0]}`,
        'Show All',
      );
      if (choice) ctx.output.show(true);
    }),

    command(ctx, 'botVersions.configurePipeline', {}, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) throw new Error('Open a folder first: the pipeline lives in .botversions/config.json at the workspace root.');
      const uri = vscode.Uri.joinPath(folder.uri, '.botversions', 'config.json');
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        if (!vscode.workspace.isTrusted) throw new Error('The workspace has no .botversions/config.json yet, and Restricted Mode does not let Bot Versions create one. Trust the workspace first.');
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(DEFAULT_CONFIG, null, 2) + '\n'));
      }
      await vscode.window.showTextDocument(uri);
    }),

    command(ctx, 'botVersions.createSampleBot', { writes: true }, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) throw new Error('Open a folder first; the sample bot is created inside it.');
      const source = vscode.Uri.joinPath(ctx.extension.extensionUri, 'samples', 'pizza-shop', 'pizza-dev');
      let name = 'pizza-bot';
      for (let i = 2; await exists(vscode.Uri.joinPath(folder.uri, name)); i++) name = `pizza-bot-${i}`;
      const target = vscode.Uri.joinPath(folder.uri, name);
      await vscode.workspace.fs.copy(source, target, { overwrite: false });
      await ctx.refresh();
      await vscode.window.showTextDocument(vscode.Uri.joinPath(target, 'bot.yaml'));
      void vscode.window.showInformationMessage(`Created the sample bot in ${name}/. Save its first version from the Bot Versions view.`);
    }),
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
