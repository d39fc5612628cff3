// In Restricted Mode the views read, but every command that writes refuses with an
// explanation and changes no file.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'restricted';
export const workspaceTrust = true;

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
  await step('Save Version refuses and says why', async () => {
    await vscode.runCommand('Bot Versions: Save Version');
    await vscode.waitForNotification(/does not change files in Restricted Mode/);
  });
  await step('no version was written', async () => {
    const bots = join(workspace, '.botversions', 'bots');
    t.assert.ok(!existsSync(bots) || readdirSync(bots).length === 0, 'the store has records');
  });
}
