/**
 * Public types of the versioning core. Everything here is plain, JSON-able data so that
 * the language server can send it to the editor and the CLI can print it with `--json`.
 * Times are ISO 8601 strings in UTC; ids are lowercase hex SHA-256 digests.
 */
import type { BotFormat, FormatId, PlainScalar } from '../definitions/index';
import type { StoreFs } from './fs/fsio';

/** Severity of a gate problem, as in LSP diagnostics. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** One finding of the gate validator; `line`/`character` are 0-based like LSP positions. */
export interface GateProblem {
  file: string;
  line: number;
  character: number;
  severity: Severity;
  code: string;
  message: string;
}

/** A severity the store's configuration may give a diagnostic code at the gate; `off` drops it. */
export type GateSeverity = Severity | 'off';

/**
 * What the core tells the gate validator about the check it asks for. Everything here
 * comes from the store's configuration (`.botversions/config.json`), never from a user's
 * settings: the CLI, CI and every editor run the same gate.
 */
export interface GateCheck {
  /** The environment the version would enter. */
  environment: string;
  /** The pipeline, in order. */
  pipeline: readonly string[];
  /** Per-code severities of config `gates.severities` (empty: every code at its default). */
  severities: Readonly<Record<string, GateSeverity>>;
}

/** Validates the files of a version before it enters a gated environment. */
export type GateValidator = (bot: BotInfo, files: Map<string, Uint8Array>, check: GateCheck) => Promise<GateProblem[]>;

/** Options of {@link openWorkspace}. */
export interface WorkspaceOptions {
  /**
   * Author recorded on every write; default: $BOTV_AUTHOR, git `user.name`, then the OS
   * user. A function is asked at each write (an editor setting the user may change).
   */
  author?: string | (() => string | undefined);
  /** Milliseconds since the epoch; injectable for tests. Default `Date.now`. */
  clock?: () => number;
  /** File-system layer; injectable for fault-injection tests. */
  fs?: StoreFs;
  /** Gate hook run before a version enters a gated environment (see config `gates`). */
  validate?: GateValidator;
  /** The formats bots are found in; default: the registry's (server/src/formats/index.ts). Injectable for tests. */
  formats?: readonly BotFormat[];
  /** How long a writer waits for the store lock before giving up (ms, default 30 000). */
  lockTimeoutMs?: number;
  /** A lock not refreshed for this long is treated as abandoned (ms, default 60 000). */
  lockStaleMs?: number;
  /**
   * Never write (an untrusted workspace): no store is created, no stat cache is kept, and
   * every writing operation refuses with READ_ONLY. A function is asked at each call, so
   * trust can be granted while the workspace is open.
   */
  readOnly?: boolean | (() => boolean);
}

/** The workspace configuration, `.botversions/config.json`, with defaults applied. */
export interface StoreConfig {
  pipeline: string[];
  protected: string[];
  /** Bot ids by bot folder (relative to the root, '.' for it): set by hand, or recorded on a bot's first version when its files give no lasting id. */
  bots: Record<string, { id: string }>;
  /** `staleAfterDays`: a version no environment has held and no one has pinned for this long is stale (default 180). */
  retention: { keep: number | null; keepEnvironmentHistory: number; staleAfterDays: number };
  /**
   * `validateBefore`: environments the built-in validation gates; `before`: every check a
   * version must pass to enter an environment (validation, the bot's tests, commands), by
   * environment, in order. {@link gatesFor} joins the two.
   */
  gates: { validateBefore: string[]; severities: Record<string, GateSeverity>; before: Record<string, GateSpec[]> };
  /**
   * Values set into a bot's files when a version is exported for an environment, by bot id,
   * environment, file (relative to the bot folder) and key path: `{ "shop": { "production":
   * { "endpoints.yml": { "action_endpoint.url": "https://…" } } } }`. The working copy and
   * the stored versions never hold them.
   */
  values: Record<string, Record<string, Record<string, Record<string, PlainScalar>>>>;
}

