// The interfaces checks implement; the lists are in rules/index.ts.
//
// Checks come in kinds, so that an edit re-runs only what it can change (model/workspace.ts):
// - a FileRule finds the problems of one file. It may read the whole bot's names and
//   structure (what names are defined where, what is referenced, how flows chain), but
//   positions in other files only to put them in `related` or in a fix. Its findings are
//   kept with the file and computed again when the file changes, when any file's names or
//   structure change, or when a file it points into changes;
// - a RecordRule finds the problems of one utterance from the training index (repeats,
//   near-duplicates); the index says which utterances an edit touched;
// - a BotRule looks at the bot as a whole, on every check; it must be cheap;
// - a WorkspaceRule looks across the bots of a workspace.
import type { NativeDocument, NativeBot } from '../model/bot';
import type { TrainingIndex, UtteranceRecord } from '../model/training';
import type { ResolvedOptions } from '../../../definitions/options';
import type { Finding } from '../../../definitions/types';

export type { ResolvedOptions, ValidationOptions } from '../../../definitions/options';

interface CheckContext {
  bot: NativeBot;
  options: ResolvedOptions;
  /** Whether a code is switched off (a rule may then skip costly work). */
  isOff(code: string): boolean;
}

export interface RuleContext extends CheckContext {
  /** Reports a finding in one of the bot's files. */
  report(file: string, finding: Finding): void;
}

export interface FileRuleContext extends CheckContext {
  /** The file checked, one of the bot's files. */
  file: string;
  /** Its parse and facts. */
  doc: NativeDocument;
  /** Reports a finding in this file. */
  report(finding: Finding): void;
}

export interface RecordRuleContext extends CheckContext {
  /** The bot's utterances, indexed (kept up to date across changes by the workspace). */
  training: TrainingIndex;
  /** Orders records as the bot's files and offsets do, so "first" means first in reading order. */
  order(a: UtteranceRecord, b: UtteranceRecord): number;
  /** The records of a group in reading order (sorted once per check). */
  sorted(group: readonly UtteranceRecord[]): readonly UtteranceRecord[];
  /** Reports a finding in the file of the record checked. */
  report(finding: Finding): void;
}

/** A check of one file against its bot. A new check is a new file and one line in the list. */
export interface FileRule {
  /** The codes this rule reports (documented in docs/diagnostics.md). */
  codes: readonly string[];
  check(ctx: FileRuleContext): void;
}

/** A check of one utterance of the training index. */
export interface RecordRule {
  codes: readonly string[];
  check(ctx: RecordRuleContext, record: UtteranceRecord): void;
}

/** A check over one bot as a whole, run on every check of the bot: keep it cheap. */
export interface BotRule {
  codes: readonly string[];
  check(ctx: RuleContext): void;
}
