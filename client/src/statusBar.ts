import * as vscode from 'vscode';
import type { BotInfo } from '../../server/src/lsp/protocol';
import type { Ctx } from './ctx';
import { age, plural, versionTitle } from './format';

/** The status bar item: the current bot, its last version, drift and problem count. */
export class StatusBar {
  private readonly item = vscode.window.createStatusBarItem('botVersions.status', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly ctx: Ctx) {
    this.item.name = 'Bot Versions';
    ctx.push(
      this.item,
      ctx.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('botVersions.statusBar') && this.update()),
    );
    this.update();
  }

  private lastBot: string | undefined;

  /** The bot of the active editor; while a panel or no text editor is active, the last such bot, else the only bot. */
  private currentBot(): BotInfo | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor) this.lastBot = this.ctx.botOfUri(editor.document.uri)?.id;
    const remembered = this.lastBot ? this.ctx.bot(this.lastBot) : undefined;
    return remembered ?? (this.ctx.bots.length === 1 ? this.ctx.bots[0] : undefined);
  }

  private problems(bot: BotInfo): { errors: number; warnings: number } {
    const folder = bot.folderUri.endsWith('/') ? bot.folderUri : bot.folderUri + '/';
    let errors = 0;
    let warnings = 0;
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      // A bot that is one file: that file's problems alone, not its folder's.
      if (bot.fileUri !== undefined ? uri.toString() !== bot.fileUri : !uri.toString().startsWith(folder)) continue;
      for (const d of diagnostics) {
        if (d.source !== 'bot-versions') continue;
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    }
    return { errors, warnings };
  }

  update(): void {
    const bot = this.currentBot();
    if (!bot || !vscode.workspace.getConfiguration('botVersions').get('statusBar.enable', true)) {
      this.item.hide();
      return;
    }
    const d = bot.drift;
    const changed = d.added.length + d.removed.length + d.modified.length;
    const { errors, warnings } = this.problems(bot);
    const parts = [`$(${bot.protected ? 'lock' : 'hubot'}) ${bot.id}`, bot.base ? bot.base.label : 'no version'];
    if (d.dirty) parts.push(`$(circle-filled) ${changed}`);
    if (errors || warnings) parts.push(`$(error) ${errors} $(warning) ${warnings}`);
    this.item.text = parts.join(' ');
    const tip = new vscode.MarkdownString(undefined, true);
    tip.isTrusted = { enabledCommands: ['botVersions.saveVersion', 'botVersions.showEnvironments', 'workbench.actions.view.problems'] };
    tip.appendMarkdown(`**${bot.name || bot.id}**\n\n`);
    if (!bot.base || !bot.latest) tip.appendMarkdown('No version saved yet\n\n');
    else {
      tip.appendMarkdown(`Working copy from ${versionTitle(bot.base)}, ${age(bot.base.createdAt)} by ${bot.base.author}\n\n`);
      tip.appendMarkdown(d.dirty ? `${plural(changed, 'file')} changed since then — [Save Version](command:botVersions.saveVersion)\n\n` : 'The working copy matches it\n\n');
      if (bot.latest.id !== bot.base.id) tip.appendMarkdown(`Last version: ${versionTitle(bot.latest)}, ${age(bot.latest.createdAt)} by ${bot.latest.author}\n\n`);
    }
    for (const e of bot.environments) tip.appendMarkdown(`$(server-environment) ${e.name}: ${e.version ? e.version.label : '—'}  \n`);
    tip.appendMarkdown(`\n[Show Environments](command:botVersions.showEnvironments) · [${plural(errors, 'error')}, ${plural(warnings, 'warning')}](command:workbench.actions.view.problems)`);
    this.item.tooltip = tip;
    this.item.command = { command: 'workbench.view.extension.botVersions', title: 'Show Bot Versions' };
    this.item.show();
  }
}
