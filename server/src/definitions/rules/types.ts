// The one interface every check implements; the list is in rules/index.ts.
import type { BotModel } from '../model/bot';
import type { TrainingIndex } from '../model/training';
import type { Finding, Severity } from '../types';

/** Validation settings, all optional; see resolveOptions for defaults. */
export interface ValidationOptions {
  /** Per-code severity overrides; `off` drops the code. */
  severities?: Record<string, Severity | 'off'>;
  /** Fewest utterances an intent should have per locale (default 3). */
  minUtterances?: number;
  /** Token-set similarity (Jaccard, 0–1) from which utterances of two intents are near-duplicates (default 0.8). */
  nearDuplicateThreshold?: number;
  /** The pipeline's environments, in order (default development, staging, production). */
  environments?: readonly string[];
  /**
   * Protected bots: bot id → paths (relative to the bot folder, '/'-separated) that differ
   * from the bot's last released version. The caller computes this from the store.
   */
  protectedBots?: ReadonlyMap<string, ReadonlySet<string>>;
  /** At most this many diagnostics per file (default 1000); a summary says how many more. */
  maxProblemsPerFile?: number;
}

export interface ResolvedOptions {
  severities: Record<string, Severity | 'off'>;
  minUtterances: number;
  nearDuplicateThreshold: number;
  environments: readonly string[];
  protectedBots: ReadonlyMap<string, ReadonlySet<string>>;
  maxProblemsPerFile: number;
}

export interface RuleContext {
  bot: BotModel;
  options: ResolvedOptions;
  /** The bot's utterances, indexed (kept up to date across changes by the workspace). */
  training: TrainingIndex;
  /** Whether a code is switched off (a rule may then skip costly work). */
  isOff(code: string): boolean;
  /** Reports a finding in one of the bot's files. */
  report(file: string, finding: Finding): void;
}

/** A check over one bot. A new check is a new file and one line in the list. */
export interface BotRule {
  /** The codes this rule reports (documented in docs/diagnostics.md). */
  codes: readonly string[];
  check(ctx: RuleContext): void;
}

/** A check across the bots of a workspace. */
export interface WorkspaceRule {
  codes: readonly string[];
  check(bots: readonly BotModel[], report: (file: string, finding: Finding) => void): void;
}
