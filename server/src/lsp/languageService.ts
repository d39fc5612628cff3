// Validation glue: feeds open documents and disk files to the definitions workspace,
// publishes diagnostics (coalesced, always for the latest text) and serves quick fixes.
// The promotion gate is not here: it is server/src/formats/gate.ts, configured by the
// store, so that the user's severity settings shape these diagnostics but never the gate.
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import type {
  Connection,
  Diagnostic as LspDiagnostic,
  Range,
  ServerCapabilities,
  TextDocuments,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lineIndexOf, loadFiles, loadFolder } from '../definitions/index';
import type { BotWorkspace, Diagnostic, Fix, LineIndex, Severity, ValidationOptions } from '../definitions/index';
import { createWorkspace } from '../formats/index';
import { featureCapabilities, registerFeatures } from './features';
import type { Settings } from './settings';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Typing after this much quiet is checked at once… */
const QUIET_MS = 300;
/** …while during a burst of typing (or of changes on disk), diagnostics wait for this much quiet… */
const DEBOUNCE_MS = 120;
/** …but never longer than this while changes keep coming (a typing storm). */
const MAX_WAIT_MS = 600;

/** What the client was last sent for a file. */
interface Published {
  /** The library's list it was made from (the library returns the same array while nothing changed). */
  list: readonly Diagnostic[];
  /** The LSP diagnostics sent, positions included. */
  sent: LspDiagnostic[];
  /** The line tables the positions were worked out with, by file: while they stay, so do the positions. */
  lines: Map<string, LineIndex | undefined>;
}

