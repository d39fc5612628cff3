// The whole custom protocol between the Bot Versions client and its language server,
// declared once and imported by both sides. It carries view models shaped for the UI;
// the server maps the versioning core onto them. Plain types only: no runtime imports,
// so the client bundle takes nothing from the server.

/** A version as the views show it. `label` is `v13`, or `v13·a1b2c3` when two clones both made a v13. */
export interface VersionInfo {
  id: string;
  shortId: string;
  number: number;
  label: string;
  name: string;
  description: string;
  author: string;
  createdAt: string;
  parentId: string | null;
  /** Where the version came from, in words: "saved", "restored from v3", "released from pizza-dev v7". */
  origin: string;
  originKind: 'saved' | 'restored' | 'released' | 'copied' | 'auto-saved';
  environments: string[];
  pinned: boolean;
  fileCount: number;
  /** No environment has held it and no one has pinned it for `retention.staleAfterDays` (retention removes such versions first). */
  stale: boolean;
  /** Per locale, where its files came from ("fr_FR from v3"), for a bot whose locales are files of their own. */
  locales?: { locale: string; from: string | null; fromLabel: string | null }[];
}

/** How the working copy differs from the bot's last version. Paths are relative to the bot folder. */
export interface DriftInfo {
  dirty: boolean;
  added: string[];
  removed: string[];
  modified: string[];
}

export interface BotInfo {
  id: string;
  name: string;
  /** The format of its files, as `botv bots --json` names it (native, rasa, …). */
  format: string;
  /** The platform's name, for people (Rasa, Dialogflow CX); '' for the native format. */
  platform: string;
  /** Its locales, spelt as its platform spells them. */
  locales: string[];
  /** Whether a version may hold some of its locales, or take one from an older version (its format keeps each locale in files of its own). */
  localeVersions: boolean;
  folderUri: string;
  manifestUri: string;
  /** Set for a bot that is one file (a committed export zip, a LivePerson export): that file, its only one, in `folderUri`. */
  fileUri?: string;
  protected: boolean;
  /** What puts its versions at risk, and what to do (a Dialogflow CX agent at the top of a repository its Git integration owns); null when nothing does. */
  warning: string | null;
  versionCount: number;
  /** The newest version. */
  latest: VersionInfo | null;
  /** The version the working copy came from (the last restored or saved); `drift` is measured against it. */
  base: VersionInfo | null;
  /** Labels of the versions whose files equal the working copy (none: a restore saves it first). */
  savedAs: string[];
  drift: DriftInfo;
  environments: EnvironmentInfo[];
  pendingReleases: ReleaseInfo[];
}