/** A bot found in the workspace. */
export interface BotInfo {
  id: string;
  name: string;
  /** The format its files are in (native, rasa, …), as the registry names it. */
  format: FormatId;
  /**
   * Where its id comes from: its own files (`bot.id`, Rasa's `assistant_id`), `bots` of
   * .botversions/config.json, its folder's name, or — `moved` — the id recorded for a
   * folder that no longer holds a bot, which this one is taken to be (see docs/store.md).
   */
  idSource: 'files' | 'config' | 'folder' | 'moved';
  /** Its locales, spelt as its platform spells them. */
  locales: string[];
  /** Folder relative to the workspace root, with `/` separators (`.` for the root itself). */
  dir: string;
  /** Absolute folder path on this machine (for a bot that is one file, the folder holding it). */
  path: string;
  /** For a bot that is one file of `path` — a committed export zip — its name: the bot's only file. */
  file?: string;
  /** The marker file inside the folder that gives the bot its identity: bot.yaml, bot.json, bot.jsonc, or a platform's own (config.yml). */
  manifest: string;
  protected: boolean;
  /** What puts its versions at risk, and what to do (a Dialogflow CX agent at the top of the repository the store is in, which the console's Git integration owns). */
  warning?: string;
}

/** A problem found while discovering bots (duplicate ids, unreadable manifests, a store that a platform's git sync would remove). */
export interface DiscoveryProblem {
  code: 'DUPLICATE_BOT' | 'BAD_MANIFEST' | 'SEVERAL_MANIFESTS' | 'MOVED' | 'STORE_AT_RISK';
  message: string;
  dirs: string[];
}

/** Result of listing the bots of a workspace. */
export interface BotList {
  bots: BotInfo[];
  problems: DiscoveryProblem[];
}

/** One file of a version or of the working copy. */
export interface FileEntry {
  path: string;
  sha256: string;
  size: number;
}

/** Where a version came from. */
export type VersionOrigin =
  | { kind: 'saved' }
  | { kind: 'auto-saved'; before: 'restore' | 'release-accept' }
  | { kind: 'restored'; from: string; fromNumber: number }
  | { kind: 'copied'; from: string; fromNumber: number }
  | { kind: 'released'; release: string; fromBot: string; fromVersion: string; fromNumber: number };

/** Where one locale of a version came from. */
export interface LocaleOrigin {
  locale: string;
  /** The version its files were taken from, or null for the working copy. */
  from: string | null;
  fromNumber: number | null;
}

/** A short handle on a version. */
export interface VersionRef {
  id: string;
  number: number;
  /** `v13`, or `v13~a1b2c3d4` when another version of the bot carries the same number. */
  label: string;
}

/** A version as listed. */
export interface VersionInfo extends VersionRef {
  bot: string;
  shortId: string;
  name: string;
  description: string;
  author: string;
  createdAt: string;
  parent: string | null;
  origin: VersionOrigin;
  /** Number of files and their total size in bytes. */
  files: number;
  bytes: number;
  /** SHA-256 of the sorted file list: equal for versions with identical files. */
  contentHash: string;
  /** Environments holding this version now, in pipeline order. */
  environments: string[];
  pinned: boolean;
  /** Set when a protected bot was saved with --force. */
  forced?: { reason: string };
  /** No environment has held it and no one has pinned it for `retention.staleAfterDays` (retention removes such versions first). */
  stale: boolean;
  /** Per locale, where its files came from (the working copy, or an older version): versions of bots whose locales are files of their own. */
  locales?: LocaleOrigin[];
}

/** A version with its files. */
export interface VersionDetail extends VersionInfo {
  tree: FileEntry[];
}

/** Result of a save. */
export interface SaveResult {
  /** The new version, or the existing one when nothing changed and nothing was saved. */
  version: VersionInfo;
  created: boolean;
  /** Versions removed by retention right after the save. */
  removedByRetention: VersionRef[];
  /** What the user should know of the save (the platform's quota of versions passed). */
  warnings?: string[];
}

/** Result of a restore. */
export interface RestoreResult {
  version: VersionInfo;
  /** The version saved first because no version held the working copy, if any. */
  autoSaved: VersionInfo | null;
  written: string[];
  removed: string[];
}

/** State of one environment. */
export interface EnvironmentState {
  name: string;
  /** Position in the pipeline, or -1 for an environment that is no longer configured. */
  index: number;
  inPipeline: boolean;
  version: number | null;
  versionId: string | null;
  label: string | null;
  since: string | null;
  by: string | null;
  lastAction: EnvironmentAction | null;
  /** Whether the version must pass the gate validator to enter this environment. */
  gated: boolean;
  /**
   * The stage a promotion into this environment takes its version from (the one before it
   * in the pipeline), or null for the first stage and for environments not in the pipeline.
   */
  promotesFrom: string | null;
  /** The version a rollback without `to` would return to, or null when there is none. */
  rollbackTo: VersionRef | null;
  /** The checks a version must pass to enter it (config `gates`), in order; empty when it is not gated. */
  gates: GatePlan[];
  /** Promotions into it that are scheduled and not yet carried out, soonest first. */
  schedules: ScheduleInfo[];
}