export class LanguageService {
  readonly workspace: BotWorkspace;
  private readonly dirty = new Set<string>();
  /** Files whose text changed since the last flush (edits, disk changes): answered first, and always. */
  private readonly edited = new Set<string>();
  /** What was last published per file. */
  private readonly published = new Map<string, Published>();
  /** file: URIs by path (every related place names one). */
  private readonly uris = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private firstPending = 0;
  private lastTyping = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly roots: readonly string[],
    private settings: Settings,
  ) {
    this.workspace = createWorkspace(settings.validation);
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
      this.edited.add(path);
    }
    this.schedule(this.workspace.paths());
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
    this.schedule(scopeChanged ? [...affected, ...this.published.keys()] : affected);
  }

  /** What the store knows and the checks need: the pipeline, and the files of protected bots edited outside a release. */
  private store: { environments?: string[]; protectedBots?: Map<string, Set<string>> } = {};
  private storeKey = '';

  setStoreFacts(environments: string[], protectedBots: Map<string, Set<string>>): void {
    const key = JSON.stringify([environments, [...protectedBots].map(([b, files]) => [b, [...files].sort()])]);
    if (key === this.storeKey) return; // revalidating every bot is not free: only on a real change
    this.storeKey = key;
    this.store = { environments, protectedBots };
    this.schedule(this.workspace.setOptions(this.options()).affected);
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
    const { affected } = this.workspace.setDocument(path, doc.getText(), doc.version);
    this.edited.add(path);
    // An open also fires a content change, with the text the workspace already has: no typing.
    this.schedule([path, ...affected], typing && affected.length > 0);
  }

  /** A closed document goes back to its disk text; its diagnostics are cleared unless the whole workspace is shown. */
  async close(doc: TextDocument): Promise<void> {
    const path = pathOf(doc.uri);
    if (!this.workspace.isDefinitionFile(path)) return;
    const loaded = await loadFiles(this.workspace, [path]);
    const { affected } = loaded.length ? { affected: [] as string[] } : this.workspace.removeDocument(path);
    this.edited.add(path);
    this.schedule([path, ...affected]);
  }

  /** A file changed on disk; an open document keeps the editor's text. */
  diskChanged(path: string, deleted: boolean): void {
    if (!this.workspace.isDefinitionFile(path) || this.documents.get(pathToFileURL(path).toString())) return;
    this.edited.add(path);
    if (deleted) {
      this.schedule([path, ...this.workspace.removeDocument(path).affected], true);
      return;
    }
    // Disk changes come in bursts (a checkout, a save of many files): gathered as typing is.
    void loadFiles(this.workspace, [path]).then(() => this.schedule(this.workspace.paths(), true));
  }

  /** Checks `paths` soon: at once, or while `typing`, after a pause in the changes. */
  private schedule(paths: Iterable<string>, typing = false): void {
    for (const p of paths) this.dirty.add(p);
    if (this.loading) return;
    const t = Date.now();
    if (!this.timer) this.firstPending = t;
    let wait = 0;
    if (typing) {
      // After a quiet spell the first change is checked at once; while typing goes on, changes
      // are gathered for a moment, but never for longer than MAX_WAIT_MS.
      const quiet = t - this.lastTyping > QUIET_MS;
      this.lastTyping = t;
      if (!quiet) wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstPending + MAX_WAIT_MS - t));
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), wait);
  }


  /**
   * Publishes the diagnostics that changed, computed on the latest text: documents the user
   * just edited first (always, with their version), then any other file whose diagnostics
   * differ from what was last published for it.
   */
  private async flush(): Promise<void> {
    this.timer = undefined;
    const edited = [...this.edited].filter((p) => this.dirty.has(p));
    const rest = [...this.dirty].filter((p) => !this.edited.has(p));
    this.dirty.clear();
    this.edited.clear();
    // Line tables by file, looked up once per run of publishes (texts do not change within one).
    let tables = new Map<string, LineIndex | undefined>();
    for (const path of edited) this.publish(path, true, tables);
    // Let the edited document's diagnostics go out before the rest are worked out.
    if (edited.length && rest.length) {
      await new Promise((resolve) => setImmediate(resolve));
      tables = new Map();
    }
    for (const path of rest) this.publish(path, false, tables);
  }

  private publish(path: string, always: boolean, tables: Map<string, LineIndex | undefined>): void {
    const uri = this.uriOf(path);
    const doc = this.documents.get(uri);
    const shown = this.settings.validationEnabled && (doc || this.settings.scope === 'workspace');
    if (!shown) {
      if (this.published.delete(path)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    let found: Diagnostic[] = [];
    try {
      found = this.workspace.getDiagnostics(path);
    } catch (e) {
      this.connection.console.error(`validating ${path} failed: ${(e as Error).stack ?? e}`);
    }
    const before = this.published.get(path);
    if (!always) {
      // The same list and the same line tables: the client already shows exactly this.
      if (before && before.list === found && this.linesCurrent(before.lines, tables)) return;
      // Nothing to say for a file not open that never had problems.
      if (!before && !found.length && !doc) return;
    }
    const lines = new Map<string, LineIndex | undefined>();
    // A new list may still look the same to the client: offsets in another file moved, but
    // not the lines and characters they fall on (typing on one line moves nothing above it).
    if (!always && before && this.looksSame(before, found, lines, tables)) {
      before.list = found;
      before.lines = lines;
      return;
    }
    const sent = found.map((d) => this.toLsp(d, lines, tables));
    this.published.set(path, { list: found, sent, lines });
    void this.connection.sendDiagnostics({ uri, version: doc?.version, diagnostics: sent });
  }

  /** Whether every line table is still the one the workspace has for its file. */
  private linesCurrent(lines: Map<string, LineIndex | undefined>, tables: Map<string, LineIndex | undefined>): boolean {
    for (const [file, li] of lines) if (this.tableOf(tables, file) !== li) return false;
    return true;
  }

  /**
   * Whether `found` converts to exactly what was sent before (filling `lines` with the tables
   * used). A diagnostic that is the very one sent before is placed again only where the line
   * table of its file, or of a related place's file, changed since.
   */
  private looksSame(before: Published, found: readonly Diagnostic[], lines: Map<string, LineIndex | undefined>, tables: Map<string, LineIndex | undefined>): boolean {
    if (found.length !== before.sent.length) return false;
    const moved = (file: string): boolean => {
      let now = lines.get(file);
      if (now === undefined && !lines.has(file)) lines.set(file, (now = this.tableOf(tables, file)));
      return before.lines.get(file) !== now;
    };
    const samePos = (r: Range, file: string, start: number, end: number): boolean => {
      const x = this.rangeIn(lines, tables, file, start, end);
      return x.start.line === r.start.line && x.start.character === r.start.character && x.end.line === r.end.line && x.end.character === r.end.character;
    };
    for (let i = 0; i < found.length; i++) {
      const d = found[i]!;
      const sent = before.sent[i]!;
      const same = d === before.list[i];
      if (!same && (d.code !== sent.code || SEVERITY[d.severity] !== sent.severity || d.message !== sent.message || !!d.tags?.includes('unnecessary') !== !!sent.tags)) return false;
      if ((moved(d.file) || !same) && !samePos(sent.range, d.file, d.start, d.end)) return false;
      const related = d.related ?? [];
      const sentRelated = sent.relatedInformation ?? [];
      if (related.length !== sentRelated.length) return false;
      for (let j = 0; j < related.length; j++) {
        const r = related[j]!;
        const s = sentRelated[j]!;
        if (!same && (r.message !== s.message || this.uriOf(r.file) !== s.location.uri)) return false;
        if ((moved(r.file) || !same) && !samePos(s.location.range, r.file, r.start, r.end)) return false;
      }
    }
    return true;
  }

  /** The LSP range of a span, with the file's line table looked up once per publish. */
  private rangeIn(lines: Map<string, LineIndex | undefined>, tables: Map<string, LineIndex | undefined>, file: string, start: number, end: number): Range {
    let li = lines.get(file);
    if (li === undefined && !lines.has(file)) lines.set(file, (li = this.tableOf(tables, file)));
    if (!li) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: li.positionAt(start), end: li.positionAt(end) };
  }

  private tableOf(tables: Map<string, LineIndex | undefined>, file: string): LineIndex | undefined {
    let li = tables.get(file);
    if (li === undefined && !tables.has(file)) tables.set(file, (li = this.lines(file)));
    return li;
  }

  private uriOf(path: string): string {
    let uri = this.uris.get(path);
    if (uri === undefined) this.uris.set(path, (uri = pathToFileURL(path).toString()));
    return uri;
  }

  /** The line table of a file as the workspace parsed it, so offsets map to the right text. */
  lines(path: string): LineIndex | undefined {
    const doc = this.workspace.getDocument(path);
    return doc ? lineIndexOf(doc) : undefined;
  }

  range(path: string, start: number, end: number): Range {
    const lines = this.lines(path);
    if (!lines) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: lines.positionAt(start), end: lines.positionAt(end) };
  }

  private toLsp(d: Diagnostic, lines: Map<string, LineIndex | undefined>, tables: Map<string, LineIndex | undefined>): LspDiagnostic {
    const out: LspDiagnostic = {
      range: this.rangeIn(lines, tables, d.file, d.start, d.end),
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'bot-versions',
      message: d.message,
    };
    if (d.tags?.includes('unnecessary')) out.tags = [DiagnosticTag.Unnecessary];
    if (d.related?.length) {
      out.relatedInformation = d.related.map((r) => ({
        location: { uri: this.uriOf(r.file), range: this.rangeIn(lines, tables, r.file, r.start, r.end) },
        message: r.message,
      }));
    }
    return out;
  }

  /** Turns a library edit set into an LSP workspace edit. */
  workspaceEdit(fix: Pick<Fix, 'edits'>): WorkspaceEdit {
    const changes: Record<string, TextEdit[]> = {};
    for (const e of fix.edits) {
      const uri = pathToFileURL(e.file).toString();
      (changes[uri] ??= []).push({ range: this.range(e.file, e.start, e.end), newText: e.newText });
    }
    return { changes };
  }
}

export function pathOf(uri: string): string {
  return fileURLToPath(uri).replace(/\\/g, '/');
}
