// A bot's include globs: relative to the bot folder and never outside it.
import picomatch from 'picomatch';

/** Why a glob is refused, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  const g = glob.replace(/\\/g, '/');
  if (g.startsWith('/') || /^[A-Za-z]:/.test(g) || g.startsWith('~')) return 'is an absolute path';
  if (g.split('/').some((seg) => seg === '..')) return 'climbs out with ".."';
  return undefined;
}

/** A matcher for one glob over '/'-separated paths relative to the bot folder. */
export function globMatcher(glob: string): (relPath: string) => boolean {
  try {
    return picomatch(glob.replace(/^\.\//, ''), { dot: false });
  } catch {
    return () => false;
  }
}

/** '/'-separated form of a caller's path. */
export function normalizePath(p: string): string {
  return p.replace(/\\/g, '/');
}

/** The folder of a '/'-separated path ('' for a bare name). */
export function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** The path of `p` relative to folder `dir`, or undefined when it is not inside. */
export function relativeTo(dir: string, p: string): string | undefined {
  if (dir === '') return p.startsWith('/') ? undefined : p;
  return p.startsWith(dir + '/') ? p.slice(dir.length + 1) : undefined;
}
