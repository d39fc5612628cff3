// LivePerson Conversation Builder bots as the bot dashboard exports them, two JSON files side
// by side: the Versions view shows both with their platform and language; a nextMessageId that
// names no interaction gets a squiggle and a liveperson/ problem that says which interaction
// by name; a version is saved, a pattern added and saved again, and the two compared in
// Conversation Builder's terms.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { botv, openBotVersions, treeRow } from './botversions.mjs';

export const name = 'liveperson';
export const sample = 'liveperson-support';
export const timeout = 180_000;

const FILE = 'support-dev.json';
const BOT = 'harbor-bikes-support-development';

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
  const bot = JSON.parse(readFileSync(join(workspace, FILE), 'utf8'));
  const mainMenu = bot.conversationMessage.find((m) => m.name === 'Main Menu').id;
  await step('the Versions view lists both bots with their platform and language', async () => {
    await openBotVersions(t, 'Harbor Bikes Support - Development');
    await page.locator('.monaco-list-row', { hasText: 'Harbor Bikes Support - Development' }).filter({ hasText: 'LivePerson Conversation Builder en-US' }).first().waitFor();
    await treeRow(page, 'Harbor Bikes Support').waitFor();
  });
  await step('a nextMessageId that names no interaction gets a squiggle and a problem by the interaction\'s name', async () => {
    await vscode.openFile(FILE);
    const needle = `"nextMessageId": "${mainMenu}"`;
    const line = readFileSync(join(workspace, FILE), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
    await page.locator(vscode.selectors.editor).first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await page.locator(vscode.selectors.editor).first().locator('.view-line', { hasText: mainMenu }).first().waitFor();
    await page.keyboard.press('End');
    // Before the closing quote and the comma: the id gets one more character.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('0');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'liveperson/unknown-interaction' }).first();
    await problem.waitFor({ timeout: 20_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: "The next interaction of 'Welcome Greeting'" }).first().waitFor();
  });
  await t.screenshot('squiggle');
  await step('undo the typo; the problem goes away', async () => {
    await page.locator(vscode.selectors.editor).first().click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+S');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'liveperson/unknown-interaction' }).first().waitFor({ state: 'detached', timeout: 20_000 });
  });
  await step('save a version of the development bot from the palette', async () => {
    // The bot is picked by its id (two bots' names start alike), typed into the picker's filter.
    await page.keyboard.press('Escape');
    await vscode.runCommand('Bot Versions: Save Version');
    await vscode.answerInput(BOT);
    await vscode.answerInput('As exported');
    await vscode.answerInput('');
    await vscode.waitForNotification(new RegExp(`Saved v1 · As exported of ${BOT}`));
  });
  await step('add a dialog-starter pattern and save a second version', async () => {
    const path = join(workspace, FILE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"hey*",', '"hey*",\n        "howdy",'));
    botv(workspace, 'save', BOT, '--name', 'Howdy');
    await treeRow(page, 'v2 · Howdy').waitFor({ timeout: 20_000 });
  });
  await step('compare v1 with v2: the summary speaks Conversation Builder', async () => {
    await page.keyboard.press('Escape');
    await vscode.runCommand('Bot Versions: Compare Versions');
    await vscode.answerInput(BOT);
    await vscode.pickQuickItem('v1 · As exported');
    await vscode.pickQuickItem('v2 · Howdy');
    await page.locator('.pane-header', { hasText: 'Comparison' }).first().waitFor();
    await page.locator('.monaco-list-row', { hasText: 'Patterns' }).first().waitFor({ timeout: 20_000 });
    await page.locator('.monaco-list-row', { hasText: 'howdy' }).first().waitFor({ timeout: 20_000 });
  });
  await t.screenshot('compared');
}