export interface GateProblem {
  file: string;
  line: number;
  character: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

export interface EnvironmentInfo {
  name: string;
  /** Position in the pipeline, from 0. */
  index: number;
  version: VersionInfo | null;
  since: string | null;
  by: string | null;
  /** The version a rollback without a target would return to. */
  previous: VersionInfo | null;
  /** Whether a version must pass validation before it enters this environment. */
  gated: boolean;
  /** The environment a promotion into this one takes its version from (null: the first stage). */
  promotesFrom: string | null;
  /** The checks a version passes to enter it (config `gates`), in order. */
  gates: GatePlanInfo[];
  /** Promotions into it scheduled and not yet carried out, soonest first. */
  schedules: ScheduleInfo[];
}

/** A gate as a plan shows it: what will run. */
export interface GatePlanInfo {
  name: string;
  kind: 'validation' | 'tests' | 'command';
  /** A command gate's command line: the editor shows it, and asks, before it first runs it. */
  command?: string;
  timeoutSeconds?: number;
}

/** What one gate found. */
export interface GateRunInfo {
  name: string;
  kind: 'validation' | 'tests' | 'command';
  verdict: 'passed' | 'failed';
  summary: string;
  durationMs: number;
  /** The content hash of the version it checked. */
  content: string;
  command?: string;
  exitCode?: number | null;
  timedOut?: boolean;
  errors?: number;
  warnings?: number;
  /** Its last lines of output (bounded; secrets replaced by ***). */
  output?: string;
}

/** What the gates of one change found, or that they were skipped. */
export interface GatesInfo {
  runs: GateRunInfo[];
  /** The reason given with --skip-gates, when no gate ran on purpose. */
  skipped: string | null;
}

/** A promotion scheduled for later (`botv promote --at`), carried out by `botv schedule run`. */
export interface ScheduleInfo {
  id: string;
  shortId: string;
  environment: string;
  from: string;
  versionId: string;
  versionLabel: string;
  due: string;
  isDue: boolean;
  note: string | null;
  author: string;
  createdAt: string;
}

export interface EnvironmentEventInfo {
  id: string;
  environment: string;
  action: 'set' | 'promote' | 'rollback';
  version: VersionInfo | null;
  versionId: string;
  previousId: string | null;
  from: string | null;
  at: string;
  by: string;
  note: string;
  /** What its gates found (null: no gate ran, or the event predates them). */
  gates: GatesInfo | null;
  /** Whether it carried out a scheduled promotion. */
  scheduled: boolean;
}

export interface ReleaseInfo {
  id: string;
  shortId: string;
  fromBot: string;
  fromVersionId: string;
  fromLabel: string;
  toBot: string;
  name: string;
  description: string;
  createdAt: string;
  author: string;
  status: 'pending' | 'accepted' | 'rejected';
  resolvedAt: string | null;
  resolvedBy: string | null;
  acceptedVersionId: string | null;
}

export interface HistoryEntryInfo {
  id: string;
  at: string;
  by: string;
  action: string;
  text: string;
  environment: string | null;
  versionId: string | null;
}

/** One side of a comparison: a stored version, or the working copy on disk. */
export type SideRef = { kind: 'version'; id: string } | { kind: 'working' };

export interface FileChange {
  path: string;
  change: 'added' | 'removed' | 'modified';
  additions: number;
  deletions: number;
  /** An entry of the bot's export zip (`path` is the entry's path in it): a bot that is a zip is compared by its entries. */
  entryOf?: string;
  /** JSON that a side holds on one long line (a minified export): the diff editor shows both sides pretty-printed. */
  minified?: boolean;
}

/** A file a version holds, and how it changed from the version's parent. */
export interface VersionFile {
  path: string;
  size: number;
  change: 'added' | 'modified' | null;
}

/**
 * One change in bot terms (the semantic diff of server/src/definitions/diff/): `kind` is
 * one of its vocabulary (intent, utterance, entity, slot, response, flow, …); an
 * utterance's `name` is its text and its `parent` its intent.
 */
export interface SemanticChange {
  kind: string;
  name: string;
  change: 'added' | 'removed' | 'modified';
  parent?: string;
  locale?: string;
  /** The file that defines it, relative to the bot folder (on the newer side when both have it). */
  file?: string;
  /** What changed in a modified entity, in a few words. */
  detail?: string;
}

export interface CompareResult {
  bot: string;
  from: SideRef & { label: string };
  to: SideRef & { label: string };
  files: FileChange[];
  summary: SemanticChange[];
}

export interface PromotePreview {
  bot: string;
  environment: string;
  from: string | null;
  incoming: VersionInfo | null;
  current: VersionInfo | null;
  comparison: CompareResult | null;
  gate: { checked: boolean; errors: number; warnings: number; problems: GateProblem[] };
  /** Every gate the promotion would run, in order: built-in ones with their verdict, commands with what they would run (a preview runs none). */
  gates: Array<GatePlanInfo & { run?: GateRunInfo }>;
  /** Why the promotion cannot happen, when it cannot; null when it can. */
  blocked: string | null;
}

/** Server → client while a change runs its gates; `token` is the one the request carried. */
export const GateProgressNotification = 'botVersions/gateProgress';
export interface GateProgressParams {
  token: string;
  bot: string;
  environment: string;
  kind: 'start' | 'output' | 'end';
  gate: string;
  index: number;
  total: number;
  /** A command gate's command line (start). */
  command?: string;
  /** Its latest line of output (output). */
  line?: string;
  elapsedMs?: number;
  /** What it found (end). */
  run?: GateRunInfo;
}

/** How a change that may run gates is asked for. */
export interface GateParams {
  /** Enter despite failed gates: every gate runs; the reason is recorded. */
  override?: string;
  /** Run no gate: the reason is recorded. */
  skipGates?: string;
  /** The command lines the user approved: a command gate whose command is not among them is refused (NOT_APPROVED) and nothing runs. */
  approvedCommands?: string[];
  /** Sent back on every botVersions/gateProgress notification of this change. */
  progressToken?: string;
}

/** Error codes the server puts in `ResponseError.data.code`, so the client can offer a way on. */
export type ErrorCode =
  | 'GATE_REFUSED'
  | 'NOT_APPROVED'
  | 'CANCELLED'
  | 'UNTRUSTED'
  | 'READ_ONLY'
  | 'PROTECTED'
  | 'LOCKED'
  | 'NOT_FOUND'
  | 'AMBIGUOUS'
  | 'IN_USE'
  | 'INVALID'
  | 'CORRUPT'
  | 'CONFLICT'
  | 'INTERNAL';

export interface ErrorData {
  code: ErrorCode;
  problems?: GateProblem[];
  /** GATE_REFUSED: the gate that failed, and what every gate that ran found. */
  gate?: string;
  gates?: GateRunInfo[];
  /** NOT_APPROVED: the command gate that was not approved. */
  command?: string;
}

export interface BotRef {
  bot: string;
}

export interface VersionRef extends BotRef {
  version: string;
}

/** Every request the client may send, with its parameters and result. */
export interface Requests {
  'botVersions/listBots': { params: Record<string, never>; result: BotInfo[] };
  'botVersions/listVersions': { params: BotRef & { offset?: number; limit?: number }; result: { total: number; versions: VersionInfo[] } };
  /** `locales`: the locales the version holds (default: all); `localeFrom`: locales taken as an older version holds them (locale → version). `warnings`: what the user should know (the platform's version quota passed). */
  'botVersions/saveVersion': { params: BotRef & { name?: string; description?: string; force?: boolean; locales?: string[]; localeFrom?: Record<string, string> }; result: VersionInfo & { warnings?: string[] } };
  /** `locale`: restore only that locale's files, the others staying as they are. */
  'botVersions/restoreVersion': { params: VersionRef & { force?: boolean; locale?: string }; result: { restored: VersionInfo; autoSaved: VersionInfo | null } };
  'botVersions/deleteVersion': { params: VersionRef; result: { deleted: VersionInfo } };
  /** `locale`: narrowed to what changed in that locale. */
  'botVersions/compare': { params: BotRef & { from: SideRef; to: SideRef; locale?: string }; result: CompareResult };
  'botVersions/versionFiles': { params: VersionRef; result: VersionFile[] };
  /** A file as a version holds it; `entry`: an entry of the zip at `path` (a bot that is an export zip); `formatted`: JSON pretty-printed. */
  'botVersions/readVersionFile': { params: VersionRef & { path: string; entry?: string; formatted?: boolean }; result: { text: string | null; binary: boolean; size: number } };
  'botVersions/environments': { params: BotRef; result: { pipeline: string[]; environments: EnvironmentInfo[] } };
  'botVersions/environmentHistory': { params: BotRef & { environment?: string }; result: EnvironmentEventInfo[] };
  'botVersions/previewPromote': { params: BotRef & { environment: string; from?: string; version?: string }; result: PromotePreview };
  'botVersions/setEnvironment': { params: VersionRef & { environment: string } & GateParams; result: EnvironmentInfo & { ran: GatesInfo | null } };
  'botVersions/promote': { params: BotRef & { environment: string; from?: string } & GateParams; result: EnvironmentInfo & { ran: GatesInfo | null } };
  'botVersions/rollback': { params: BotRef & { environment: string; to?: string } & GateParams; result: EnvironmentInfo & { ran: GatesInfo | null } };
  'botVersions/cancelSchedule': { params: BotRef & { schedule: string; reason?: string }; result: ScheduleInfo };
  'botVersions/releases': { params: BotRef; result: ReleaseInfo[] };
  'botVersions/createRelease': { params: VersionRef & { to: string; name?: string; description?: string }; result: ReleaseInfo };
  'botVersions/acceptRelease': { params: BotRef & { release: string }; result: { release: ReleaseInfo; version: VersionInfo } };
  'botVersions/rejectRelease': { params: BotRef & { release: string; reason?: string }; result: ReleaseInfo };
  'botVersions/history': { params: BotRef & { environment?: string }; result: HistoryEntryInfo[] };
  'botVersions/fileHistory': { params: { uri: string }; result: { bot: string; path: string; versions: VersionInfo[] } | null };
  'botVersions/verify': { params: Record<string, never>; result: { ok: boolean; problems: string[] } };
  /** Answered by the server itself, which tells the versioning core whether it may write. */
  'botVersions/setTrust': { params: { trusted: boolean }; result: null };
  /**
   * Answered by the server itself, from the files it holds: the text of a bot file or of a
   * zip's entry (`path` as a file: URI's path, or an entry's `<zip>/<entry>`), pretty-printed
   * when `formatted` (JSON only; the file is unchanged). `archive` is the zip that holds an
   * entry. Null when the server holds no such file.
   */
  'botVersions/readDocument': { params: { path: string; formatted?: boolean }; result: { text: string; archive: string | null; minified: boolean } | null };
}

export type RequestMethod = keyof Requests;
export type ParamsOf<M extends RequestMethod> = Requests[M]['params'];
export type ResultOf<M extends RequestMethod> = Requests[M]['result'];

/** Server → client: the store or a bot's working copy changed (this window, another, the CLI, a git pull). */
export const StoreChangedNotification = 'botVersions/storeChanged';
export interface StoreChangedParams {
  bots: string[];
  reason: 'store' | 'working-copy' | 'config';
}

/** The URI scheme of read-only documents that show a file as a version holds it. */
export const VERSION_SCHEME = 'botversions';

/**
 * The URI scheme of read-only documents that show an entry of a committed export zip, as the
 * workspace reads it in place: botv-entry:<path of the zip>/<entry> (the path as in a file:
 * URI). The language server publishes an entry's diagnostics under it and answers editor
 * features in it; the client serves its text (botVersions/readDocument) with a note that the
 * zip holds it.
 */
export const ENTRY_SCHEME = 'botv-entry';

/**
 * The URI scheme of read-only documents that show a JSON file pretty-printed, the file itself
 * unchanged: botv-formatted:<path> (a file, or a zip's entry), or with the query
 * `bot=…&version=…&path=…` a file as a version holds it.
 */
export const FORMATTED_SCHEME = 'botv-formatted';
