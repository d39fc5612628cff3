/**
 * A bot's state, derived from its records: live versions, environment events, marks and
 * the releases that concern it. Records are ordered by (time, id), which every clone
 * computes alike, so a merged store resolves to the same state whichever way it merged.
 */
import type { Stored } from '../store/records';
import type { CancellationRecord, DeletionRecord, EnvironmentRecord, MarkRecord, PinRecord, RejectionRecord, ReleaseRecord, RestoreRecord, ScheduleMarkRecord, ScheduleRecord, StoreRecord, VersionRecord } from '../store/schema';
import { shortId } from '../store/hash';
import type { Core } from './context';
import type { StoreConfig, VersionInfo, VersionRef } from '../types';

/** Everything recorded about one bot. */
export interface BotState {
  bot: string;
  /** Live versions, oldest first. */
  versions: Stored<VersionRecord>[];
  byId: Map<string, Stored<VersionRecord>>;
  deletions: Stored<DeletionRecord>[];
  events: Stored<EnvironmentRecord>[];
  marks: Stored<MarkRecord>[];
  releasesIn: Stored<ReleaseRecord>[];
  releasesOut: Stored<ReleaseRecord>[];
  rejections: Stored<RejectionRecord>[];
  /** Scheduled promotions and the cancellations that ended some of them, oldest first. */
  schedules: Stored<ScheduleRecord>[];
  cancellations: Stored<CancellationRecord>[];
  /** Latest time of any record of the bot (ISO), for a clock that never goes back. */
  maxAt: string | null;
  /** How many live versions carry each number (computed on first use; reset when versions change). */
  numberCounts?: Map<number, number>;
}

/** Orders records by time, then id. */
export function byTime(a: { id: string; record: { at: string } }, b: { id: string; record: { at: string } }): number {
  if (a.record.at !== b.record.at) return a.record.at < b.record.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Reads every release and rejection of the workspace. */
export async function loadReleases(core: Core): Promise<{ releases: Stored<ReleaseRecord>[]; rejections: Stored<RejectionRecord>[] }> {
  await core.caughtUp();
  const all = await core.records.list<ReleaseRecord | RejectionRecord>(core.layout.releases, ['release', 'rejection']);
  const releases = all.filter((r): r is Stored<ReleaseRecord> => r.record.type === 'release').sort(byTime);
  const rejections = all.filter((r): r is Stored<RejectionRecord> => r.record.type === 'rejection').sort(byTime);
  return { releases, rejections };
}

/** Loads a bot's records (after this process's last write has finished). Damaged records throw CORRUPT naming the file. */
export async function loadBotState(core: Core, bot: string): Promise<BotState> {
  await core.caughtUp();
  const [versionRecs, events, marks, scheduleRecs, rel] = await Promise.all([
    core.records.list<VersionRecord>(core.layout.botDir(bot, 'versions'), ['version']),
    core.records.list<EnvironmentRecord>(core.layout.botDir(bot, 'environments'), ['environment']),
    core.records.list<MarkRecord>(core.layout.botDir(bot, 'marks'), ['restore', 'pin', 'deletion']),
    core.records.list<ScheduleMarkRecord>(core.layout.botDir(bot, 'schedules'), ['schedule', 'cancellation']),
    loadReleases(core),
  ]);
  const own = <T extends { bot: string }>(r: Stored<T & StoreRecord>) => r.record.bot === bot;
  const deletions = marks.filter((m): m is Stored<DeletionRecord> => m.record.type === 'deletion' && own(m));
  const deleted = new Set(deletions.map((d) => d.record.version));
  const versions = versionRecs.filter((v) => own(v) && !deleted.has(v.id)).sort(byTime);
  const sortedEvents = events.filter(own).sort(byTime);
  const sortedMarks = marks.filter(own).sort(byTime);
  const releasesIn = rel.releases.filter((r) => r.record.toBot === bot);
  const releasesOut = rel.releases.filter((r) => r.record.fromBot === bot);
  const relIds = new Set(releasesIn.map((r) => r.id));
  const rejections = rel.rejections.filter((r) => relIds.has(r.record.release));
  const ownSchedules = scheduleRecs.filter(own).sort(byTime);
  const schedules = ownSchedules.filter((r): r is Stored<ScheduleRecord> => r.record.type === 'schedule');
  const cancellations = ownSchedules.filter((r): r is Stored<CancellationRecord> => r.record.type === 'cancellation');
  let maxAt: string | null = null;
  for (const list of [versionRecs, events, marks, scheduleRecs, releasesIn, releasesOut, rejections] as Array<Stored[]>) {
    for (const r of list) if (maxAt === null || r.record.at > maxAt) maxAt = r.record.at;
  }
  return {
    bot,
    versions,
    byId: new Map(versions.map((v) => [v.id, v])),
    deletions: deletions.sort(byTime),
    events: sortedEvents,
    marks: sortedMarks,
    releasesIn,
    releasesOut,
    rejections,
    schedules,
    cancellations,
    maxAt,
  };
}

/** The time for a new record: now, but never before the bot's latest record. */
export function nextTime(core: Core, state: BotState): string {
  let t = core.now();
  if (state.maxAt !== null) t = Math.max(t, Date.parse(state.maxAt) + 1);
  return new Date(t).toISOString();
}

/** Label of a version: `v13`, or `v13~a1b2c3d4` when the number is shared after a merge. */
export function labelOf(state: BotState, v: Stored<VersionRecord>): string {
  let counts = state.numberCounts;
  if (!counts) {
    counts = new Map();
    for (const x of state.versions) counts.set(x.record.number, (counts.get(x.record.number) ?? 0) + 1);
    state.numberCounts = counts;
  }
  return (counts.get(v.record.number) ?? 0) > 1 ? `v${v.record.number}~${shortId(v.id)}` : `v${v.record.number}`;
}

/** A short handle on a version. */
export function refOf(state: BotState, v: Stored<VersionRecord>): VersionRef {
  return { id: v.id, number: v.record.number, label: labelOf(state, v) };
}

/** A handle on a version that may have been deleted since a record named it. */
export function refById(state: BotState, id: string, number: number): VersionRef {
  const v = state.byId.get(id);
  return v ? refOf(state, v) : { id, number, label: `v${number}` };
}

/** The latest event of each environment. */
export function currentEvents(state: BotState): Map<string, Stored<EnvironmentRecord>> {
  const m = new Map<string, Stored<EnvironmentRecord>>();
  for (const e of state.events) m.set(e.record.environment, e); // sorted: last wins
  return m;
}

/**
 * The versions an environment held, as a stack: set and promote push, a rollback pops
 * back to what was held before (or pushes its explicit target). Rolling back again keeps
 * going back. The top is always the current version.
 */
export function environmentStack(state: BotState, env: string): string[] {
  const stack: string[] = [];
  for (const e of state.events) {
    if (e.record.environment !== env) continue;
    const r = e.record;
    if (r.action === 'rollback' && stack.length >= 2 && stack[stack.length - 2] === r.version) {
      stack.pop();
    } else if (r.action === 'rollback') {
      // A rollback to a chosen version, or after a merge interleaved events: keep what
      // was held below, so the next rollback still goes back.
      while (stack.length > 0 && stack[stack.length - 1] !== r.version && stack.includes(r.version)) stack.pop();
      if (stack[stack.length - 1] !== r.version) stack.push(r.version);
    } else if (stack[stack.length - 1] !== r.version) {
      stack.push(r.version);
    }
  }
  return stack;
}

/** Whether a version is pinned (its latest pin mark says so). */
export function pinnedIds(state: BotState): Set<string> {
  const latest = new Map<string, PinRecord>();
  for (const m of state.marks) if (m.record.type === 'pin') latest.set(m.record.version, m.record);
  return new Set([...latest].filter(([, r]) => r.pinned).map(([id]) => id));
}

/** The version the working copy came from: the latest save, acceptance or restore. */
export function baseVersion(state: BotState): Stored<VersionRecord> | null {
  type Cand = { id: string; record: { at: string }; version: string };
  const cands: Cand[] = [];
  for (const v of state.versions) if (v.record.origin.kind !== 'copied') cands.push({ id: v.id, record: v.record, version: v.id });
  for (const m of state.marks) if (m.record.type === 'restore') cands.push({ id: m.id, record: m.record, version: (m.record as RestoreRecord).version });
  cands.sort(byTime);
  for (let i = cands.length - 1; i >= 0; i--) {
    const v = state.byId.get(cands[i]!.version);
    if (v) return v;
  }
  return null;
}

/** The latest restore mark, if it is the newest base-setting action. */
export function lastRestore(state: BotState): Stored<RestoreRecord> | null {
  const base = baseVersion(state);
  const restores = state.marks.filter((m): m is Stored<RestoreRecord> => m.record.type === 'restore');
  const last = restores[restores.length - 1];
  if (!last || !base) return null;
  const newerSave = state.versions.some((v) => v.record.origin.kind !== 'copied' && byTime(v, last) > 0);
  return newerSave ? null : last;
}

/** Which environments hold each version now, in pipeline order. */
export function holders(state: BotState, config: StoreConfig): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const cur = currentEvents(state);
  const order = (e: string) => {
    const i = config.pipeline.indexOf(e);
    return i < 0 ? config.pipeline.length : i;
  };
  const envs = [...cur.keys()].sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
  for (const env of envs) {
    const v = cur.get(env)!.record.version;
    m.set(v, [...(m.get(v) ?? []), env]);
  }
  return m;
}

