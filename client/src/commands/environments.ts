import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { BotInfo, EnvironmentInfo, GatesInfo, PromotePreview } from '../../../server/src/lsp/protocol';
import { BotVersionsError } from '../ctx';
import type { Ctx } from '../ctx';
import { age, dateTime, plural, versionTitle } from '../format';
import { ask, pickBot, pickEnvironment, pickVersion, versionOf } from './pick';
import { Cancelled, command, confirm, showError } from './run';

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
      const back = to ?? (targetId === env.previous?.id ? undefined : targetId);
      // A version the environment never held runs its gates; one it held does not.
      const after = await runGated(ctx, bot.id, env.name, targetLabel ?? 'the version', `Rolling ${env.name} back`, [], (g, token) => ctx.request('botVersions/rollback', { bot: bot.id, environment: env.name, to: back, ...g }, token));
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
      const approved = await approveCommands(ctx, preview);
      const after = await runGated(ctx, bot.id, env.name, version.label, `Setting ${env.name} to ${version.label}`, approved, (g, token) =>
        ctx.request('botVersions/setEnvironment', { bot: bot.id, environment: env.name, version: version.id, ...(override ? { override } : {}), ...g }, token),
      );
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
  const approved = await approveCommands(ctx, preview);
  await promoteNow(ctx, bot, target, preview, approved, override);
}

/**
 * Sends the promotion a preview planned. A refusal by a gate ends the command (what ran and
 * its output show in the Environments panel) with a message that offers the output and an
 * override, which promotes again with the reason.
 */
async function promoteNow(ctx: Ctx, bot: BotInfo, target: EnvironmentInfo, preview: PromotePreview, approved: string[], override: string | undefined): Promise<void> {
  const label = preview.incoming?.label ?? 'the version';
  let after;
  try {
    after = await runGated(ctx, bot.id, target.name, label, `Promoting ${label} to ${target.name}`, approved, (g, token) =>
      ctx.request('botVersions/promote', { bot: bot.id, environment: target.name, ...(preview.from ? { from: preview.from } : {}), ...(override ? { override } : {}), ...g }, token),
    );
  } catch (e) {
    if (!(e instanceof BotVersionsError) || e.data.code !== 'GATE_REFUSED' || override) throw e;
    const data = e.data;
    // Not awaited: the command (and the panel's buttons) must not wait for the message.
    void vscode.window.showErrorMessage(e.message.split('\n')[0]!, 'Show Output', 'Override…').then(async (choice) => {
      try {
        if (choice === 'Show Output') showGateOutput(ctx, bot.id, target.name, data.gates ?? [], e.message);
        if (choice !== 'Override…') return;
        const reason = await ask(`Why may ${label} enter ${target.name} although the gate "${data.gate ?? ''}" failed? (recorded in the history)`);
        if (reason) await promoteNow(ctx, bot, target, preview, approved, reason);
      } catch (err) {
        if (!(err instanceof Cancelled)) await showError(ctx, err);
      }
    });
    throw new Cancelled();
  }
  await ctx.refresh();
  void vscode.window.showInformationMessage(`${target.name} of ${bot.id} now holds ${after.version ? versionTitle(after.version) : label}.`);
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
  if (p.gate.checked && !p.gates.length) {
    lines.push(p.gate.errors ? `Validation: ${plural(p.gate.errors, 'error')} — this version may not enter ${p.environment} without an override.` : `Validation passed${p.gate.warnings ? ` with ${plural(p.gate.warnings, 'warning')}` : ''}.`);
  }
  if (p.gates.length) {
    lines.push(`Gates of ${p.environment}, in order:`);
    for (const g of p.gates) {
      if (g.run) lines.push(`  ${g.run.verdict === 'passed' ? '✓' : '✗'} ${g.name}: ${g.run.summary}`);
      else if (g.kind === 'command') lines.push(`  ▷ ${g.name}: runs \`${g.command}\`${g.timeoutSeconds ? ` (at most ${g.timeoutSeconds} s)` : ''}`);
      else lines.push(`  ▷ ${g.name}`);
    }
    if (p.gates.some((g) => g.run?.verdict === 'failed')) lines.push(`This version may not enter ${p.environment} without an override.`);
  }
  await confirm(message, lines.join('\n'), action);
}

const APPROVED_KEY = 'botVersions.approvedGateCommands';

/**
 * Asks the user before a gate command first runs in this workspace, and again when the
 * command changes: it comes from the repository, so it is code from whoever committed it.
 * Returns the command lines the user approved (the server runs no other).
 */
export async function approveCommands(ctx: Ctx, p: Pick<PromotePreview, 'environment' | 'incoming' | 'gates'>): Promise<string[]> {
  const commands = p.gates.filter((g) => g.kind === 'command' && g.command !== undefined) as Array<{ name: string; command: string }>;
  for (const g of commands) await approveCommand(ctx, g.name, g.command, p.environment, p.incoming?.label ?? 'the version');
  return commands.map((g) => g.command);
}

