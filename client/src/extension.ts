import * as vscode from 'vscode';
import { registerEnvironmentCommands } from './commands/environments';
import { registerReleaseCommands } from './commands/releases';
import { registerStoreCommands } from './commands/store';
import { registerVersionCommands } from './commands/versions';
import { Ctx, errorMessage } from './ctx';
import { DriftDecorations } from './decorations';
import { EnvironmentsPanel } from './panel/environmentsPanel';
import { ProtectedBots } from './protectedBots';
import { StatusBar } from './statusBar';
import { VersionDocuments } from './versionDocuments';
import { VirtualDocuments } from './virtualDocuments';
import { ComparisonTree } from './views/comparisonTree';
import { FileHistoryTree } from './views/fileHistory';
import { VersionsTree } from './views/versionsTree';

let ctx: Ctx | undefined;

/** What the extension gives other code (its own tests among them). */
export interface BotVersionsApi {
  ctx: Ctx;
  ready: Promise<void>;
  activationMs: number;
  /** The Environments panel on screen, if any (for tests of its message handling). */
  environmentsPanel(): EnvironmentsPanel | undefined;
}

export function activate(context: vscode.ExtensionContext): BotVersionsApi {
  const started = performance.now();
  ctx = new Ctx(context);
  const c = ctx;
  context.subscriptions.push({ dispose: () => void c.dispose() });
  const versions = new VersionsTree(c);
  const comparison = new ComparisonTree(c);
  new VersionDocuments(c);
  new VirtualDocuments(c);
  new FileHistoryTree(c);
  new ProtectedBots(c, versions);
  new StatusBar(c);
  new DriftDecorations(c);
  registerVersionCommands(c, { versions, comparison });
  registerEnvironmentCommands(c);
  registerReleaseCommands(c);
  registerStoreCommands(c);
  EnvironmentsPanel.register(c, comparison);
  c.ready.catch((e: unknown) => {
    c.output.error(`The Bot Versions language server did not start: ${errorMessage(e)}`);
    void vscode.window.showErrorMessage(`Bot Versions could not start its language server: ${errorMessage(e)}. See the "Bot Versions" output for details.`, 'Show Output').then((choice) => {
      if (choice) c.output.show();
    });
  });
  openWalkthroughOnce(context);
  const activationMs = performance.now() - started;
  c.output.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { ctx: c, ready: c.ready, activationMs, environmentsPanel: () => EnvironmentsPanel.instance };
}

/** The first time the extension starts, it opens its walkthrough (unless the user said not to). */
function openWalkthroughOnce(context: vscode.ExtensionContext): void {
  const key = 'botVersions.walkthroughOpened';
  if (context.globalState.get(key) || !vscode.workspace.getConfiguration('botVersions').get('walkthrough.openOnFirstRun', true)) return;
  void context.globalState.update(key, true);
  setImmediate(() => {
    void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#botVersions.gettingStarted`, false);
  });
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
