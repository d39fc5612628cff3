/** Record nonces and version deletion. */
import { randomBytes } from 'node:crypto';
import type { Stored } from '../store/records';
import type { DeletionRecord, VersionRecord } from '../store/schema';
import type { Core } from './context';
import { nextTime, type BotState } from './state';

/** A fresh random nonce for a record. */
export function nonce(): string {
  return randomBytes(8).toString('hex');
}

/** Writes deletion marks, then removes the version records (the marks make it final). */
export async function deleteLocked(core: Core, state: BotState, list: Stored<VersionRecord>[], reason: 'user' | 'retention'): Promise<void> {
  if (list.length === 0) return;
  const at = nextTime(core, state);
  const marks = list.map((v) => {
    const d: DeletionRecord = {
      type: 'deletion',
      format: 1,
      bot: state.bot,
      version: v.id,
      number: v.record.number,
      name: v.record.name,
      origin: v.record.origin,
      reason,
      at,
      author: core.author(),
      nonce: nonce(),
    };
    return core.records.encode(core.layout.botDir(state.bot, 'marks'), d);
  });
  await core.records.write(marks);
  for (const v of list) await core.records.remove(core.layout.botDir(state.bot, 'versions'), v.id);
  const gone = new Set(list.map((v) => v.id));
  state.versions = state.versions.filter((v) => !gone.has(v.id));
  state.numberCounts = undefined;
  for (const id of gone) state.byId.delete(id);
  for (const m of marks) state.deletions.push({ id: m.id, record: m.record as DeletionRecord });
}

