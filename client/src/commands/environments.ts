import * as vscode from 'vscode';
import type { BotInfo, EnvironmentInfo, PromotePreview } from '../../../server/src/lsp/protocol';
import { BotVersionsError } from '../ctx';
import type { Ctx } from '../ctx';
import { age, dateTime, plural, versionTitle } from '../format';
import { ask, pickBot, pickEnvironment, pickVersion, versionOf } from './pick';
import { Cancelled, command, confirm } from './run';

/** Promote, roll back, set an environment, history: from the palette, the tree or the panel. */
export function registerEnvironmentCommands(ctx: Ctx): void {
  ctx.push(
    command(ctx, 'botVersions.promote', { writes: true }, async (arg?: unknown, environment?: string) => {
      const bot = await pickBot(ctx, arg, 'Promote a version of which bot?');
      const envs = bot.environments;
      let target: EnvironmentInfo;
      const version = versionOf(arg);
      if (environment) target = mustFind(envs, environment);
      else if (version) {
        // From a version row: into the stage that promotes from the last one holding it.
        const holders = envs.filter((e) => e.version?.id === version.id);
        const next = holders.length ? envs.find((e) => e.promotesFrom === holders.at(-1)!.name) : undefined;
        if (!next) {
          return vscode.commands.executeCommand('botVersions.setEnvironment', arg);
        }
        target = next;
      } else {
        target = await pickEnvironment(envs, `Promote ${bot.id} into which environment?`, (e) => !!envs.find((s) => s.name === e.promotesFrom)?.version);
      }
      await promote(ctx, bot, target);
      return undefined;
    }),

    command(ctx, 'botVersions.rollback', { writes: true }, async (arg?: unknown, environment?: string, to?: string) => {
      const bot = await pickBot(ctx, arg, 'Roll back an environment of which bot?');
      const env = environment
        ? mustFind(bot.environments, environment)
        : await pickEnvironment(bot.environments, `Roll back which environment of ${bot.id}?`, (e) => !!e.version);
      let targetId = to;
      let targetLabel = env.previous ? versionTitle(env.previous) : undefined;
      if (!targetId) {
        const items: (vscode.QuickPickItem & { id?: string })[] = [];
        if (env.previous) items.push({ label: `$(history) ${versionTitle(env.previous)}`, description: 'what it held before', id: env.previous.id });
        items.push({ label: '$(list-selection) Choose a version…', description: 'any earlier version' });
        const chosen = await vscode.window.showQuickPick(items, { placeHolder: `Roll ${env.name} back to…` });
        if (!chosen) throw new Cancelled();
        if (chosen.id) targetId = chosen.id;
        else {
          const v = await pickVersion(ctx, bot, `Roll ${env.name} back to which version?`, (v) => v.id !== env.version?.id);
          targetId = v.id;
          targetLabel = versionTitle(v);
        }
      }
      await confirm(
        `Roll ${env.name} of ${bot.id} back to ${targetLabel ?? 'the chosen version'}?`,
        `${env.name} holds ${env.version ? versionTitle(env.version) : 'nothing'} now${env.since ? ` (since ${dateTime(env.since)}, by ${env.by})` : ''}. Everyone using ${env.name} gets the older version at once.`,
        'Roll Back',
      );
      const after = await ctx.request('botVersions/rollback', { bot: bot.id, environment: env.name, to: to ?? (targetId === env.previous?.id ? undefined : targetId) });
      await ctx.refresh();
      void vscode.window.showInformationMessage(`${env.name} of ${bot.id} is back at ${after.version ? versionTitle(after.version) : 'nothing'}.`);
    }),

    command(ctx, 'botVersions.setEnvironment', { writes: true }, async (arg?: unknown, environment?: string) => {
      const bot = await pickBot(ctx, arg, 'Set an environment of which bot?');
      const version = versionOf(arg) ?? (await pickVersion(ctx, bot, `Which version of ${bot.id}?`));
      const env = environment
        ? mustFind(bot.environments, environment)
        : await pickEnvironment(bot.environments, `Put ${version.label} into which environment?`, (e) => e.version?.id !== version.id);
      const preview = await ctx.request('botVersions/previewPromote', { bot: bot.id, environment: env.name, version: version.id });
      await confirmPreview(preview, `Set ${env.name} of ${bot.id} to ${versionTitle(version)}?`, 'Set Environment');
      const override = await overrideIfRefused(preview);
      const after = await ctx.request('botVersions/setEnvironment', { bot: bot.id, environment: env.name, version: version.id, override });
      await ctx.refresh();
      void vscode.window.showInformationMessage(`${env.name} of ${bot.id} now holds ${after.version ? versionTitle(after.version) : version.label}.`);
    }),

    command(ctx, 'botVersions.showHistory', {}, async (arg?: unknown) => {
      const bot = await pickBot(ctx, arg, 'Show the history of which bot?');
      const entries = await ctx.request('botVersions/history', { bot: bot.id });
      if (!entries.length) {
        void vscode.window.showInformationMessage(`${bot.id} has no history yet. Save a version to start it.`);
        return;
      }
      await vscode.window.showQuickPick(
        entries.map((e) => ({ label: e.text, description: `${e.by} · ${age(e.at)}`, detail: `${dateTime(e.at)} · ${e.action}${e.environment ? ` · ${e.environment}` : ''}` })),
        { title: `History of ${bot.id}`, placeHolder: `${plural(entries.length, 'action')} — type to filter`, matchOnDescription: true, matchOnDetail: true },
      );
    }),
  );
}

