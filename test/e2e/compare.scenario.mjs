// Compare two versions: the Comparison view lists the changed files and what changed in
// bot terms, and a file opens in VS Code's diff editor.
import { botv, openBotVersions, treeRow } from './botversions.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'compare';

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
  await step('two versions exist, saved from the command line', async () => {
    botv(workspace, 'save', 'pizza-dev', '--name', 'Before');
    const file = join(workspace, 'pizza-dev', 'intents', 'support.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('        - see you\n', '        - see you\n        - catch you later\n        - bye for now\n'));
    const responses = join(workspace, 'pizza-dev', 'responses', 'support.yaml');
    writeFileSync(responses, readFileSync(responses, 'utf8').replace('Enjoy your pizza!', 'Enjoy your pizza, see you soon!'));
    botv(workspace, 'save', 'pizza-dev', '--name', 'After');
  });
  await step('the Versions view shows both without a refresh', async () => {
    await openBotVersions(t);
    await treeRow(page, 'v2 · After').waitFor({ timeout: 20_000 });
    await treeRow(page, 'v1 · Before').waitFor();
  });
  await step('compare v1 with v2 from the palette', async () => {
    await vscode.runCommand('Bot Versions: Compare Versions');
    await vscode.pickQuickItem('Pizza Bot (development)');
    await vscode.pickQuickItem('v1 · Before');
    await vscode.pickQuickItem('v2 · After');
  });
  await step('the Comparison view lists the files and the changes in bot terms', async () => {
    await page.locator('.pane-header', { hasText: 'Comparison' }).first().waitFor();
    await treeRow(page, 'intents/support.yaml').waitFor();
    await treeRow(page, 'responses/support.yaml').waitFor();
    await page.locator('.monaco-list-row', { hasText: 'Goodbye (en-US)' }).filter({ hasText: '+2 −0' }).first().waitFor();
    await treeRow(page, 'farewell').waitFor();
  });
  await step('a changed file opens in the diff editor', async () => {
    await treeRow(page, 'responses/support.yaml').click();
    await page.locator(vscode.selectors.diffEditor).first().waitFor();
    await page.locator('.tabs-container .tab', { hasText: 'support.yaml (v1 ↔ v2)' }).first().waitFor();
    await page.locator('.monaco-diff-editor .modified .view-line', { hasText: 'see you soon' }).first().waitFor();
  });
}
