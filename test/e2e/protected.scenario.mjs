// A protected bot's files open read-only with the reason on the first line; unlocking
// makes them editable for the session.
import { openBotVersions } from './botversions.mjs';

export const name = 'protected';

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step } = t;
  await step('the Bot Versions view lists the bots', () => openBotVersions(t));
  await step('open a file of pizza-prod', () => vscode.openFile('pizza-prod/responses/support.yaml'));
  await step('a CodeLens says why it is read-only', () =>
    page.locator('.contentWidgets .codelens-decoration, .monaco-editor .codelens-decoration', { hasText: 'pizza-prod is protected: it takes changes only through releases' }).first().waitFor({ timeout: 20_000 }),
  );
  await step('typing changes nothing', async () => {
    await page.locator('.monaco-editor .view-line', { hasText: 'farewell' }).first().click();
    await page.keyboard.type('XYZ');
    await page.locator('.monaco-editor-overlaymessage, .monaco-editor .message', { hasText: /read-only|Cannot edit/i }).first().waitFor({ timeout: 10_000 });
    t.assert.equal(await page.locator('.monaco-editor .view-line', { hasText: 'XYZ' }).count(), 0);
  });
  await t.screenshot('locked');
  await step('unlock it from the CodeLens, then typing works', async () => {
    await page.locator('.codelens-decoration a', { hasText: 'Unlock for editing' }).first().click();
    await vscode.waitForNotification(/pizza-prod is unlocked for this session/);
    await page.locator('.monaco-editor .view-line', { hasText: 'farewell' }).first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# edited after unlocking');
    await page.locator('.monaco-editor .view-line', { hasText: '# edited after unlocking' }).first().waitFor();
  });
}
