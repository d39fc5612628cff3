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

export { dirOf, normalizePath, relativeTo } from '../../../definitions/paths';