/** How an environment changed. */
export type EnvironmentAction = 'set' | 'promote' | 'rollback';

/** Gate outcome recorded on an environment event. */
export interface GateOutcome {
  /** False when no validator was configured, or the environment is not gated. */
  checked: boolean;
  errors: number;
  warnings: number;
  override?: { reason: string };
}

/** One change of one environment. */
export interface EnvironmentEvent {
  id: string;
  bot: string;
  environment: string;
  action: EnvironmentAction;
  version: VersionRef;
  previous: VersionRef | null;
  /** For promote: the environment the version came from. */
  from?: string;
  /** For promote: the stages skipped on explicit request. */
  skipped?: string[];
  at: string;
  author: string;
  gate: GateOutcome;
  /** What each gate found (absent on events recorded before gates ran commands and tests), or that they were skipped. */
  gates?: GatesOutcome;
  /** The scheduled promotion this event carried out. */
  schedule?: string;
}

/** Result of set/promote/rollback. */
export interface EnvironmentChange {
  event: EnvironmentEvent;
  environment: EnvironmentState;
  /** Problems the gate validator reported (also when overridden). */
  problems: GateProblem[];
  /** False when the environment already held the version and nothing was written. */
  changed: boolean;
}

/** Why a promotion or a set cannot happen (or, `unchanged`, would write nothing). */
export type PromotionBlockReason = 'first-stage' | 'not-forward' | 'skip-not-allowed' | 'empty-source' | 'missing-version' | 'unchanged';

/** What promoting (or setting) an environment would do, as `promote` itself plans it. */
export interface PromotionPreview {
  bot: string;
  environment: string;
  action: 'promote' | 'set';
  /** The stage the version would come from (a promotion), or null (a set, or the first stage). */
  from: string | null;
  /** Stages the promotion would skip. */
  skipped: string[];
  /** The version that would enter, when one can. */
  incoming: VersionRef | null;
  /** The version the environment holds now. */
  current: VersionRef | null;
  gated: boolean;
  /** The gate's verdict on `incoming`; `checked` is false when the change would run no gate. */
  gate: { checked: boolean; errors: number; warnings: number; problems: GateProblem[] };
  /**
   * Every gate the change would run, in order: the built-in ones (validation, tests) with
   * their verdict on `incoming`, commands with what they would run (a preview runs none).
   */
  gates: Array<GatePlan & { run?: GateRun }>;
  /** Why the change cannot happen, with the message the change itself would give; null when it can. */
  blocked: { reason: PromotionBlockReason; message: string } | null;
}

/** A version that changed one file: it holds the file, and the version before it held other content or none. */
export interface FileHistoryEntry {
  version: VersionInfo;
  change: 'added' | 'modified';
  sha256: string;
  size: number;
}

/** The files of a protected bot that differ from the version its working copy came from. */
export interface ProtectedEdits {
  bot: string;
  /** The version compared with (its last release, baseline or forced save); null: nothing to compare with. */
  base: VersionRef | null;
  /** Every difference, removed files included. */
  changes: Array<{ path: string; change: 'added' | 'removed' | 'modified' }>;
}

/** Status of a release. */
export type ReleaseStatus = 'pending' | 'accepted' | 'rejected';

/** A release of one bot's version to another bot. */
export interface ReleaseInfo {
  id: string;
  shortId: string;
  fromBot: string;
  fromVersion: VersionRef;
  toBot: string;
  name: string;
  description: string;
  createdAt: string;
  author: string;
  status: ReleaseStatus;
  /** The version saved in the target bot by the acceptance. */
  acceptedVersion?: VersionRef;
  resolvedAt?: string;
  resolvedBy?: string;
  reason?: string;
}

/** Result of accepting a release. */
export interface AcceptResult {
  release: ReleaseInfo;
  version: VersionInfo;
  autoSaved: VersionInfo | null;
  written: string[];
  removed: string[];
  /** Files left alone because they match the target bot's `release.keep`. */
  kept: string[];
}

/** One side of a diff. */
export type DiffSide = { kind: 'version'; id: string; number: number; label: string } | { kind: 'working' };

/** A line hunk, as jsdiff's structuredPatch gives it (`lines` start with ' ', '-' or '+'). */
export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

