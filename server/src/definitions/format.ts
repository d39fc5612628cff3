// The seam between the engine and the formats: what a bot format (the native bot.yaml, a
// Rasa project, a Dialogflow agent, …) tells the rest of Bot Versions. Discovery, the
// store, the language server and the CLI ask a format these questions and nothing else;
// each format answers them in its own folder under server/src/formats/, and the registry
// there lists them (one line per format). The engine never imports a format.
import type { SemanticEntity } from './diff/entities';
import type { EntityFiles } from './diff/files';
import type { EditorFeatures } from './features/types';
import type { BotDocument, BotModel } from './model/bot';
import type { ParsedDocument } from './parse/document';
import type { ResolvedOptions } from './options';
import type { Diagnostic, Finding, FormatId, Severity } from './types';

/** What a bot id may be: ids name folders of the store, on every file system. */
export const BOT_ID = /^[a-z0-9][a-z0-9-]*$/;

export type { FormatId } from './types';

/** A bot id made from any text (a platform's id, a folder's name): lower case, other characters as "-". */
export function toBotId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/**
 * A candidate bot folder, as recognition sees it: the same questions answered from the disk
 * (discovery, the store) or from the files an editor holds (the language server), so that
 * both find the same bots.
 */
export interface FolderProbe {
  /** The folder, '/'-separated, relative to the workspace root ('' for the root). */
  readonly dir: string;
  /** Whether the folder holds this file; `rel` is one of the format's markers. */
  hasFile(rel: string): boolean;
  /** Whether the folder holds this sub-folder with a definition file in it (a marker ending in '/'). */
  hasDir(rel: string): boolean;
  /** The text of a marker file (or of a path a marker with `*` matched), when it exists and is small enough to read; undefined otherwise. */
  read(rel: string): string | undefined;
  /**
   * The paths, relative to the folder and sorted, that a marker with `*` parts matches
   * (`*\/Bot.json` → `['PizzaBot/Bot.json']`); a plain marker matches itself when it exists.
   * Absent in probes that know no such markers: then nothing matches.
   */
  matches?(marker: string): string[];
}

/** Whether a marker has `*` parts: each `*` stands for one folder name. */
export function isWildMarker(marker: string): boolean {
  // Asked for every marker of every folder probed: no split, no allocation.
  return marker.includes('*');
}

/**
 * Whether a path relative to a candidate folder is what a file marker names (`*` matching
 * any one name), or for a folder marker (ending in '/'), whether it lies under such a folder.
 */
export function markerCovers(marker: string, rel: string): boolean {
  if (!marker.includes('*')) return marker.endsWith('/') ? rel.startsWith(marker) : marker === rel;
  const want = marker.replace(/\/$/, '').split('/');
  const have = rel.split('/');
  if (marker.endsWith('/') ? have.length <= want.length : have.length !== want.length) return false;
  for (let i = 0; i < want.length; i++) if (want[i] !== '*' ? want[i] !== have[i] : have[i] === '') return false;
  return true;
}

/** That a folder is a bot of a format: cheap to work out, so done again on every change of a marker. */
export interface Recognition {
  /** The marker file that makes the folder a bot and gives its identity (a manifest, config.yml), relative to it. */
  marker: string;
  /** Other marker files of the folder that the bot leaves out (a second manifest), relative to it. */
  ignored?: string[];
}

/** What a bot's marker files say of it: enough for the store to list and version it. */
export interface BotIdentity {
  /** The bot id its files give (native `bot.id`, Rasa `assistant_id`), when they give one. */
  id?: string;
  /** Its display name, when the files give one. */
  name?: string;
  /** Its locales, spelt as the platform spells them. */
  locales: string[];
  /** Globs, relative to the bot folder, of files a release into this bot never overwrites. */
  keep: string[];
  /** Why the identity could not be read, when it could not (a broken manifest): the bot is still one. */
  problem?: string;
}

