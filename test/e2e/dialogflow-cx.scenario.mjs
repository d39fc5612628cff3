// A Dialogflow CX agent as the console exports it: the Versions view shows the agent with its
// platform and languages; a route whose targetPage names no page gets a squiggle and a
// dialogflow-cx/ problem; a version is saved, an intent renamed from a route (its folder and
// file move with it), a second version saved, and the two compared in the console's words.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { botv, openBotVersions, treeRow } from './botversions.mjs';

export const name = 'dialogflow-cx';
export const sample = 'dialogflow-cx-parcels';
export const timeout = 180_000;

/**
 * Puts the cursor at the end of the first line of a file holding `needle` (Go to Line: the
 * editor renders only the lines in view).
 * @param {import('./framework.mjs').ScenarioContext} t
 */
async function goToLine(t, file, needle) {
  const line = readFileSync(join(t.workspace, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
  if (line === 0) throw new Error(`${needle} is not in ${file}`);
  await t.page.locator(t.vscode.selectors.editor).first().click();
  await t.page.keyboard.press('Control+G');
  await t.page.keyboard.type(String(line));
  await t.page.keyboard.press('Enter');
  await t.page.locator(t.vscode.selectors.editor).first().locator('.view-line', { hasText: needle }).first().waitFor();
  await t.page.keyboard.press('End');
}

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
  await step('the Versions view lists the agent with its platform and languages', async () => {
    await openBotVersions(t, 'Parcel Desk');
    await page.locator('.monaco-list-row', { hasText: 'Parcel Desk' }).filter({ hasText: 'Dialogflow CX en, de' }).first().waitFor();
  });
  await step('a route whose targetPage names no page gets a squiggle and a dialogflow-cx/ problem', async () => {
    await vscode.openFile('flows/Track Parcel/pages/Ask Number.json');
    await goToLine(t, 'flows/Track Parcel/pages/Ask Number.json', '"targetPage": "> Show Status"');
    // Before the closing quote and the comma: "> Show Status" becomes "> Show Statuses".
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('es');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'dialogflow-cx/unknown-page' }).first().waitFor({ timeout: 20_000 });
  });
  await t.screenshot('squiggle');
  await step('undo the typo; the problem goes away', async () => {
    await page.locator(vscode.selectors.editor).first().click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+S');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'dialogflow-cx/unknown-page' }).first().waitFor({ state: 'detached', timeout: 20_000 });
  });
  await step('save a version of the agent from the palette', async () => {
    await vscode.runCommand('Bot Versions: Save Version');
    // The agent's languages are files of their own: the command asks which go in first.
    await vscode.pickQuickItem(/^All languages \(/);
    await vscode.answerInput('As exported');
    await vscode.answerInput('');
    await vscode.waitForNotification(/Saved v1 · As exported of parcel-desk/);
  });
  await step('rename the intent track.parcel from its route: its folder and file move with it', async () => {
    await vscode.openFile('flows/Default Start Flow/Default Start Flow.json');
    await goToLine(t, 'flows/Default Start Flow/Default Start Flow.json', '"intent": "track.parcel"');
    // Inside the name: before its last letter (past the comma and the closing quote).
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('F2');
    const box = page.locator('.rename-box input, .rename-input').first();
    await box.waitFor({ state: 'visible', timeout: 15_000 });
    await box.fill('parcel.track');
    await page.keyboard.press('Enter');
    await vscode.runCommand('File: Save All Files');
    const moved = join(workspace, 'intents', 'parcel.track', 'parcel.track.json');
    for (let i = 0; i < 60 && !existsSync(moved); i++) await page.waitForTimeout(250);
    if (!existsSync(moved)) throw new Error('intents/parcel.track/parcel.track.json does not exist after the rename');
    if (existsSync(join(workspace, 'intents', 'track.parcel'))) throw new Error('the old folder intents/track.parcel is still there');
  });
  await step('save a second version and compare the two: the summary speaks Dialogflow', async () => {
    botv(workspace, 'save', 'parcel-desk', '--name', 'Renamed intent');
    await treeRow(page, 'v2 · Renamed intent').waitFor({ timeout: 20_000 });
    await vscode.runCommand('Bot Versions: Compare Versions');
    await vscode.pickQuickItem('v1 · As exported');
    await vscode.pickQuickItem('v2 · Renamed intent');
    await page.locator('.pane-header', { hasText: 'Comparison' }).first().waitFor();
    await page.locator('.monaco-list-row', { hasText: 'parcel.track' }).first().waitFor({ timeout: 20_000 });
  });
  await t.screenshot('compared');
}