function mustFind(envs: readonly EnvironmentInfo[], name: string): EnvironmentInfo {
  const env = envs.find((e) => e.name === name);
  if (!env) throw new Error(`There is no environment "${name}". The pipeline is ${envs.map((e) => e.name).join(' → ')}; change it in .botversions/config.json.`);
  return env;
}

/** Promotes into `target` from the stage before it, after showing what will change. */
export async function promote(ctx: Ctx, bot: BotInfo, target: EnvironmentInfo): Promise<void> {
  const preview = await ctx.request('botVersions/previewPromote', { bot: bot.id, environment: target.name });
  if (preview.blocked) throw new Error(preview.blocked);
  const incoming = preview.incoming ? versionTitle(preview.incoming) : 'nothing';
  await confirmPreview(preview, `Promote ${incoming} of ${bot.id} from ${preview.from} to ${target.name}?`, 'Promote');
  const override = await overrideIfRefused(preview);
  const after = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Promoting to ${target.name}…` }, () =>
    ctx.request('botVersions/promote', { bot: bot.id, environment: target.name, ...(preview.from ? { from: preview.from } : {}), override }),
  );
  await ctx.refresh();
  void vscode.window.showInformationMessage(`${target.name} of ${bot.id} now holds ${after.version ? versionTitle(after.version) : incoming}.`);
}

async function confirmPreview(p: PromotePreview, message: string, action: string): Promise<void> {
  const lines: string[] = [];
  lines.push(`${p.environment} holds ${p.current ? versionTitle(p.current) : 'nothing'} now.`);
  const c = p.comparison;
  if (c) {
    if (!c.files.length) lines.push('The two versions hold the same files.');
    else {
      lines.push(`${plural(c.files.length, 'file')} differ:`);
      for (const s of c.summary.slice(0, 12)) {
        const where = [s.parent, s.locale].filter((x) => x !== undefined).join(', ');
        lines.push(`  ${s.change === 'added' ? '+' : s.change === 'removed' ? '−' : '~'} ${s.kind} ${s.name}${where ? ` (${where})` : ''}${s.detail ? `: ${s.detail}` : ''}`);
      }
      if (c.summary.length > 12) lines.push(`  … and ${c.summary.length - 12} more`);
    }
  }
  if (p.gate.checked) {
    lines.push(p.gate.errors ? `Validation: ${plural(p.gate.errors, 'error')} — this version may not enter ${p.environment} without an override.` : `Validation passed${p.gate.warnings ? ` with ${plural(p.gate.warnings, 'warning')}` : ''}.`);
  }
  await confirm(message, lines.join('\n'), action);
}

/** When the gate refuses, asks whether to override it and why; the reason goes into the history. */
async function overrideIfRefused(p: PromotePreview): Promise<string | undefined> {
  if (!p.gate.checked || !p.gate.errors) return undefined;
  const first = p.gate.problems.filter((x) => x.severity === 'error').slice(0, 3).map((x) => `${x.file}:${x.line + 1} ${x.message}`);
  const choice = await vscode.window.showErrorMessage(
    `${p.incoming?.label ?? 'This version'} has ${plural(p.gate.errors, 'validation error')} and may not enter ${p.environment}.`,
    { modal: true, detail: `${first.join('\n')}\n\nFix them and save a new version, or override the gate; the override and its reason are recorded in the history.` },
    'Override…',
  );
  if (!choice) throw new BotVersionsError('Cancelled: the version did not pass validation.', { code: 'GATE_REFUSED', problems: p.gate.problems });
  const reason = await ask(`Why may ${p.incoming?.label ?? 'it'} enter ${p.environment} with errors? (recorded in the history)`);
  if (!reason) throw new Cancelled();
  return reason;
}