/** One file that differs. */
export interface FileDiff {
  path: string;
  change: 'added' | 'removed' | 'modified';
  oldSha256: string | null;
  newSha256: string | null;
  oldSize: number | null;
  newSize: number | null;
  binary: boolean;
  /** Absent when hunks were not asked for, the file is binary, or the diff was too large. */
  hunks?: DiffHunk[];
  insertions: number;
  deletions: number;
  /** Set when the line diff was skipped because it was too large to compute quickly. */
  tooLarge?: boolean;
}

/** Result of comparing two versions, or a version and the working copy. */
export interface DiffResult {
  bot: string;
  from: DiffSide;
  to: DiffSide;
  files: FileDiff[];
  stats: { added: number; removed: number; modified: number; insertions: number; deletions: number };
}

/** Both sides of a diff as texts: every text file of the bot on each side (binary files left out), paths relative to the bot folder. */
export interface DiffTexts {
  bot: string;
  /** The bot's format, to read the texts with. */
  format: FormatId;
  from: DiffSide;
  to: DiffSide;
  before: Map<string, string>;
  after: Map<string, string>;
}

/** Result of exporting a version for one environment. */
export interface ExportResult {
  bot: string;
  version: VersionRef;
  environment: string;
  outDir: string;
  /** SHA-256 over the sorted (path, file hash) list of the exported files: stable across runs. */
  hash: string;
  files: FileEntry[];
  /** Names of the variables substituted. */
  variables: string[];
  /** With --zip: the one file written into the folder, the zip holding `files` (the platform's import). */
  zip?: FileEntry;
}

/** A fault found by verify. */
export interface VerifyProblem {
  severity: 'error' | 'warning';
  code: string;
  /** Path relative to the workspace root. */
  file: string;
  message: string;
}

/** Result of verify. */
export interface VerifyResult {
  ok: boolean;
  checked: { objects: number; records: number; versions: number };
  problems: VerifyProblem[];
}

/** Result of gc. */
export interface GcResult {
  removedObjects: number;
  freedBytes: number;
  removedTemporary: number;
  keptObjects: number;
}

/** Result of applying retention. */
export interface RetentionResult {
  keep: number | null;
  removed: VersionRef[];
  /** Versions older than the last N kept because something needs them, with the reason. */
  retained: Array<VersionRef & { reason: string }>;
}

/** The kinds of action the history lists. */
export type HistoryAction =
  | 'save'
  | 'auto-save'
  | 'copy'
  | 'restore'
  | 'delete'
  | 'pin'
  | 'unpin'
  | 'set'
  | 'promote'
  | 'rollback'
  | 'release-create'
  | 'release-accept'
  | 'release-reject'
  | 'schedule'
  | 'schedule-cancel';

/** One action in a bot's history. */
export interface HistoryEntry {
  at: string;
  author: string;
  bot: string;
  action: HistoryAction;
  /** One line a person can read, e.g. "promoted v12 from staging to production". */
  summary: string;
  version?: VersionRef;
  environment?: string;
  release?: string;
  /** For an environment change: what its gates found (or that they were skipped). */
  gates?: GatesOutcome;
  /** For a schedule and its end, and a change that carried one out: the schedule's id. */
  schedule?: string;
  /** Record id of the entry. */
  id: string;
}

/** Whether the working copy differs from the version it came from. */
export interface WorkingCopyStatus {
  bot: string;
  /** The version the working copy was last saved as or restored from. */
  base: VersionRef | null;
  /** The newest version of the bot. */
  latest: VersionRef | null;
  /** True when the working copy equals `base` (or the bot has no version and no files). */
  clean: boolean;
  changes: Array<{ path: string; change: 'added' | 'removed' | 'modified' }>;
  /** Versions whose files equal the working copy exactly. */
  savedAs: VersionRef[];
  /** An interrupted restore or release accept that the next write will finish. */
  interrupted: boolean;
}

/** What a built-in gate counts as failing: errors only, or warnings too. */
export type GateFailOn = 'error' | 'warning';

/** Which bots a gate applies to (null: every bot). */
interface GateScope {
  /** Its name, unique among the gates of one environment: what records, the history and the views call it. */
  name: string;
  /** Only these bots (ids); null: every bot. */
  bots: string[] | null;
  /** Only bots of these formats (native, rasa, …); null: every format. */
  formats: string[] | null;
}

/** The built-in gates: the language server's validation of the whole bot, or of the bot's own test files only. */
export interface BuiltinGateSpec extends GateScope {
  kind: 'validation' | 'tests';
  failOn: GateFailOn;
}

