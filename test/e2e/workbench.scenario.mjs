// The workbench opens the sample workspace with the packaged extension installed: the
// "Bot Versions" entry is in the activity bar, the explorer lists the bots, a manifest
// opens in the editor, and the Versions view lists both bots beside it.
export const name = 'workbench';

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run({ page, vscode, step }) {
  await step('the Bot Versions entry shows in the activity bar', () => vscode.activityBarEntry('Bot Versions'));
  await step('the explorer lists both bots', async () => {
    await page.locator(vscode.selectors.explorerRow('pizza-dev')).waitFor();
    await page.locator(vscode.selectors.explorerRow('pizza-prod')).waitFor();
  });
  await step('pizza-dev/bot.yaml opens in the editor', () => vscode.openFile('pizza-dev/bot.yaml'));
  await step('the Versions view lists both bots', async () => {
    await vscode.openView('Bot Versions');
    const tree = page.locator('.part.sidebar .monaco-list-row');
    await tree.filter({ hasText: 'pizza-dev' }).first().waitFor({ timeout: 45_000 });
    await tree.filter({ hasText: 'pizza-prod' }).first().waitFor();
  });
}
