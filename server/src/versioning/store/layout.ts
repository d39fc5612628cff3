/**
 * Where everything lives under `.botversions/`:
 *
 *   config.json                       the only mutable file (pipeline, protected, retention, gates)
 *   .gitignore, .gitattributes        written once by the store
 *   objects/ab/cdef….hint             file contents and trees, named by SHA-256 (2 + 62 hex)
 *                                     plus a hint of what they hold (see objectHint)
 *   bots/<bot-id>/versions/<sha>.json version records
 *   bots/<bot-id>/environments/<sha>.json  environment events (set, promote, rollback)
 *   bots/<bot-id>/marks/<sha>.json    restore, pin/unpin and deletion records
 *   bots/<bot-id>/schedules/<sha>.json  scheduled promotions and their cancellations
 *   releases/<sha>.json               releases and their rejections
 *   local/                            this machine only (git-ignored): lock, journals, caches,
 *                                     and aside/, the files a restore replaced until it removes them
 */
import { join } from 'node:path';

/** Name of the store folder at the workspace root. */
export const STORE_DIR = '.botversions';

/** Record folders of one bot. */
export type BotRecordDir = 'versions' | 'environments' | 'marks' | 'schedules';

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
  object(sha: string, hint: string): string {
    return join(this.store, 'objects', sha.slice(0, 2), `${sha.slice(2)}${hint ? `.${hint}` : ''}`);
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
  /** Working files a restore or release acceptance replaced, until it removes them after its commit. */
  get aside(): string {
    return join(this.store, 'local', 'aside');
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

/** The hint of tree objects. */
export const TREE_HINT = 'tree';

/**
 * The hint an object of a bot file carries after its hash: the file's base name, lower
 * case, limited to safe characters. Git packs objects by comparing ones whose paths end
 * alike; with the base name at the end of every object's name, the versions of one file
 * sit together and git stores them as deltas (measured: a 100-version store packs to
 * 0.8 MB instead of 2.2 MB). Lower case, so that no two names differ only in case.
 */
export function objectHint(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const safe = base.replace(/[^a-z0-9._-]/g, '-').replace(/^[.-]+/, '').replace(/[.]+$/, '');
  return (safe.length > 40 ? safe.slice(-40).replace(/^[.-]+/, '') : safe) || 'file';
}

/** Splits an object file name into its hash tail and hint, or null when it is not one. */
export function parseObjectName(name: string): { rest: string; hint: string } | null {
  const m = /^([0-9a-f]{62})(?:\.([a-z0-9._-]{1,40}))?$/.exec(name);
  return m ? { rest: m[1]!, hint: m[2] ?? '' } : null;
}

/** File name of a record whose bytes hash to `sha`. */
export function recordFileName(sha: string): string {
  return `${sha}.json`;
}

/** The hash a record file name claims, or null for names that are not records. */
export function recordHashOf(name: string): string | null {
  return name.length === 69 && name.endsWith('.json') && HEX64.test(name.slice(0, 64)) ? name.slice(0, 64) : null;
}

const HEX64 = /^[0-9a-f]{64}$/;
