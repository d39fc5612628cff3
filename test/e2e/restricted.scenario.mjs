// In Restricted Mode the views read, but every command that writes refuses with an
// explanation and changes no file.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
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
  });
}
