// Read-only documents the editor opens that are no file of their own, for every format:
// - an entry of a committed export zip (botv-entry:), which the language server reads in
//   place: the editor opens it read-only, with a note on its first line saying which zip holds
//   it and how to change it; its diagnostics, hover, completion and navigation work as in a file;
// - a JSON file shown pretty-printed (botv-formatted:), for minified one-line exports: the
//   "Show Formatted" command opens it beside the file, which stays as it is on disk.
// Both are served by the server (botVersions/readDocument), which holds the texts.
import * as vscode from 'vscode';
import { ENTRY_SCHEME, FORMATTED_SCHEME } from '../../server/src/lsp/protocol';
import type { Ctx } from './ctx';

/** The library's path of a URI's path ('/'-separated; a Windows drive without the leading '/'). */
function pathOfUri(uri: vscode.Uri): string {
  return vscode.Uri.from({ scheme: 'file', path: uri.path }).fsPath.replace(/\\/g, '/');
}

/** The read-only URI of a zip's entry (`path` is the zip's path and the entry's, joined by '/'). */
export function entryUri(path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: ENTRY_SCHEME, path: vscode.Uri.file(path).path });
}

/** The pretty-printed view of a file or of a zip's entry. */
export function formattedUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: FORMATTED_SCHEME, path: source.path, query: new URLSearchParams({ from: source.scheme }).toString() });
}

/** The zip's file name in an entry's note. */
const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

export class VirtualDocuments implements vscode.TextDocumentContentProvider, vscode.CodeLensProvider {
  private readonly notes = new Map<string, { archive: string | null; minified: boolean }>();

  constructor(private readonly ctx: Ctx) {
    ctx.push(
      vscode.workspace.registerTextDocumentContentProvider(ENTRY_SCHEME, this),
      vscode.workspace.registerTextDocumentContentProvider(FORMATTED_SCHEME, this),
      vscode.languages.registerCodeLensProvider([{ scheme: ENTRY_SCHEME }, { scheme: FORMATTED_SCHEME }, { scheme: 'file', language: 'json' }], this),
      vscode.workspace.onDidCloseTextDocument((d) => this.notes.delete(d.uri.toString())),
      vscode.commands.registerCommand('botVersions.showFormatted', (uri?: vscode.Uri) => this.showFormatted(uri)),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    await this.ctx.ready;
    const path = pathOfUri(uri);
    const formatted = uri.scheme === FORMATTED_SCHEME;
    const doc = await this.ctx.request('botVersions/readDocument', { path, formatted });
    if (!doc) return formatted ? `(${base(path)} could not be read)` : `(${base(path)} is no longer in its zip: the zip changed or is gone)`;
    this.notes.set(uri.toString(), { archive: doc.archive, minified: doc.minified });
    return doc.text;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const key = document.uri.toString();
    const note = this.notes.get(key);
    if (document.uri.scheme === ENTRY_SCHEME) {
      const zip = note?.archive ? base(note.archive) : 'its zip';
      const lenses = [new vscode.CodeLens(top, { title: `$(lock) Read-only: an entry of ${zip}, read in place. To change it, export the bot again, or unzip it and edit the copy.`, command: '' })];
      if (note?.minified) lenses.push(new vscode.CodeLens(top, { title: 'Show Formatted', command: 'botVersions.showFormatted', arguments: [document.uri] }));
      return lenses;
    }
    if (document.uri.scheme === FORMATTED_SCHEME) {
      return [new vscode.CodeLens(top, { title: '$(eye) Formatted for reading: the file itself is unchanged.', command: '' })];
    }
    // A minified JSON file of a bot, on disk: offer the formatted view.
    if (document.lineCount <= 2 && document.getText().length > 400 && this.ctx.botOfUri(document.uri)) {
      return [new vscode.CodeLens(top, { title: 'Show Formatted', command: 'botVersions.showFormatted', arguments: [document.uri] })];
    }
    return [];
  }

  /** Opens the pretty-printed view of a JSON file or entry beside it. */
  private async showFormatted(uri?: vscode.Uri): Promise<void> {
    const source = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!source || (source.scheme !== 'file' && source.scheme !== ENTRY_SCHEME) || !/\.jsonc?$/i.test(source.path)) {
      void vscode.window.showInformationMessage('Show Formatted works on a JSON file or an entry of an export zip: open one first.');
      return;
    }
    const doc = await vscode.workspace.openTextDocument(formattedUri(source));
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}
