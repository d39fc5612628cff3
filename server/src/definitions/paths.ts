// '/'-separated paths as the engine keeps them.

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

/** `rel` inside folder `dir` ('' for the root). */
export function joinPath(dir: string, rel: string): string {
  return dir === '' ? rel : `${dir}/${rel}`;
}
