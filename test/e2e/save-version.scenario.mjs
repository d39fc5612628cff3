// Save a version from the palette and see it in the Versions view; edit a file and see
// the working copy marked as changed since that version; then restore the version under
// the open editor, the edit kept as an automatic version.
import { confirmDialog, openBotVersions, treeRow } from './botversions.mjs';

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
  await t.screenshot('changed');
  await step('restore v1 from the palette, after a confirmation', async () => {
    await vscode.runCommand('Bot Versions: Restore Version');
    await vscode.pickQuickItem('Pizza Bot (development)');
    await vscode.pickQuickItem('v1 · Spring menu');
    await page.locator('.monaco-dialog-box', { hasText: 'saved as a new version first' }).waitFor();
    await confirmDialog(page, 'Restore');
    await vscode.waitForNotification(/Restored v1 · Spring menu of pizza-dev\. The previous working copy was saved as v2\./);
  });
  await step('the open editor shows v1 again, and the working copy matches it', async () => {
    await page.locator(vscode.selectors.editor).first().locator('.view-line', { hasText: 'Reviewed with the support team' }).waitFor({ state: 'detached', timeout: 20_000 });
    await page.locator('.pane-body .monaco-list-row', { hasText: 'same as v1' }).first().waitFor({ timeout: 20_000 });
    await treeRow(page, 'v2').waitFor();
  });
}