async function approveCommand(ctx: Ctx, gate: string, command: string, environment: string, version: string): Promise<void> {
  const approved = ctx.extension.workspaceState.get<string[]>(APPROVED_KEY, []);
  if (approved.includes(command)) return;
  const choice = await vscode.window.showWarningMessage(
    `The gate "${gate}" of ${environment} runs a command from this repository. Run it?`,
    {
      modal: true,
      detail: `${command}\n\nIt comes from .botversions/config.json, so it is code from whoever committed it. It runs as you, with your access to files, in a temporary folder holding ${version}'s files (never your working copy). Run it only if you trust it; you are asked again whenever the command changes.`,
    },
    'Run Command',
  );
  if (choice !== 'Run Command') throw new Cancelled();
  await ctx.extension.workspaceState.update(APPROVED_KEY, [...approved, command]);
}

/**
 * Runs a change that may run gates: with a cancellable progress notification that says
 * which gate runs and its latest output, the commands approved (a command the server says
 * was not approved — the configuration changed since the preview — is shown and asked
 * for, then the change is sent again), and the result kept for the Environments panel.
 */
export async function runGated(
  ctx: Ctx,
  bot: string,
  environment: string,
  version: string,
  title: string,
  approved: string[],
  send: (gates: { approvedCommands: string[]; progressToken: string }, token: vscode.CancellationToken) => Promise<EnvironmentInfo & { ran: GatesInfo | null }>,
): Promise<EnvironmentInfo & { ran: GatesInfo | null }> {
  const commands = [...approved];
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}…`, cancellable: true }, async (progress, token) => {
    for (;;) {
      const progressToken = randomBytes(8).toString('hex');
      const sub = ctx.onGateProgress(progressToken, (p) => {
        if (p.kind === 'start') progress.report({ message: `gate ${p.index + 1}/${p.total}: ${p.gate}${p.command ? ` — ${p.command}` : ''}` });
        else if (p.kind === 'output') progress.report({ message: `${p.gate}: ${p.line}` });
        else if (p.run) progress.report({ message: `${p.gate}: ${p.run.verdict} (${p.run.summary})` });
      });
      try {
        const after = await send({ approvedCommands: commands, progressToken }, token);
        const ran = after.ran;
        if (ran) ctx.setGateResult(bot, environment, { version, at: new Date().toISOString(), outcome: ran.skipped ? 'skipped' : ran.runs.some((r) => r.verdict === 'failed') ? 'overridden' : 'entered', runs: ran.runs });
        return after;
      } catch (e) {
        if (e instanceof BotVersionsError && e.data.code === 'NOT_APPROVED' && e.data.command && !token.isCancellationRequested) {
          await approveCommand(ctx, e.data.gate ?? 'a gate', e.data.command, environment, version);
          commands.push(e.data.command);
          continue;
        }
        if (e instanceof BotVersionsError && e.data.code === 'GATE_REFUSED') {
          ctx.setGateResult(bot, environment, { version, at: new Date().toISOString(), outcome: 'refused', message: e.message, runs: e.data.gates ?? [] });
        } else if (token.isCancellationRequested || (e instanceof BotVersionsError && e.data.code === 'CANCELLED')) {
          ctx.setGateResult(bot, environment, { version, at: new Date().toISOString(), outcome: 'cancelled', message: 'Cancelled while its gates ran; nothing was written.', runs: [] });
          throw new Cancelled();
        }
        throw e;
      } finally {
        sub.dispose();
      }
    }
  });
}

/** Writes what a change's gates found, with their output, to the Bot Versions output and shows it. */
export function showGateOutput(ctx: Ctx, bot: string, environment: string, runs: NonNullable<GatesInfo['runs']>, message?: string): void {
  ctx.output.info(`Gates of ${bot} → ${environment}${message ? `: ${message.split('\n')[0]}` : ''}`);
  for (const r of runs) {
    ctx.output.info(`  ${r.verdict === 'passed' ? '✓' : '✗'} ${r.name}: ${r.summary}${r.command ? `  ($ ${r.command})` : ''}`);
    if (r.output) for (const line of r.output.split('\n')) ctx.output.info(`      │ ${line}`);
  }
  ctx.output.show(true);
}

/** When the gate refuses, asks whether to override it and why; the reason goes into the history. */
async function overrideIfRefused(p: PromotePreview): Promise<string | undefined> {
  const failed = p.gates.find((g) => g.run?.verdict === 'failed');
  if (failed && !(failed.kind === 'validation' && p.gate.errors)) {
    const choice = await vscode.window.showErrorMessage(
      `${p.incoming?.label ?? 'This version'} fails the gate "${failed.name}" and may not enter ${p.environment}.`,
      { modal: true, detail: `${failed.run!.summary}${failed.run!.output ? `\n\n${failed.run!.output.split('\n').slice(0, 8).join('\n')}` : ''}\n\nFix it and save a new version, or override the gate; the override and its reason are recorded in the history.` },
      'Override…',
    );
    if (!choice) throw new BotVersionsError('Cancelled: the version did not pass its gates.', { code: 'GATE_REFUSED', problems: p.gate.problems });
    const reason = await ask(`Why may ${p.incoming?.label ?? 'it'} enter ${p.environment} although "${failed.name}" fails? (recorded in the history)`);
    if (!reason) throw new Cancelled();
    return reason;
  }
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
