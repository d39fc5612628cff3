// Editor features: LSP requests translated to the definitions library's functions and back.
// The library works on offsets into the text it parsed; positions become offsets here, and
// offsets become ranges through the language service (`FeatureHost.range`, the library's
// `rangeOf`). The language service registers these; they know it only as a `FeatureHost`.
import { CodeActionKind, CompletionItemKind, MarkupKind, MessageType, RenameFile, ResponseError, ShowMessageNotification, SymbolKind, TextDocumentEdit } from 'vscode-languageserver/node';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Connection,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  ServerCapabilities,
  TextDocuments,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, foldingRanges } from '../definitions/index';
import type { BotWorkspace, CompletionKind, DocumentSymbol as LibSymbol, Fix, OutlineKind } from '../definitions/index';
import { complete, documentSymbols, findDefinition, findReferences, hover, prepareRename, rename } from '../formats/index';
import { pathOf, uriOf } from './uris';

/** What the features need of the language service (languageService.ts), which registers them. */
export interface FeatureHost {
  readonly workspace: BotWorkspace;
  /** Outline symbols and folding regions computed for one file at most (0: no limit). */
  readonly maxItems: number;
  /** The LSP range of a span of a file, placed in the text the workspace parsed. */
  range(path: string, start: number, end: number): Range;
  /** A library edit set as an LSP workspace edit. */
  workspaceEdit(fix: Pick<Fix, 'edits'>): WorkspaceEdit;
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  intent: CompletionItemKind.Event,
  slot: CompletionItemKind.Field,
  slotType: CompletionItemKind.Enum,
  response: CompletionItemKind.Text,
  flow: CompletionItemKind.Module,
  function: CompletionItemKind.Function,
  variable: CompletionItemKind.Variable,
  locale: CompletionItemKind.Unit,
  event: CompletionItemKind.Event,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  // Rasa's kinds of names.
  entity: CompletionItemKind.Constant,
  form: CompletionItemKind.Class,
  action: CompletionItemKind.Method,
};

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  intent: SymbolKind.Event,
  slot: SymbolKind.Field,
  slotType: SymbolKind.Enum,
  response: SymbolKind.String,
  function: SymbolKind.Function,
  flow: SymbolKind.Module,
  variable: SymbolKind.Variable,
  locale: SymbolKind.Constant,
  key: SymbolKind.Property,
  // Rasa's kinds of names and entries.
  entity: SymbolKind.Constant,
  form: SymbolKind.Class,
  action: SymbolKind.Method,
  story: SymbolKind.Object,
  rule: SymbolKind.Object,
  synonym: SymbolKind.Key,
  regex: SymbolKind.Key,
  lookup: SymbolKind.Array,
  step: SymbolKind.Property,
  test: SymbolKind.Object,
  // LivePerson's dialogs, interactions and API integrations.
  dialog: SymbolKind.Module,
  interaction: SymbolKind.Event,
  integration: SymbolKind.Interface,
};

export function featureCapabilities(): ServerCapabilities {
  return {
    completionProvider: { triggerCharacters: ['{', '$', ':', ' ', '"', '-'], resolveProvider: false },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: { label: 'Bot' },
    foldingRangeProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    // Files and folders the editor moves or removes (a rename that moves a folder, the
    // explorer): a folder's own watcher event names no file, so the server is told instead.
    workspace: { fileOperations: { didRename: { filters: [{ pattern: { glob: '**/*' } }] }, didDelete: { filters: [{ pattern: { glob: '**/*' } }] } } },
  };
}

/**
 * Whether the client takes file and folder moves in a workspace edit (`documentChanges` with
 * `rename` operations, as VS Code does). Without them a rename that moves files (Dialogflow
 * CX's) changes the names in the files only, which keeps the bot consistent.
 */
let renamesFiles = false;

/** Says what the client declared it takes (server.ts, on initialize). */
export function setClientEditSupport(workspaceEdit: { documentChanges?: boolean; resourceOperations?: readonly string[] } | undefined): void {
  renamesFiles = workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('rename');
}

