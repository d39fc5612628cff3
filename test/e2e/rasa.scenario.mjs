// A Rasa project as it is in its repository: the Versions view shows the assistant with its
// platform and language; a story that runs a response the domain lacks gets a squiggle and
// a rasa/ problem; a version is saved, an example changed and saved again, the two compared
// in Rasa's terms, and the new version promoted.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { botv, card, confirmDialog, openBotVersions, treeRow } from './botversions.mjs';

export const name = 'rasa';
export const sample = 'rasa-pizza';
export const timeout = 180_000;

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
  await step('the Versions view lists the Rasa assistant with its platform and language', async () => {
    await openBotVersions(t, 'rasa-pizza');
    await page.locator('.monaco-list-row', { hasText: 'rasa-pizza' }).filter({ hasText: 'Rasa en' }).first().waitFor();
  });
  await step('a story that runs an undeclared response gets a squiggle and a rasa/ problem', async () => {
    await vscode.openFile('data/stories.yml');
    const editor = page.locator(vscode.selectors.editor).first();
    await editor.locator('.view-line', { hasText: 'action: utter_greet' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('_warmly');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'utter_greet_warmly' }).first().waitFor({ timeout: 20_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'rasa/unknown-utterance' }).first().waitFor();
  });
  await t.screenshot('squiggle');
  await step('undo the typo; the problem goes away', async () => {
    await page.locator(vscode.selectors.editor).first().click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+S');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'utter_greet_warmly' }).first().waitFor({ state: 'detached', timeout: 20_000 });
  });
  await step('save a version of the assistant from the palette', async () => {
    // The workspace has one bot: the command does not ask which.
    await vscode.runCommand('Bot Versions: Save Version');
    await vscode.answerInput('Menu as launched');
    await vscode.answerInput('');
    await vscode.waitForNotification(/Saved v1 · Menu as launched of pizza-palace/);
  });
  await step('add an example to the greet intent and save a second version', async () => {
    const nlu = join(workspace, 'data', 'nlu.yml');
    writeFileSync(nlu, readFileSync(nlu, 'utf8').replace('      - good evening\n', '      - good evening\n      - howdy\n'));
    botv(workspace, 'save', 'pizza-palace', '--name', 'Howdy');
    await treeRow(page, 'v2 · Howdy').waitFor({ timeout: 20_000 });
  });
  await step('compare v1 with v2: the summary speaks Rasa', async () => {
    await vscode.runCommand('Bot Versions: Compare Versions');
    await vscode.pickQuickItem('v1 · Menu as launched');
    await vscode.pickQuickItem('v2 · Howdy');
    await page.locator('.pane-header', { hasText: 'Comparison' }).first().waitFor();
    await treeRow(page, 'data/nlu.yml').waitFor();
    await page.locator('.monaco-list-row', { hasText: 'greet' }).filter({ hasText: '+1' }).first().waitFor({ timeout: 20_000 });
  });
  await t.screenshot('compared');
  await step('promote v2 from development to staging in the Environments panel', async () => {
    botv(workspace, 'env', 'set', 'pizza-palace', 'development', '2');
    await vscode.runCommand('Bot Versions: Show Environments');
    await card(page, 'staging').locator('button', { hasText: 'Promote v2 from development' }).click({ timeout: 30_000 });
    await confirmDialog(page, 'Promote');
    await card(page, 'staging').locator('.version', { hasText: 'v2 · Howdy' }).waitFor({ timeout: 20_000 });
  });
}
