/**
 * Where everything lives under `.botversions/`:
 *
 *   config.json                       the only mutable file (pipeline, protected, retention, gates)
 *   .gitignore, .gitattributes        written once by the store
 *   objects/ab/cdef…                  file contents and trees, named by SHA-256 (2 + 62 hex)
 *   bots/<bot-id>/versions/<sha>.json version records
 *   bots/<bot-id>/environments/<sha>.json  environment events (set, promote, rollback)
 *   bots/<bot-id>/marks/<sha>.json    restore, pin/unpin and deletion records
 *   releases/<sha>.json               releases and their rejections
 *   local/                            this machine only (git-ignored): lock, journals, caches
 */
import { join } from 'node:path';

/** Name of the store folder at the workspace root. */
export const STORE_DIR = '.botversions';

/** Record folders of one bot. */
export type BotRecordDir = 'versions' | 'environments' | 'marks';

/** Absolute paths of the parts of a store. */
export class StoreLayout {
  readonly store: string;
  constructor(readonly root: string) {
    this.store = join(root, STORE_DIR);
  }
  get config(): string {
    return join(this.store, 'config.json');
  }
  get objects(): string {
    return join(this.store, 'objects');
  }
  object(sha: string): string {
    return join(this.store, 'objects', sha.slice(0, 2), sha.slice(2));
  }
  get bots(): string {
    return join(this.store, 'bots');
  }
  botDir(bot: string, kind: BotRecordDir): string {
    return join(this.store, 'bots', bot, kind);
  }
  get releases(): string {
    return join(this.store, 'releases');
  }
  get local(): string {
    return join(this.store, 'local');
  }
  get lock(): string {
    return join(this.store, 'local', 'lock');
  }
  get journals(): string {
    return join(this.store, 'local', 'journal');
  }
  journal(bot: string): string {
    return join(this.store, 'local', 'journal', `${bot}.json`);
  }
  statCache(bot: string): string {
    return join(this.store, 'local', 'cache', `stat-${bot}.json`);
  }
}

/** File name of a record whose bytes hash to `sha`. */
export function recordFileName(sha: string): string {
  return `${sha}.json`;
}

/** The hash a record file name claims, or null for names that are not records. */
export function recordHashOf(name: string): string | null {
  const m = /^([0-9a-f]{64})\.json$/.exec(name);
  return m ? m[1]! : null;
}
