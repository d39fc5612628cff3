// Names and descriptions are data, never markup: a version and a release named like an
// HTML injection show literally in the Versions view and in the Environments panel, and
// nothing in them runs.
import { botv, card, openBotVersions, panel, treeRow } from './botversions.mjs';

export const name = 'markup';

const EVIL = '<img src=x onerror=alert(1)>';

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await step('a version and a release carry markup in their names', async () => {
    const v = botv(workspace, 'save', 'pizza-dev', '--name', EVIL, '--description', '<script>alert(2)</script>');
    botv(workspace, 'env', 'set', 'pizza-dev', 'development', String(v.version.number));
    botv(workspace, 'save', 'pizza-prod', '--name', 'Baseline', '--force', '--reason', 'first version of the twin');
    botv(workspace, 'release', 'create', 'pizza-dev', String(v.version.number), '--to', 'pizza-prod', '--name', EVIL, '--description', '<b>bold</b>');
  });
  await step('the Versions view shows the name as text', async () => {
    await openBotVersions(t);
    await treeRow(page, `v1 · ${EVIL}`).waitFor({ timeout: 20_000 });
  });
  await step('the Environments panel shows it as text', async () => {
    await vscode.runCommand('Bot Versions: Show Environments');
    await card(page, 'development').locator('.version', { hasText: EVIL }).waitFor({ timeout: 30_000 });
    t.assert.equal(await panel(page).locator('img').count(), 0, 'an <img> element was created from a name');
    await panel(page).locator('select#bot').selectOption('pizza-prod');
    await panel(page).locator('.release', { hasText: '<b>bold</b>' }).waitFor({ timeout: 15_000 });
    t.assert.equal(await panel(page).locator('.release b').count(), 0, 'a <b> element was created from a description');
  });
  await step('no script ran', async () => t.assert.deepEqual(dialogs, []));
}
