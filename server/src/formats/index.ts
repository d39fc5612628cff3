// The formats library's entry: the registry (registry.ts: one line per format, in the order
// recognition tries them), the codes of every format, the workspace index that knows them,
// the gate's and the CLI's validation of a bot's files, the semantic diff, and the editor
// features, each answered by the format of the bot a file belongs to. Discovery and the
// store import the registry itself, which loads no format's analysis (docs/architecture.md).
import { BotWorkspace, ENGINE_CODES, parseDocument, validateBotFiles } from '../definitions/index';
import { diffBotFiles } from '../definitions/diff/files';
import type {
  BotFormat,
  CodeTable,
  CompletionResult,
  DocumentSymbol,
  EditorFeatures,
  FormatId,
  Hover,
  Location,
  PositionedDiagnostic,
  PrepareRenameResult,
  RenameResult,
  SemanticChange,
  ValidationOptions,
} from '../definitions/index';
import { FORMATS, formatById } from './registry';

export { FORMATS, formatById, markersText } from './registry';

/** Every diagnostic code: the engine's and every format's, with default severity and meaning. */
export const CODES: CodeTable = Object.assign({}, ENGINE_CODES, ...FORMATS.map((f) => f.codes));

/** A workspace index that knows every format of the registry. */
export function createWorkspace(options: ValidationOptions = {}): BotWorkspace {
  return new BotWorkspace(FORMATS, options);
}

/** Validates one bot's files (a stored version, paths relative to the bot folder) as a bot of any format, or of the one named. */
export function validateVersion(files: ReadonlyMap<string, Uint8Array | string>, options: ValidationOptions = {}, format?: FormatId): PositionedDiagnostic[] {
  const only = format ? FORMATS.filter((f) => f.id === format) : FORMATS;
  return validateBotFiles(only, files, options);
}

/** The features of the format of the bot `file` belongs to. */
function featuresOf(ws: BotWorkspace, file: string): EditorFeatures | undefined {
  return ws.formatOf(file)?.features;
}

/** Completion items at an offset of a bot file (none outside bots). */
export function complete(ws: BotWorkspace, file: string, offset: number): CompletionResult {
  return featuresOf(ws, file)?.complete?.(ws, file, offset) ?? { items: [], start: offset, end: offset };
}

/** The hover at an offset, or undefined when there is nothing to say. */
export function hover(ws: BotWorkspace, file: string, offset: number): Hover | undefined {
  return featuresOf(ws, file)?.hover?.(ws, file, offset);
}

/** Where the name at an offset is defined. */
export function findDefinition(ws: BotWorkspace, file: string, offset: number): Location[] {
  return featuresOf(ws, file)?.findDefinition?.(ws, file, offset) ?? [];
}

/** Every use of the name at an offset across its bot's files. */
export function findReferences(ws: BotWorkspace, file: string, offset: number, includeDeclaration = true): Location[] {
  return featuresOf(ws, file)?.findReferences?.(ws, file, offset, includeDeclaration) ?? [];
}

/** Whether the name at an offset can be renamed. */
export function prepareRename(ws: BotWorkspace, file: string, offset: number): PrepareRenameResult {
  const f = featuresOf(ws, file);
  if (!f?.prepareRename) return { error: 'There is no name here to rename: this file belongs to no bot, or its format has no rename.' };
  return f.prepareRename(ws, file, offset);
}

/** The edits that rename the name at an offset across its bot. */
export function rename(ws: BotWorkspace, file: string, offset: number, newName: string): RenameResult {
  const f = featuresOf(ws, file);
  if (!f?.rename) return { error: 'There is no name here to rename: this file belongs to no bot, or its format has no rename.' };
  return f.rename(ws, file, offset, newName);
}

/** The outline of a bot file. */
export function documentSymbols(ws: BotWorkspace, file: string): DocumentSymbol[] {
  return featuresOf(ws, file)?.documentSymbols?.(ws, file) ?? [];
}

export type { ChangeKind, SemanticChange, SemanticEntity, SemanticKind } from '../definitions/index';

/** What changed between two states of a bot, in the terms of its format. */
export interface SemanticDiff {
  /** Sorted by kind, parent, locale and name (the differ's order). */
  changes: SemanticChange[];
  /** Definition files that differ and do not parse cleanly on a side: compared as far as they parse. */
  unreadable: string[];
  /** Set when the format has no semantic diff yet; `changes` is then empty. */
  unsupported?: true;
}

/**
 * The semantic diff of two states of a bot of a format, each given as its files (paths
 * relative to the bot folder → texts): the format reads each side into entities, the
 * engine's differ compares them. Formatting, key order, comments and moves between files
 * are no change.
 */
export function semanticChanges(format: BotFormat | FormatId, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): SemanticDiff {
  const f = typeof format === 'string' ? formatById(format) : format;
  if (!f?.entities) return { changes: [], unreadable: [], unsupported: true };
  return { changes: diffBotFiles(f, before, after), unreadable: unreadableFiles(f, before, after) };
}

function unreadableFiles(format: BotFormat, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const broken = (path: string, text: string | undefined) => text !== undefined && parseDocument(path, text).syntax.some((d) => d.severity === 'error');
  const out: string[] = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(path);
    const b = after.get(path);
    if (a === b || !format.isDefinitionFile(path)) continue;
    if (broken(path, a) || broken(path, b)) out.push(path);
  }
  return out.sort();
}
