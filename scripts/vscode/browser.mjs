// Drives the code-server workbench in Debian's headless Chromium with playwright-core:
// open a folder, wait for the workbench, run a palette command, wait for a notification,
// take a screenshot. Every wait is for a selector or an event; the one fixed pause is the
// notification fade-in before a screenshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, screenshotsDir } from './paths.mjs';

/** Selectors of the workbench that the helpers and scenarios rely on (VS Code 1.139). */
export const selectors = {
  workbench: '.monaco-workbench',
  statusBar: '.monaco-workbench .part.statusbar',
  activityBarEntry: (title) => `.part.activitybar .action-item a[aria-label^="${cssString(title)}"]`,
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget input',
  quickInputRow: '.quick-input-list .monaco-list-row',
  notification: '.notification-toast',
  editor: '.editor-instance .monaco-editor',
  tab: (name) => `.tabs-container .tab[aria-label^="${cssString(name)}"]`,
  explorerRow: (name) => `.explorer-folders-view .monaco-list-row[aria-label^="${cssString(name)}"]`,
  squiggleError: '.monaco-editor .squiggly-error',
  markersPanel: '.markers-panel',
  diffEditor: '.monaco-diff-editor',
};

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function cssString(s) {
  return s.replace(/["\\]/g, '\\$&');
}

/**
 * Launches headless Chromium with a profile inside the server's temporary folder and the
 * server's isolated environment. Returns a playwright BrowserContext.
 * @param {{dir: string, env: Record<string, string | undefined>}} server
 * @param {{colorScheme?: 'dark' | 'light', headless?: boolean}} [options]
 */
export async function launchBrowser(server, { colorScheme = 'dark', headless = true } = {}) {
  const profile = join(server.dir, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    args: chromiumArgs,
    env: server.env,
    viewport: { width: 1440, height: 900 },
    colorScheme,
  });
}

/**
 * Opens `folder` in the workbench and waits until the workbench is up. Returns the page.
 * @param {import('playwright-core').BrowserContext} context
 * @param {{folderUrl: (folder: string, payload?: [string, string][]) => string}} server
 * @param {string} folder
 * @param {{payload?: [string, string][], page?: import('playwright-core').Page, timeout?: number}} [options]
 */
export async function openWorkbench(context, server, folder, { payload, page, timeout = 60_000 } = {}) {
  const p = page ?? context.pages()[0] ?? (await context.newPage());
  await p.goto(server.folderUrl(folder, payload));
  await waitForWorkbench(p, { timeout });
  return p;
}

/** Resolves when the workbench has rendered (its status bar shows). */
export async function waitForWorkbench(page, { timeout = 60_000 } = {}) {
  await page.locator(selectors.statusBar).waitFor({ state: 'visible', timeout });
}

/** Resolves with the activity-bar entry whose title starts with `title`, once it shows. */
export async function waitForActivityBarEntry(page, title, { timeout = 30_000 } = {}) {
  const entry = page.locator(selectors.activityBarEntry(title)).first();
  await entry.waitFor({ state: 'visible', timeout });
  return entry;
}

/**
 * Runs a command from the palette by its label as the palette shows it, e.g.
 * 'Bot Versions: Save Version'. Right after start-up the palette may not list an
 * extension's commands yet, so it retries until `timeout`.
 */
export async function runCommand(page, label, { timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  const input = page.locator(selectors.quickInputBox);
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${label}`);
    const row = page
      .locator(selectors.quickInputRow)
      .filter({ has: page.locator('.label-name', { hasText: exactText(label) }) })
      .first();
    try {
      await row.waitFor({ state: 'visible', timeout: Math.max(1000, Math.min(5000, deadline - Date.now())) });
      await row.click();
      await page.locator(selectors.quickInputRow).first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) {
        throw new Error(`The command palette has no command "${label}" after ${timeout} ms: is it contributed, and did the extension activate? (${e instanceof Error ? e.message : e})`);
      }
    }
  }
}

/** Picks the row of an open quick pick whose label is `label` (or matches it, a RegExp). */
export async function pickQuickItem(page, label, { timeout = 10_000 } = {}) {
  const row = page
    .locator(selectors.quickInputRow)
    .filter({ has: page.locator('.label-name', { hasText: exactText(label) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
}

/** Types into an open input box (or quick pick filter) and presses Enter. */
export async function answerInput(page, text, { timeout = 10_000 } = {}) {
  const input = page.locator(selectors.quickInputBox);
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(text);
  await input.press('Enter');
}

/** Resolves with the notification toast whose text matches, once it shows. */
export async function waitForNotification(page, text, { timeout = 30_000 } = {}) {
  const toast = page.locator(selectors.notification).filter({ hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout });
  return toast;
}

/** Opens a file of the workspace through Quick Open and resolves when its editor is active. */
export async function openFile(page, relativePath, { timeout = 30_000 } = {}) {
  const name = relativePath.split('/').pop();
  const input = page.locator(selectors.quickInputBox);
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(relativePath);
  const row = page.locator(selectors.quickInputRow).filter({ hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout });
  await input.press('Enter');
  await page.locator(`${selectors.tab(name)}.active`).waitFor({ state: 'visible', timeout });
  await page.locator(selectors.editor).first().waitFor({ state: 'visible', timeout });
}

/**
 * Saves a PNG of the page as .artifacts/screenshots/<name>.png and returns its path.
 * Waits for a visible notification to finish fading in first.
 */
export async function screenshot(page, name) {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  if (await page.locator(selectors.notification).first().isVisible()) await page.waitForTimeout(800);
  await page.screenshot({ path });
  return path;
}

function exactText(s) {
  if (s instanceof RegExp) return s;
  return new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
