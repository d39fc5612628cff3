/**
 * Versions nobody uses. A version is used while an environment holds it and while it is
 * pinned; it is stale when neither has been true for `retention.staleAfterDays` (default
 * 180, as Amazon Lex marks versions it has not used inactive) and it is older than that.
 * The Versions view and `botv versions` mark stale versions, and retention removes them
 * before any other.
 */
import type { StoreConfig } from '../types';
import { currentEvents, pinnedIds, type BotState } from './state';

const DAY_MS = 86_400_000;

/** When each version was last used (ms since the epoch): held by an environment or pinned until then; now for one in use. */
export function lastUse(state: BotState, now: number): Map<string, number> {
  const last = new Map<string, number>();
  const use = (id: string, t: number) => {
    if ((last.get(id) ?? -Infinity) < t) last.set(id, t);
  };
  for (const v of state.versions) use(v.id, Date.parse(v.record.at));
  // An environment holds a version from its event until the next event of that environment.
  const held = new Map<string, string>();
  for (const e of state.events) {
    const t = Date.parse(e.record.at);
    const before = held.get(e.record.environment);
    if (before !== undefined) use(before, t);
    held.set(e.record.environment, e.record.version);
  }
  for (const e of currentEvents(state).values()) use(e.record.version, now);
  // A pin lasts until its unpin.
  for (const m of state.marks) if (m.record.type === 'pin' && !m.record.pinned) use(m.record.version, Date.parse(m.record.at));
  for (const id of pinnedIds(state)) use(id, now);
  return last;
}

/** The versions of `state` that are stale at `now`. */
export function staleIds(state: BotState, config: Pick<StoreConfig, 'retention'>, now: number): Set<string> {
  const limit = config.retention.staleAfterDays * DAY_MS;
  const out = new Set<string>();
  for (const [id, t] of lastUse(state, now)) if (now - t > limit) out.add(id);
  return out;
}
