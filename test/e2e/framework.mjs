// A tiny framework for browser scenarios in the real workbench. A scenario is a file
// test/e2e/<name>.scenario.mjs that exports
//
//   export const name = 'save-version';          // also the screenshot's file name
//   export const timeout = 120_000;              // optional, ms
//   export const workspaceTrust = true;          // optional: keep workspace trust on (Restricted Mode tests)
//   export const walkthrough = true;             // optional: let the walkthrough open on first run
//   export const emptyWorkspace = true;          // optional: open an empty folder instead of the sample
//   export const sample = 'rasa-pizza';          // optional: open a copy of another folder of samples/
//   /** @param {import('../e2e/framework.mjs').ScenarioContext} t */
//   export async function run(t) { … }
//
// Each runs against its own code-server with the packaged .vsix installed and a fresh
// copy of samples/pizza-shop open; the runner (scripts/vscode/e2e.mjs) takes a
// screenshot when it ends, passed or failed.
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  answerInput,
  openFile,
  pickQuickItem,
  runCommand,
  screenshot,
  selectors,
  waitForActivityBarEntry,
  waitForNotification,
} from '../../scripts/vscode/browser.mjs';

/**
 * @typedef {object} WorkbenchHelpers  The page's helpers, bound to it (see scripts/vscode/browser.mjs).
 * @property {(label: string, o?: {timeout?: number}) => Promise<void>} runCommand  Palette command by its label, e.g. 'Bot Versions: Save Version'.
 * @property {(label: string | RegExp, o?: {timeout?: number}) => Promise<void>} pickQuickItem  Picks an item of an open quick pick.
 * @property {(text: string, o?: {timeout?: number}) => Promise<void>} answerInput  Types into an open input box and presses Enter.
 * @property {(text: string | RegExp, o?: {timeout?: number}) => Promise<import('playwright-core').Locator>} waitForNotification
 * @property {(relativePath: string, o?: {timeout?: number}) => Promise<void>} openFile  Quick Open, then waits for the editor.
 * @property {(title: string, o?: {timeout?: number}) => Promise<import('playwright-core').Locator>} activityBarEntry  Waits for an activity-bar entry.
 * @property {(title: string) => Promise<void>} openView  Clicks an activity-bar entry and waits for its side bar.
 * @property {typeof selectors} selectors
 *
 * @typedef {object} ScenarioContext
 * @property {import('playwright-core').Page} page  The workbench, already loaded.
 * @property {WorkbenchHelpers} vscode
 * @property {string} workspace  Absolute path of this scenario's copy of samples/pizza-shop.
 * @property {{url: string, port: number, logFile: string}} server
 * @property {'dark' | 'light'} theme
 * @property {typeof assert} assert  node:assert/strict.
 * @property {<T>(title: string, fn: () => Promise<T>) => Promise<T>} step  A named step: printed, and named in a failure.
 * @property {(label: string) => Promise<string>} screenshot  An extra screenshot, <scenario>-<label>.png; returns its path.
 */

/** Every scenario file under `dir`, sorted, with its exports checked. */
export async function loadScenarios(dir) {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.scenario.mjs'))
    .sort();
  const scenarios = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    if (typeof mod.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(mod.name)) {
      throw new Error(`${f}: export a \`name\` of lower-case letters, digits and dashes (it names the screenshot).`);
    }
    if (typeof mod.run !== 'function') throw new Error(`${f}: export an async function \`run(t)\`.`);
    if (scenarios.some((s) => s.name === mod.name)) throw new Error(`${f}: another scenario is already named "${mod.name}".`);
    scenarios.push({ name: mod.name, file: basename(f), run: mod.run, timeout: mod.timeout ?? 120_000, workspaceTrust: mod.workspaceTrust === true, walkthrough: mod.walkthrough === true, emptyWorkspace: mod.emptyWorkspace === true, sample: typeof mod.sample === 'string' ? mod.sample : undefined });
  }
  return scenarios;
}

/** The helpers a scenario gets, bound to its page. */
export function workbenchHelpers(page) {
  return {
    runCommand: (label, o) => runCommand(page, label, o),
    pickQuickItem: (label, o) => pickQuickItem(page, label, o),
    answerInput: (text, o) => answerInput(page, text, o),
    waitForNotification: (text, o) => waitForNotification(page, text, o),
    openFile: (path, o) => openFile(page, path, o),
    activityBarEntry: (title, o) => waitForActivityBarEntry(page, title, o),
    async openView(title) {
      const entry = await waitForActivityBarEntry(page, title);
      const checked = await entry.evaluate((a) => a.closest('.action-item')?.classList.contains('checked'));
      if (!checked) await entry.click();
      const header = page.locator('.part.sidebar .composite.title', { hasText: title }).first();
      await header.waitFor({ state: 'visible' });
      // Off the activity bar, so that its tooltip does not cover the screenshot.
      await header.hover();
    },
    selectors,
  };
}

/** The context handed to a scenario's run(). */
export function scenarioContext({ scenario, shotName, page, workspace, server, theme, log }) {
  return {
    page,
    vscode: workbenchHelpers(page),
    workspace,
    server,
    theme,
    assert,
    async step(title, fn) {
      const started = Date.now();
      log(`    · ${title}`);
      try {
        const r = await fn();
        log(`      (${((Date.now() - started) / 1000).toFixed(1)}s)`);
        return r;
      } catch (e) {
        if (e instanceof Error) e.message = `step "${title}": ${e.message}`;
        throw e;
      }
    },
    screenshot: (label) => screenshot(page, `${shotName}-${label}`),
    scenario: scenario.name,
  };
}
