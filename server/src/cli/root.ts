/** Finding the workspace a command works on. */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BotvError, STORE_DIR } from '../versioning/index';

/**
 * The workspace root: `--root` if given; else the nearest folder at or above `cwd` that
 * holds `.botversions/`; else the git top-level of `cwd`; else `cwd` itself.
 */
export function findWorkspaceRoot(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const r = resolve(cwd, explicit);
    if (!existsSync(r) || !statSync(r).isDirectory()) {
      throw new BotvError('BAD_ARGUMENT', `--root ${explicit}: no such folder. Give the folder that holds your bots (and .botversions/).`);
    }
    return r;
  }
  for (let d = resolve(cwd); ; d = dirname(d)) {
    if (existsSync(join(d, STORE_DIR))) return d;
    if (dirname(d) === d) break;
  }
  try {
    const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', timeout: 3000 });
    if (r.status === 0 && r.stdout.trim()) return resolve(r.stdout.trim());
  } catch {
    // No git: use cwd.
  }
  return resolve(cwd);
}
