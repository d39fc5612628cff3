import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { versionTitle } from '../format';
import { ask, pickBot, pickRelease, pickVersion, versionOf } from './pick';
import { Cancelled, command, confirm } from './run';

/** Create a release from one bot to another; accept or reject it in the target. */
export function registerReleaseCommands(ctx: Ctx): void {
  ctx.push(
    command(ctx, 'botVersions.createRelease', { writes: true }, async (arg?: unknown) => {
      const from = await pickBot(ctx, arg, 'Release a version of which bot?');
      const version = versionOf(arg) ?? (await pickVersion(ctx, from, `Release which version of ${from.id}?`));
      const targets = ctx.bots.filter((b) => b.id !== from.id);
      if (!targets.length) throw new Error(`There is no other bot to release ${from.id} to. Add the target bot's folder (with its own bot.yaml) to the workspace first.`);
      const chosen = await vscode.window.showQuickPick(
        targets
          .sort((a, b) => Number(b.protected) - Number(a.protected))
          .map((b) => ({ label: b.name || b.id, description: `${b.id}${b.protected ? ' · protected' : ''}`, bot: b })),
        { placeHolder: `Release ${version.label} of ${from.id} to which bot?` },
      );
      if (!chosen) throw new Cancelled();
      const name = await ask('Name of the release (optional)', version.name);
      const description = await ask('Description (optional)', '', 'What it brings');
      const release = await ctx.request('botVersions/createRelease', {
        bot: from.id,
        version: version.id,
        to: chosen.bot.id,
        name: name || undefined,
        description: description || undefined,
      });
      await ctx.refresh();
      const accept = await vscode.window.showInformationMessage(
        `Release ${release.shortId} of ${from.id} ${version.label} is pending in ${chosen.bot.id}.`,
        'Accept Now',
      );
      if (accept) await vscode.commands.executeCommand('botVersions.acceptRelease', { bot: chosen.bot.id, release });
    }),

    command(ctx, 'botVersions.acceptRelease', { writes: true }, async (arg?: unknown) => {
      const bot = await pickBot(ctx, arg ?? pendingTarget(ctx), 'Accept a release into which bot?');
      const release = await pickRelease(bot, `Accept which release into ${bot.id}?`, arg);
      await confirm(
        `Accept release ${release.fromBot} ${release.fromLabel} into ${bot.id}?`,
        `Its files replace the working copy of ${bot.id}. ${bot.id} keeps its own id, name, release rules and the files its release.keep names. A new version of ${bot.id} records where it came from.`,
        'Accept',
      );
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Accepting ${release.fromBot} ${release.fromLabel}…` }, () =>
        ctx.request('botVersions/acceptRelease', { bot: bot.id, release: release.id }),
      );
      await ctx.refresh();
      void vscode.window.showInformationMessage(`Accepted: ${bot.id} ${versionTitle(r.version)} now holds ${release.fromBot} ${release.fromLabel}.`);
    }),

    command(ctx, 'botVersions.rejectRelease', { writes: true }, async (arg?: unknown) => {
      const bot = await pickBot(ctx, arg ?? pendingTarget(ctx), 'Reject a release of which bot?');
      const release = await pickRelease(bot, `Reject which release of ${bot.id}?`, arg);
      const reason = await ask(`Why reject ${release.fromBot} ${release.fromLabel}? (optional, recorded in the history)`);
      await ctx.request('botVersions/rejectRelease', { bot: bot.id, release: release.id, reason: reason || undefined });
      await ctx.refresh();
      void vscode.window.showInformationMessage(`Rejected release ${release.fromBot} ${release.fromLabel}; ${bot.id} is unchanged.`);
    }),
  );
}

/** With no argument, the only bot that has a pending release is the obvious target. */
function pendingTarget(ctx: Ctx): string | undefined {
  const withPending = ctx.bots.filter((b) => b.pendingReleases.length);
  return withPending.length === 1 ? withPending[0]!.id : undefined;
}
