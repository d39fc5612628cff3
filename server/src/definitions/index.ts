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
export type { BotModel, BotDocument } from '../formats/native/model/bot';
export type { Definition, Reference, SymbolKind } from './model/symbols';
export { BUILTIN_SLOT_TYPES, EVENTS, DEFAULT_ENVIRONMENTS, MANIFEST_NAMES } from '../formats/native/model/builtins';
export { listBotFiles, loadFiles, loadFolder } from './model/disk';
export type { ValidationOptions } from '../formats/native/rules/types';

export { validateBotFiles, positionDiagnostic, sortPositioned } from './gate';
export type { PositionedDiagnostic } from './gate';

export { complete } from '../formats/native/features/completion';
export type { CompletionItem, CompletionKind, CompletionResult } from '../formats/native/features/completion';
export { hover } from '../formats/native/features/hover';
export type { Hover } from '../formats/native/features/hover';
export { findDefinition, findReferences } from '../formats/native/features/navigation';
export type { Location } from '../formats/native/features/navigation';
export { prepareRename, rename } from '../formats/native/features/rename';
export type { PrepareRenameResult, RenameResult } from '../formats/native/features/rename';
export { documentSymbols } from '../formats/native/features/symbols';
export type { DocumentSymbol, OutlineKind } from '../formats/native/features/symbols';
export { foldingRanges } from './features/folding';
export type { FoldingRange } from './features/folding';
export { codeActions } from '../formats/native/features/codeActions';
export type { CodeAction } from '../formats/native/features/codeActions';
export { BOT_SCHEMA } from '../formats/native/schema/schema';
