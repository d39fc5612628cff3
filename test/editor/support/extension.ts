// What the in-editor tests share: the extension under test, its API, and waits that
// end on an event or a deadline, never on a fixed sleep.
import * as assert from 'node:assert/strict';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { BotVersionsApi } from '../../../client/src/extension';

export const extensionId = 'botversions.bot-versions';

/** The extension under test; fails the test when VS Code does not know it. */
export function ourExtension(): vscode.Extension<BotVersionsApi> {
  const ext = vscode.extensions.getExtension<BotVersionsApi>(extensionId);
  assert.ok(ext, `VS Code does not list ${extensionId}: was it loaded as extensionDevelopmentPath?`);
  return ext;
}

/** Prints a line into the test transcript (console.log in the extension host goes to its log, not here). */
export function note(...args: unknown[]): void {
  Mocha.reporters.Base.consoleLog('      ' + args.map(String).join(' '));
}

/** Activates the extension (if the workspace has not already) and returns its API. */
export async function activate(): Promise<BotVersionsApi> {
  const api = await ourExtension().activate();
  assert.ok(api, 'activate() returned nothing: the extension should return its API');
  return api;
}

/** Resolves with `promise`, or fails naming `what` once `ms` have passed. */
export async function within<T>(ms: number, what: string, promise: PromiseLike<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve(promise), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once `check` holds, re-checking whenever `event` fires; fails after `ms`. */
export async function until(
  what: string,
  check: () => boolean,
  event: vscode.Event<unknown>,
  ms = 20_000,
): Promise<void> {
  if (check()) return;
  let sub: vscode.Disposable | undefined;
  try {
    await within(
      ms,
      what,
      new Promise<void>((resolve) => {
        sub = event(() => {
          if (check()) resolve();
        });
      }),
    );
  } finally {
    sub?.dispose();
  }
}

/** The workspace folder the tests run in (a fresh copy of samples/pizza-shop). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'No folder is open: the test runner should open a copy of samples/pizza-shop');
  return folder.uri;
}

/** Opens a file of the workspace (path relative to its root) in an editor. */
export async function openFile(relativePath: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** Resolves with a file's diagnostics once `check` accepts them (e.g. the server has published). */
export async function diagnosticsOf(
  uri: vscode.Uri,
  check: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  ms = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri);
  await until(`diagnostics of ${vscode.workspace.asRelativePath(uri)} as expected`, () => check(current()), vscode.languages.onDidChangeDiagnostics, ms);
  return current();
}