/** The engine's view of the workspace, given to a format's sessions. */
export interface SessionHost {
  readonly options: ResolvedOptions;
  /** Every path the workspace holds ('/'-separated). */
  paths(): Iterable<string>;
  has(path: string): boolean;
  /** The text of a path the workspace holds ('' otherwise). */
  text(path: string): string;
  /** A held file parsed and analysed by the format of the bot that owns it. */
  document(path: string): BotDocument | undefined;
  /** The session of the bot folder nearest above a path (which need not claim it as a file). */
  ownerOf(path: string): BotSession | undefined;
}

/**
 * One bot of a format in a workspace: its model, built lazily from the host's files, and
 * its checks, brought up to date on request. The workspace tells it what changed.
 */
export interface BotSession {
  readonly format: BotFormat;
  readonly dir: string;
  /** The files of the last model built (kept after invalidation, to say what a change affects). */
  readonly lastFiles: readonly string[];
  /** Something changed; `edit` names a file of the bot whose text alone changed, with its previous parse. */
  invalidate(edit?: { path: string; previous: BotDocument }): void;
  /** The options changed: every check runs again on the next request. */
  optionsChanged(): void;
  /** The bot's model, built now if needed (undefined when the folder no longer forms a bot). */
  model(host: SessionHost): BotModel | undefined;
  /** The diagnostics of one of the bot's files, `extra` being the workspace-wide findings for it. */
  diagnostics(host: SessionHost, path: string, extra: readonly Finding[] | undefined): Diagnostic[];
}

/** The bot a release goes into: its id and the marker file that gives its identity, as it is now. */
export interface ReleaseTarget {
  id: string;
  /** The marker, relative to the bot folder (bot.yaml, config.yml). */
  marker: string;
  markerText: string;
}

/** The released files that take the target's identity (path → new text), or why the release cannot become the target. */
export type AdoptedIdentity = { rewritten: Map<string, string> } | { problem: string };

/** A diagnostic code a format reports: its default severity and a one-line meaning. */
export type CodeTable = Readonly<Record<string, readonly [Severity, string]>>;

