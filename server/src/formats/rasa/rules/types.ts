// The interface Rasa checks implement; the list is in rules/index.ts. A check reads the whole
// project's model and reports findings in any of its files; the session runs them all again
// when a file changes, on the model patched with that file (session.ts): what a check works
// out from one file or from tables the change left alone, it may keep (rules/memo.ts,
// reportMemo in dialogueWalk.ts, the uses of each file in uses.ts).
import type { Finding, ResolvedOptions } from '../../../definitions/index';
import type { RasaBot } from '../model';

export interface RasaRuleContext {
  bot: RasaBot;
  options: ResolvedOptions;
  /** Whether a code is switched off (a rule may then skip costly work). */
  isOff(code: string): boolean;
  /** Reports a finding in one of the project's files. */
  report(file: string, finding: Finding): void;
}

/** A check of a Rasa project. A new check is a new file and one line in the list. */
export interface RasaRule {
  /** The codes this rule reports (documented in docs/diagnostics.md). */
  codes: readonly string[];
  check(ctx: RasaRuleContext): void;
}
