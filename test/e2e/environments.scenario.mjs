// The Environments panel: promote a version to staging and to production with the
// buttons (each asks first and shows what will change), then roll production back.
import { botv, card, confirmDialog, openBotVersions, panel } from './botversions.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'environments';
export const timeout = 180_000;

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
  await step('v1 is in every environment and v2 in development', async () => {
    const v1 = botv(workspace, 'save', 'pizza-dev', '--name', 'Launch');
    for (const env of ['development', 'staging', 'production']) botv(workspace, 'env', 'set', 'pizza-dev', env, String(v1.version.number));
    const file = join(workspace, 'pizza-dev', 'responses', 'ordering.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Anything else I can do for you?', 'Anything else? I can also track your order.'));
    const v2 = botv(workspace, 'save', 'pizza-dev', '--name', 'Friendlier');
    botv(workspace, 'env', 'set', 'pizza-dev', 'development', String(v2.version.number));
  });
  await step('open the Environments panel', async () => {
    await openBotVersions(t);
    await vscode.runCommand('Bot Versions: Show Environments');
    await card(page, 'development').locator('.version', { hasText: 'v2 · Friendlier' }).waitFor({ timeout: 30_000 });
    await card(page, 'staging').locator('.version', { hasText: 'v1 · Launch' }).waitFor();
  });
  await step('promote v2 to staging, after a confirmation that previews the change', async () => {
    await card(page, 'staging').locator('button', { hasText: 'Promote v2 from development' }).click();
    await page.locator('.monaco-dialog-box', { hasText: 'ask_anything_else' }).waitFor();
    await confirmDialog(page, 'Promote');
    await card(page, 'staging').locator('.version', { hasText: 'v2 · Friendlier' }).waitFor({ timeout: 20_000 });
  });
  await step('production shows the gate passing, then takes v2', async () => {
    await card(page, 'production').locator('.gate.ok', { hasText: 'v2 passes validation' }).waitFor({ timeout: 20_000 });
    await card(page, 'production').locator('button', { hasText: 'Promote v2 from staging' }).click();
    await confirmDialog(page, 'Promote');
    await card(page, 'production').locator('.version', { hasText: 'v2 · Friendlier' }).waitFor({ timeout: 20_000 });
  });
  await t.screenshot('promoted');
  await step('roll production back to v1', async () => {
    await card(page, 'production').locator('button', { hasText: 'Roll back to v1' }).click();
    await vscode.pickQuickItem('$(history) v1 · Launch').catch(async () => {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'v1 · Launch' }).first().click();
    });
    await confirmDialog(page, 'Roll Back');
    await card(page, 'production').locator('.version', { hasText: 'v1 · Launch' }).waitFor({ timeout: 20_000 });
  });
  await step('production history lists the promotion and the rollback', async () => {
    const history = card(page, 'production').locator('details');
    await history.locator('summary').click();
    await history.locator('li', { hasText: 'rollback' }).first().waitFor();
    await history.locator('li', { hasText: 'promote' }).first().waitFor();
    await panel(page).locator('#live').waitFor({ state: 'attached' });
  });
}
