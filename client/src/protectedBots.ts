import * as vscode from 'vscode';
import type { BotInfo } from '../../server/src/lsp/protocol';
import { pickBot } from './commands/pick';
import { command } from './commands/run';
import type { Ctx } from './ctx';
import type { VersionsTree } from './views/versionsTree';

/**
 * Files of protected bots (release targets) open read-only until the user unlocks the bot
 * for this session. A CodeLens on the first line says why and offers the way out.
 */
export class ProtectedBots implements vscode.CodeLensProvider {
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;

  constructor(
    private readonly ctx: Ctx,
    private readonly tree: VersionsTree,
  ) {
    ctx.push(
      this.lensesChanged,
      vscode.window.onDidChangeActiveTextEditor(() => void this.applyToActiveEditor()),
      ctx.onDidChange(() => {
        this.lensesChanged.fire();
        void this.applyToActiveEditor();
      }),
      vscode.languages.registerCodeLensProvider(
        [{ scheme: 'file', language: 'yaml' }, { scheme: 'file', language: 'json' }, { scheme: 'file', language: 'jsonc' }],
        this,
      ),
      command(ctx, 'botVersions.unlockProtectedBot', {}, async (arg?: unknown) => {
        const bot = await this.pickProtected(arg, 'Unlock which protected bot for editing?');
        this.tree.setUnlocked(bot.id, true);
        this.lensesChanged.fire();
        await this.applyToActiveEditor();
        void vscode.window.showInformationMessage(
          `${bot.id} is unlocked for this session. Edits made here are outside a release: the language server flags them, and they are best brought in from the development bot.`,
        );
      }),
      command(ctx, 'botVersions.lockProtectedBot', {}, async (arg?: unknown) => {
        const bot = await this.pickProtected(arg, 'Lock which protected bot again?');
        this.tree.setUnlocked(bot.id, false);
        this.lensesChanged.fire();
        await this.applyToActiveEditor();
      }),
    );
    void this.applyToActiveEditor();
  }

  private async pickProtected(arg: unknown, placeHolder: string): Promise<BotInfo> {
    const active = vscode.window.activeTextEditor && this.ctx.botOfUri(vscode.window.activeTextEditor.document.uri);
    if (!arg && active?.protected) return active;
    const bot = await pickBot(this.ctx, arg ?? this.ctx.bots.find((b) => b.protected && this.ctx.bots.filter((x) => x.protected).length === 1)?.id, placeHolder);
    if (!bot.protected) throw new Error(`${bot.id} is not protected, so there is nothing to unlock. Protected bots are listed in .botversions/config.json.`);
    return bot;
  }

  private isLocked(bot: BotInfo | undefined): boolean {
    return !!bot?.protected && !this.tree.isUnlocked(bot.id) && vscode.workspace.getConfiguration('botVersions').get('protectedBots.readOnly', true);
  }

  private async applyToActiveEditor(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const bot = editor && editor.document.uri.scheme === 'file' ? this.ctx.botOfUri(editor.document.uri) : undefined;
    const locked = this.isLocked(bot);
    await vscode.commands.executeCommand('setContext', 'botVersions.activeFileProtected', !!bot?.protected);
    await vscode.commands.executeCommand('setContext', 'botVersions.activeFileUnlocked', !!bot && this.tree.isUnlocked(bot.id));
    if (!bot?.protected) return;
    await vscode.commands.executeCommand(
      locked ? 'workbench.action.files.setActiveEditorReadonlyInSession' : 'workbench.action.files.setActiveEditorWriteableInSession',
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const bot = this.ctx.botOfUri(document.uri);
    if (!bot?.protected) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    if (this.isLocked(bot)) {
      return [
        new vscode.CodeLens(top, { title: `$(lock) ${bot.id} is protected: it takes changes only through releases`, command: '' }),
        new vscode.CodeLens(top, { title: 'Unlock for editing', command: 'botVersions.unlockProtectedBot', arguments: [bot.id] }),
      ];
    }
    return [
      new vscode.CodeLens(top, { title: `$(unlock) ${bot.id} is protected and unlocked: edits here bypass releases`, command: '' }),
      new vscode.CodeLens(top, { title: 'Lock', command: 'botVersions.lockProtectedBot', arguments: [bot.id] }),
    ];
  }
}
