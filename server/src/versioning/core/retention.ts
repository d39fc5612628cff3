/**
 * Retention: keep the newest N versions of a bot, and never remove one that is still
 * needed — held by an environment, held by one just before what it holds now, among the
 * last versions an environment held (so that rollback keeps working), carried by a pending
 * release or a pending schedule, pinned, or the version the working copy came from. When
 * versions must go, stale ones (unused for `retention.staleAfterDays`) go first, oldest
 * first, even from among the newest N; then the oldest of the others beyond the newest N.
 */
import type { RetentionResult, StoreConfig } from '../types';
import type { Core } from './context';
import { pendingReleasesOf } from './pending';
import { baseVersion, byTime, currentEvents, environmentStack, loadBotState, pinnedIds, refOf, type BotState } from './state';
import { deleteLocked } from './deletion';
import { pendingSchedules } from './schedules';
import { staleIds } from './usage';

/** Why each version must be kept regardless of age. */
async function neededVersions(core: Core, state: BotState, config: StoreConfig): Promise<Map<string, string>> {
  const why = new Map<string, string>();
  const add = (id: string, reason: string) => {
    if (!why.has(id)) why.set(id, reason);
  };
  for (const [env, e] of currentEvents(state)) add(e.record.version, `held by ${env}`);
  const envs = new Set(state.events.map((e) => e.record.environment));
  for (const env of envs) {
    const stack = environmentStack(state, env);
    const recent: string[] = [];
    for (let i = stack.length - 1; i >= 0 && recent.length < config.retention.keepEnvironmentHistory; i--) {
      if (!recent.includes(stack[i]!)) recent.push(stack[i]!);
    }
    for (const id of recent) add(id, `in ${env}'s rollback history`);
    // What it held last before what it holds now, whatever keepEnvironmentHistory says.
    const mine = state.events.filter((e) => e.record.environment === env);
    const now = mine[mine.length - 1]!.record.version;
    const before = [...mine].reverse().find((e) => e.record.version !== now);
    if (before) add(before.record.version, `held by ${env} just before what it holds now`);
  }
  for (const r of await pendingReleasesOf(core, state)) add(r.record.fromVersion, `carried by pending release ${r.id.slice(0, 8)} to ${r.record.toBot}`);
  for (const s of pendingSchedules(state)) add(s.record.version, `scheduled for ${s.record.environment} at ${s.record.due}`);
  for (const id of pinnedIds(state)) add(id, 'pinned');
  const base = baseVersion(state);
  if (base) add(base.id, 'the working copy came from it');
  return why;
}

/** Applies retention while holding the lock. */
export async function applyRetentionLocked(core: Core, state: BotState, config: StoreConfig, keep: number, dryRun: boolean): Promise<RetentionResult> {
  const newestFirst = [...state.versions].sort(byTime).reverse();
  const needed = await neededVersions(core, state, config);
  const stale = staleIds(state, config, core.now());
  const retained: RetentionResult['retained'] = [];
  // As many go as the unneeded versions beyond the newest N; stale ones are chosen first.
  const beyond = newestFirst.slice(keep).filter((v) => !needed.has(v.id));
  const oldestFirst = [...newestFirst].reverse();
  const staleFirst = [...oldestFirst.filter((v) => stale.has(v.id) && !needed.has(v.id)), ...[...beyond].reverse().filter((v) => !stale.has(v.id))];
  const chosen = new Set(staleFirst.slice(0, beyond.length).map((v) => v.id));
  const remove = oldestFirst.filter((v) => chosen.has(v.id)).reverse();
  newestFirst.forEach((v, i) => {
    if (i < keep || chosen.has(v.id)) return;
    retained.push({ ...refOf(state, v), reason: needed.get(v.id) ?? 'used recently: stale versions went in its place' });
  });
  const removed = remove.map((v) => refOf(state, v));
  if (!dryRun) await deleteLocked(core, state, remove, 'retention');
  return { keep, removed, retained };
}

/** Applies retention to a bot: `keep` defaults to the configured `retention.keep`. */
export async function applyRetention(core: Core, botId: string, opts: { keep?: number; dryRun?: boolean } = {}): Promise<RetentionResult> {
  const run = async (): Promise<RetentionResult> => {
    const bot = await core.bot(botId);
    const config = await core.config();
    const keep = opts.keep ?? config.retention.keep;
    if (keep === null) return { keep: null, removed: [], retained: [] };
    const state = await loadBotState(core, bot.id);
    return applyRetentionLocked(core, state, config, keep, opts.dryRun ?? false);
  };
  return opts.dryRun ? run() : core.write(`retention ${botId}`, run);
}
