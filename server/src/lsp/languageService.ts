// Validation glue: feeds open documents and disk files to the definitions workspace, tells
// the diagnostics publisher (diagnostics.ts) which files to check, and turns library spans
// and edits into LSP ranges and workspace edits for the editor features (features.ts).
// The promotion gate is not here: it is server/src/formats/gate.ts, configured by the
// store, so that the user's severity settings shape these diagnostics but never the gate.
import type { Connection, Range, ServerCapabilities, TextDocuments, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isArchiveName, lineIndexOf, loadFiles, loadFolder, rangeOf } from '../definitions/index';
import type { BotWorkspace, Fix, LineIndex, ValidationOptions } from '../definitions/index';
import { createWorkspace } from '../formats/index';
import { DiagnosticsPublisher } from './diagnostics';
import { featureCapabilities, registerFeatures } from './features';
import type { FeatureHost } from './features';
import type { Settings } from './settings';
import { pathOf, setEntryLookup, uriOf } from './uris';

export class LanguageService implements FeatureHost {
  readonly workspace: BotWorkspace;
  private readonly diagnostics: DiagnosticsPublisher;

  constructor(
    connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly roots: readonly string[],
    private settings: Settings,
  ) {
    this.workspace = createWorkspace(settings.validation);
    // A zip's entries have read-only botv-entry: URIs.
    setEntryLookup((path) => this.workspace.archiveOf(path) !== undefined);
    this.diagnostics = new DiagnosticsPublisher(connection, documents, this.workspace, () => this.settings, () => !this.loading);
    registerFeatures(connection, documents, this);
  }

  capabilities(): ServerCapabilities {
    return featureCapabilities();
  }

  /**
   * Loads every bot file of the workspace folders from disk, then validates what is open.
   * Documents opened or edited until then (an editor restoring its tabs) wait for the load:
   * taken one by one into a half-loaded bot, each would re-check the whole bot.
   */
  async loadRoots(): Promise<void> {
    try {
      for (const root of this.roots) await loadFolder(this.workspace, root);
    } finally {
      this.loaded();
    }
  }

  /** Ends the start-up wait (also when start-up failed before the load): open documents go in, and everything is checked. */
  loaded(): void {
    if (!this.loading) return;
    this.loading = false;
    // Open documents win over disk: the editor's text is what the user sees.
    for (const doc of this.documents.all()) {
      const path = pathOf(doc.uri);
      if (!this.workspace.isDefinitionFile(path)) continue;
      this.workspace.setDocument(path, doc.getText(), doc.version);
      this.diagnostics.textChanged(path);
    }
    this.diagnostics.schedule(this.workspace.paths());
  }

  /** Until the start-up load ends, changes are only noted: the load takes them all at once. */
  private loading = true;

  /** Outline symbols and folding regions computed for one file at most (0: no limit). */
  get maxItems(): number {
    return this.settings.maxItemsComputed;
  }

  setSettings(settings: Settings): void {
    const scopeChanged = settings.scope !== this.settings.scope;
    this.settings = settings;
    const { affected } = this.workspace.setOptions(this.options());
    this.diagnostics.schedule(scopeChanged ? [...affected, ...this.diagnostics.publishedFiles()] : affected);
  }

  /** What the store knows and the checks need: the pipeline, and the files of protected bots edited outside a release. */
  private store: { environments?: string[]; protectedBots?: Map<string, Set<string>> } = {};
  private storeKey = '';

  setStoreFacts(environments: string[], protectedBots: Map<string, Set<string>>): void {
    const key = JSON.stringify([environments, [...protectedBots].map(([b, files]) => [b, [...files].sort()])]);
    if (key === this.storeKey) return; // revalidating every bot is not free: only on a real change
    this.storeKey = key;
    this.store = { environments, protectedBots };
    this.diagnostics.schedule(this.workspace.setOptions(this.options()).affected);
  }

  private options(): ValidationOptions {
    return { ...this.settings.validation, ...this.store };
  }

  /** An opened document is checked at once: a burst of opens is no typing to wait out. */
  open(doc: TextDocument): void {
    this.update(doc, false);
  }

