import * as vscode from 'vscode';
import type { Ctx } from './ctx';

/** Marks files that changed since the version their bot's working copy came from, in the Explorer and in tabs. */
export class DriftDecorations implements vscode.FileDecorationProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.emitter.event;
  private marks = new Map<string, vscode.FileDecoration>();

  constructor(private readonly ctx: Ctx) {
    ctx.push(this.emitter, vscode.window.registerFileDecorationProvider(this), ctx.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const next = new Map<string, vscode.FileDecoration>();
    for (const bot of this.ctx.bots) {
      if (!bot.base) continue;
      const since = `changed since ${bot.id} ${bot.base.label}`;
      for (const p of bot.drift.modified) next.set(`${bot.folderUri}/${p}`, new vscode.FileDecoration('Δ', `Modified: ${since}`, new vscode.ThemeColor('gitDecoration.modifiedResourceForeground')));
      for (const p of bot.drift.added) next.set(`${bot.folderUri}/${p}`, new vscode.FileDecoration('+', `Added: ${since}`, new vscode.ThemeColor('gitDecoration.untrackedResourceForeground')));
    }
    const changed = new Set([...this.marks.keys(), ...next.keys()]);
    this.marks = next;
    this.emitter.fire([...changed].map((u) => vscode.Uri.parse(u)));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    return this.marks.get(uri.toString());
  }
}
