// Validation settings, shared by every format: what the caller may set, and the settings
// with their defaults filled in.
import type { Severity } from './types';

/** The pipeline when the caller names none. */
export const DEFAULT_ENVIRONMENTS: readonly string[] = ['development', 'staging', 'production'];

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

export const DEFAULT_MIN_UTTERANCES = 3;
export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.8;
export const DEFAULT_MAX_PROBLEMS_PER_FILE = 1000;

/** Fills in defaults and clamps numbers to sensible ranges. */
export function resolveOptions(o: ValidationOptions = {}): ResolvedOptions {
  const num = (v: number | undefined, dflt: number, lo: number, hi: number): number =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : dflt;
  return {
    severities: { ...(o.severities ?? {}) },
    minUtterances: Math.round(num(o.minUtterances, DEFAULT_MIN_UTTERANCES, 0, 10_000)),
    nearDuplicateThreshold: num(o.nearDuplicateThreshold, DEFAULT_NEAR_DUPLICATE_THRESHOLD, 0.5, 1),
    environments: o.environments && o.environments.length ? [...o.environments] : DEFAULT_ENVIRONMENTS,
    protectedBots: o.protectedBots ?? new Map(),
    maxProblemsPerFile: Math.round(num(o.maxProblemsPerFile, DEFAULT_MAX_PROBLEMS_PER_FILE, 1, 1_000_000)),
  };
}
