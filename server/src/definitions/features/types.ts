// What editor features answer, for every format, and what they may ask of the workspace.
// Offsets throughout; the language server turns them into positions.
import type { BotDocument, BotModel } from '../model/bot';
import type { ResolvedOptions } from '../options';
import type { ParsedDocument } from '../parse/document';
import type { Diagnostic, FileEdit, Fix } from '../types';

/** The workspace as a feature sees it (BotWorkspace implements it). */
export interface WorkspaceView {
  readonly resolvedOptions: ResolvedOptions;
  botOf(path: string): BotModel | undefined;
  getDocument(path: string): ParsedDocument | undefined;
  botDocument(path: string): BotDocument | undefined;
  getDiagnostics(path: string): Diagnostic[];
}

/** What a completion item is: a kind of name, a key or a value. */
export type CompletionKind = string;

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert when it differs from the label (JSON quotes, `key: `). */
  insertText?: string;
  sortText?: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** The span the chosen item replaces. */
  start: number;
  end: number;
}

export interface Hover {
  /** Markdown. */
  contents: string;
  start: number;
  end: number;
}

/** A place in a file: the name's span, and the whole definition's span where there is one. */
export interface Location {
  file: string;
  start: number;
  end: number;
  fullStart?: number;
  fullEnd?: number;
}

/** A file or folder moved by a rename (workspace paths): a platform that names files after what they define (Dialogflow CX). */
export interface FileMove {
  from: string;
  to: string;
}

/** A rename's text edits (on the files as they are), then the moves of files and folders, in order. */
export type RenameResult = { edits: FileEdit[]; renames?: FileMove[] } | { error: string };
export type PrepareRenameResult = { start: number; end: number; placeholder: string } | { error: string };

/** What an outline entry is: a section, a kind of name, or a plain key. */
export type OutlineKind = string;

export interface DocumentSymbol {
  name: string;
  kind: OutlineKind;
  detail?: string;
  /** The whole entry. */
  start: number;
  end: number;
  /** The name to select. */
  selectionStart: number;
  selectionEnd: number;
  children: DocumentSymbol[];
}

export interface CodeAction extends Fix {
  /** The diagnostic this action fixes. */
  diagnostic: Diagnostic;
}

/** The editor features a format offers for its files; each is optional. */
export interface EditorFeatures {
  complete?(ws: WorkspaceView, file: string, offset: number): CompletionResult;
  hover?(ws: WorkspaceView, file: string, offset: number): Hover | undefined;
  findDefinition?(ws: WorkspaceView, file: string, offset: number): Location[];
  findReferences?(ws: WorkspaceView, file: string, offset: number, includeDeclaration?: boolean): Location[];
  prepareRename?(ws: WorkspaceView, file: string, offset: number): PrepareRenameResult;
  rename?(ws: WorkspaceView, file: string, offset: number, newName: string): RenameResult;
  documentSymbols?(ws: WorkspaceView, file: string): DocumentSymbol[];
}
