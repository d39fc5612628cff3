import * as vscode from 'vscode';
import type { VersionInfo } from '../../../server/src/lsp/protocol';
import type { Ctx } from '../ctx';
import { age, dateTime, versionTitle } from '../format';
import { versionFileUri } from '../versionDocuments';

interface Row {
  bot: string;
  path: string;
  file: vscode.Uri;
  version: VersionInfo;
}

/**
 * The versions that changed the active bot file, newest first (VS Code's Timeline API is
 * still a proposal, so the file's history gets its own view). A row opens the diff between
 * that version of the file and the working copy.
 */
export class FileHistoryTree implements vscode.TreeDataProvider<Row> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<Row>;
  private file: vscode.Uri | undefined;

  constructor(private readonly ctx: Ctx) {
    this.view = vscode.window.createTreeView('botVersions.fileHistory', { treeDataProvider: this });
    ctx.push(
      this.view,
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      ctx.onDidChange(() => this.emitter.fire()),
      this.view.onDidChangeVisibility(() => this.emitter.fire()),
      vscode.commands.registerCommand('botVersions.openFileHistoryEntry', (row: Row) => this.open(row)),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.uri.scheme !== 'file') return;
    this.file = editor.document.uri;
    this.emitter.fire();
  }

  async getChildren(row?: Row): Promise<Row[]> {
    if (row || !this.file || !this.view.visible) return [];
    const file = this.file;
    const history = await this.ctx.request('botVersions/fileHistory', { uri: file.toString() });
    this.view.description = history ? `${history.bot}/${history.path}` : undefined;
    this.view.message = !history
      ? 'The active file is not part of a bot.'
      : history.versions.length
        ? undefined
        : `No saved version of ${history.bot} holds ${history.path} yet.`;
    if (!history) return [];
    return history.versions.map((version) => ({ bot: history.bot, path: history.path, file, version }));
  }

  getTreeItem(row: Row): vscode.TreeItem {
    const item = new vscode.TreeItem(versionTitle(row.version), vscode.TreeItemCollapsibleState.None);
    item.description = `${age(row.version.createdAt)} · ${row.version.author}`;
    item.tooltip = `${row.version.label} by ${row.version.author}, ${dateTime(row.version.createdAt)} — ${row.version.origin}. Click to compare it with the working copy.`;
    item.iconPath = new vscode.ThemeIcon(row.version.environments.length ? 'server-environment' : 'git-commit');
    item.command = { command: 'botVersions.openFileHistoryEntry', title: 'Compare with Working Copy', arguments: [row] };
    return item;
  }

  private async open(row: Row): Promise<void> {
    const left = versionFileUri(row.bot, row.version.id, row.path, row.version.label);
    await vscode.commands.executeCommand('vscode.diff', left, row.file, `${row.path} (${row.version.label} ↔ working copy)`);
  }
}
