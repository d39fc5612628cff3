import * as vscode from 'vscode';
import type { BotInfo, SideRef, VersionInfo } from '../../../server/src/lsp/protocol';
import type { Ctx } from '../ctx';
import { dateTime, localeWord, plural, versionTitle } from '../format';
import { versionFileUri } from '../versionDocuments';
import type { ComparisonTree } from '../views/comparisonTree';
import type { VersionsNode, VersionsTree } from '../views/versionsTree';
import { chooseLocales } from './locales';
import { ask, pickBot, pickVersion, versionOf } from './pick';
import { Cancelled, command, confirm } from './run';

interface Views {
  versions: VersionsTree;
  comparison: ComparisonTree;
}

/** Commands on versions: save, restore, delete, compare, copy id, open a file as it was. */
export function registerVersionCommands(ctx: Ctx, views: Views): void {
  ctx.push(
    command(ctx, 'botVersions.saveVersion', { writes: true, progress: 'Saving version…' }, async (arg?: unknown) => {
      const bot = await pickBot(ctx, arg, 'Save a version of which bot?');
      const force = bot.protected && views.versions.isUnlocked(bot.id);
      if (bot.protected && !force) {
        throw new Error(`${bot.id} is protected: it takes changes only through releases. Unlock it first ("Bot Versions: Unlock Protected Bot") to save a version of local edits.`);
      }
      if (bot.savedAs.length > 0) {
        const go = await vscode.window.showInformationMessage(
          `The working copy of ${bot.id} is the same as ${bot.savedAs.join(', ')}. Save another version of it anyway?`,
          'Save Anyway',
        );
        if (!go) throw new Cancelled();
      }
      // A bot whose locales are files of their own: which locales go in, and from where (default: all, from the working copy).
      const locales = await chooseLocales(ctx, bot);
      const name = await ask(`Name of the new version of ${bot.id} (leave empty for the date and time)`, '', 'e.g. Spring menu');
      const description = await ask('Description (optional)', '', 'What changed and why');
      const v = await ctx.request('botVersions/saveVersion', { bot: bot.id, name: name || undefined, description: description || undefined, force, ...locales });
      await ctx.refresh();
      const held = v.locales?.length ? `; ${v.locales.map((l) => `${l.locale} from ${l.fromLabel ?? 'the working copy'}`).join(', ')}` : '';
      void vscode.window.showInformationMessage(`Saved ${versionTitle(v)} of ${bot.id} (${plural(v.fileCount, 'file')}${held}).`);
      for (const w of v.warnings ?? []) void vscode.window.showWarningMessage(w);
    }),

    command(ctx, 'botVersions.restoreVersion', { writes: true }, async (arg?: unknown) => {
      const bot = await pickBot(ctx, arg, 'Restore a version of which bot?');
      const version = versionOf(arg) ?? (await pickVersion(ctx, bot, `Restore which version of ${bot.id}? Its files replace the working copy.`));
      if (vscode.workspace.getConfiguration('botVersions').get('confirm.restore', true)) {
        const saved = bot.savedAs.length === 0 ? ' The working copy differs from every version, so it is saved as a new version first: you can undo this.' : '';
        await confirm(`Restore ${versionTitle(version)} of ${bot.id}?`, `The files of ${bot.id} on disk become those of ${version.label}.${saved}`, 'Restore');
      }
      const force = bot.protected && views.versions.isUnlocked(bot.id);
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Restoring ${version.label}…` }, () =>
        ctx.request('botVersions/restoreVersion', { bot: bot.id, version: version.id, force }),
      );
      await ctx.refresh();
      const undo = r.autoSaved ? ` The previous working copy was saved as ${r.autoSaved.label}.` : '';
      void vscode.window.showInformationMessage(`Restored ${versionTitle(r.restored)} of ${bot.id}.${undo}`);
    }),

    command(ctx, 'botVersions.deleteVersion', { writes: true }, async (arg?: unknown) => {
      const bot = await pickBot(ctx, arg, 'Delete a version of which bot?');
      const version = versionOf(arg) ?? (await pickVersion(ctx, bot, `Delete which version of ${bot.id}?`));
      await confirm(
        `Delete ${versionTitle(version)} of ${bot.id}?`,
        `It was saved by ${version.author} on ${dateTime(version.createdAt)}. This cannot be undone. A version that an environment holds or a pending release carries cannot be deleted.`,
        'Delete',
      );
      await ctx.request('botVersions/deleteVersion', { bot: bot.id, version: version.id });
      await ctx.refresh();
      void vscode.window.showInformationMessage(`Deleted ${version.label} of ${bot.id}.`);
    }),

    command(ctx, 'botVersions.compareWithWorkingCopy', {}, async (arg?: unknown) => {
      const bot = await pickBot(ctx, arg, 'Compare which bot?');
      const version = versionOf(arg) ?? (await pickVersion(ctx, bot, `Compare which version of ${bot.id} with the working copy?`));
      await showComparison(views.comparison, bot, { kind: 'version', id: version.id }, { kind: 'working' });
    }),

    command(ctx, 'botVersions.compareVersions', {}, async (arg?: unknown, selected?: unknown[]) => {
      const picked = (selected ?? []).map(versionOf).filter((v): v is VersionInfo => !!v);
      const bot = await pickBot(ctx, arg, 'Compare versions of which bot?');
      let from: VersionInfo;
      let to: VersionInfo;
      if (picked.length === 2) {
        [from, to] = picked[0]!.createdAt <= picked[1]!.createdAt ? [picked[0]!, picked[1]!] : [picked[1]!, picked[0]!];
      } else {
        from = versionOf(arg) ?? (await pickVersion(ctx, bot, 'Compare from which version (the older side)?'));
        to = await pickVersion(ctx, bot, `Compare ${from.label} with which version?`, (v) => v.id !== from.id);
      }
      await showComparison(views.comparison, bot, { kind: 'version', id: from.id }, { kind: 'version', id: to.id });
    }),

    command(ctx, 'botVersions.compareWith', {}, async (arg?: unknown) => {
      const bot = await pickBot(ctx, arg);
      const from = versionOf(arg) ?? (await pickVersion(ctx, bot, 'Compare which version?'));
      const { versions } = await ctx.request('botVersions/listVersions', { bot: bot.id, offset: 0, limit: 1000 });
      const items: (vscode.QuickPickItem & { side: SideRef })[] = [
        { label: '$(edit) Working copy', description: 'the files on disk now', side: { kind: 'working' } },
        ...versions.filter((v) => v.id !== from.id).map((v) => ({ label: versionTitle(v), description: `${v.author} · ${dateTime(v.createdAt)}`, side: { kind: 'version', id: v.id } as SideRef })),
      ];
      const chosen = await vscode.window.showQuickPick(items, { placeHolder: `Compare ${from.label} with…` });
      if (!chosen) throw new Cancelled();
      await showComparison(views.comparison, bot, { kind: 'version', id: from.id }, chosen.side);
    }),

    command(ctx, 'botVersions.openComparedFile', {}, (file: Parameters<ComparisonTree['openDiff']>[0]) => views.comparison.openDiff(file)),
    command(ctx, 'botVersions.clearComparison', {}, () => views.comparison.clear()),
    command(ctx, 'botVersions.comparisonLocale', {}, async () => {
      const shown = views.comparison.shown;
      if (!shown) throw new Error('Compare two versions first; then the comparison can be narrowed to one locale or language.');
      const w = localeWord(shown.bot.format);
      const items = [
        { label: `All ${w.many}`, description: shown.locale === undefined ? 'shown now' : '', locale: undefined as string | undefined },
        ...shown.bot.locales.map((l) => ({ label: l, description: shown.locale === l ? 'shown now' : '', locale: l as string | undefined })),
      ];
      const chosen = await vscode.window.showQuickPick(items, { placeHolder: `Show the changes of which ${w.one} of ${shown.bot.id}? (the files every ${w.one} shares are left out of one ${w.one})` });
      if (!chosen) throw new Cancelled();
      // The view says it when the locale's files are the same on both sides.
      await views.comparison.narrow(chosen.locale);
    }),

    command(ctx, 'botVersions.openDriftFile', {}, async (node: Extract<VersionsNode, { kind: 'drift-file' }>) => {
      const base = node.bot.base;
      if (!base) return;
      await views.comparison.openDiff(
        { path: node.path, change: node.change, additions: 0, deletions: 0 },
        { bot: node.bot.id, from: { kind: 'version', id: base.id, label: base.label }, to: { kind: 'working', label: 'working copy' }, files: [], summary: [] },
        node.bot,
      );
    }),

    command(ctx, 'botVersions.openFileAtVersion', {}, async (arg?: unknown) => {
      const bot = await pickBot(ctx, arg);
      const version = versionOf(arg) ?? (await pickVersion(ctx, bot, 'Open a file of which version?'));
      const files = await ctx.request('botVersions/versionFiles', { bot: bot.id, version: version.id });
      const chosen = await vscode.window.showQuickPick(
        files.map((f) => ({ label: f.path, description: f.change ? `${f.change} in ${version.label}` : undefined, path: f.path })),
        { placeHolder: `Open which file as ${version.label} holds it?`, matchOnDescription: true },
      );
      if (!chosen) throw new Cancelled();
      await vscode.window.showTextDocument(versionFileUri(bot.id, version.id, chosen.path, version.label), { preview: true });
    }),

    command(ctx, 'botVersions.copyVersionId', {}, async (arg?: unknown) => {
      const v = versionOf(arg);
      if (!v) throw new Error('Choose a version in the Versions view to copy its id.');
      await vscode.env.clipboard.writeText(v.id);
      void vscode.window.setStatusBarMessage(`Copied the id of ${v.label}: ${v.id}`, 3000);
    }),

    command(ctx, 'botVersions.showMoreVersions', {}, (node: Extract<VersionsNode, { kind: 'more' }>) => views.versions.showMore(node)),
    command(ctx, 'botVersions.refresh', {}, () => ctx.refresh()),
  );
}

async function showComparison(tree: ComparisonTree, bot: BotInfo, from: SideRef, to: SideRef): Promise<void> {
  const result = await tree.compare(bot, from, to);
  if (result.files.length === 1) await tree.openDiff(result.files[0]!);
  else if (!result.files.length) void vscode.window.showInformationMessage(`${result.from.label} and ${result.to.label} of ${bot.id} hold the same files.`);
}
