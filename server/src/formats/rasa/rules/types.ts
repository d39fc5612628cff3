// The interface Rasa checks implement; the list is in rules/index.ts. A check reads the whole
// project's model and reports findings in any of its files; the session runs them all again
// when a file changes (a project's model is rebuilt from cached facts, so this stays fast).
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
