/**
 * The versioning facade: one object per workspace that the language server, the CLI and
 * the tests call. Every method takes and returns plain data; reads need no lock, writes
 * take the store lock for their whole read-decide-write.
 */
import { resolve } from 'node:path';
import type { Core } from './core/context';
import { diff, diffTexts } from './core/diff';
import { localeFilter } from './core/locales';
import { environmentHistory, environments, promote, rollback, setEnvironment } from './core/environments';
import { exportVersion } from './core/export';
import { gc } from './core/gc';
import { fileHistory, history } from './core/history';
import { previewPromotion } from './core/promotion';
import { resolveVersion } from './core/refs';
import { acceptRelease, createRelease, listReleases, rejectRelease } from './core/releases';
import { applyRetention } from './core/retention';
import { holders, loadBotState, pinnedIds, versionInfo } from './core/state';
import { cancelSchedule, listSchedules, parseScheduleTime, runSchedules, schedulePromotion } from './core/schedules';
import { protectedEdits, workingCopyStatus } from './core/status';
import { staleIds } from './core/usage';
import { versionFiles } from './core/trees';
import { copyVersion, deleteVersion, pin, restore, save } from './core/versions';
import { verify } from './core/verify';
import { BotvError } from './errors';
import { objectHint } from './store/layout';
import type {
  AcceptResult,
  BotInfo,
  BotList,
  DiffResult,
  DiffTexts,
  EnvironmentChange,
  EnvironmentEvent,
  EnvironmentState,
  ExportResult,
  FileHistoryEntry,
  GateOptions,
  GcResult,
  HistoryEntry,
  PromotionPreview,
  ProtectedEdits,
  ReleaseInfo,
  RestoreResult,
  RetentionResult,
  SaveResult,
  ScheduleInfo,
  ScheduleOutcome,
  StoreConfig,
  VerifyResult,
  VersionDetail,
  VersionInfo,
  VersionRef,
  WorkingCopyStatus,
} from './types';
import { pathProblem } from './workingcopy/paths';

/** A gate override: the reason is recorded on the environment event. */
export interface Override {
  reason: string;
}

/** A workspace's bots and their versions, environments and releases. */
export class Workspace {
  constructor(private readonly core: Core) {}

  /** The workspace root folder (absolute). */
  get root(): string {
    return this.core.root;
  }

  /** The store folder, `<root>/.botversions` (absolute). */
  get storeDir(): string {
    return this.core.layout.store;
  }

  /** Whether the store exists yet (it is created by the first write). */
  storeExists(): Promise<boolean> {
    return this.core.storeExists();
  }

  /** The configuration with defaults applied. */
  config(): Promise<StoreConfig> {
    return this.core.config();
  }

  /** Every bot of the workspace, and discovery problems (duplicate ids, bad manifests). */
  bots(): Promise<BotList> {
    return this.core.discover();
  }

  /** One bot by id (throws NO_BOT / DUPLICATE_BOT). */
  bot(bot: string): Promise<BotInfo> {
    return this.core.bot(bot);
  }

  /** Whether a bot takes changes only through releases. */
  async isProtected(bot: string): Promise<boolean> {
    return (await this.core.config()).protected.includes(bot);
  }

  /** A bot's versions, newest first. */
  async versions(bot: string): Promise<VersionInfo[]> {
    const b = await this.core.bot(bot);
    const state = await loadBotState(this.core, b.id);
    const config = await this.core.config();
    const held = holders(state, config);
    const pinned = pinnedIds(state);
    const stale = staleIds(state, config, this.core.now());
    return state.versions
      .map((v) => versionInfo(state, v, held, pinned, stale))
      .sort((x, y) => y.number - x.number || (x.createdAt !== y.createdAt ? (x.createdAt < y.createdAt ? 1 : -1) : x.id < y.id ? 1 : -1));
  }

  /** Resolves a version reference (`12`, `v12`, id prefix, `v12~abcd`, `latest`, `@env`). */
  async resolveVersion(bot: string, ref: string): Promise<VersionInfo> {
    const b = await this.core.bot(bot);
    const state = await loadBotState(this.core, b.id);
    const config = await this.core.config();
    return versionInfo(state, resolveVersion(state, ref), holders(state, config), pinnedIds(state), staleIds(state, config, this.core.now()));
  }

  /** A version with its file list; with `locale`, that locale's files only. */
  async version(bot: string, ref: string, opts: { locale?: string } = {}): Promise<VersionDetail> {
    const b = await this.core.bot(bot);
    const state = await loadBotState(this.core, b.id);
    const config = await this.core.config();
    const v = resolveVersion(state, ref);
    const tree = await versionFiles(this.core, v);
    const inLocale = opts.locale !== undefined ? localeFilter(this.core, b, opts.locale) : undefined;
    return { ...versionInfo(state, v, holders(state, config), pinnedIds(state), staleIds(state, config, this.core.now())), tree: inLocale ? tree.filter((f) => inLocale(f.path)) : tree };
  }

