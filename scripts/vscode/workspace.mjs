// Working copies of the sample workspace, so that neither a user's experiments nor a test
// ever changes samples/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleWorkspace } from './paths.mjs';

/** Copies samples/pizza-shop to `dest`, replacing whatever was there. Returns `dest`. */
export function copySample(dest, { from = sampleWorkspace } = {}) {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(from, dest, { recursive: true });
  return dest;
}

/** Copies the sample into `dest` only when it is not there yet (`fresh` recopies). */
export function ensureSampleCopy(dest, { fresh = false, from = sampleWorkspace } = {}) {
  if (fresh || !existsSync(dest)) copySample(dest, { from });
  return dest;
}

/** A fresh copy of a sample (samples/pizza-shop unless `sample` names another) in a new temporary folder named after `label`. */
export function tempSample(label = 'workspace', sample = 'pizza-shop') {
  const dir = mkdtempSync(join(tmpdir(), `botv-${label.replace(/[^a-z0-9-]/gi, '-')}-`));
  return copySample(join(dir, sample), { from: join(sampleWorkspace, '..', sample) });
}

/** A new, empty temporary folder named after `label` (a workspace with no bot yet). */
export function tempEmpty(label = 'empty') {
  const dir = mkdtempSync(join(tmpdir(), `botv-${label.replace(/[^a-z0-9-]/gi, '-')}-`));
  const folder = join(dir, 'new-workspace');
  mkdirSync(folder);
  return folder;
}
