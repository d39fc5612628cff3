// An Amazon Lex V2 export as teams commit it (samples/lex-pizza: the export as a folder and
// its zip beside it): the Versions view lists both with their platform and locales; an
// undeclared {Slot} typed into a minified one-line Intent.json gets a squiggle and a lex-v2/
// problem at the braces; a version is saved from the palette with only one locale, a second
// with both, and the two compared in Lex's terms, then narrowed to one locale.
import { botv, openBotVersions, treeRow } from './botversions.mjs';

export const name = 'lex';
export const sample = 'lex-pizza';
export const timeout = 180_000;

const MINIFIED = 'PizzaOrders-export/PizzaOrders/BotLocales/es_US/Intents/OrderPizza/Intent.json';

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
  const quickRow = (label, description) =>
    page
      .locator(vscode.selectors.quickInputRow)
      .filter({ has: page.locator('.label-name', { hasText: label }) })
      .filter({ has: page.locator('.label-description', { hasText: new RegExp(`^${description}$`) }) })
      .first();

  await step('the Versions view lists the folder export and its zip, with platform and locales', async () => {
    await openBotVersions(t, 'PizzaOrders');
    const rows = page.locator('.monaco-list-row', { hasText: 'Amazon Lex V2 en_US, es_US' });
    await rows.nth(1).waitFor({ timeout: 30_000 });
  });

  await step('an undeclared {Slot} in a minified file gets a squiggle and a lex-v2/ problem', async () => {
    await vscode.openFile(MINIFIED);
    const editor = page.locator(vscode.selectors.editor).first();
    await editor.click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('Quiero una pizza');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' {Queso}');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'lex-v2/unknown-slot-in-utterance' }).first().waitFor({ timeout: 20_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: '{Queso}' }).first().waitFor();
  });
  await t.screenshot('squiggle');

  await step('undo the typo; the problem goes away', async () => {
    await page.locator(vscode.selectors.editor).first().click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+S');
    await page.locator('.markers-panel .monaco-list-row', { hasText: '{Queso}' }).first().waitFor({ state: 'detached', timeout: 20_000 });
  });

  await step('save a version of the folder export with only en_US', async () => {
    await vscode.runCommand('Bot Versions: Save Version');
    await quickRow('PizzaOrders', 'pizzaorders').click({ timeout: 10_000 });
    await vscode.pickQuickItem('Only some locales…');
    // Every locale is checked: uncheck es_US, then accept.
    await page.locator(vscode.selectors.quickInputRow, { hasText: 'es_US' }).first().click();
    await page.locator(vscode.selectors.quickInputBox).press('Enter');
    await vscode.answerInput('English first');
    await vscode.answerInput('');
    await vscode.waitForNotification(/Saved v1 · English first of pizzaorders .*en_US from the working copy\)/);
  });

  await step('the version shows which locales it holds', async () => {
    await treeRow(page, 'v1 · English first').waitFor({ timeout: 20_000 });
  });

  await step('save a second version with both locales, and compare the two in Lex\'s terms', async () => {
    botv(workspace, 'save', 'pizzaorders', '--name', 'Both locales');
    await treeRow(page, 'v2 · Both locales').waitFor({ timeout: 20_000 });
    await vscode.runCommand('Bot Versions: Compare Versions');
    await quickRow('PizzaOrders', 'pizzaorders').click({ timeout: 10_000 });
    await vscode.pickQuickItem('v1 · English first');
    await vscode.pickQuickItem('v2 · Both locales');
    await page.locator('.pane-header', { hasText: 'Comparison' }).first().waitFor();
    // What v2 adds is es_US: its intents, utterances, slots and prompts, each in its locale.
    await page.locator('.pane-body .monaco-list-row', { hasText: 'Changes in bot terms' }).first().waitFor({ timeout: 20_000 });
    await page.locator('.pane-body .monaco-list-row', { hasText: 'OrderPizza (es_US)' }).first().waitFor({ timeout: 20_000 });
  });
  await t.screenshot('compared');

  await step('narrow the comparison to one locale from the view\'s title: en_US did not change, es_US came', async () => {
    await vscode.runCommand('Bot Versions: Show One Locale of the Comparison');
    await vscode.pickQuickItem('en_US');
    await page.locator('.pane-body', { hasText: 'v1 and v2 hold the same files for en_US.' }).first().waitFor({ timeout: 20_000 });
    await page.locator('.pane-header', { hasText: 'Comparison' }).locator('.description', { hasText: 'en_US only' }).first().waitFor({ timeout: 10_000 });
    await vscode.runCommand('Bot Versions: Show One Locale of the Comparison');
    await vscode.pickQuickItem('es_US');
    await page.locator('.pane-header', { hasText: 'Comparison' }).locator('.description', { hasText: 'es_US only' }).first().waitFor({ timeout: 10_000 });
    await page.locator('.pane-body .monaco-list-row', { hasText: 'OrderPizza (es_US)' }).first().waitFor({ timeout: 20_000 });
  });
  await t.screenshot('one-locale');
}