const NONE: ReadonlySet<string> = new Set();

/** The listing form of a version; `stale` holds the stale versions (core/usage.ts). */
export function versionInfo(state: BotState, v: Stored<VersionRecord>, held: Map<string, string[]>, pinned: Set<string>, stale: ReadonlySet<string> = NONE): VersionInfo {
  const r = v.record;
  const info: VersionInfo = {
    id: v.id,
    number: r.number,
    label: labelOf(state, v),
    bot: r.bot,
    shortId: shortId(v.id),
    name: r.name,
    description: r.description,
    author: r.author,
    createdAt: r.at,
    parent: r.parent,
    origin: r.origin,
    files: r.files,
    bytes: r.bytes,
    contentHash: r.content,
    environments: held.get(v.id) ?? [],
    pinned: pinned.has(v.id),
    stale: stale.has(v.id),
  };
  if (r.forced) info.forced = r.forced;
  if (r.locales) info.locales = r.locales;
  return info;
}

/** A release's status: accepted when a version of the target records it, else rejected or pending. */
export function releaseStatus(state: BotState, releaseId: string): { status: 'pending' | 'accepted' | 'rejected'; version?: Stored<VersionRecord>; rejection?: Stored<RejectionRecord> } {
  const accepted = state.versions.find((v) => v.record.origin.kind === 'released' && v.record.origin.release === releaseId);
  if (accepted) return { status: 'accepted', version: accepted };
  const gone = state.deletions.find((d) => d.record.origin.kind === 'released' && d.record.origin.release === releaseId);
  if (gone) return { status: 'accepted' };
  const rejection = state.rejections.find((r) => r.record.release === releaseId);
  if (rejection) return { status: 'rejected', rejection };
  return { status: 'pending' };
}
