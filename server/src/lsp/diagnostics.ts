// Diagnostics publishing: what the definitions workspace finds, sent to the client as LSP
// diagnostics, coalesced (a burst of changes waits for a pause, never longer than
// MAX_WAIT_MS) and always computed on the latest text; a file whose diagnostics would look
// the same to the client is not sent again.
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import type { Connection, Diagnostic as LspDiagnostic, Range, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineIndexOf, rangeOf } from '../definitions/index';
import type { BotWorkspace, Diagnostic, LineIndex, Severity } from '../definitions/index';
import type { Settings } from './settings';
import { uriOf } from './uris';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * A change after this much quiet is checked at once: a person typing leaves more than this
 * between keystrokes (150 ms at a brisk pace), so every keystroke gets its diagnostics as soon
 * as they are worked out, never a wait (docs/performance.md: at typing pace they are at most
 * the check's time behind the text)…
 */
const QUIET_MS = 100;
/**
 * …while changes closer together than that (key repeat, a paste of many changes, a burst of
 * changes on disk) wait for this much quiet, so that only the last is checked…
 */
const DEBOUNCE_MS = 50;
/** …but never longer than this while changes keep coming (a typing storm costs a check per this much). */
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

export class DiagnosticsPublisher {
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
    private readonly workspace: BotWorkspace,
    /** The settings in force: whether diagnostics are shown, and for which files. */
    private readonly settings: () => Settings,
    /** Whether checks may run: until then (the start-up load) changes are only noted. */
    private readonly ready: () => boolean,
  ) {}

  /** The text of `path` changed (an edit, the disk): its diagnostics go out first at the next flush, and always. */
  textChanged(path: string): void {
    this.edited.add(path);
  }

  /** The files the client was last sent diagnostics for. */
  publishedFiles(): IterableIterator<string> {
    return this.published.keys();
  }

  /** Checks `paths` soon: at once, or while `typing`, after a pause in the changes. */
  schedule(paths: Iterable<string>, typing = false): void {
    for (const p of paths) this.dirty.add(p);
    if (!this.ready()) return;
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
    const settings = this.settings();
    const shown = settings.validationEnabled && (doc || settings.scope === 'workspace');
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
    return rangeOf(li, start, end);
  }

  private tableOf(tables: Map<string, LineIndex | undefined>, file: string): LineIndex | undefined {
    let li = tables.get(file);
    if (li === undefined && !tables.has(file)) tables.set(file, (li = this.lines(file)));
    return li;
  }

  /** The line table of a file as the workspace parsed it, so offsets map to the right text. */
  private lines(path: string): LineIndex | undefined {
    const doc = this.workspace.getDocument(path);
    return doc ? lineIndexOf(doc) : undefined;
  }

  private uriOf(path: string): string {
    let uri = this.uris.get(path);
    if (uri === undefined) this.uris.set(path, (uri = uriOf(path)));
    return uri;
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
}
