/** Test helpers: throw-away copies of fixture workspaces, a fixed clock, tree snapshots. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../../../../server/src/versioning/index';

/** The repository root. */
export const REPO = join(__dirname, '..', '..', '..', '..');

/** Fixture folder of the versioning tests. */
export const FIXTURES = join(REPO, 'test', 'fixtures', 'versioning');

const made: string[] = [];

/** A new empty temporary folder, removed after the run. */
export function tempDir(prefix = 'botv-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Removes every temporary folder made so far. */
export function cleanTempDirs(): void {
  while (made.length > 0) rmSync(made.pop()!, { recursive: true, force: true });
}

/** A fresh copy of a fixture workspace (default: shop). */
export function copyFixture(name = 'shop'): string {
  const root = join(tempDir(), name);
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return root;
}

/** A clock that starts at 2024-01-01 and moves one second per call. */
export function fixedClock(start = Date.UTC(2024, 0, 1, 9, 0, 0), stepMs = 1000): () => number {
  let t = start;
  return () => (t += stepMs);
}

/** Opens a workspace with a fixed author and clock. */
export function open(root: string, options: WorkspaceOptions = {}): Promise<Workspace> {
  return openWorkspace(root, { author: 'Tester', clock: fixedClock(), ...options });
}

/** Writes a file (creating folders). */
export function put(root: string, rel: string, content: string | Uint8Array): void {
  const p = join(root, ...rel.split('/'));
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
}

/** Reads a file as text. */
export function get(root: string, rel: string): string {
  return readFileSync(join(root, ...rel.split('/')), 'utf8');
}

/** Every file under `dir` (relative '/' paths → content), skipping .botversions. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.name === '.botversions') continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(p, readFileSync(join(dir, p)).toString('base64'));
    }
  };
  walk('');
  return out;
}

// One root-level hook removes every temporary folder when the whole run ends (a soak run
// leaves thousands: give it time).
if (typeof after === 'function') {
  after(function () {
    this.timeout(600_000);
    cleanTempDirs();
  });
}
