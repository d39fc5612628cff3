import * as vscode from 'vscode';
import { BotVersionsError, errorMessage } from '../ctx';
import type { Ctx } from '../ctx';

/** Thrown when the user dismisses a quick pick or a confirmation: the command just stops. */
export class Cancelled extends Error {}

export interface CommandOptions {
  /** The command writes to the workspace, so Restricted Mode refuses it. */
  writes?: boolean;
  /** Shown while it runs, in the notification area with a progress bar. */
  progress?: string;
}

/**
 * Wraps a command: refuses writes in an untrusted workspace, shows progress, and turns
 * every failure into a message that says what went wrong and what to do.
 */
export function command<A extends unknown[]>(
  ctx: Ctx,
  id: string,
  options: CommandOptions,
  body: (...args: A) => Promise<unknown>,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A) => {
    if (options.writes && !vscode.workspace.isTrusted) {
      const choice = await vscode.window.showWarningMessage(
        'Bot Versions does not change files in Restricted Mode. Trust this workspace to save, restore, promote or release versions.',
        'Manage Workspace Trust',
      );
      if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    try {
      await ctx.ready;
      if (!options.progress) return await body(...args);
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: options.progress },
        () => body(...args),
      );
    } catch (e) {
      if (e instanceof Cancelled) return undefined;
      await showError(ctx, e);
      return undefined;
    }
  });
}

export async function showError(ctx: Ctx, e: unknown): Promise<void> {
  ctx.output.error(errorMessage(e));
  // UNTRUSTED: the server refused at once; READ_ONLY: the store refused a write under way.
  if (e instanceof BotVersionsError && (e.data.code === 'UNTRUSTED' || e.data.code === 'READ_ONLY')) {
    const choice = await vscode.window.showWarningMessage(e.message, 'Manage Workspace Trust');
    if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  if (e instanceof BotVersionsError && e.data.code === 'GATE_REFUSED' && e.data.problems?.length) {
    const choice = await vscode.window.showErrorMessage(e.message, 'Show Problems');
    if (choice) {
      for (const p of e.data.problems.slice(0, 50)) ctx.output.error(`${p.file}:${p.line + 1}:${p.character + 1} ${p.severity} ${p.code} ${p.message}`);
      ctx.output.show(true);
    }
    return;
  }
  const choice = await vscode.window.showErrorMessage(errorMessage(e), 'Show Log');
  if (choice) ctx.output.show(true);
}

/** Asks before something that changes what users of an environment get. */
export async function confirm(message: string, detail: string, action: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  if (choice !== action) throw new Cancelled();
}
