// Bot Versions' own helpers for browser scenarios: the Versions tree, the Comparison view,
// the Environments panel, VS Code's modal dialogs, and the CLI for setting up state (which
// also proves the views follow changes made outside the editor).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../../scripts/vscode/paths.mjs';

/** Runs `botv` on the scenario's workspace; returns its parsed --json output. */
export function botv(workspace, ...args) {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args, '--root', workspace, '--json'], {
    encoding: 'utf8',
    cwd: workspace,
    env: { ...process.env, BOTV_AUTHOR: 'Scenario Author' },
  });
  if (r.status !== 0) throw new Error(`botv ${args.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
  return r.stdout.trim() ? JSON.parse(r.stdout) : null;
}

/** A row of the Versions view whose label starts with `text`. */
export function treeRow(page, text) {
  return page.locator('.pane-body .monaco-list-row', { has: page.locator('.label-name', { hasText: text }) }).first();
}

/** Opens the Bot Versions container and waits for the Versions view to list the bots (a bot named `bot` among them). */
export async function openBotVersions(t, bot = 'Pizza Bot (development)') {
  await t.vscode.openView('Bot Versions');
  await treeRow(t.page, bot).waitFor({ timeout: 30_000 });
}

/** Clicks a button of VS Code's modal dialog (confirmations). */
export async function confirmDialog(page, button) {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: button }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
}

/** The Environments panel's content frame. */
export function panel(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** The card of one environment in the panel. */
export function card(page, environment) {
  return panel(page).locator('article.card', { has: panel(page).locator('h2', { hasText: new RegExp(`^\\s*${environment}`, 'i') }) });
}
