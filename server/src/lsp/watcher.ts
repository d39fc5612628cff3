// File watching for clients that cannot watch for the server: recursive fs.watch on each
// workspace folder, skipping dependencies and VCS data, with events coalesced per path.
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = /(^|\/)(node_modules|\.git)(\/|$)/;
const INTERESTING = /(\.(ya?ml|jsonc?|zip|py)$)|((^|\/)agent_settings\/rules\.txt$)|(^|\/)\.botversions(\/|$)/i;

export class Watcher {
  private readonly watchers: FSWatcher[] = [];
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(roots: readonly string[], onChange: (path: string, deleted: boolean) => void) {
    for (const root of roots) {
      try {
        const w = watch(root, { recursive: true }, (_event, name) => {
          if (!name) return;
          const rel = name.toString().replace(/\\/g, '/');
          if (SKIP.test(rel) || !INTERESTING.test(rel)) return;
          const path = join(root, rel);
          clearTimeout(this.pending.get(path));
          this.pending.set(
            path,
            setTimeout(() => {
              this.pending.delete(path);
              onChange(path, !existsSync(path));
            }, 50),
          );
        });
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        // A folder that cannot be watched still works; it just will not notice outside changes.
      }
    }
  }

  dispose(): void {
    for (const w of this.watchers) w.close();
    for (const t of this.pending.values()) clearTimeout(t);
  }
}
