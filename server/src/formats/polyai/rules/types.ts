// The interface PolyAI checks implement; the list is in rules/index.ts. A check reads the
// project's model and reports findings in any of its files.
import type { Finding, ResolvedOptions } from '../../../definitions/index';
import type { PolyProject } from '../model';

export interface PolyRuleContext {
  project: PolyProject;
  options: ResolvedOptions;
  isOff(code: string): boolean;
  report(file: string, finding: Finding): void;
}

export interface PolyRule {
  /** The codes this rule reports (documented in docs/diagnostics.md). */
  codes: readonly string[];
  /** Whether it concludes from what the project lacks: it waits while a file does not parse. */
  needsEveryFile: boolean;
  check(ctx: PolyRuleContext): void;
}
