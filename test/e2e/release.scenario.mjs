// Release pizza-dev to its protected twin pizza-prod, accept it, and see the new version
// of pizza-prod record where it came from; pizza-prod keeps its identity and credentials.
import { botv, confirmDialog, openBotVersions, treeRow } from './botversions.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'release';

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace, assert } = t;
  await step('pizza-dev has a version', async () => botv(workspace, 'save', 'pizza-dev', '--name', 'Order tracking'));
  await step('create a release of pizza-dev v1 to pizza-prod', async () => {
    await openBotVersions(t);
    await treeRow(page, 'v1 · Order tracking').waitFor({ timeout: 20_000 });
    await vscode.runCommand('Bot Versions: Create Release');
    await vscode.pickQuickItem('Pizza Bot (development)');
    await vscode.pickQuickItem('v1 · Order tracking');
    await vscode.pickQuickItem('Pizza Bot (production)');
    await vscode.answerInput('Order tracking');
    await vscode.answerInput('Brings order tracking to production');
    await vscode.waitForNotification(/is pending in pizza-prod/);
  });
  await step('the pending release shows under pizza-prod', () => treeRow(page, 'Release from pizza-dev v1').waitFor({ timeout: 20_000 }));
  await step('accept it', async () => {
    await vscode.runCommand('Bot Versions: Accept Release');
    await confirmDialog(page, 'Accept');
    // pizza-prod's working copy was never saved, so accepting saves it first (v1): the release becomes v2.
    await vscode.waitForNotification(/Accepted: pizza-prod v2 · Order tracking now holds pizza-dev v1/);
  });
  await step('pizza-prod has the new files but keeps its own id and credentials', async () => {
    const manifest = readFileSync(join(workspace, 'pizza-prod', 'bot.yaml'), 'utf8');
    assert.match(manifest, /id: pizza-prod/);
    assert.match(readFileSync(join(workspace, 'pizza-prod', 'intents', 'ordering.yaml'), 'utf8'), /TrackOrder/);
    assert.match(readFileSync(join(workspace, 'pizza-prod', 'credentials', 'secrets.yaml'), 'utf8'), /pizza-prod/);
    await treeRow(page, 'v2 · Order tracking').waitFor({ timeout: 20_000 });
    await treeRow(page, 'v1 · Before accepting release').waitFor();
  });
}
