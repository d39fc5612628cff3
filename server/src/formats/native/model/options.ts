// Validation settings with their defaults.
import type { ResolvedOptions, ValidationOptions } from '../rules/types';
import { DEFAULT_ENVIRONMENTS } from './builtins';

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
