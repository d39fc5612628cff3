/** Whether a bot's working copy differs from the version it came from, and how. */
import type { WorkingCopyStatus } from '../types';
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
