// Gates in the real workbench: production runs a smoke check of the bot's own files (a
// command from the repository). Promoting a version that fails it shows the gates before,
// asks before running the command, and is refused: the panel shows which gate failed and
// its output beside production. The bot is fixed, saved, and promoted again: it passes.
// Then a promotion scheduled from the command line shows in the panel and is cancelled there.
import { botv, card, confirmDialog, openBotVersions, panel } from './botversions.mjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'gates';
export const timeout = 240_000;

const SMOKE = `#!/bin/sh
# A smoke check of the bot's files, run by the production gate in a copy of the version.
echo "smoke: checking responses"
if grep -n "TODO" responses/ordering.yaml; then
  echo "smoke: responses/ordering.yaml still says TODO" >&2
  exit 1
fi
echo "smoke: all responses are final"
`;

/** @param {import('./framework.mjs').ScenarioContext} t */
export async function run(t) {
  const { page, vscode, step, workspace } = t;
  const responses = join(workspace, 'pizza-dev', 'responses', 'ordering.yaml');
  const original = readFileSync(responses, 'utf8');

  await step('production runs validation and a smoke command; v1 says TODO and is in staging', async () => {
    const config = join(workspace, '.botversions', 'config.json');
    const c = JSON.parse(readFileSync(config, 'utf8'));
    c.gates = { validateBefore: ['production'], before: { production: [{ name: 'smoke', run: 'sh checks/smoke.sh', timeout: 60 }] } };
    writeFileSync(config, JSON.stringify(c, null, 2));
    mkdirSync(join(workspace, 'pizza-dev', 'checks'), { recursive: true });
    writeFileSync(join(workspace, 'pizza-dev', 'checks', 'smoke.sh'), SMOKE);
    writeFileSync(responses, original.replace('Anything else I can do for you?', 'Anything else? (TODO offer order tracking)'));
    const v1 = botv(workspace, 'save', 'pizza-dev', '--name', 'Draft');
    botv(workspace, 'env', 'set', 'pizza-dev', 'development', String(v1.version.number));
    botv(workspace, 'env', 'set', 'pizza-dev', 'staging', String(v1.version.number));
  });

  await step('the Environments panel lists production’s gates', async () => {
    await openBotVersions(t);
    await vscode.runCommand('Bot Versions: Show Environments');
    await card(page, 'staging').locator('.version', { hasText: 'v1 · Draft' }).waitFor({ timeout: 30_000 });
    await card(page, 'production').locator('.gate-list', { hasText: 'smoke' }).waitFor({ timeout: 20_000 });
  });

  await step('promote v1: the preview lists the gates, the command is shown and asked for, then it is refused', async () => {
    await card(page, 'production').locator('button', { hasText: 'Promote v1 from staging' }).click();
    const preview = page.locator('.monaco-dialog-box', { hasText: 'runs `sh checks/smoke.sh`' });
    await preview.waitFor({ timeout: 20_000 });
    // The next dialog follows at once: click, and wait for that one.
    await preview.locator('.dialog-buttons .monaco-button', { hasText: 'Promote' }).first().click();
    // Shown before it first runs.
    await page.locator('.monaco-dialog-box', { hasText: 'runs a command from this repository' }).waitFor({ timeout: 20_000 });
    await page.locator('.monaco-dialog-box', { hasText: 'sh checks/smoke.sh' }).waitFor();
    await confirmDialog(page, 'Run Command');
    await vscode.waitForNotification(/cannot enter production: the gate "smoke" failed/, { timeout: 60_000 });
  });

  await step('the panel shows the refusal and the gate’s output beside production', async () => {
    const result = card(page, 'production').locator('.gate-result.refused');
    await result.waitFor({ timeout: 20_000 });
    await result.locator('.gate-result-title', { hasText: 'v1 was refused by the gate "smoke"' }).waitFor();
    await result.locator('li.run.passed', { hasText: 'validation' }).waitFor();
    await result.locator('li.run.failed', { hasText: 'smoke' }).waitFor();
    await result.locator('pre.output', { hasText: 'smoke: responses/ordering.yaml still says TODO' }).waitFor();
    await card(page, 'production').locator('.version.empty').waitFor();
  });
  await t.screenshot('refused');

  await step('fix the response, save v2 and put it in staging', async () => {
    writeFileSync(responses, original.replace('Anything else I can do for you?', 'Anything else? I can also track your order.'));
    const v2 = botv(workspace, 'save', 'pizza-dev', '--name', 'Final');
    botv(workspace, 'env', 'set', 'pizza-dev', 'staging', String(v2.version.number));
    await card(page, 'staging').locator('.version', { hasText: 'v2 · Final' }).waitFor({ timeout: 30_000 });
  });

  await step('promote v2: the command was approved already; every gate passes and production takes it', async () => {
    await card(page, 'production').locator('button', { hasText: 'Promote v2 from staging' }).click();
    await confirmDialog(page, 'Promote');
    await card(page, 'production').locator('.version', { hasText: 'v2 · Final' }).waitFor({ timeout: 60_000 });
    const result = card(page, 'production').locator('.gate-result.entered');
    await result.locator('.gate-result-title', { hasText: 'v2 passed its gates' }).waitFor({ timeout: 20_000 });
    await result.locator('li.run.passed', { hasText: 'smoke' }).waitFor();
    const history = card(page, 'production').locator('details[data-key="history:production"]');
    await history.locator('summary').click();
    await history.locator('li', { hasText: 'smoke passed' }).first().waitFor();
    await panel(page).locator('#live').waitFor({ state: 'attached' });
  });

  await step('a promotion scheduled from the command line shows in the panel, and is cancelled there', async () => {
    botv(workspace, 'promote', 'pizza-dev', 'staging', '--at', '2999-01-01T06:00:00Z', '--note', 'release train 27');
    const scheduled = card(page, 'staging').locator('.schedule', { hasText: 'v1' });
    await scheduled.locator('p', { hasText: 'release train 27' }).waitFor({ timeout: 30_000 });
    await scheduled.locator('button', { hasText: 'Cancel' }).click();
    await confirmDialog(page, 'Cancel Schedule');
    await card(page, 'staging').locator('.schedule').waitFor({ state: 'detached', timeout: 20_000 });
    const [s] = botv(workspace, 'schedule', 'list', 'pizza-dev', '--all');
    if (s.status !== 'cancelled') throw new Error(`the schedule is ${s.status}, not cancelled`);
  });
}
