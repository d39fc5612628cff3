import * as vscode from 'vscode';
import type { BotInfo, EnvironmentInfo, ReleaseInfo, VersionInfo } from '../../../server/src/lsp/protocol';
import type { Ctx } from '../ctx';
import { age, versionTitle } from '../format';
import { Cancelled } from './run';

/** The bot a command acts on: the one in its argument, the only one, the active editor's, or a pick. */
export async function pickBot(ctx: Ctx, arg?: unknown, placeHolder = 'Choose a bot'): Promise<BotInfo> {
  const fromArg = botOf(ctx, arg);
  if (fromArg) return fromArg;
  const bots = ctx.bots;
  if (bots.length === 0) {
    throw new Error('There is no bot in this workspace. A bot is a folder with a bot.yaml manifest; run "Bot Versions: Create Sample Bot" to make one.');
  }
  if (bots.length === 1) return bots[0]!;
  const active = vscode.window.activeTextEditor && ctx.botOfUri(vscode.window.activeTextEditor.document.uri);
  const items = bots.map((bot) => ({
    label: bot.name || bot.id,
    description: bot.id,
    detail: bot.latest ? `last ${versionTitle(bot.latest)} · ${age(bot.latest.createdAt)}` : 'no version yet',
    bot,
  }));
  if (active) items.sort((a, b) => Number(b.bot.id === active.id) - Number(a.bot.id === active.id));
  const chosen = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
  if (!chosen) throw new Cancelled();
  return chosen.bot;
}

function botOf(ctx: Ctx, arg: unknown): BotInfo | undefined {
  if (arg && typeof arg === 'object') {
    const a = arg as { bot?: unknown };
    if (a.bot && typeof a.bot === 'object' && 'id' in a.bot) return ctx.bot((a.bot as BotInfo).id) ?? (a.bot as BotInfo);
    if (typeof a.bot === 'string') return ctx.bot(a.bot);
  }
  if (arg instanceof vscode.Uri) return ctx.botOfUri(arg);
  if (typeof arg === 'string') return ctx.bot(arg);
  return undefined;
}

/** The version in a command's argument (a tree row), if any. */
export function versionOf(arg: unknown): VersionInfo | undefined {
  if (arg && typeof arg === 'object' && 'version' in arg) {
    const v = (arg as { version: unknown }).version;
    if (v && typeof v === 'object' && 'id' in v) return v as VersionInfo;
  }
  return undefined;
}

export async function pickVersion(
  ctx: Ctx,
  bot: BotInfo,
  placeHolder: string,
  filter: (v: VersionInfo) => boolean = () => true,
): Promise<VersionInfo> {
  const { versions } = await ctx.request('botVersions/listVersions', { bot: bot.id, offset: 0, limit: 1000 });
  const candidates = versions.filter(filter);
  if (!candidates.length) throw new Error(`${bot.id} has no version to choose. Save a version first.`);
  const chosen = await vscode.window.showQuickPick(
    candidates.map((v) => ({
      label: versionTitle(v),
      description: [v.environments.map((e) => `[${e}]`).join(' '), age(v.createdAt), v.author].filter(Boolean).join(' · '),
      detail: v.description || v.origin,
      version: v,
    })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  if (!chosen) throw new Cancelled();
  return chosen.version;
}

export async function pickEnvironment(
  envs: readonly EnvironmentInfo[],
  placeHolder: string,
  filter: (e: EnvironmentInfo) => boolean = () => true,
): Promise<EnvironmentInfo> {
  const candidates = envs.filter(filter);
  if (!candidates.length) throw new Error('No environment can take this action now. Open "Bot Versions: Show Environments" to see where each version is.');
  const chosen = await vscode.window.showQuickPick(
    candidates.map((e) => ({
      label: e.name,
      description: e.version ? `${versionTitle(e.version)}${e.since ? ` · since ${age(e.since)}` : ''}` : 'empty',
      env: e,
    })),
    { placeHolder },
  );
  if (!chosen) throw new Cancelled();
  return chosen.env;
}

export async function pickRelease(bot: BotInfo, placeHolder: string, arg?: unknown): Promise<ReleaseInfo> {
  if (arg && typeof arg === 'object' && 'release' in arg) return (arg as { release: ReleaseInfo }).release;
  if (!bot.pendingReleases.length) throw new Error(`${bot.id} has no pending release. Create one from another bot with "Bot Versions: Create Release".`);
  // With one pending release there is nothing to choose; the confirmation that follows names it.
  if (bot.pendingReleases.length === 1) return bot.pendingReleases[0]!;
  const chosen = await vscode.window.showQuickPick(
    bot.pendingReleases.map((r) => ({
      label: `${r.fromBot} ${r.fromLabel}`,
      description: `${age(r.createdAt)} · ${r.author}`,
      detail: r.name || r.description || undefined,
      release: r,
    })),
    { placeHolder },
  );
  if (!chosen) throw new Cancelled();
  return chosen.release;
}

export async function ask(prompt: string, value = '', placeHolder?: string): Promise<string> {
  const answer = await vscode.window.showInputBox({ prompt, value, placeHolder });
  if (answer === undefined) throw new Cancelled();
  return answer.trim();
}
