// A PolyAI ADK project as `poly pull` lays it out (samples/polyai-dental): the Versions view
// shows it with its platform and languages; typing `{{fn:` in a topic's actions offers the
// project's functions, and a function that does not exist gets a squiggle; the Environments
// panel shows PolyAI's own sandbox, pre-release and live; a version is saved, a topic changed
// and saved again, and the two compared in PolyAI's terms.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { botv, card, openBotVersions, treeRow } from './botversions.mjs';

export const name = 'polyai';
export const sample = 'polyai-dental';
export const timeout = 180_000;

const BOT = 'maple-dental-reception';
const TOPIC = 'topics/parking.yaml';

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
  const topic = readFileSync(join(workspace, TOPIC), 'utf8');
  await step('the Versions view lists the project with its platform and languages', async () => {
    await openBotVersions(t, 'Maple Dental Reception');
    await page.locator('.monaco-list-row', { hasText: 'Maple Dental Reception' }).filter({ hasText: /PolyAI en-GB, ?fr-FR/ }).first().waitFor();
  });
  await step('typing {{fn: in a topic’s actions offers the project’s functions', async () => {
    await vscode.openFile(TOPIC);
    const line = topic.split('\n').findIndex((l) => l.startsWith('actions:')) + 1;
    await page.locator(vscode.selectors.editor).first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    // actions: '' — type inside the quotes.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('Offer the booking line: {{fn:', { delay: 20 });
    const suggest = page.locator('.editor-widget.suggest-widget');
    await suggest.locator('.monaco-list-row', { hasText: 'start_booking' }).first().waitFor({ timeout: 20_000 });
    await suggest.locator('.monaco-list-row', { hasText: 'transfer_to_front_desk' }).first().waitFor();
  });
  await t.screenshot('completion');
  await step('a function that does not exist gets a squiggle and a polyai/ problem', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.type('start_bookin}}', { delay: 20 });
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'start_bookin' }).first().waitFor({ timeout: 20_000 });
  });
  await step('undo the edit; the problem goes away', async () => {
    await page.locator(vscode.selectors.editor).first().click();
    // Back to the file as the project has it: unsaved edits reverted, the file on disk as it was.
    await vscode.runCommand('File: Revert File');
    writeFileSync(join(workspace, TOPIC), topic);
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'start_bookin' }).first().waitFor({ state: 'detached', timeout: 20_000 });
  });
  await step('the Environments panel shows PolyAI’s sandbox, pre-release and live', async () => {
    const v1 = botv(workspace, 'save', BOT, '--name', 'As pulled');
    botv(workspace, 'env', 'set', BOT, 'sandbox', String(v1.version.number));
    await treeRow(page, 'v1 · As pulled').waitFor({ timeout: 20_000 });
    await vscode.runCommand('Bot Versions: Show Environments');
    await card(page, 'sandbox').locator('.version', { hasText: 'v1 · As pulled' }).waitFor({ timeout: 30_000 });
    await card(page, 'pre-release').waitFor();
    await card(page, 'live').waitFor();
  });
  await t.screenshot('environments');
  await step('change a topic, save v2, and compare: the summary speaks PolyAI', async () => {
    const path = join(workspace, TOPIC);
    writeFileSync(path, readFileSync(path, 'utf8').replace('- is there parking', '- is there parking\n- do you have a car park'));
    botv(workspace, 'save', BOT, '--name', 'Car park');
    await treeRow(page, 'v2 · Car park').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await vscode.runCommand('Bot Versions: Compare Versions');
    await vscode.pickQuickItem('v1 · As pulled');
    await vscode.pickQuickItem('v2 · Car park');
    await page.locator('.pane-header', { hasText: 'Comparison' }).first().waitFor();
    await page.locator('.monaco-list-row', { hasText: 'Topics' }).first().waitFor({ timeout: 20_000 });
    await page.locator('.monaco-list-row', { hasText: 'Parking' }).first().waitFor({ timeout: 20_000 });
  });
  await t.screenshot('compared');
}
