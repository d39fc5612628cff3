// A mistake in a bot file shows as a squiggle while typing and in the Problems panel.
export const name = 'validation';

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step } = t;
  await step('open a flow file', () => vscode.openFile('pizza-dev/flows/support.yaml'));
  await step('say a response that does not exist', async () => {
    await page.locator('.monaco-editor .view-line', { hasText: 'say: farewell' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('_later');
  });
  await step('a squiggle marks it', () => page.locator(vscode.selectors.squiggleError).first().waitFor({ timeout: 30_000 }));
  await step('the Problems panel lists it', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator(`${vscode.selectors.markersPanel} .monaco-list-row`, { hasText: 'farewell_later' }).first().waitFor({ timeout: 15_000 });
  });
}
