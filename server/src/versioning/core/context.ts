/**
 * The core's shared context: the file system, the store's parts, the clock, the author
 * and the gate hook, plus the write lock every writing operation runs under.
 */
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import type { BotFormat } from '../../definitions/index';
import { FORMATS, markersText } from '../../formats/registry';
import { discoverBots, type ManifestCache } from '../bots/discover';
import { BotvError, errnoOf, ioError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import type { StoreFs } from '../fs/fsio';
import { nodeFs } from '../fs/fsio';
import { acquireLock, type LockHandle } from '../fs/lock';
import { guardWrites } from '../fs/readonly';
import { ensureGitignore, initStore, pinBotText, readConfig } from '../store/config';
import { StoreLayout } from '../store/layout';
import { ObjectStore } from '../store/objects';
import { RecordStore } from '../store/records';
import { TreeStore } from '../store/tree';
import type { BotInfo, BotList, GateValidator, StoreConfig, WorkspaceOptions } from '../types';
import type { StatCache } from '../workingcopy/statcache';

/** Everything an operation needs. */
export class Core {
  readonly fs: StoreFs;
  readonly layout: StoreLayout;
  readonly objects: ObjectStore;
  readonly records: RecordStore;
  readonly trees: TreeStore;
  readonly validate: GateValidator | undefined;
  /** The formats bots are found in. */
  readonly formats: readonly BotFormat[];
  private readonly options: WorkspaceOptions;
  private authorName: string | undefined;
  /** Serialises this process's writers before they contend for the file lock. */
  private queue: Promise<unknown> = Promise.resolve();
  /** True while a write's operation runs (under the lock, before its commit work). */
  writing = false;
  /** Work the current write left for after its commit point. */
  private committed: Array<() => Promise<void>> = [];
  /** The last write's after-commit work, while it runs. */
  private finishing: Promise<void> = Promise.resolve();
  /** The first failure of after-commit work not yet reported by {@link settled}. */
  private finishError: unknown = null;
  /** Manifest identities already read (re-read when a manifest's stat changes). */
  private readonly manifests: ManifestCache = new Map();
  /** Stat caches of the bots this process scanned, reused while no other process writes them. */
  readonly statCaches = new Map<string, StatCache>();
  /** Set by the journal module; finishes interrupted working-copy writes under the lock. */
  recoverJournals: ((core: Core) => Promise<void>) | null = null;

  constructor(
    readonly root: string,
    options: WorkspaceOptions = {},
  ) {
    this.options = options;
    const fs = options.fs ?? nodeFs;
    this.fs = options.readOnly ? guardWrites(fs, () => this.readOnly) : fs;
    this.layout = new StoreLayout(root);
    this.objects = new ObjectStore(this.fs, this.layout);
    this.records = new RecordStore(this.fs, root);
    this.trees = new TreeStore(this.objects);
    this.validate = options.validate;
    this.formats = options.formats ?? FORMATS;
  }

  /** Whether this workspace was opened read-only (see WorkspaceOptions.readOnly). */
  get readOnly(): boolean {
    const r = this.options.readOnly;
    return typeof r === 'function' ? r() : r === true;
  }

  /** Refuses an operation that writes when the workspace is read-only; `what` names it. */
  assertWritable(what: string): void {
    if (this.readOnly) {
      throw new BotvError('READ_ONLY', `Cannot ${what}: this workspace is open read-only (it is not trusted), and nothing was written. Trust the workspace, then try again.`);
    }
  }

  /** Milliseconds since the epoch. */
  now(): number {
    return (this.options.clock ?? Date.now)();
  }

  /** Who is acting: option, $BOTV_AUTHOR, git user.name, then the OS user. */
  author(): string {
    const option = this.options.author;
    const given = typeof option === 'function' ? option()?.trim() : option;
    if (given) return given;
    if (this.authorName !== undefined) return this.authorName;
    let name = process.env.BOTV_AUTHOR;
    if (!name) {
      try {
        const r = spawnSync('git', ['config', 'user.name'], { cwd: this.root, encoding: 'utf8', timeout: 3000 });
        if (r.status === 0) name = r.stdout.trim();
      } catch {
        // No git: fall through to the OS user.
      }
    }
    if (!name) {
      try {
        name = userInfo().username;
      } catch {
        name = 'unknown';
      }
    }
    this.authorName = name;
    return name;
  }

  /** Whether `.botversions/` exists. */
  async storeExists(): Promise<boolean> {
    try {
      return (await this.fs.lstat(this.layout.store)).kind === 'dir';
    } catch {
      return false;
    }
  }

  private configCache: { key: string; config: StoreConfig } | null = null;

  /** The workspace configuration (defaults when there is no store yet); re-read when the file changes. */
  async config(): Promise<StoreConfig> {
    let key = 'none';
    try {
      const st = await this.fs.stat(this.layout.config);
      key = `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
    } catch {
      // Missing (defaults) or unreadable (readConfig reports it).
    }
    if (this.configCache && this.configCache.key === key && key !== 'none') return this.configCache.config;
    const config = await readConfig(this.fs, this.layout, key === 'none' ? this.platformPipeline : undefined);
    this.configCache = { key, config };
    return config;
  }

  /**
   * Records a bot's folder and id in config.json when a version of it is written and its id
   * does not last by itself: a platform's files may name no bot (Rasa without assistant_id),
   * or name it differently in the next export, and a folder may move. Native bots carry
   * their id in bot.yaml, and an id set by hand is left as it is. Called under the lock.
   */
  async pinBot(bot: BotInfo): Promise<void> {
    if (bot.format === 'native' || bot.idSource === 'config') return;
    let text: string;
    try {
      text = new TextDecoder().decode(await this.fs.readFile(this.layout.config));
    } catch (e) {
      if (errnoOf(e) !== 'ENOENT') throw ioError('read', this.layout.config, e);
      text = '{}\n';
    }
    const next = pinBotText(text, bot.dir, bot.id);
    if (next === text) return;
    await writeFileAtomic(this.fs, this.layout.config, new TextEncoder().encode(next));
    this.configCache = null;
  }

  /**
   * The pipeline of a workspace without a configuration whose bots are all of one platform
   * with environments of its own (PolyAI's sandbox, pre-release, live), as its last discovery
   * found them; a new store's configuration is written with it.
   */
  private platformPipeline: readonly string[] | undefined;

  /** The pipeline a store created now is configured with: its bots' platform's, when they share one (the first write only looks). */
  private async newStorePipeline(): Promise<readonly string[] | undefined> {
    try {
      await this.fs.stat(this.layout.config);
      return undefined;
    } catch {
      await this.discover();
      return this.platformPipeline;
    }
  }

  /** Every bot of the workspace. */
  async discover(): Promise<BotList> {
    const config = await this.config();
    const list = await discoverBots(this.fs, this.root, config, this.manifests, this.formats);
    if (this.configCache?.key === 'none') {
      const pipelines = new Set(list.bots.map((b) => this.formats.find((f) => f.id === b.format)?.environments?.join('\u0000') ?? ''));
      const [only] = pipelines;
      this.platformPipeline = pipelines.size === 1 && only ? only.split('\u0000') : undefined;
    }
    return list;
  }

  /** One bot by id; throws NO_BOT or DUPLICATE_BOT with what to do. */
  async bot(id: string): Promise<BotInfo> {
    const { bots, problems } = await this.discover();
    const b = bots.find((x) => x.id === id);
    if (b) return b;
    const dup = problems.find((p) => p.code === 'DUPLICATE_BOT' && p.message.includes(`"${id}"`));
    if (dup) throw new BotvError('DUPLICATE_BOT', dup.message, { dirs: dup.dirs });
    const known = bots.map((x) => x.id);
    throw new BotvError(
      'NO_BOT',
      known.length > 0
        ? `No bot "${id}" in ${this.root}. Bots here: ${known.join(', ')}.`
        : `No bot "${id}" in ${this.root}: no folder there holds the marker files of a bot — ${markersText()}. Use --root to point at your workspace.`,
      { known },
    );
  }

  /**
   * Runs `fn` holding the store's write lock, after creating the store's fixed files and
   * finishing any working-copy write a crash interrupted.
   *
   * The returned promise settles with `fn`'s result. Work that `fn` left for after its
   * commit point ({@link afterCommit}) then runs, still under the lock, before the lock is
   * released and before this process's next writer starts; {@link settled} waits for it.
   */
  async write<T>(purpose: string, fn: () => Promise<T>): Promise<T> {
    // Before the lock: taking it would create .botversions/local.
    this.assertWritable(purpose);
    const run = async (): Promise<{ result: T; finishing: Promise<void> }> => {
      const lock = await acquireLock(this.fs, this.layout.lock, {
        timeoutMs: this.options.lockTimeoutMs ?? 30_000,
        staleMs: this.options.lockStaleMs ?? 60_000,
        purpose,
        clock: () => Date.now(),
      });
      let result: T;
      try {
        await initStore(this.fs, this.layout, await this.newStorePipeline());
        if (this.recoverJournals) await this.recoverJournals(this);
        this.writing = true;
        result = await fn();
      } catch (e) {
        this.writing = false;
        this.committed = [];
        await lock.release().catch(() => undefined);
        throw e;
      }
      this.writing = false;
      const tails = this.committed.splice(0);
      const finishing = (async () => {
        try {
          // Not in the caller's turn: its answer goes out first.
          if (tails.length > 0) await new Promise((resolve) => setImmediate(resolve));
          for (const t of tails) await t();
        } catch (e) {
          // Committed already: the operation's journal stays, and the next writer finishes it.
          this.finishError ??= e;
        }
        // The operation is complete and durable; a lock that cannot be removed now is
        // taken back by this process at once, and by others when it goes stale.
        await lock.release().catch(() => undefined);
      })();
      if (tails.length > 0) this.finishing = finishing;
      return { result, finishing };
    };
    const started = this.queue.then(run, run);
    this.queue = started.then(
      (r) => r.finishing,
      () => undefined,
    );
    return started.then((r) => r.result);
  }

  /**
   * Takes a lock of this machine's part of the store other than the writers' lock (the
   * gates of one bot: core/environments.ts), with the same timeouts and recovery.
   */
  async sideLock(path: string, purpose: string): Promise<LockHandle> {
    this.assertWritable(purpose);
    // Before anything is put in local/, which git must never see.
    await ensureGitignore(this.fs, this.layout);
    return acquireLock(this.fs, path, {
      timeoutMs: this.options.lockTimeoutMs ?? 30_000,
      staleMs: this.options.lockStaleMs ?? 60_000,
      purpose,
      clock: () => Date.now(),
    });
  }

  /** Work to run once the current write has committed (see {@link write}). */
  afterCommit(fn: () => Promise<void>): void {
    this.committed.push(fn);
  }

  /**
   * Waits until the work a committed write left (flushes after a restore) is done.
   * Readers call it, so that they never see a half-finished operation of this process.
   */
  async caughtUp(): Promise<void> {
    await this.finishing;
  }

  /**
   * Waits for every write of this process to finish, including the work after their
   * commit points, and throws if that work failed (the operation stays committed: its
   * journal is finished by the next write).
   */
  async settled(): Promise<void> {
    await this.queue;
    const e = this.finishError;
    this.finishError = null;
    if (e) throw e;
  }
}
