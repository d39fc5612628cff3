// The interface LivePerson checks implement; the list is in rules/index.ts. A check reads the
// bot's model and reports findings in its one file; the session runs them again when the
// file changes.
import type { Finding, ResolvedOptions } from '../../../definitions/index';
import type { LivePersonBot } from '../model';

export interface LivePersonRuleContext {
  bot: LivePersonBot;
  options: ResolvedOptions;
  /** Whether a code is switched off (a rule may then skip costly work). */
  isOff(code: string): boolean;
  /** Reports a finding in the bot's file. */
  report(finding: Finding): void;
}

/** A check of a LivePerson bot. A new check is a new file and one line in the list. */
export interface LivePersonRule {
  /** The codes this rule reports (documented in docs/diagnostics.md). */
  codes: readonly string[];
  /**
   * Whether the check concludes from what the file lacks (an id nothing defines): it is not
   * run while the JSON does not parse, when what the file defines is not known.
   */
  needsWholeFile: boolean;
  check(ctx: LivePersonRuleContext): void;
}
