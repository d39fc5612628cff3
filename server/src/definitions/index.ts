// The definitions library: parse bot files, model bots, validate them, and answer editor
// questions. Plain paths, strings and offsets in; plain data out. The language server and
// the CLI use only what this file exports.
export type { Diagnostic, Fix, FileEdit, RelatedInfo, Severity, Span } from './types';
export { CODES, defaultSeverity } from './codes';
export type { DiagnosticCode } from './codes';

export { parseDocument, formatOf } from './parse/document';
export type { DocumentFormat, ParsedDocument } from './parse/document';
export { decodeBotFile } from './parse/decode';
export { LineIndex } from './parse/lines';
export type { Position } from './parse/lines';
export type { Node, ObjectNode, ArrayNode, ScalarNode, OpaqueNode, Property, PathSegment } from './parse/tree';
export { nodeAt, pathOf, walk } from './parse/tree';

export { BotWorkspace } from './model/workspace';
export type { ChangeResult } from './model/workspace';
export type { BotModel, BotDocument } from './model/bot';
export type { Definition, Reference, SymbolKind } from './model/symbols';
export { BUILTIN_SLOT_TYPES, EVENTS, DEFAULT_ENVIRONMENTS, MANIFEST_NAMES } from './model/builtins';
export { listBotFiles, loadFiles, loadFolder } from './model/disk';
export type { ValidationOptions } from './rules/types';

export { validateBotFiles, positionDiagnostic, sortPositioned } from './gate';
export type { PositionedDiagnostic } from './gate';

export { complete } from './features/completion';
export type { CompletionItem, CompletionKind, CompletionResult } from './features/completion';
export { hover } from './features/hover';
export type { Hover } from './features/hover';
export { findDefinition, findReferences } from './features/navigation';
export type { Location } from './features/navigation';
export { prepareRename, rename } from './features/rename';
export type { PrepareRenameResult, RenameResult } from './features/rename';
export { documentSymbols } from './features/symbols';
export type { DocumentSymbol, OutlineKind } from './features/symbols';
export { foldingRanges } from './features/folding';
export type { FoldingRange } from './features/folding';
export { codeActions } from './features/codeActions';
export type { CodeAction } from './features/codeActions';
export { BOT_SCHEMA } from './schema/schema';
