// The definitions library: the engine every bot format shares. Parse bot files with exact
// offsets, hold a workspace of bots of any format, settle and place diagnostics, and the
// types editor features answer in. Plain paths, strings and offsets in; plain data out.
// The language server and the CLI use only what this file exports, and the formats door
// (server/src/formats/index.ts) for what each format knows.
export type { Diagnostic, Finding, Fix, FileEdit, RelatedInfo, Severity, Span } from './types';
export { Settler } from './model/settle';
export { ENGINE_CODES, defaultSeverity } from './codes';
export { BOT_ID, isWildMarker, markerCovers, toBotId } from './format';
export type { AdoptedIdentity, ReleaseTarget } from './format';
export type { BotFormat, BotIdentity, BotSession, CodeTable, FolderProbe, FormatId, Recognition, SessionHost } from './format';

export { parseDocument, formatOf } from './parse/document';
export type { DocumentFormat, ParsedDocument } from './parse/document';
export { decodeBotFile } from './parse/decode';
export { LineIndex } from './parse/lines';
export type { Position, Range } from './parse/lines';
export type { Node, ObjectNode, ArrayNode, ScalarNode, OpaqueNode, Property, PathSegment } from './parse/tree';
export { nodeAt, pathOf, walk } from './parse/tree';
export { dirOf, joinPath, normalizePath, relativeTo } from './paths';
export { applyValues } from './values';
export type { PlainScalar } from './values';

export { BotWorkspace } from './model/workspace';
export type { ChangeResult } from './model/workspace';
export type { BotModel, BotDocument, FileFacts } from './model/bot';
export type { Definition, Reference, SymbolKind } from './model/symbols';
export { DEFAULT_ENVIRONMENTS, resolveOptions } from './options';
export type { ResolvedOptions, ValidationOptions } from './options';
export { isDefinitionFile, listBotFiles, loadFiles, loadFolder, MAX_FILE_BYTES } from './model/disk';
export { archiveProbe, expandArchive, isArchiveName, MAX_ZIP_BYTES } from './archive';
export type { ExpandedArchive } from './archive';
export { fileMarkerCovers, oneFileFormats, oneFileProbe, recogniseOneFile } from './onefile';
export type { OneFileAnswer } from './onefile';
export { commonRoot, openZip, writeZip } from './zip/index';
export type { ZipArchive } from './zip/index';
export { JUNK_FILES, SKIPPED_DIRS, searchesDir } from './files';
export { isMinifiedJson, prettyJson } from './text/prettyJson';

export { validateBotFiles, positionDiagnostic, sortPositioned } from './gate';
export type { PositionedDiagnostic } from './gate';

export { lineIndexOf, rangeOf } from './features/lines';
export { foldingRanges } from './features/folding';
export type { FoldingRange } from './features/folding';
export { codeActions } from './features/codeActions';
export type {
  CodeAction,
  CompletionItem,
  CompletionKind,
  CompletionResult,
  DocumentSymbol,
  EditorFeatures,
  Hover,
  Location,
  OutlineKind,
  PrepareRenameResult,
  RenameResult,
  WorkspaceView,
} from './features/types';

export { SEMANTIC_KINDS, SEMANTIC_KIND_TITLES, canonicalArray, canonicalJson, canonicalNode, canonicalObject, canonicalScalar } from './diff/entities';
export type { CanonicalOptions, ChangeKind, SemanticChange, SemanticEntity, SemanticKind } from './diff/entities';
export { compareChanges, countChanges, describeChange, diffEntities } from './diff/differ';
