// Save a version from the palette and see it in the Versions view; then edit a file and
// see the working copy marked as changed since that version.
import { openBotVersions, treeRow } from './botversions.mjs';

export const name = 'save-version';

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step } = t;
  await step('open the Bot Versions view', () => openBotVersions(t));
  await step('save a version of pizza-dev from the palette', async () => {
    await vscode.runCommand('Bot Versions: Save Version');
    await vscode.pickQuickItem('Pizza Bot (development)');
    await vscode.answerInput('Spring menu');
    await vscode.answerInput('First cut of the spring menu');
    await vscode.waitForNotification(/Saved v1 · Spring menu of pizza-dev/);
  });
  await step('the version shows in the tree, and the working copy matches it', async () => {
    await treeRow(page, 'v1 · Spring menu').waitFor();
    await page.locator('.pane-body .monaco-list-row', { hasText: 'same as v1' }).first().waitFor();
  });
  await step('edit a response and save the file', async () => {
    await vscode.openFile('pizza-dev/responses/support.yaml');
    await page.locator(vscode.selectors.editor).first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# Reviewed with the support team.');
    await page.keyboard.press('Control+S');
  });
  await step('the working copy is marked as changed since v1', async () => {
    await page.locator('.pane-body .monaco-list-row', { hasText: '1 file changed since v1' }).first().waitFor({ timeout: 20_000 });
  });
}
