/**
 * Bot Versions' versioning core: versions, environments and releases of bots defined as
 * files, stored in `.botversions/` beside them. Pure TypeScript over an injectable file
 * system; no editor or LSP dependency.
 */
import { Core } from './core/context';
import { recoverJournals } from './core/journal';
import type { WorkspaceOptions } from './types';
import { normalizeRoot, Workspace } from './workspace';

/** Opens the workspace at `root` (the store is created by the first write). */
export async function openWorkspace(root: string, options: WorkspaceOptions = {}): Promise<Workspace> {
  const core = new Core(normalizeRoot(root), options);
  core.recoverJournals = recoverJournals;
  return new Workspace(core);
}

export { Workspace, type Override } from './workspace';
export { BotvError, isBotvError, type BotvErrorCode } from './errors';
export { nodeFs, type StoreFs, type DirEntry, type FileStat, type WriteHandle, type EntryKind } from './fs/fsio';
export { STORE_DIR } from './store/layout';
export { DEFAULT_PIPELINE } from './store/config';
export { WORKING } from './core/diff';
export { EXPORT_MANIFEST } from './core/export';
export { pathProblem, treeProblems } from './workingcopy/paths';
export type * from './types';
