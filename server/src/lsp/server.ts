// The language server: wires the connection to the definitions library (validation and
// editor features) and the versioning core (custom requests). Handlers translate; the
// libraries decide.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ErrorCodes, FileChangeType, ResponseError, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver/node';
import type { CancellationToken, Connection, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMinifiedJson, normalizePath, prettyJson } from '../definitions/index';
import { gateValidator } from '../formats/gate';
import { RefusedError, toResponseError } from './errors';
import { setClientEditSupport } from './features';
import { pathOf } from './uris';
import { LanguageService } from './languageService';
import { GateProgressNotification, StoreChangedNotification } from './protocol';
import type { GateProgressParams, ParamsOf, RequestMethod, ResultOf, StoreChangedParams } from './protocol';
import { readSettings } from './settings';
import type { Settings } from './settings';
import { VersioningService, WRITING_REQUESTS } from './versioningService';
import { Watcher } from './watcher';

export class BotServer {
  private readonly documents = new TextDocuments(TextDocument);
  private roots: string[] = [];
  private trusted = true;
  private settings: Settings = readSettings(undefined);
  private configurationSupport = false;
  private watchedFilesSupport = false;
  private language!: LanguageService;
  private versioning!: VersioningService;
  private watcher: Watcher | undefined;
  private readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(private readonly connection: Connection) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => void this.initialized());
    c.onDidChangeConfiguration(() => void this.reloadSettings());
    c.onDidChangeWatchedFiles((p) => {
      for (const change of p.changes) this.fileChanged(fileURLToPath(change.uri), change.type === FileChangeType.Deleted);
    });
    c.workspace.onDidRenameFiles((p) => {
      this.language.pathsMoved(p.files.map((f) => ({ from: pathOf(f.oldUri), to: pathOf(f.newUri) })));
      this.notifyStoreChanged('working-copy');
    });
    c.workspace.onDidDeleteFiles((p) => {
      this.language.pathsMoved(p.files.map((f) => ({ from: pathOf(f.uri) })));
      this.notifyStoreChanged('working-copy');
    });
    c.onShutdown(() => this.watcher?.dispose());
    this.documents.onDidOpen((e) => this.language.open(e.document));
    this.documents.onDidChangeContent((e) => this.language.change(e.document));
    this.documents.onDidClose((e) => void this.language.close(e.document));
    this.registerRequests();
    this.documents.listen(c);
    c.listen();
  }

  private initialize(p: InitializeParams): InitializeResult {
    const folders = p.workspaceFolders?.map((f) => fileURLToPath(f.uri)) ?? [];
    if (!folders.length && p.rootUri) folders.push(fileURLToPath(p.rootUri));
    if (!folders.length && p.rootPath) folders.push(p.rootPath);
    this.roots = folders;
    const init = (p.initializationOptions ?? {}) as { trusted?: boolean; settings?: unknown };
    this.trusted = init.trusted !== false;
    this.settings = readSettings(init.settings);
    this.configurationSupport = !!p.capabilities.workspace?.configuration;
    this.watchedFilesSupport = !!p.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    setClientEditSupport(p.capabilities.workspace?.workspaceEdit);
    this.language = new LanguageService(this.connection, this.documents, this.roots, this.settings);
    this.versioning = new VersioningService({
      roots: this.roots,
      // Asked at each write, so that changing the setting applies at once.
      author: () => this.settings.author || undefined,
      // The one promotion gate, the CLI's too: configured by each store's config.json,
      // never by this user's botVersions.validation settings.
      validate: gateValidator,
      // Untrusted: not even the stat cache is written while the views read the store.
      readOnly: () => !this.trusted,
      finishFailed: (message) => void this.connection.window.showErrorMessage(message),
      gateProgress: (p) => void this.connection.sendNotification(GateProgressNotification, p satisfies GateProgressParams),
    });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...this.language.capabilities(),
        // Every request is also a command; setTrust is answered here, not by the service.
        executeCommandProvider: { commands: [...Object.keys(this.versioning.handlers), 'botVersions/setTrust', 'botVersions/readDocument'].map(commandOf) },
      },
      serverInfo: { name: 'bot-versions', version: '0.1.0' },
    };
  }

  private async initialized(): Promise<void> {
    try {
      if (this.configurationSupport) {
        await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'botVersions' });
        await this.reloadSettings();
      }
      await this.versioning.init();
      // The pipeline and the protected bots first, so that the load checks everything once.
      await this.refreshStoreFacts();
      await this.language.loadRoots();
      if (this.watchedFilesSupport) {
        await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
          // PolyAI's functions (.py) and rules (agent_settings/rules.txt) are bot files too.
          watchers: [{ globPattern: '**/*.{yaml,yml,json,jsonc,zip,py,csv}' }, { globPattern: '**/agent_settings/rules.txt' }, { globPattern: '**/.botversions/**' }],
        });
      } else {
        // Clients that cannot watch files for us (Neovim 0.7, for one): watch ourselves.
        this.watcher = new Watcher(this.roots, (path, deleted) => this.fileChanged(path, deleted));
      }
    } catch (e) {
      this.connection.console.error(`Bot Versions could not start: ${(e as Error).stack ?? e}`);
    } finally {
      this.language.loaded();
      this.markReady();
    }
  }

  private async reloadSettings(): Promise<void> {
    if (!this.configurationSupport) return;
    const raw: unknown = await this.connection.workspace.getConfiguration('botVersions');
    this.settings = readSettings(raw);
    this.language.setSettings(this.settings);
  }

  private async refreshStoreFacts(): Promise<void> {
    try {
      const facts = await this.versioning.storeFacts();
      this.language.setStoreFacts(facts.environments, facts.protectedBots);
    } catch (e) {
      // A broken config.json is reported where it is used; validation goes on with defaults.
      this.connection.console.warn(`Could not read the store for validation: ${(e as Error).message}`);
    }
  }

  /** A file changed on disk (another window, the CLI, git): reload it and tell the client. */
  private fileChanged(path: string, deleted: boolean): void {
    const inStore = this.versioning.storeDirs().some((d) => path === d || path.startsWith(d + '/'));
    if (!inStore) this.language.diskChanged(path, deleted);
    this.notifyStoreChanged(inStore ? 'store' : 'working-copy');
  }

  private pending: NodeJS.Timeout | undefined;
  private pendingReason: StoreChangedParams['reason'] = 'store';
  /** Many file events arrive together (a save writes several records): tell the client once. */
  private notifyStoreChanged(reason: StoreChangedParams['reason']): void {
    if (reason === 'store') this.pendingReason = 'store';
    else if (!this.pending) this.pendingReason = reason;
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.connection.sendNotification(StoreChangedNotification, { bots: [], reason: this.pendingReason } satisfies StoreChangedParams);
      void this.refreshStoreFacts();
    }, 150);
  }

  /** A file's text as the workspace holds it (a zip's entry, an open document, the disk), pretty-printed when asked. */
  private async readDocument(p: ParamsOf<'botVersions/readDocument'>): Promise<ResultOf<'botVersions/readDocument'>> {
    const ws = this.language.workspace;
    let path = normalizePath(String(p.path ?? ''));
    // A zip's entry named by its path in the export: the zip may wrap the export in a folder.
    if (!ws.hasDocument(path)) {
      const zip = /^(.*?\.zip)\/(.+)$/i.exec(path);
      const held = zip && ws.isArchive(zip[1]!) ? ws.paths().find((q) => q.startsWith(`${zip[1]}/`) && q.endsWith(`/${zip[2]}`) && ws.archiveOf(q) === zip[1]) : undefined;
      if (held) path = held;
    }
    let text = ws.hasDocument(path) ? (ws.getDocument(path)?.text ?? '') : undefined;
    if (text === undefined) {
      if (!/\.jsonc?$/i.test(path)) return null;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return null;
      }
    }
    const json = /\.jsonc?$/i.test(path);
    return { text: p.formatted && json ? prettyJson(text) : text, archive: ws.archiveOf(path) ?? null, minified: json && isMinifiedJson(text) };
  }

  private registerRequests(): void {
    const handlers = (): VersioningService['handlers'] => this.versioning.handlers;
    const run = async (method: RequestMethod, params: unknown, token?: CancellationToken): Promise<unknown> => {
      await this.ready;
      if (method === 'botVersions/setTrust') {
        this.trusted = !!(params as { trusted?: boolean } | undefined)?.trusted;
        return null;
      }
      if (method === 'botVersions/readDocument') return this.readDocument(params as ParamsOf<'botVersions/readDocument'>);
      try {
        if (WRITING_REQUESTS.has(method) && !this.trusted) {
          throw new RefusedError('UNTRUSTED', 'This workspace is in Restricted Mode: Bot Versions does not change files until you trust it.');
        }
        const handler = handlers()[method] as ((p: unknown, signal?: AbortSignal) => Promise<unknown>) | undefined;
        if (!handler) throw new RefusedError('INVALID', `Bot Versions has no request ${method}.`);
        // A cancelled request stops what it runs (a promotion's gates).
        const ctl = new AbortController();
        const cancel = token?.onCancellationRequested(() => ctl.abort());
        let result: unknown;
        try {
          result = await handler(params ?? {}, ctl.signal);
        } finally {
          cancel?.dispose();
        }
        if (WRITING_REQUESTS.has(method)) this.notifyStoreChanged('store');
        return result;
      } catch (e) {
        if (!(e instanceof RefusedError) && !(e instanceof Error && e.name === 'BotvError')) {
          this.connection.console.error(`${method} failed: ${(e as Error).stack ?? e}`);
        }
        throw toResponseError(e);
      }
    };
    // Every botVersions/* request goes to the versioning service, whose handler table is the list.
    this.connection.onRequest((method: string, params: unknown, token: CancellationToken) => {
      if (!method.startsWith('botVersions/')) throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
      return run(method as RequestMethod, params, token);
    });
    // Other editors reach the same operations as commands: botv.listBots(params).
    this.connection.onExecuteCommand((p, token) => {
      const method = methodOf(p.command);
      if (!method) throw new RefusedError('INVALID', `Unknown command ${p.command}.`);
      return run(method, p.arguments?.[0] ?? {}, token);
    });
  }
}

/**
 * The executeCommand name of a request: botVersions/listBots → botv.listBots. It differs
 * from the extension's own command ids, which the VS Code client would otherwise shadow.
 */
function commandOf(method: string): string {
  return `botv.${method.slice('botVersions/'.length)}`;
}

function methodOf(command: string): RequestMethod | undefined {
  return command.startsWith('botv.') ? (`botVersions/${command.slice(5)}` as RequestMethod) : undefined;
}