/** Registers every editor feature on the connection. */
export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, service: FeatureHost): void {
  const ws = service.workspace;
  /** The file and offset of a request, when the file is an open bot file. */
  const at = (uri: string, position: Position): { file: string; offset: number } | undefined => {
    const doc = documents.get(uri);
    const file = pathOf(uri);
    if (!doc || !ws.hasDocument(file)) return undefined;
    return { file, offset: doc.offsetAt(position) };
  };
  const location = (l: { file: string; start: number; end: number }): Location => ({
    uri: uriOf(l.file),
    range: service.range(l.file, l.start, l.end),
  });
  const guard = <P, R>(name: string, fallback: R, fn: (p: P) => R): ((p: P) => R) => {
    return (p: P) => {
      try {
        return fn(p);
      } catch (e) {
        // A feature failing must never take the server down; the user just gets nothing.
        connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };
  };

  connection.onCompletion(
    guard('completion', null, (p): CompletionList | null => {
      const a = at(p.textDocument.uri, p.position);
      if (!a) return null;
      const r = complete(ws, a.file, a.offset);
      const range = service.range(a.file, r.start, r.end);
      const items = r.items.map(
        (it): CompletionItem => ({
          label: it.label,
          kind: COMPLETION_KINDS[it.kind] ?? CompletionItemKind.Text,
          detail: it.detail,
          documentation: it.documentation ? { kind: MarkupKind.Markdown, value: it.documentation } : undefined,
          sortText: it.sortText,
          filterText: it.label,
          textEdit: { range, newText: it.insertText ?? it.label },
        }),
      );
      return { isIncomplete: false, items };
    }),
  );

  connection.onHover(
    guard('hover', null, (p): Hover | null => {
      const a = at(p.textDocument.uri, p.position);
      const h = a && hover(ws, a.file, a.offset);
      if (!a || !h) return null;
      return { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: service.range(a.file, h.start, h.end) };
    }),
  );

  connection.onDefinition(
    guard('definition', [], (p): Location[] => {
      const a = at(p.textDocument.uri, p.position);
      return a ? findDefinition(ws, a.file, a.offset).map(location) : [];
    }),
  );

  connection.onReferences(
    guard('references', [], (p): Location[] => {
      const a = at(p.textDocument.uri, p.position);
      return a ? findReferences(ws, a.file, a.offset, p.context.includeDeclaration).map(location) : [];
    }),
  );

  connection.onPrepareRename((p) => {
    const a = at(p.textDocument.uri, p.position);
    if (!a) return null;
    const r = prepareRename(ws, a.file, a.offset);
    if ('error' in r) throw new ResponseError(-32803, r.error);
    return { range: service.range(a.file, r.start, r.end), placeholder: r.placeholder };
  });

  connection.onRenameRequest((p): WorkspaceEdit | null => {
    const a = at(p.textDocument.uri, p.position);
    if (!a) return null;
    const r = rename(ws, a.file, a.offset, p.newName);
    if ('error' in r) throw new ResponseError(-32803, r.error);
    if (!r.renames?.length || !renamesFiles) return service.workspaceEdit({ edits: r.edits });
    // A platform that names files after what they define (Dialogflow CX): the files and
    // folders moved, in order, then the text edits on each file where it now is (a text edit
    // before a move leaves an unsaved change to follow the file, which editors may drop when
    // its folder moves too) — one edit the user undoes at once.
    const moves = r.renames;
    const movedPath = (file: string): string => {
      let p = file;
      for (const m of moves) if (p === m.from || p.startsWith(`${m.from}/`)) p = m.to + p.slice(m.from.length);
      return p;
    };
    const byFile = new Map<string, TextEdit[]>();
    for (const e of r.edits) {
      const list = byFile.get(e.file) ?? [];
      list.push({ range: service.range(e.file, e.start, e.end), newText: e.newText });
      byFile.set(e.file, list);
    }
    return {
      documentChanges: [
        ...moves.map((m) => RenameFile.create(uriOf(m.from), uriOf(m.to), { overwrite: false, ignoreIfExists: false })),
        ...[...byFile].map(([file, edits]) => TextDocumentEdit.create({ uri: uriOf(movedPath(file)), version: null }, edits)),
      ],
    };
  });

  /** Files already told that their outline or folding was cut short (once per file and kind). */
  const limited = new Set<string>();
  const tellLimited = (uri: string, what: string, shown: number, totalOf: () => number): void => {
    const key = `${what}\0${uri}`;
    if (limited.has(key)) return;
    const total = totalOf();
    if (total <= shown) return;
    limited.add(key);
    const name = uri.slice(uri.lastIndexOf('/') + 1);
    // A notification, not a request: nothing to answer, nothing left pending.
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message: `${decodeURIComponent(name)}: the ${what} shows ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} items. ` +
        'Raise the setting botVersions.maxItemsComputed to see more (0: no limit).',
    });
  };

  /**
   * The last outline of each file, kept while its parsed document stays the same: the
   * editor asks again for the outline view, the breadcrumbs and sticky scroll.
   */
  const outlines = new Map<string, { text: object; of: object; max: number; result: DocumentSymbol[] }>();
  documents.onDidClose((e) => outlines.delete(pathOf(e.document.uri)));

  connection.onDocumentSymbol(
    guard('outline', [], (p): DocumentSymbol[] => {
      const file = pathOf(p.textDocument.uri);
      if (!ws.hasDocument(file)) return [];
      // The parsed document is new with every change of the text; the bot's view of it may be patched in place.
      const parsed = ws.getDocument(file);
      const bd = ws.botDocument(file);
      const cached = outlines.get(file);
      if (parsed && bd && cached && cached.text === parsed && cached.of === bd && cached.max === service.maxItems) return cached.result;
      const convert = (s: LibSymbol): DocumentSymbol => ({
        name: s.name || '(unnamed)',
        detail: s.detail,
        kind: SYMBOL_KINDS[s.kind] ?? SymbolKind.Key,
        range: service.range(file, s.start, s.end),
        selectionRange: service.range(file, s.selectionStart, s.selectionEnd),
        children: [],
      });
      // Breadth first within the budget, so that a huge section cut short never hides the sections after it.
      const max = service.maxItems || Infinity;
      const roots = documentSymbols(ws, file);
      const out: DocumentSymbol[] = [];
      const queue: [LibSymbol, DocumentSymbol][] = [];
      let made = 0;
      for (const s of roots) {
        if (made >= max) break;
        const d = convert(s);
        out.push(d);
        queue.push([s, d]);
        made++;
      }
      for (let i = 0; i < queue.length; i++) {
        const [s, d] = queue[i]!;
        for (const c of s.children) {
          if (made >= max) break;
          const child = convert(c);
          d.children!.push(child);
          queue.push([c, child]);
          made++;
        }
      }
      if (made >= max) {
        const count = (list: readonly LibSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children), 0);
        tellLimited(p.textDocument.uri, 'outline', made, () => count(roots));
      }
      if (parsed && bd) outlines.set(file, { text: parsed, of: bd, max: service.maxItems, result: out });
      return out;
    }),
  );

  connection.onFoldingRanges(
    guard('folding', [], (p): FoldingRange[] => {
      const file = pathOf(p.textDocument.uri);
      if (!ws.hasDocument(file)) return [];
      const all = foldingRanges(ws, file);
      const max = service.maxItems || Infinity;
      if (all.length > max) tellLimited(p.textDocument.uri, 'folding', max, () => all.length);
      // The outermost regions first, as the editor would keep them.
      const kept = all.length > max ? [...all].sort((a, b) => b.endLine - b.startLine - (a.endLine - a.startLine)).slice(0, max) : all;
      return kept.map((f) => ({ startLine: f.startLine, endLine: f.endLine }));
    }),
  );

  connection.onCodeAction(
    guard('code actions', [], (p): CodeAction[] => {
      const file = pathOf(p.textDocument.uri);
      const doc = documents.get(p.textDocument.uri);
      if (!doc || !ws.hasDocument(file)) return [];
      const actions = codeActions(ws, file, doc.offsetAt(p.range.start), doc.offsetAt(p.range.end));
      return actions.map((a) => {
        const range: Range = service.range(a.diagnostic.file, a.diagnostic.start, a.diagnostic.end);
        const matching = p.context.diagnostics.filter((d) => d.code === a.diagnostic.code && sameRange(d.range, range));
        return { title: a.title, kind: CodeActionKind.QuickFix, diagnostics: matching, isPreferred: !!a.preferred, edit: service.workspaceEdit(a) };
      });
    }),
  );
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
