import { join } from 'node:path';
import * as vscode from 'vscode';
import { StoreChangedNotification } from '../../server/src/lsp/protocol';
import type { BotInfo, ErrorData, ParamsOf, RequestMethod, ResultOf, StoreChangedParams } from '../../server/src/lsp/protocol';
import type { LanguageClient } from './lsp/languageClient';

type LanguageClientModule = typeof import('./lsp/languageClient');

/** Loads the language client bundle (dist/languageClient.js) beside this one, after activation. */
function loadLanguageClient(): LanguageClientModule {
  // A runtime require of a sibling file: the bundler leaves it alone.
  return require(join(__dirname, 'languageClient.js')) as LanguageClientModule;
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

  constructor(readonly extension: vscode.ExtensionContext) {
    this.push(this.output, this.changed);
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

  /** Sends a typed request to the server; a server failure becomes a BotVersionsError. */
  async request<M extends RequestMethod>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    if (!this.client) throw new BotVersionsError('The Bot Versions language server is not running.', { code: 'INTERNAL' });
    try {
      return (await this.client.sendRequest(method, params)) as ResultOf<M>;
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