/**
 * A command from config.json, run in a temporary folder that holds exactly the version's
 * files with its environment's values applied, the bot folder as its working directory;
 * exit code 0 passes.
 */
export interface CommandGateSpec extends GateScope {
  kind: 'command';
  /** The command line, run by the system shell. */
  run: string;
  /** Killed, and failed, after this many seconds. */
  timeoutSeconds: number;
  /** Names of variables of botv's own environment passed to the command (their values never appear in what is recorded). */
  env: string[];
}

/** One check of `gates.before` in config.json. */
export type GateSpec = BuiltinGateSpec | CommandGateSpec;

/** A gate as a plan shows it: what will run. */
export interface GatePlan {
  name: string;
  kind: GateSpec['kind'];
  /** A command gate's command line. */
  command?: string;
  timeoutSeconds?: number;
}

/** What one gate found, as the promotion records it. */
export interface GateRun {
  name: string;
  kind: GateSpec['kind'];
  verdict: 'passed' | 'failed';
  /** What it found, in a few words: "no errors", "2 errors, 1 warning", "exit code 1", "timed out after 600 s", "could not start: …". */
  summary: string;
  durationMs: number;
  /** The content hash of the version it checked. */
  content: string;
  /** A command gate's command line. */
  command?: string;
  exitCode?: number | null;
  signal?: string | null;
  timedOut?: boolean;
  /** Built-in gates: what validation found at the gate's severities. */
  errors?: number;
  warnings?: number;
  /**
   * The last lines of its output (at most 40 lines and 4,000 characters; a built-in gate's
   * first problems). Values of the environment variables the gate was given are replaced by `***`.
   */
  output?: string;
  /** How many bytes a command printed in all (stdout and stderr). */
  outputBytes?: number;
}

/** The gates of one environment change: what each found, or that they were skipped on purpose. */
export interface GatesOutcome {
  runs: GateRun[];
  /** `--skip-gates --reason`: no gate ran. */
  skipped?: { reason: string };
}

/** What a running gate reports, for a progress display. */
export type GateProgress =
  | { kind: 'start'; bot: string; environment: string; gate: GatePlan; index: number; total: number }
  | { kind: 'output'; bot: string; environment: string; gate: string; line: string; elapsedMs: number }
  | { kind: 'end'; bot: string; environment: string; run: GateRun; index: number; total: number };

/** How an environment change runs its gates. */
export interface GateOptions {
  /** Enter despite failed gates; the gates still run and the reason is recorded. */
  override?: { reason: string };
  /** Run no gate at all; the reason is recorded. */
  skipGates?: { reason: string };
  /** Told what each gate does as it runs. */
  progress?: (p: GateProgress) => void;
  /** Aborting kills a running command; the change is refused with CANCELLED and nothing is written. */
  signal?: AbortSignal;
  /**
   * Asked before a command gate runs (an editor shows it first); false refuses the change
   * with NOT_APPROVED and runs nothing. Absent: every command runs (the CLI prints each).
   */
  approve?: (gate: GatePlan) => boolean;
}

/** The status of a scheduled promotion. */
export type ScheduleStatus = 'pending' | 'done' | 'cancelled' | 'refused' | 'unneeded';

/** A promotion recorded to be carried out later, by `botv schedule run`. */
export interface ScheduleInfo {
  id: string;
  shortId: string;
  bot: string;
  environment: string;
  /** The stage it promotes from, and the version that stage held when it was scheduled: when due, that stage must still hold it. */
  from: string;
  version: VersionRef;
  /** When it is due (ISO). */
  due: string;
  skipped?: string[];
  note?: string;
  createdAt: string;
  author: string;
  status: ScheduleStatus;
  /** Whether it is pending and its time has come. */
  isDue: boolean;
  /** When and by whom it ended, and why (cancelled, refused, unneeded), or the event that carried it out. */
  resolvedAt?: string;
  resolvedBy?: string;
  reason?: string;
  event?: string;
  /** A refusal by its gates: what they found. */
  gates?: GatesOutcome;
}

/** What `botv schedule run` did with one due schedule. */
export interface ScheduleOutcome {
  schedule: ScheduleInfo;
  outcome: 'promoted' | 'refused' | 'unneeded';
  /** Why it was refused or unneeded. */
  reason?: string;
  /** The promotion, when it was carried out. */
  change?: EnvironmentChange;
}
