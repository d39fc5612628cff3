/**
 * A guard for workspaces opened read-only (an untrusted workspace in the editor): every
 * call that would change the disk is refused while `readOnly()` holds, so a read path
 * that forgot the option fails loudly instead of writing. The operations refuse first,
 * with a clearer message (see Core.write); this is the second line.
 */
import { BotvError } from '../errors';
import type { StoreFs } from './fsio';

function refuse(what: string, path: string): Promise<never> {
  return Promise.reject(
    new BotvError('READ_ONLY', `This workspace is open read-only, so Bot Versions did not ${what} ${path}. Trust the workspace to let it write.`),
  );
}

/** `fs` with its writing calls refused while `readOnly()` is true. */
export function guardWrites(fs: StoreFs, readOnly: () => boolean): StoreFs {
  return {
    readFile: (p) => fs.readFile(p),
    readdir: (p) => fs.readdir(p),
    lstat: (p) => fs.lstat(p),
    stat: (p) => fs.stat(p),
    mkdir: (p) => (readOnly() ? refuse('create the folder', p) : fs.mkdir(p)),
    openWrite: (p, exclusive) => (readOnly() ? refuse('write', p) : fs.openWrite(p, exclusive)),
    rename: (a, b) => (readOnly() ? refuse('rename', `${a} to ${b}`) : fs.rename(a, b)),
    link: (a, b) => (readOnly() ? refuse('create', b) : fs.link(a, b)),
    unlink: (p) => (readOnly() ? refuse('remove', p) : fs.unlink(p)),
    rmdir: (p) => (readOnly() ? refuse('remove the folder', p) : fs.rmdir(p)),
    syncDir: (p) => fs.syncDir(p),
    syncFile: (p) => (readOnly() ? refuse('flush', p) : fs.syncFile(p)),
    utimes: (p, a, m) => (readOnly() ? refuse('touch', p) : fs.utimes(p, a, m)),
  };
}