  /** The bytes of one file of a version (hash-checked). */
  async readVersionFile(bot: string, ref: string, path: string): Promise<Uint8Array> {
    const b = await this.core.bot(bot);
    const state = await loadBotState(this.core, b.id);
    const v = resolveVersion(state, ref);
    const f = (await versionFiles(this.core, v)).find((x) => x.path === path);
    if (!f) {
      const why = pathProblem(path);
      throw new BotvError('NO_VERSION', `${b.id} v${v.record.number} has no file "${path}"${why ? ` (${why})` : ''}. List its files with \`botv show ${b.id} ${v.record.number}\`.`);
    }
    return this.core.objects.read(f.sha256, objectHint(f.path));
  }

  /** Saves the working copy as a new version; unchanged working copies save nothing. */
  save(
    bot: string,
    opts: { name?: string; description?: string; force?: boolean; reason?: string; allowUnchanged?: boolean; locales?: readonly string[]; localeFrom?: Readonly<Record<string, string>> } = {},
  ): Promise<SaveResult> {
    return save(this.core, bot, opts);
  }

  /** Replaces the working copy with a version, auto-saving it first if no version holds it; with `locale`, only that locale's files. */
  restore(bot: string, ref: string, opts: { force?: boolean; locale?: string } = {}): Promise<RestoreResult> {
    return restore(this.core, bot, ref, opts);
  }

  /** Saves a new version with the files of an existing one. */
  copyVersion(bot: string, ref: string, opts: { name?: string; description?: string } = {}): Promise<VersionInfo> {
    return copyVersion(this.core, bot, ref, opts);
  }

  /** Deletes a version (refused while an environment holds it, a pending release carries it, or it is pinned). */
  deleteVersion(bot: string, ref: string): Promise<VersionRef> {
    return deleteVersion(this.core, bot, ref);
  }

  /** Pins a version so that retention keeps it. */
  pin(bot: string, ref: string): Promise<VersionInfo> {
    return pin(this.core, bot, ref, true);
  }

  /** Unpins a version. */
  unpin(bot: string, ref: string): Promise<VersionInfo> {
    return pin(this.core, bot, ref, false);
  }

  /** Removes versions beyond the newest `keep` (default: config) that nothing needs. */
  applyRetention(bot: string, opts: { keep?: number; dryRun?: boolean } = {}): Promise<RetentionResult> {
    return applyRetention(this.core, bot, opts);
  }

  /** The environments of a bot in pipeline order. */
  environments(bot: string): Promise<EnvironmentState[]> {
    return environments(this.core, bot);
  }

  /**
   * Points an environment at a version. A gated environment runs its gates first, without
   * the store's lock (see {@link promote}).
   */
  setEnvironment(bot: string, env: string, ref: string, opts: GateOptions = {}): Promise<EnvironmentChange> {
    return setEnvironment(this.core, bot, env, ref, opts);
  }

  /**
   * Promotes into `env` from the stage before it, or from `from` (a skip needs `skip: true`).
   * A gated environment runs its gates first (validation, the bot's tests, commands) without
   * the store's lock; the change is then decided again under the lock and refused when the
   * source moved meanwhile. A failed gate refuses it unless `override` gives a reason;
   * `skipGates` runs none (also with a reason); both are recorded.
   */
  promote(bot: string, env: string, opts: GateOptions & { from?: string; skip?: boolean } = {}): Promise<EnvironmentChange> {
    return promote(this.core, bot, env, opts);
  }

  /** Records a promotion of `env` (from the stage before it, or `from`) to carry out at `at` (an ISO time or ms since the epoch), by {@link runSchedules}. */
  async schedulePromotion(bot: string, env: string, opts: { at: string | number; from?: string; skip?: boolean; note?: string }): Promise<ScheduleInfo> {
    const at = typeof opts.at === 'number' ? opts.at : parseScheduleTime(opts.at);
    return schedulePromotion(this.core, bot, env, { ...opts, at });
  }

  /** Scheduled promotions of a bot (of every bot without one): pending ones, soonest first; with `all`, every one, newest first. */
  schedules(bot?: string, opts: { all?: boolean } = {}): Promise<ScheduleInfo[]> {
    return listSchedules(this.core, bot, opts);
  }

  /** Cancels a pending scheduled promotion (an id prefix, or `next`); the reason is recorded. */
  cancelSchedule(bot: string, ref: string, opts: { reason?: string } = {}): Promise<ScheduleInfo> {
    return cancelSchedule(this.core, bot, ref, opts);
  }

