/**
 * Retention: keep the newest N versions of a bot, and never remove one that is still
 * needed — held by an environment, among the last versions an environment held (so that
 * rollback keeps working), carried by a pending release, pinned, or the version the
 * working copy came from.
 */
import type { Stored } from '../store/records';
import type { VersionRecord } from '../store/schema';
import type { RetentionResult, StoreConfig } from '../types';
import type { Core } from './context';
import { pendingReleasesOf } from './pending';
import { baseVersion, byTime, currentEvents, environmentStack, loadBotState, pinnedIds, refOf, type BotState } from './state';
import { deleteLocked } from './deletion';

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
  }
  for (const r of await pendingReleasesOf(core, state)) add(r.record.fromVersion, `carried by pending release ${r.id.slice(0, 8)} to ${r.record.toBot}`);
  for (const id of pinnedIds(state)) add(id, 'pinned');
  const base = baseVersion(state);
  if (base) add(base.id, 'the working copy came from it');
  return why;
}

/** Applies retention while holding the lock. */
export async function applyRetentionLocked(core: Core, state: BotState, config: StoreConfig, keep: number, dryRun: boolean): Promise<RetentionResult> {
  const newestFirst = [...state.versions].sort(byTime).reverse();
  const needed = await neededVersions(core, state, config);
  const remove: Stored<VersionRecord>[] = [];
  const retained: RetentionResult['retained'] = [];
  newestFirst.forEach((v, i) => {
    if (i < keep) return;
    const reason = needed.get(v.id);
    if (reason) retained.push({ ...refOf(state, v), reason });
    else remove.push(v);
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