/** A bot format: one folder under server/src/formats/, one line in the registry. */
export interface BotFormat {
  readonly id: FormatId;
  /** The platform's name, for people: "Rasa", "Dialogflow CX". */
  readonly label: string;
  /**
   * Paths, relative to a candidate folder, that recognition looks at: files ('config.yml',
   * 'config/config.yml') or folders ('domain/'). Only these are probed, and a change to one
   * of them makes the folder be recognised again. A file marker may have `*` parts, each one
   * folder name (`*\/Bot.json`: a Lex export's bot folder, whatever it is called); such a
   * marker is looked at only in a folder that holds one of the format's plain file markers,
   * so that it costs nothing in the folders of other formats.
   */
  readonly markers: readonly string[];
  /** The codes this format reports (documented in docs/diagnostics.md). */
  readonly codes: CodeTable;
  /**
   * Whether its bots may be committed export zips (Lex, Dialogflow): a zip whose root, or
   * whose one wrapper folder, this format recognises is a bot, read in place (archive.ts).
   */
  readonly zips?: boolean;
  /**
   * When the platform's own git sync owns the repository a bot of this format sits at the top
   * of, and removes every other file of its branch on each push (Dialogflow CX's Git
   * integration): what to tell the user whose store is kept in that repository, and what to
   * do. Discovery says it of such a bot (`botv bots`, the Versions view).
   */
  readonly exclusiveRepository?: string;
  /**
   * Names of files that may be a bot by themselves, known by their content (a LivePerson
   * export: one JSON per bot, any name, several to a folder): `*` stands for any run of
   * characters (`*.json`). Only such files are given to `recogniseFile` (onefile.ts).
   */
  readonly fileMarkers?: readonly string[];
  /**
   * Whether a file (its name, no folder) is a bot of this format by itself, from its text:
   * the whole file, or while `partial` its beginning only (discovery reads no more than it
   * needs). 'more' when the beginning cannot tell yet. The marker of the recognition is the
   * file's name; such a bot's folder is the file's own path, and the file is its one file.
   * A file claimed so is never a marker of its folder (a LivePerson bot.json is no manifest).
   */
  recogniseFile?(name: string, text: string, partial: boolean): Recognition | undefined | 'more';
  /**
   * Whether the folder is a bot of this format, decided on which markers exist alone (never
   * on their text: recognition runs on every change of a marker, and the store's scans ask
   * it of every sub-folder).
   */
  recognise(probe: FolderProbe): Recognition | undefined;
  /** The identity of a bot this format recognised, read from its marker files. */
  identity(probe: FolderProbe, recognition: Recognition): BotIdentity;
  /** Whether a folder inside a bot (its path relative to the bot folder) is left out of the bot: caches, build outputs, models. */
  skipsDir(rel: string): boolean;
  /** Whether a file of the bot (relative to its folder) is parsed and checked: the definition files. */
  isDefinitionFile(rel: string): boolean;
  /** Whether a file of the bot (relative to its folder) is one of the bot's own tests (Rasa's tests/ and e2e_tests/): the `tests` gate checks these. Absent: the format has none. */
  isTestFile?(rel: string): boolean;
  /**
   * The locale a file of the bot belongs to (path relative to the bot folder), for formats that
   * keep each locale in files of its own (Lex: BotLocales/<locale>/…); undefined for a file
   * every locale shares. With it, a version may be saved with some of the bot's locales, or with
   * a locale's files taken from an older version (Lex's versions do both).
   */
  localeOf?(rel: string): string | undefined;
  /**
   * Why a version with these locales of the bot (`chosen`, of `all` the bot has) would be one the
   * platform rejects, or undefined when it can hold it (a platform whose default language must
   * be there says so here).
   */
  checkLocales?(chosen: readonly string[], all: readonly string[]): string | undefined;
  /** How many versions of a bot the platform keeps (Lex: 100): a save past it is warned of. */
  readonly versionQuota?: number;
  /**
   * The platform's own environments, in promotion order (PolyAI: sandbox, pre-release, live):
   * the pipeline of a workspace whose bots are all of this format, until its configuration
   * names one (and what a new store's configuration is written with).
   */
  readonly environments?: readonly string[];
  /** What a file of this format's bots says: its facts and its own syntax-free findings (shape). */
  analyse(doc: ParsedDocument): BotDocument;
  /**
   * A release of another bot's version into a bot of this format: the released files (their
   * texts, for the paths of this format's marker files) rewritten so that the target keeps its
   * own identity. The files the target keeps whole are its identity's `keep` globs.
   */
  adoptIdentity(released: ReadonlyMap<string, string>, target: ReleaseTarget): AdoptedIdentity;
  /**
   * A version's files resolved for one environment, as the platform would read them there
   * (the native format substitutes `${VARIABLE}`s); what has no value is listed as missing.
   * Values set per environment in config.json are applied after, alike for every format.
   */
  resolveExport?(files: ReadonlyMap<string, Uint8Array>, env: string): { files: Map<string, Uint8Array>; used: string[]; missing: string[] };
  /** A session for a bot of this format found at `dir`. */
  open(dir: string): BotSession;
  /** Completion, hover, navigation, rename and outline in this format's files. */
  readonly features?: EditorFeatures;
  /** What a bot's files (paths relative to the bot folder → texts) define, as entities for the semantic diff. */
  entities?(files: ReadonlyMap<string, string>): SemanticEntity[];
  /**
   * The same, file by file, for a format whose file's entities depend only on its path, its
   * text and a context (`entities` is then every file's, in path order): the semantic diff
   * reads only the files that differ and those that may share an identity with them.
   */
  entityFiles?(files: ReadonlyMap<string, string>): EntityFiles;
}
