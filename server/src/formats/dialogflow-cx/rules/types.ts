// The interface Dialogflow CX checks implement; the list is in rules/index.ts. A check reads
// the whole agent's model and reports findings in any of its files.
import type { Finding, ResolvedOptions } from '../../../definitions/index';
import type { CxBot } from '../model';

export interface CxRuleContext {
  bot: CxBot;
  options: ResolvedOptions;
  /** Whether a code is switched off (a rule may then skip costly work). */
  isOff(code: string): boolean;
  /** Reports a finding in one of the agent's files. */
  report(file: string, finding: Finding): void;
}

/**
 * A check of a CX agent. A new check is a new file and one line in the list. A check of the
 * whole agent is `check`; a check of one file whose findings depend only on that file's facts
 * and on the names the agent defines (`CxBot.namesKey`) is `checkFile`, which the session
 * runs again only for a file whose facts or the agent's names changed.
 */
export interface CxRule {
  /** The codes this rule reports (documented in docs/diagnostics.md). */
  codes: readonly string[];
  check?(ctx: CxRuleContext): void;
  /** Reports findings in `file` only. */
  checkFile?(ctx: CxRuleContext, file: string): void;
}
