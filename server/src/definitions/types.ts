// Plain data shared by every part of the definitions library. Offsets are UTF-16 code
// unit offsets into the document text; the language server converts them to positions.

/** The formats, as `botv bots --json` names them. */
export type FormatId = 'native' | 'rasa' | 'dialogflow-cx' | 'dialogflow-es' | 'lex-v2' | 'liveperson' | 'polyai';

/** The LSP severities, by name. `off` in an override silences a code. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A half-open span of a document: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** One replacement in one file. `start === end` inserts. */
export interface FileEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

/** A quick fix: a titled set of edits, possibly across files. */
export interface Fix {
  title: string;
  edits: FileEdit[];
  /** The fix an editor may apply on "fix all" / the lightbulb default. */
  preferred?: boolean;
}

/** Another place that explains a diagnostic (the first definition of a duplicate, …). */
export interface RelatedInfo {
  file: string;
  start: number;
  end: number;
  message: string;
}

/** A problem found in a bot definition file. JSON-serialisable, so it may ride in LSP `data`. */
export interface Diagnostic {
  file: string;
  start: number;
  end: number;
  severity: Severity;
  /** Stable code, documented in docs/diagnostics.md, e.g. `ref/unknown-response`. */
  code: string;
  message: string;
  fixes?: Fix[];
  related?: RelatedInfo[];
  /** `unnecessary` greys out unused definitions in editors. */
  tags?: 'unnecessary'[];
}

/** A diagnostic before its file and final severity are settled (inside one document). */
export type Finding = Omit<Diagnostic, 'file' | 'severity'> & { severity?: Severity };
