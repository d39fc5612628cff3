/** Which releases from a bot are still pending in their target bots. */
import type { Stored } from '../store/records';
import type { ReleaseRecord } from '../store/schema';
import type { Core } from './context';
import { loadBotState, releaseStatus, type BotState } from './state';

/** Pending releases sent from `state`'s bot (optionally only those carrying one version). */
export async function pendingReleasesOf(core: Core, state: BotState, versionId?: string): Promise<Stored<ReleaseRecord>[]> {
  const out = state.releasesOut.filter((r) => versionId === undefined || r.record.fromVersion === versionId);
  const targets = new Map<string, BotState>();
  const pending: Stored<ReleaseRecord>[] = [];
  for (const r of out) {
    let t = targets.get(r.record.toBot);
    if (!t) {
      t = r.record.toBot === state.bot ? state : await loadBotState(core, r.record.toBot);
      targets.set(r.record.toBot, t);
    }
    if (releaseStatus(t, r.id).status === 'pending') pending.push(r);
  }
  return pending;
}
