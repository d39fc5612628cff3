import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { showGateOutput } from '../commands/environments';
import { Cancelled, confirm, showError } from '../commands/run';
import type { Ctx } from '../ctx';
import type { ComparisonTree } from '../views/comparisonTree';
import { parseFromWebview } from './messages';
import type { EnvironmentEventInfo } from '../../../server/src/lsp/protocol';
import type { FromWebview, PanelGateResult, PanelState, ToWebview } from './messages';

const VIEW_TYPE = 'botVersions.environments';

/**
 * The Environments panel: the pipeline as cards, one panel for the window, revived after a
 * reload. It renders what the server says and turns clicks into the same commands as the
 * palette, so confirmations and gates are the same everywhere.
 */
export class EnvironmentsPanel {
  private static current: EnvironmentsPanel | undefined;
  private botId: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static register(ctx: Ctx, comparison: ComparisonTree): void {
    ctx.push(
      vscode.commands.registerCommand('botVersions.showEnvironments', async (arg?: unknown) => {
        await ctx.ready;
        const bot = botIdOf(arg) ?? (vscode.window.activeTextEditor && ctx.botOfUri(vscode.window.activeTextEditor.document.uri)?.id);
        EnvironmentsPanel.createOrShow(ctx, comparison, bot);
      }),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
          const bot = botIdOf(state);
          EnvironmentsPanel.current = new EnvironmentsPanel(panel, ctx, comparison, bot);
        },
      }),
      { dispose: () => EnvironmentsPanel.current?.dispose() },
    );
  }

  static createOrShow(ctx: Ctx, comparison: ComparisonTree, bot?: string): void {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (EnvironmentsPanel.current) {
      if (bot) EnvironmentsPanel.current.botId = bot;
      EnvironmentsPanel.current.panel.reveal(column);
      void EnvironmentsPanel.current.update();
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Environments', column, options(ctx.extension.extensionUri));
    EnvironmentsPanel.current = new EnvironmentsPanel(panel, ctx, comparison, bot);
  }

  /** For tests: the panel on screen, if any. */
  static get instance(): EnvironmentsPanel | undefined {
    return EnvironmentsPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ctx: Ctx,
    private readonly comparison: ComparisonTree,
    bot: string | undefined,
  ) {
    this.botId = bot;
    panel.webview.options = options(ctx.extension.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(ctx.extension.extensionUri, 'media', 'activity.svg');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      ctx.onDidChange(() => void this.update()),
      ctx.onDidChangeGateResults(() => void this.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.update()),
    );
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  /** Handles one message from the webview; anything malformed is ignored. */
  async receive(raw: unknown): Promise<void> {
    const m = parseFromWebview(raw);
    if (!m) return;
    try {
      await this.handle(m);
    } catch (e) {
      await showError(this.ctx, e);
    } finally {
      if (m.type !== 'ready' && m.type !== 'refresh' && m.type !== 'selectBot') this.post({ type: 'busy', busy: false });
    }
  }

  private async handle(m: FromWebview): Promise<void> {
    const bot = this.botId;
    switch (m.type) {
      case 'ready':
      case 'refresh':
        return this.update();
      case 'selectBot':
        if (!this.ctx.bot(m.bot)) return;
        this.botId = m.bot;
        return this.update();
      case 'promote':
        await vscode.commands.executeCommand('botVersions.promote', { bot }, m.environment);
        return;
      case 'rollback':
        await vscode.commands.executeCommand('botVersions.rollback', { bot }, m.environment);
        return;
      case 'setVersion':
        await vscode.commands.executeCommand('botVersions.setEnvironment', { bot }, m.environment);
        return;
      case 'compare': {
        const info = bot ? this.ctx.bot(bot) : undefined;
        const env = info?.environments.find((e) => e.name === m.environment);
        if (!info || !env?.version) return;
        // What promoting would bring in: what the stage it promotes from holds; at the first stage, the working copy.
        const incoming = info.environments.find((e) => e.name === env.promotesFrom)?.version;
        const to = incoming && incoming.id !== env.version.id ? { kind: 'version' as const, id: incoming.id } : { kind: 'working' as const };
        await this.comparison.compare(info, { kind: 'version', id: env.version.id }, to);
        await vscode.commands.executeCommand('botVersions.comparison.focus');
        return;
      }
      case 'acceptRelease': {
        const release = this.ctx.bot(bot ?? '')?.pendingReleases.find((r) => r.id === m.release);
        if (release) await vscode.commands.executeCommand('botVersions.acceptRelease', { bot, release });
        return;
      }
      case 'rejectRelease': {
        const release = this.ctx.bot(bot ?? '')?.pendingReleases.find((r) => r.id === m.release);
        if (release) await vscode.commands.executeCommand('botVersions.rejectRelease', { bot, release });
        return;
      }
      case 'cancelSchedule': {
        const info = bot ? this.ctx.bot(bot) : undefined;
        const s = info?.environments.flatMap((e) => e.schedules).find((x) => x.id === m.schedule);
        if (!info || !s) return;
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage('Bot Versions does not change files in Restricted Mode. Trust this workspace to cancel a scheduled promotion.');
          return;
        }
        try {
          await confirm(`Cancel the promotion of ${info.id} ${s.versionLabel} to ${s.environment} scheduled for ${new Date(s.due).toLocaleString()}?`, `Scheduled by ${s.author}${s.note ? ` — ${s.note}` : ''}. The cancellation is recorded in the history.`, 'Cancel Schedule');
        } catch (e) {
          if (e instanceof Cancelled) return;
          throw e;
        }
        await this.ctx.request('botVersions/cancelSchedule', { bot: info.id, schedule: s.id, reason: 'cancelled in the Environments panel' });
        await this.ctx.refresh();
        return;
      }
      case 'showGateOutput': {
        const r = bot ? this.gateResultOf(bot, m.environment, (await this.ctx.request('botVersions/environmentHistory', { bot, environment: m.environment }))) : undefined;
        if (bot && r) showGateOutput(this.ctx, bot, m.environment, r.runs, r.message);
        return;
      }
    }
  }

  /** Sends the current state of the chosen bot to the webview. */
  async update(): Promise<void> {
    const state = await this.state();
    this.panel.title = state.bot ? `Environments: ${state.bot.id}` : 'Environments';
    this.post({ type: 'state', state });
  }

  async state(): Promise<PanelState> {
    const bots = this.ctx.bots;
    const bot = (this.botId && this.ctx.bot(this.botId)) || bots.find((b) => !b.protected) || bots[0];
    const base: PanelState = {
      bot: null,
      bots: bots.map((b) => ({ id: b.id, name: b.name })),
      environments: [],
      history: {},
      gates: {},
      gateResults: {},
      pendingReleases: [],
      trusted: vscode.workspace.isTrusted,
      notice: bots.length ? null : 'There is no bot in this workspace yet. A bot is a folder with a bot.yaml manifest.',
    };
    if (!bot) return base;
    this.botId = bot.id;
    const [history, ...gates] = await Promise.all([
      this.ctx.request('botVersions/environmentHistory', { bot: bot.id }),
      ...bot.environments
        .filter((e) => e.gated && bot.environments.find((s) => s.name === e.promotesFrom)?.version)
        .map(async (e) => [e.name, await this.ctx.request('botVersions/previewPromote', { bot: bot.id, environment: e.name })] as const),
    ]);
    const byEnv: PanelState['history'] = {};
    for (const e of bot.environments) byEnv[e.name] = history.filter((h) => h.environment === e.name).slice(0, 20);
    const gateState: PanelState['gates'] = {};
    // A gate verdict matters only where a promotion is possible.
    for (const [name, p] of gates) if (!p.blocked) gateState[name] = { ...p.gate, version: p.incoming?.label ?? null };
    const gateResults: PanelState['gateResults'] = {};
    for (const e of bot.environments) {
      const r = this.gateResultOf(bot.id, e.name, byEnv[e.name] ?? []);
      if (r) gateResults[e.name] = r;
    }
    return {
      ...base,
      bot: { id: bot.id, name: bot.name, protected: bot.protected, latest: bot.latest },
      environments: bot.environments,
      history: byEnv,
      gates: gateState,
      gateResults,
      pendingReleases: bot.pendingReleases,
    };
  }

  /** The newer of what this window saw the gates of an environment find (a refusal is recorded nowhere else) and what its latest event records. */
  private gateResultOf(bot: string, environment: string, events: readonly EnvironmentEventInfo[]): PanelGateResult | undefined {
    const seen = this.ctx.gateResult(bot, environment);
    const last = events.find((e) => e.environment === environment);
    const recorded: PanelGateResult | undefined =
      last?.gates
        ? { version: last.version?.label ?? last.versionId.slice(0, 8), at: last.at, outcome: last.gates.skipped !== null ? 'skipped' : last.gates.runs.some((r) => r.verdict === 'failed') ? 'overridden' : 'entered', runs: last.gates.runs, ...(last.gates.skipped ? { message: `gates skipped: ${last.gates.skipped}` } : {}) }
        : undefined;
    if (!seen) return recorded;
    if (!recorded) return seen;
    return seen.at > recorded.at ? seen : recorded;
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const media = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.ctx.extension.extensionUri, ...p));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${media('media', 'out', 'codicons', 'codicon.css')}" rel="stylesheet">
<link href="${media('media', 'environments.css')}" rel="stylesheet">
<title>Environments</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="notice">Loading environments…</p></main>
<div id="live" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${nonce}" src="${media('media', 'out', 'webview.js')}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (EnvironmentsPanel.current === this) EnvironmentsPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

function botIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'bot' in arg) {
    const b = (arg as { bot: unknown }).bot;
    if (typeof b === 'string') return b;
    if (b && typeof b === 'object' && 'id' in b && typeof (b as { id: unknown }).id === 'string') return (b as { id: string }).id;
  }
  return undefined;
}
