// A first run in a workspace without a bot: the walkthrough opens, the Versions view
// offers to create the sample bot, and doing so gives a bot that can be saved.
import { treeRow } from './botversions.mjs';

export const name = 'first-run';
export const walkthrough = true;
export const emptyWorkspace = true;

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step } = t;
  await step('the walkthrough opens on the first run', async () => {
    // An empty folder activates the extension only when its view or a command is used.
    await vscode.openView('Bot Versions');
    await page.locator('.gettingStartedContainer', { hasText: 'Get started with Bot Versions' }).first().waitFor({ timeout: 30_000 });
  });
  await step('the first step shows its page beside the steps', async () => {
    // The step's markdown (media/walkthrough/bot.md) renders in a webview of its own.
    const media = page.frameLocator('.getting-started-media iframe.webview').frameLocator('#active-frame');
    await media.locator('h1', { hasText: 'A bot is a folder' }).waitFor({ timeout: 30_000 });
  });
  await t.screenshot('walkthrough');
  await step('the Versions view offers to create the sample bot', async () => {
    const button = page.locator('.pane-body .welcome-view-content a.monaco-button', { hasText: 'Create Sample Bot' });
    await button.waitFor({ timeout: 30_000 });
    await button.click();
    await vscode.waitForNotification(/Created the sample bot in pizza-bot/);
  });
  await step('the new bot shows in the Versions view', () => treeRow(page, 'Pizza Bot (development)').waitFor({ timeout: 30_000 }));
}