  change(doc: TextDocument): void {
    this.update(doc, true);
  }

  private update(doc: TextDocument, typing: boolean): void {
    const path = pathOf(doc.uri);
    if (!this.workspace.isDefinitionFile(path) || this.loading) return; // the load takes open documents when it ends
    if (this.workspace.archiveOf(path) !== undefined) return; // a zip's entry is read-only: the zip holds its text
    const { affected } = this.workspace.setDocument(path, doc.getText(), doc.version);
    this.diagnostics.textChanged(path);
    // An open also fires a content change, with the text the workspace already has: no typing.
    this.diagnostics.schedule([path, ...affected], typing && affected.length > 0);
  }

  /** A closed document goes back to its disk text; its diagnostics are cleared unless the whole workspace is shown. */
  async close(doc: TextDocument): Promise<void> {
    const path = pathOf(doc.uri);
    if (!this.workspace.isDefinitionFile(path)) return;
    if (this.workspace.archiveOf(path) !== undefined) return this.diagnostics.schedule([path]);
    const loaded = await loadFiles(this.workspace, [path]);
    const { affected } = loaded.length ? { affected: [] as string[] } : this.workspace.removeDocument(path);
    this.diagnostics.textChanged(path);
    this.diagnostics.schedule([path, ...affected]);
  }

  /** A file changed on disk; an open document keeps the editor's text. */
  diskChanged(path: string, deleted: boolean): void {
    // A committed export zip: read again in place (its entries come and go with it).
    if (isArchiveName(this.workspace.formatList, path)) {
      if (deleted) this.diagnostics.schedule([path, ...this.workspace.removeArchive(path).affected], true);
      else void loadFiles(this.workspace, [path]).then(() => this.diagnostics.schedule(this.workspace.paths(), true));
      return;
    }
    if (!this.workspace.isDefinitionFile(path) || this.documents.get(uriOf(path))) return;
    this.diagnostics.textChanged(path);
    if (deleted) {
      this.diagnostics.schedule([path, ...this.workspace.removeDocument(path).affected], true);
      return;
    }
    // Disk changes come in bursts (a checkout, a save of many files): gathered as typing is.
    void loadFiles(this.workspace, [path]).then(() => this.diagnostics.schedule(this.workspace.paths(), true));
  }

  /**
   * Files and folders the editor moved (`to`) or removed: what the workspace held under each
   * follows, read again from disk where it now is. A folder moved in the editor (a rename that
   * moves an intent's folder) sends no event for the files in it.
   */
  pathsMoved(moves: readonly { from: string; to?: string }[]): void {
    for (const m of moves) {
      if (isArchiveName(this.workspace.formatList, m.from)) {
        this.diskChanged(m.from, true);
        if (m.to !== undefined) this.diskChanged(m.to, false);
        continue;
      }
      for (const p of this.workspace.paths()) {
        if (p !== m.from && !p.startsWith(`${m.from}/`)) continue;
        if (this.workspace.archiveOf(p) !== undefined) continue;
        // Gone from there, open or not: the editor closes it there and opens it where it went.
        this.diagnostics.textChanged(p);
        this.diagnostics.schedule([p, ...this.workspace.removeDocument(p).affected], true);
        if (m.to !== undefined) this.diskChanged(m.to + p.slice(m.from.length), false);
      }
    }
  }

  /** The line table of a file as the workspace parsed it, so offsets map to the right text. */
  lines(path: string): LineIndex | undefined {
    const doc = this.workspace.getDocument(path);
    return doc ? lineIndexOf(doc) : undefined;
  }

  /** The LSP range of a span of a file. */
  range(path: string, start: number, end: number): Range {
    return rangeOf(this.lines(path), start, end);
  }

  /** Turns a library edit set into an LSP workspace edit. */
  workspaceEdit(fix: Pick<Fix, 'edits'>): WorkspaceEdit {
    const changes: Record<string, TextEdit[]> = {};
    for (const e of fix.edits) {
      const uri = uriOf(e.file);
      (changes[uri] ??= []).push({ range: this.range(e.file, e.start, e.end), newText: e.newText });
    }
    return { changes };
  }
}
