// A full listing of a folder — every file, folder and link with its size and times — to
// prove that something changed nothing at all on disk.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Relative path → "kind size mtime ctime" for everything under `root` (itself included). */
export function listing(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (rel: string): void => {
    const abs = rel ? join(root, rel) : root;
    const st = lstatSync(abs);
    const kind = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : 'file';
    out.set(rel || '.', `${kind} ${kind === 'dir' ? '-' : st.size} ${st.mtimeMs} ${st.ctimeMs}`);
    if (kind === 'dir') for (const name of readdirSync(abs).sort()) visit(rel ? `${rel}/${name}` : name);
  };
  visit('');
  return out;
}

/** The entries that differ between two listings, for a readable failure. */
export function listingChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [p, v] of after) {
    const was = before.get(p);
    if (was === undefined) changes.push(`added ${p}`);
    else if (was !== v) changes.push(`changed ${p} (${was} → ${v})`);
  }
  for (const p of before.keys()) if (!after.has(p)) changes.push(`removed ${p}`);
  return changes;
}