  /**
   * Carries out the scheduled promotions that are due (of one bot, or of every bot), with
   * their gates, and records each outcome; `dryRun` says what it would do and writes nothing.
   */
  runSchedules(opts: GateOptions & { bot?: string; dryRun?: boolean } = {}): Promise<ScheduleOutcome[]> {
    return runSchedules(this.core, { ...opts, promote: (b, env, o) => promote(this.core, b, env, o) });
  }

  /**
   * What `promote` (or, with `version`, `setEnvironment`) would do, with the gate's
   * verdict, without writing: the plan the change itself carries out.
   */
  previewPromotion(bot: string, env: string, opts: { from?: string; skip?: boolean; version?: string } = {}): Promise<PromotionPreview> {
    return previewPromotion(this.core, bot, env, opts);
  }

  /** Points an environment back at what it held before, or at `to` (a version it never held runs the gates). */
  rollback(bot: string, env: string, opts: GateOptions & { to?: string } = {}): Promise<EnvironmentChange> {
    return rollback(this.core, bot, env, opts);
  }

  /** Changes of one environment (or all), newest first. */
  environmentHistory(bot: string, env?: string): Promise<EnvironmentEvent[]> {
    return environmentHistory(this.core, bot, env);
  }

  /** Offers a version of `fromBot` to `toBot`. */
  createRelease(fromBot: string, ref: string, toBot: string, opts: { name?: string; description?: string } = {}): Promise<ReleaseInfo> {
    return createRelease(this.core, fromBot, ref, toBot, opts);
  }

  /** Releases into and out of a bot, newest first. */
  releases(bot: string, opts: { direction?: 'in' | 'out' | 'both'; pendingOnly?: boolean } = {}): Promise<ReleaseInfo[]> {
    return listReleases(this.core, bot, opts);
  }

  /** Accepts a pending release (id prefix or `latest`) into `bot`. */
  acceptRelease(bot: string, release: string, opts: { name?: string; description?: string } = {}): Promise<AcceptResult> {
    return acceptRelease(this.core, bot, release, opts);
  }

  /** Rejects a pending release. */
  rejectRelease(bot: string, release: string, opts: { reason?: string } = {}): Promise<ReleaseInfo> {
    return rejectRelease(this.core, bot, release, opts);
  }

  /** Compares two versions, or a version and the working copy (`'working'`, the default `to`). */
  diff(bot: string, from: string, to?: string, opts: { hunks?: boolean; context?: number; locale?: string } = {}): Promise<DiffResult> {
    return diff(this.core, bot, from, to, opts);
  }

  /** Every text file of both sides of a diff, for reading them as a bot (the semantic diff); with `locale`, that locale's files only. */
  diffTexts(bot: string, from: string, to?: string, opts: { locale?: string } = {}): Promise<DiffTexts> {
    return diffTexts(this.core, bot, from, to, opts);
  }

  /** Exports a version with variables resolved for `env` into `outDir`. */
  exportVersion(bot: string, ref: string, env: string, outDir: string, options: { zip?: boolean } = {}): Promise<ExportResult> {
    return exportVersion(this.core, bot, ref, env, outDir, options);
  }

  /** Checks the whole store. */
  verify(): Promise<VerifyResult> {
    return verify(this.core);
  }

  /** Removes objects no record needs. */
  gc(): Promise<GcResult> {
    return gc(this.core);
  }

  /** Every action on a bot, newest first. */
  history(bot: string, opts: { env?: string; limit?: number } = {}): Promise<HistoryEntry[]> {
    return history(this.core, bot, opts);
  }

  /** The versions that changed one file (relative to the bot folder), newest first. */
  fileHistory(bot: string, path: string): Promise<FileHistoryEntry[]> {
    return fileHistory(this.core, bot, path);
  }

  /** For each protected bot, the files that differ from the version it came from: edits outside a release. */
  protectedEdits(): Promise<ProtectedEdits[]> {
    return protectedEdits(this.core);
  }

  /** Whether the working copy differs from the version it came from. */
  workingCopyStatus(bot: string): Promise<WorkingCopyStatus> {
    return workingCopyStatus(this.core, bot);
  }

  /**
   * Waits until every write of this workspace has finished, including what a restore or a
   * release acceptance does after its commit point (flushing the files it wrote, writing
   * its records). Rejects if that failed; the operation itself stays committed, and the
   * next write finishes it from its journal. A process should wait for this before it exits.
   */
  settled(): Promise<void> {
    return this.core.settled();
  }
}

/** Absolute form of a workspace root. */
export function normalizeRoot(root: string): string {
  return resolve(root);
}
