import { join } from 'node:path';
import * as vscode from 'vscode';
import { GateProgressNotification, StoreChangedNotification } from '../../server/src/lsp/protocol';
import type { BotInfo, ErrorData, GateProgressParams, GateRunInfo, ParamsOf, RequestMethod, ResultOf, StoreChangedParams } from '../../server/src/lsp/protocol';
import type { LanguageClient } from './lsp/languageClient';

type LanguageClientModule = typeof import('./lsp/languageClient');

/** Loads the language client bundle (dist/languageClient.js) beside this one, after activation. */
function loadLanguageClient(): LanguageClientModule {
  // A runtime require of a sibling file: the bundler leaves it alone.
  return require(join(__dirname, 'languageClient.js')) as LanguageClientModule;
}

/** What the gates of the last change of an environment found, as this window saw it (the Environments panel shows it beside the environment). */
export interface GateResult {
  /** The version the gates checked. */
  version: string;
  at: string;
  outcome: 'entered' | 'overridden' | 'skipped' | 'refused' | 'cancelled';
  /** Why it was refused or cancelled. */
  message?: string;
  runs: GateRunInfo[];
}

/** A failure the server reported, with its stable code. */
export class BotVersionsError extends Error {
  constructor(
    message: string,
    readonly data: ErrorData,
  ) {
    super(message);
  }
}

/**
 * One object owns the language client, the state every view reads, and every disposable.
 * Views and commands get it and ask it for what they need; nothing else talks to the server.
 */
export class Ctx implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Bot Versions', { log: true });
  readonly ready: Promise<void>;
  private client: LanguageClient | undefined;
  private lc: LanguageClientModule | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<StoreChangedParams>();
  /** Fires after the bots were reloaded because something changed. */
  readonly onDidChange = this.changed.event;
  private botList: BotInfo[] = [];
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private readonly gateListeners = new Map<string, (p: GateProgressParams) => void>();
  private readonly gateResultsChanged = new vscode.EventEmitter<void>();
  /** Fires when a gate result of {@link gateResult} changed. */
  readonly onDidChangeGateResults = this.gateResultsChanged.event;
  private readonly gateResults = new Map<string, GateResult>();

  constructor(readonly extension: vscode.ExtensionContext) {
    this.push(this.output, this.changed, this.gateResultsChanged);
    // Start the server after activation has returned: spawning it and loading the client
    // library are the slowest part of starting up, and nothing on screen needs to wait.
    this.ready = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.start());
  }

  get bots(): readonly BotInfo[] {
    return this.botList;
  }

  bot(id: string): BotInfo | undefined {
    return this.botList.find((b) => b.id === id);
  }

  /** The bot whose folder holds a file, if any. */
  botOfUri(uri: vscode.Uri): BotInfo | undefined {
    const path = uri.toString();
    let best: BotInfo | undefined;
    for (const b of this.botList) {
      // A bot that is one file holds that file alone, not the folder it is in.
      if (b.fileUri !== undefined) {
        if (path === b.fileUri) return b;
        continue;
      }
      const folder = b.folderUri.endsWith('/') ? b.folderUri : b.folderUri + '/';
      if (path.startsWith(folder) && (!best || folder.length > best.folderUri.length)) best = b;
    }
    return best;
  }

  push(...items: vscode.Disposable[]): void {
    this.disposables.push(...items);
  }

  private async start(): Promise<void> {
    this.lc = loadLanguageClient();
    const client = this.lc.createLanguageClient(this.extension, this.output);
    this.client = client;
    this.push(client);
    await client.start();
    this.push(
      client.onNotification(StoreChangedNotification, (p: StoreChangedParams) => void this.refresh(p)),
      client.onNotification(GateProgressNotification, (p: GateProgressParams) => this.gateListeners.get(p.token)?.(p)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.request('botVersions/setTrust', { trusted: true })),
    );
    await this.refresh({ bots: [], reason: 'store' });
    await vscode.commands.executeCommand('setContext', 'botVersions.ready', true);
  }

  /** Reloads the bots; calls that arrive while a reload runs are folded into one more. */
  refresh(p: StoreChangedParams = { bots: [], reason: 'store' }): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          this.botList = await this.request('botVersions/listBots', {});
          await vscode.commands.executeCommand('setContext', 'botVersions.hasBots', this.botList.length > 0);
        } while (this.refreshAgain);
        this.changed.fire(p);
      } catch (e) {
        this.output.error(`Could not load the bots: ${errorMessage(e)}`);
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** Hears the progress the server reports under `token` (a change running its gates), until disposed. */
  onGateProgress(token: string, listener: (p: GateProgressParams) => void): vscode.Disposable {
    this.gateListeners.set(token, listener);
    return { dispose: () => this.gateListeners.delete(token) };
  }

  /** The last gate result this window saw for an environment of a bot. */
  gateResult(bot: string, environment: string): GateResult | undefined {
    return this.gateResults.get(`${bot}\u0000${environment}`);
  }

  setGateResult(bot: string, environment: string, result: GateResult): void {
    this.gateResults.set(`${bot}\u0000${environment}`, result);
    this.gateResultsChanged.fire();
  }

  /** Sends a typed request to the server; a server failure becomes a BotVersionsError. Cancelling `token` cancels the request. */
  async request<M extends RequestMethod>(method: M, params: ParamsOf<M>, token?: vscode.CancellationToken): Promise<ResultOf<M>> {
    if (!this.client) throw new BotVersionsError('The Bot Versions language server is not running.', { code: 'INTERNAL' });
    try {
      return (await (token ? this.client.sendRequest(method, params, token) : this.client.sendRequest(method, params))) as ResultOf<M>;
    } catch (e) {
      if (this.lc && e instanceof this.lc.ResponseError) {
        const data = (e.data ?? { code: 'INTERNAL' }) as ErrorData;
        throw new BotVersionsError(e.message, data);
      }
      throw e;
    }
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        await d.dispose();
      } catch (e) {
        this.output.warn(`while shutting down: ${errorMessage(e)}`);
      }
    }
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
