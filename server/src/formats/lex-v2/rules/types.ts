// The interface Lex V2 checks implement; the list is in rules/index.ts. A check reads the
// whole export's model and reports findings in any of its files.
import type { Finding, ResolvedOptions } from '../../../definitions/index';
import type { LexBot } from '../model';

export interface LexRuleContext {
  bot: LexBot;
  options: ResolvedOptions;
  /** Whether a code is switched off (a rule may then skip costly work). */
  isOff(code: string): boolean;
  /** Reports a finding in one of the export's files. */
  report(file: string, finding: Finding): void;
  /** A file's text (for offsets inside a string). */
  text(file: string): string;
}

/** A check of a Lex V2 export. A new check is a new file and one line in the list. */
export interface LexRule {
  /** The codes this rule reports (documented in docs/diagnostics.md). */
  codes: readonly string[];
  check(ctx: LexRuleContext): void;
}
