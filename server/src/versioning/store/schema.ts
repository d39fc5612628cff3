/**
 * The record formats. Each record is one canonical-JSON file named by its hash, written
 * once and never changed. `format` lets later releases read older stores; a reader that
 * meets an unknown `type` or `format` reports it instead of guessing.
 */
import type { GateOutcome, GatesOutcome, LocaleOrigin, VersionOrigin } from '../types';
import { isSha256 } from './hash';

/** Current format of every record. */
export const RECORD_FORMAT = 1;

interface Base {
  format: 1;
  /** When the action happened (ISO, UTC, ms). Orders records with the id as tie-breaker. */
  at: string;
  author: string;
  /** Random, so that two otherwise equal actions are two records. */
  nonce: string;
}

/** A saved version. */
export interface VersionRecord extends Base {
  type: 'version';
  bot: string;
  number: number;
  name: string;
  description: string;
  parent: string | null;
  /** Object holding the tree (full, or a delta against a full tree). */
  tree: string;
  /** Hash of the canonical full file list. */
  content: string;
  files: number;
  bytes: number;
  origin: VersionOrigin;
  forced?: { reason: string };
  /**
   * Per locale, where its files came from: the working copy (`from` null) or an older version.
   * Written by saves of a bot whose format keeps locales in files of their own; absent on other
   * versions and on versions of stores that predate it (readers that predate it ignore it).
   */
  locales?: LocaleOrigin[];
}


/** An environment change. */
export interface EnvironmentRecord extends Base {
  type: 'environment';
  bot: string;
  environment: string;
  action: 'set' | 'promote' | 'rollback';
  version: string;
  number: number;
  previous: string | null;
  previousNumber: number | null;
  from?: string;
  skipped?: string[];
  gate: GateOutcome;
  /** What each gate found, or that they were skipped (absent on events of a store before gates ran commands; readers that predate it ignore it). */
  gates?: GatesOutcome;
  /** The scheduled promotion this event carried out. */
  schedule?: string;
}

/** The working copy was restored to a version. */
export interface RestoreRecord extends Base {
  type: 'restore';
  bot: string;
  version: string;
  number: number;
}

/** A version was pinned (kept by retention) or unpinned. */
export interface PinRecord extends Base {
  type: 'pin';
  bot: string;
  version: string;
  number: number;
  pinned: boolean;
}

/** A version was deleted (its record file is removed; this mark stays). */
export interface DeletionRecord extends Base {
  type: 'deletion';
  bot: string;
  version: string;
  number: number;
  name: string;
  /** Origin of the deleted version, so that an accepted release stays accepted. */
  origin: VersionOrigin;
  reason: 'user' | 'retention';
}

/** A version of one bot offered to another. Accepting it writes a version whose origin names it. */
export interface ReleaseRecord extends Base {
  type: 'release';
  fromBot: string;
  fromVersion: string;
  fromNumber: number;
  toBot: string;
  name: string;
  description: string;
}

/** A release was rejected. */
export interface RejectionRecord extends Base {
  type: 'rejection';
  release: string;
  bot: string;
  reason: string;
}

/**
 * A promotion to carry out later (`botv promote --at`), by `botv schedule run`. It names the
 * version its source stage held when it was made: a source that holds another one when it
 * is due refuses it. It is pending until an environment event names it or a cancellation
 * ends it (the earlier of the two, by time then id, when a merge brings both).
 */
export interface ScheduleRecord extends Base {
  type: 'schedule';
  bot: string;
  environment: string;
  from: string;
  version: string;
  number: number;
  /** When it is due (ISO, UTC, ms). */
  due: string;
  /** Stages it skips on purpose (promoted --from an earlier stage). */
  skipped?: string[];
  note?: string;
}

/** The end of a scheduled promotion that was not carried out: cancelled by someone, refused when due (the source moved, a gate failed), or not needed (the environment held the version already). */
export interface CancellationRecord extends Base {
  type: 'cancellation';
  bot: string;
  schedule: string;
  outcome: 'cancelled' | 'refused' | 'unneeded';
  reason: string;
  /** A refusal by gates: what they found. */
  gates?: GatesOutcome;
}

/** Any record. */
export type StoreRecord = VersionRecord | EnvironmentRecord | RestoreRecord | PinRecord | DeletionRecord | ReleaseRecord | RejectionRecord | ScheduleRecord | CancellationRecord;

/** A record of a bot's schedules folder. */
export type ScheduleMarkRecord = ScheduleRecord | CancellationRecord;

