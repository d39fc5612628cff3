/**
 * A small stdio LSP client for the language-server benchmark: it starts any server
 * (ours or a peer) as an editor would, answers the requests an editor answers
 * (configuration, capability registration, progress), and timestamps every
 * publishDiagnostics as it arrives, so the benchmark can wait for exactly the
 * diagnostics it expects.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, ProtocolConnection, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol/node';

/** Linux reports CPU time in clock ticks; USER_HZ is 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100;

/** One publishDiagnostics as received, with its arrival time (performance.now()). */
export interface Publish {
  uri: string;
  version: number | undefined;
  diagnostics: Diagnostic[];
  at: number;
}

export interface DriverOptions {
  /** Shown in errors and tables. */
  label: string;
  /** The executable (a node binary) and its arguments. */
  command: string;
  args: string[];
  root: string;
  /** The answer to one workspace/configuration item, by section. */
  configuration: (section: string | undefined) => unknown;
  initializationOptions?: unknown;
  env?: NodeJS.ProcessEnv;
}

/** A started server over stdio. */
export class LspDriver {
  /** Every publish received, in order. */
  readonly publishes: Publish[] = [];
  /** How many workspace/configuration requests the server made. */
  configurationRequests = 0;
  stderr = '';
  incremental = false;
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly options: DriverOptions,
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  /** Spawns the server and completes initialize/initialized with VS Code's usual capabilities. */
  static async start(options: DriverOptions): Promise<LspDriver> {
    const child = spawn(options.command, options.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const driver = new LspDriver(options, child, connection);
    child.stderr!.on('data', (d: Buffer) => {
      // Keep the tail only: a chatty server must not grow the benchmark's memory.
      driver.stderr = (driver.stderr + d.toString()).slice(-20_000);
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      driver.publishes.push({ uri: p.uri, version: p.version, diagnostics: p.diagnostics, at: performance.now() });
      driver.wake();
    });
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      driver.configurationRequests++;
      driver.wake();
      return p.items.map((i) => options.configuration(i.section) ?? null);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(options.root).toString(), name: 'root' }]);
    connection.listen();
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`${options.label} exited (code ${code}) during initialize:\n${driver.stderr}`))),
    );
    const rootUri = pathToFileURL(options.root).toString();
    const result = (await Promise.race([
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'root' }],
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
          textDocument: {
            synchronization: { dynamicRegistration: true, didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          },
          window: { workDoneProgress: true },
        },
        initializationOptions: options.initializationOptions ?? {},
      }),
      exited,
    ])) as InitializeResult;
    const sync = result.capabilities.textDocumentSync;
    driver.incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
    await connection.sendNotification('initialized', {});
    return driver;
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves when `test` holds, re-checking after every message; rejects after `ms`. */
  async until<T>(test: () => T | undefined | false, what: string, ms = 120_000): Promise<T> {
    const deadline = performance.now() + ms;
    for (;;) {
      const value = test();
      if (value) return value;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${this.options.label}: timed out waiting for ${what}\nserver stderr (tail):\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 250));
        this.waiters.add(done);
      });
    }
  }

  /** Resolves once no publish has arrived for `ms` (the server has gone quiet). */
  async quiet(ms: number): Promise<void> {
    for (;;) {
      const last = this.publishes.length;
      await new Promise((r) => setTimeout(r, ms));
      if (this.publishes.length === last) return;
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  open(uri: string, text: string, languageId = 'yaml'): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one edit: as a range change when the server syncs incrementally, else the whole new text. */
  change(uri: string, version: number, range: Range, insert: string, fullText: string): void {
    const contentChanges = this.incremental ? [{ range, text: insert }] : [{ text: fullText }];
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** CPU time the server process has used so far (user + system), in ms (Linux /proc). */
  cpuMs(): number {
    try {
      // Fields after the command name, which sits in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return NaN;
    }
  }

  /** Peak and current resident memory of the server process, in bytes (Linux /proc). */
  memory(): { peak: number; current: number } | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { peak: kb('VmHWM'), current: kb('VmRSS') };
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 3000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}
