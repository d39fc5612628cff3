// In Restricted Mode the views read, but every command that writes refuses with an
// explanation and changes no file: not one file or folder of the workspace is added,
// removed or touched (the store's local stat cache included).
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleWorkspace } from '../../scripts/vscode/paths.mjs';

export const name = 'restricted';
export const workspaceTrust = true;
export const timeout = 240_000;

/** Every palette command that writes to the workspace. */
const WRITING = [
  'Save Version',
  'Restore Version',
  'Delete Version',
  'Promote',
  'Roll Back Environment',
  'Set Environment Version',
  'Create Release',
  'Accept Release',
  'Reject Release',
  'Create Sample Bot',
];

/**
 * Every entry under `dir` (itself included): path → kind, size and content hash, plus
 * mtime and ctime when `times` is set.
 * @param {string} dir
 * @param {boolean} times
 */
function listing(dir, times) {
  /** @type {Map<string, string>} */
  const out = new Map();
  /** @param {string} rel */
  const visit = (rel) => {
    const abs = rel ? join(dir, rel) : dir;
    const st = lstatSync(abs);
    const kind = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : 'file';
    const hash = kind === 'file' ? createHash('sha256').update(readFileSync(abs)).digest('hex').slice(0, 16) : '-';
    out.set(rel || '.', [kind, kind === 'dir' ? '-' : st.size, hash, ...(times ? [st.mtimeMs, st.ctimeMs] : [])].join(' '));
    if (kind === 'dir') for (const name of readdirSync(abs).sort()) visit(rel ? `${rel}/${name}` : name);
  };
  visit('');
  return out;
}

/**
 * What differs between two listings.
 * @param {Map<string, string>} a
 * @param {Map<string, string>} b
 */
function changes(a, b) {
  const out = [];
  for (const [p, v] of b) if (a.get(p) !== v) out.push(`${a.has(p) ? 'changed' : 'added'} ${p}: ${a.get(p) ?? ''} → ${v}`);
  for (const p of a.keys()) if (!b.has(p)) out.push(`removed ${p}`);
  return out;
}

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
  // The workbench is already up here: times are compared from now on, and contents with
  // the pristine sample, which also catches anything written while the window opened.
  const pristine = listing(sampleWorkspace, false);
  const before = listing(workspace, true);
  await step('the folder opens untrusted, in Restricted Mode', async () => {
    // VS Code may ask first; whether it does depends on its start-up prompt setting.
    const dialog = page.locator('.monaco-dialog-box', { hasText: /trust/i });
    const restricted = page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first();
    await Promise.race([dialog.waitFor({ timeout: 30_000 }), restricted.waitFor({ timeout: 30_000 })]);
    if (await dialog.isVisible()) await dialog.locator('.monaco-button', { hasText: /No, I don.t trust/ }).first().click();
    await restricted.waitFor({ timeout: 15_000 });
  });
  await step('the Versions view still lists the bots', async () => {
    await vscode.openView('Bot Versions');
    await page.locator('.pane-body .monaco-list-row', { hasText: 'Pizza Bot (development)' }).first().waitFor({ timeout: 30_000 });
  });
  for (const title of WRITING) {
    await step(`${title} refuses and says why`, async () => {
      await vscode.runCommand(`Bot Versions: ${title}`);
      const toast = await vscode.waitForNotification(/does not change files in Restricted Mode/);
      await toast.hover();
      await toast.locator('.codicon-notifications-clear, .codicon-close').first().click();
      await toast.waitFor({ state: 'detached', timeout: 10_000 });
    });
  }
  await step('no file was written', async () => {
    const bots = join(workspace, '.botversions', 'bots');
    t.assert.ok(!existsSync(bots) || readdirSync(bots).length === 0, 'the store has records');
    t.assert.deepEqual(readdirSync(workspace).sort(), ['.botversions', 'README.md', 'pizza-dev', 'pizza-prod']);
    t.assert.deepEqual(changes(pristine, listing(workspace, false)), [], 'the workspace differs from the sample');
    t.assert.deepEqual(changes(before, listing(workspace, true)), [], 'a file or folder was touched');
  });
}
