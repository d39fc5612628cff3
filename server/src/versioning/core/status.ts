/** Whether a bot's working copy differs from the version it came from, and how. */
import type { ProtectedEdits, WorkingCopyStatus } from '../types';
import type { Core } from './context';
import { hasJournal } from './journal';
import { baseVersion, loadBotState, refOf } from './state';
import { contentHash } from '../store/tree';
import { scanBot, versionFiles } from './trees';

/** Compares the working copy with its base version (fast: unchanged files are not re-read). */
export async function workingCopyStatus(core: Core, botId: string): Promise<WorkingCopyStatus> {
  const bot = await core.bot(botId);
  const state = await loadBotState(core, bot.id);
  const scan = await scanBot(core, bot);
  const base = baseVersion(state);
  const latest = state.versions[state.versions.length - 1] ?? null;
  const content = contentHash(scan.files);
  const changes: WorkingCopyStatus['changes'] = [];
  if (base && base.record.content !== content) {
    const old = new Map((await versionFiles(core, base)).map((f) => [f.path, f.sha256]));
    const now = new Map(scan.files.map((f) => [f.path, f.sha256]));
    for (const [p, sha] of now) {
      const o = old.get(p);
      if (o === undefined) changes.push({ path: p, change: 'added' });
      else if (o !== sha) changes.push({ path: p, change: 'modified' });
    }
    for (const p of old.keys()) if (!now.has(p)) changes.push({ path: p, change: 'removed' });
    changes.sort((a, b) => (a.path < b.path ? -1 : 1));
  } else if (!base) {
    for (const f of scan.files) changes.push({ path: f.path, change: 'added' });
  }
  return {
    bot: bot.id,
    base: base ? refOf(state, base) : null,
    latest: latest ? refOf(state, latest) : null,
    clean: changes.length === 0,
    changes,
    savedAs: state.versions.filter((v) => v.record.content === content).map((v) => refOf(state, v)),
    interrupted: await hasJournal(core, bot.id),
  };
}

/**
 * The files of each protected bot that differ from the version its working copy came from
 * (`base`): edits made outside a release. The editor's diagnostics and `botv validate`
 * both take them from here.
 *
 * - The comparison is with `base`, not the newest version: a protected bot's base is what
 *   it last took in (a release it accepted, its baseline, a forced save, a restore), and
 *   a copy saved beside it does not change what is on disk. A bot with no base has
 *   nothing to compare with, so it has no edits (its first save is its baseline).
 * - Removed files count. Deleting a released file changes the bot as much as editing it,
 *   and only a release may do either; so removals are listed with the rest, and callers
 *   get every path that differs. (The per-file diagnostic can only mark a file that
 *   exists; a removal shows in the working copy's status and drift.)
 */
export async function protectedEdits(core: Core): Promise<ProtectedEdits[]> {
  // No bot is protected: nothing to look for, and no walk of the workspace to find the bots.
  if ((await core.config()).protected.length === 0) return [];
  const { bots } = await core.discover();
  const out: ProtectedEdits[] = [];
  for (const bot of bots) {
    if (!bot.protected) continue;
    const status = await workingCopyStatus(core, bot.id);
    out.push({ bot: bot.id, base: status.base, changes: status.base ? status.changes : [] });
  }
  return out;
}