/** A mark of a bot. */
export type MarkRecord = RestoreRecord | PinRecord | DeletionRecord;

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const int: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const bool: Check = (v) => typeof v === 'boolean';
const sha: Check = isSha256;
const iso: Check = (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v);
const nullable = (c: Check): Check => (v) => v === null || c(v);
const optional = (c: Check): Check => (v) => v === undefined || c(v);
const oneOf = (...xs: string[]): Check => (v) => typeof v === 'string' && xs.includes(v);
const strings: Check = (v) => Array.isArray(v) && v.every(str);
const obj = (shape: Record<string, Check>): Check => (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.entries(shape).every(([k, c]) => c((v as Record<string, unknown>)[k]));
};

const origin: Check = (v) => {
  const o = v as { kind?: unknown } | null;
  switch (o?.kind) {
    case 'saved':
      return true;
    case 'auto-saved':
      return obj({ before: oneOf('restore', 'release-accept') })(v);
    case 'restored':
    case 'copied':
      return obj({ from: sha, fromNumber: int })(v);
    case 'released':
      return obj({ release: sha, fromBot: str, fromVersion: sha, fromNumber: int })(v);
    default:
      return false;
  }
};

const gate = obj({
  checked: bool,
  errors: int,
  warnings: int,
  override: optional(obj({ reason: str })),
});

const num: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const gateRun = obj({
  name: str,
  kind: oneOf('validation', 'tests', 'command'),
  verdict: oneOf('passed', 'failed'),
  summary: str,
  durationMs: num,
  content: sha,
  command: optional(str),
  exitCode: optional(nullable((v) => Number.isSafeInteger(v))),
  signal: optional(nullable(str)),
  timedOut: optional(bool),
  errors: optional(int),
  warnings: optional(int),
  output: optional(str),
  outputBytes: optional(int),
});
const gates = obj({
  runs: (v) => Array.isArray(v) && v.every(gateRun),
  skipped: optional(obj({ reason: str })),
});

const base = { format: (v: unknown) => v === RECORD_FORMAT, at: iso, author: str, nonce: str };

const shapes: Record<StoreRecord['type'], Check> = {
  version: obj({
    ...base,
    bot: str,
    number: int,
    name: str,
    description: str,
    parent: nullable(sha),
    tree: sha,
    content: sha,
    files: int,
    bytes: int,
    origin,
    forced: optional(obj({ reason: str })),
    locales: optional((v) => Array.isArray(v) && v.every(obj({ locale: str, from: nullable(sha), fromNumber: nullable(int) }))),
  }),
  environment: obj({
    ...base,
    bot: str,
    environment: str,
    action: oneOf('set', 'promote', 'rollback'),
    version: sha,
    number: int,
    previous: nullable(sha),
    previousNumber: nullable(int),
    from: optional(str),
    skipped: optional(strings),
    gate,
    gates: optional(gates),
    schedule: optional(sha),
  }),
  restore: obj({ ...base, bot: str, version: sha, number: int }),
  pin: obj({ ...base, bot: str, version: sha, number: int, pinned: bool }),
  deletion: obj({ ...base, bot: str, version: sha, number: int, name: str, origin, reason: oneOf('user', 'retention') }),
  release: obj({ ...base, fromBot: str, fromVersion: sha, fromNumber: int, toBot: str, name: str, description: str }),
  rejection: obj({ ...base, release: sha, bot: str, reason: str }),
  schedule: obj({ ...base, bot: str, environment: str, from: str, version: sha, number: int, due: iso, skipped: optional(strings), note: optional(str) }),
  cancellation: obj({ ...base, bot: str, schedule: sha, outcome: oneOf('cancelled', 'refused', 'unneeded'), reason: str, gates: optional(gates) }),
};

/** Checks a parsed record; returns what is wrong, or null when it is well formed. */
export function checkRecord(v: unknown, expected: ReadonlyArray<StoreRecord['type']>): string | null {
  const type = (v as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(type in shapes)) return `unknown record type ${JSON.stringify(type)}`;
  if (!expected.includes(type as StoreRecord['type'])) return `a ${type} record does not belong in this folder`;
  const format = (v as { format?: unknown }).format;
  if (format !== RECORD_FORMAT) return `record format ${JSON.stringify(format)} is not supported by this version of Bot Versions; update it`;
  if (!shapes[type as StoreRecord['type']](v)) return `the ${type} record is missing fields or has fields of the wrong type`;
  return null;
}
