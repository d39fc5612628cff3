// The interface Dialogflow ES checks implement; the list is in rules/index.ts. A check reads
// the whole agent's model and reports findings in any of its files.
import type { Finding, ResolvedOptions } from '../../../definitions/index';
import type { EsBot } from '../model';

export interface EsRuleContext {
  bot: EsBot;
  options: ResolvedOptions;
  isOff(code: string): boolean;
  report(file: string, finding: Finding): void;
}

/** A check of an ES agent. A new check is a new file and one line in the list. */
export interface EsRule {
  codes: readonly string[];
  check(ctx: EsRuleContext): void;
}
