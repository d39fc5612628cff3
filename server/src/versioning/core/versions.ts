/** Saving, restoring, copying, deleting and pinning versions. */
import { join } from 'node:path';
import { BotvError, errnoOf, ioError } from '../errors';
import { sha256 } from '../store/hash';
import { objectHint, TREE_HINT } from '../store/layout';
import type { EncodedRecord, Stored } from '../store/records';
import type { PinRecord, RestoreRecord, VersionRecord } from '../store/schema';
import { contentHash } from '../store/tree';
import type { BotInfo, FileEntry, LocaleOrigin, RestoreResult, SaveResult, VersionInfo, VersionOrigin, VersionRef } from '../types';
import { treeProblems } from '../workingcopy/paths';
import type { Core } from './context';
import { deleteLocked, nonce } from './deletion';
import { checkPlan, journalRecord, runJournal, workingFolder } from './journal';
import { chooseLocales, narrowToLocale } from './locales';
import { pendingReleasesOf } from './pending';
import { resolveVersion } from './refs';
import { applyRetentionLocked } from './retention';
import { pendingSchedules } from './schedules';
import { staleIds } from './usage';
import { baseVersion, holders, lastRestore, loadBotState, nextTime, pinnedIds, refOf, versionInfo, type BotState } from './state';
import { scanBot, versionFiles } from './trees';

/** A default version name: the local date and time of `iso`. */
export function defaultName(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The next version number: one more than any number the bot has used, deleted ones included. */
export function nextNumber(state: BotState): number {
  let max = 0;
  for (const v of state.versions) max = Math.max(max, v.record.number);
  for (const d of state.deletions) max = Math.max(max, d.record.number);
  return max + 1;
}

/** Returns the listing form of a version against the current state. */
export async function infoOf(core: Core, state: BotState, v: Stored<VersionRecord>): Promise<VersionInfo> {
  const config = await core.config();
  return versionInfo(state, v, holders(state, config), pinnedIds(state), staleIds(state, config, core.now()));
}

interface NewVersion {
  name?: string;
  description?: string;
  origin: VersionOrigin;
  parent: string | null;
  forced?: { reason: string };
  /** Where each locale came from, for a bot whose locales are files of their own. */
  locales?: LocaleOrigin[];
}

/** A version ready to be stored: its record and the objects it needs that may be missing. */
export interface PreparedVersion {
  enc: EncodedRecord;
  objects: Array<{ sha: string; hint: string; data: Uint8Array }>;
}

/**
 * Gathers the objects of `files` (taking contents from `contents`, or reading them from
 * the bot folder and checking they did not change) and encodes the version record.
 * Nothing is written: {@link storeVersion} writes both, or a caller writes the objects
 * and makes the record its operation's commit point.
 */
export async function prepareVersion(
  core: Core,
  bot: BotInfo,
  state: BotState,
  files: FileEntry[],
  contents: Map<string, Uint8Array>,
  spec: NewVersion,
  at: string,
): Promise<PreparedVersion> {
  const problems = treeProblems(files.map((f) => f.path));
  if (problems.length > 0) {
    throw new BotvError(
      'UNSAFE_PATH',
      `Cannot save ${bot.id}: some file names cannot be restored safely everywhere. Rename them and save again.\n${problems.map((p) => `  ${p}`).join('\n')}`,
      { problems },
    );
  }
  const parent = spec.parent ? state.byId.get(spec.parent) : undefined;
  const known = new Set<string>();
  if (parent) for (const f of await versionFiles(core, parent)) known.add(`${f.sha256} ${objectHint(f.path)}`);
  const objects: Array<{ sha: string; hint: string; data: Uint8Array }> = [];
  for (const f of files) {
    const hint = objectHint(f.path);
    if (known.has(`${f.sha256} ${hint}`)) continue;
    let data = contents.get(f.path);
    if (!data && (await core.objects.has(f.sha256, hint, f.size))) continue;
    if (!data) {
      const abs = join(bot.path, ...f.path.split('/'));
      try {
        data = await core.fs.readFile(abs);
      } catch (e) {
        if (errnoOf(e) === 'ENOENT') throw new BotvError('CHANGED_DURING_OPERATION', `${bot.dir}/${f.path} disappeared while it was being saved. Save again.`);
        throw ioError('read', abs, e);
      }
      if (sha256(data) !== f.sha256) {
        throw new BotvError('CHANGED_DURING_OPERATION', `${bot.dir}/${f.path} changed while it was being saved. Save again.`);
      }
    }
    objects.push({ sha: f.sha256, hint, data });
  }
  // Contents and tree are flushed together, in one round, before the record that names them.
  const tree = await core.trees.encode(files, parent ? parent.record.tree : null);
  if (tree.data) objects.push({ sha: tree.sha, hint: TREE_HINT, data: tree.data });
  const record: VersionRecord = {
    type: 'version',
    format: 1,
    bot: bot.id,
    number: nextNumber(state),
    name: spec.name?.trim() || defaultName(at),
    description: spec.description ?? '',
    parent: spec.parent,
    tree: tree.sha,
    content: contentHash(files),
    files: files.length,
    bytes: files.reduce((n, f) => n + f.size, 0),
    origin: spec.origin,
    at,
    author: core.author(),
    nonce: nonce(),
  };
  if (spec.forced) record.forced = spec.forced;
  if (spec.locales?.length) record.locales = spec.locales;
  return { enc: core.records.encode(core.layout.botDir(bot.id, 'versions'), record), objects };
}

/**
 * Writes a prepared version: the objects and the record are flushed in one round, and the
 * record is renamed into place only once every object is durable.
 */
export async function storeVersion(core: Core, p: PreparedVersion): Promise<EncodedRecord> {
  const [objects, record] = await Promise.allSettled([core.objects.writeMany(p.objects), core.records.prepare([p.enc])]);
  if (objects.status === 'rejected') {
    if (record.status === 'fulfilled') await record.value.abort();
    throw objects.reason;
  }
  if (record.status === 'rejected') throw record.reason;
  await record.value.commit();
  return p.enc;
}

/** Adds a just-written version to a loaded state, so later steps of one operation see it. */
export function addToState(state: BotState, enc: EncodedRecord): Stored<VersionRecord> {
  const v = { id: enc.id, record: enc.record as VersionRecord };
  state.versions.push(v);
  state.byId.set(v.id, v);
  state.numberCounts = undefined;
  if (state.maxAt === null || v.record.at > state.maxAt) state.maxAt = v.record.at;
  return v;
}

/** The origin of a save: "restored" right after a restore, else "saved". */
function saveOrigin(state: BotState): VersionOrigin {
  const r = lastRestore(state);
  return r ? { kind: 'restored', from: r.record.version, fromNumber: r.record.number } : { kind: 'saved' };
}

function protectedMessage(bot: BotInfo, action: string): string {
  return `${bot.id} is protected: it takes changes only through releases. Release a version of another bot to it (\`botv release create <bot> <version> --to ${bot.id}\`), or ${action} anyway with --force --reason "<why>".`;
}

/** Saves the working copy as a new version (see {@link SaveResult}). */
export async function save(
  core: Core,
  botId: string,
  opts: { name?: string; description?: string; force?: boolean; reason?: string; allowUnchanged?: boolean; locales?: readonly string[]; localeFrom?: Readonly<Record<string, string>> } = {},
): Promise<SaveResult> {
  return core.write(`save ${botId}`, async () => {
    const bot = await core.bot(botId);
    const state = await loadBotState(core, bot.id);
    const scan = await scanBot(core, bot);
    const base = baseVersion(state);
    // The locales the version holds, each from the working copy or an older version.
    const { files, origins } = await chooseLocales(core, bot, state, scan.files, { locales: opts.locales, from: opts.localeFrom });
    const content = contentHash(files);
    if (base && base.record.content === content && !opts.allowUnchanged) {
      return { version: await infoOf(core, state, base), created: false, removedByRetention: [] };
    }
    if (bot.protected && state.versions.length > 0 && !opts.force) {
      throw new BotvError('PROTECTED', protectedMessage(bot, 'save'), { bot: bot.id });
    }
    const spec: NewVersion = { origin: saveOrigin(state), parent: base?.id ?? null };
    if (origins.length) spec.locales = origins;
    if (opts.name !== undefined) spec.name = opts.name;
    if (opts.description !== undefined) spec.description = opts.description;
    if (bot.protected && state.versions.length > 0) spec.forced = { reason: opts.reason?.trim() || 'saved with --force' };
    // The working copy's contents are those of its own files only: a locale taken from a version has that version's bytes (in the store already).
    const chosen = new Map(files.map((f) => [f.path, f.sha256]));
    const working = new Map(scan.files.map((f) => [f.path, f.sha256]));
    const contents = new Map([...scan.contents].filter(([p]) => chosen.get(p) !== undefined && chosen.get(p) === working.get(p)));
    const enc = await storeVersion(core, await prepareVersion(core, bot, state, files, contents, spec, nextTime(core, state)));
    await core.pinBot(bot);
    const v = addToState(state, enc);
    const config = await core.config();
    let removed: VersionRef[] = [];
    if (config.retention.keep !== null) removed = (await applyRetentionLocked(core, state, config, config.retention.keep, false)).removed;
    const result: SaveResult = { version: await infoOf(core, state, v), created: true, removedByRetention: removed };
    // The platform keeps fewer versions than the store may: say so once the bot has more.
    const format = core.formats.find((f) => f.id === bot.format);
    if (format?.versionQuota !== undefined && state.versions.length > format.versionQuota) {
      result.warnings = [
        `${bot.id} has ${state.versions.length} versions; ${format.label} keeps at most ${format.versionQuota} versions of a bot, so not every one can be a version there too. Delete versions there that no alias uses, and keep fewer here with retention.keep in .botversions/config.json.`,
      ];
    }
    return result;
  });
}

/**
 * Saves the working copy first when no version holds it, so that replacing it can be
 * undone. Returns the version saved, or null when one already held it.
 */
export async function autoSave(
  core: Core,
  bot: BotInfo,
  state: BotState,
  files: FileEntry[],
  contents: Map<string, Uint8Array>,
  before: 'restore' | 'release-accept',
  name: string,
): Promise<Stored<VersionRecord> | null> {
  const content = contentHash(files);
  if (state.versions.some((v) => v.record.content === content)) return null;
  if (files.length === 0) return null;
  const prepared = await prepareVersion(
    core,
    bot,
    state,
    files,
    contents,
    { origin: { kind: 'auto-saved', before }, parent: baseVersion(state)?.id ?? null, name, description: 'Saved automatically so that this working copy can be restored.' },
    nextTime(core, state),
  );
  const stored = addToState(state, await storeVersion(core, prepared));
  await core.pinBot(bot);
  return stored;
}

/** What must change in the working copy to match `target`. */
export function planChanges(current: readonly FileEntry[], target: readonly FileEntry[], keep: (path: string) => boolean = () => false): { writes: FileEntry[]; removes: string[] } {
  const cur = new Map(current.map((f) => [f.path, f]));
  const tgt = new Set(target.map((f) => f.path));
  const writes = target.filter((f) => !keep(f.path) && cur.get(f.path)?.sha256 !== f.sha256);
  const removes = current.filter((f) => !tgt.has(f.path) && !keep(f.path)).map((f) => f.path);
  return { writes, removes };
}

/** Replaces the working copy with a version (auto-saving it first when needed). */
export async function restore(core: Core, botId: string, ref: string, opts: { force?: boolean; locale?: string } = {}): Promise<RestoreResult> {
  return core.write(`restore ${botId} ${ref}${opts.locale ? ` --locale ${opts.locale}` : ''}`, async () => {
    const bot = await core.bot(botId);
    const state = await loadBotState(core, bot.id);
    const target = resolveVersion(state, ref);
    if (bot.protected && !opts.force) throw new BotvError('PROTECTED', protectedMessage(bot, 'restore'), { bot: bot.id });
    let files = await versionFiles(core, target);
    const scan = await scanBot(core, bot);
    // One locale restored: the version's files of that locale, the rest of the working copy as it is.
    const partial = opts.locale !== undefined;
    if (partial) {
      const theirs = narrowToLocale(core, bot, files, opts.locale!);
      if (theirs.length === 0) throw new BotvError('BAD_ARGUMENT', `${refOf(state, target).label} of ${bot.id} has no locale ${opts.locale}.`);
      const others = scan.files.filter((f) => !narrowToLocale(core, bot, [f], opts.locale!).length);
      files = [...others, ...theirs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    const plan = planChanges(scan.files, files);
    await checkPlan(core.fs, bot.path, plan.writes, plan.removes, `restore ${bot.id} ${refOf(state, target).label}`);
    const saved = await autoSave(core, bot, state, scan.files, scan.contents, 'restore', `Before restoring ${refOf(state, target).label}`);
    const mark: RestoreRecord = {
      type: 'restore',
      format: 1,
      bot: bot.id,
      version: target.id,
      number: target.record.number,
      at: nextTime(core, state),
      author: core.author(),
      nonce: nonce(),
    };
    const enc = core.records.encode(core.layout.botDir(bot.id, 'marks'), mark);
    await runJournal(core, {
      format: 1,
      bot: bot.id,
      botDir: workingFolder(bot),
      operation: 'restore',
      writes: plan.writes,
      removes: plan.removes,
      // A restore of one locale leaves the working copy no version's files: no restore mark.
      records: partial ? [] : [journalRecord(core, enc)],
    });
    if (!partial) state.marks.push({ id: enc.id, record: mark });
    return {
      version: await infoOf(core, state, target),
      autoSaved: saved ? await infoOf(core, state, saved) : null,
      written: plan.writes.map((w) => w.path),
      removed: plan.removes,
    };
  });
}

/** Saves a new version whose files are those of an existing one. */
export async function copyVersion(core: Core, botId: string, ref: string, opts: { name?: string; description?: string } = {}): Promise<VersionInfo> {
  return core.write(`copy ${botId} ${ref}`, async () => {
    const bot = await core.bot(botId);
    const state = await loadBotState(core, bot.id);
    const source = resolveVersion(state, ref);
    const files = await versionFiles(core, source);
    const label = refOf(state, source).label;
    const spec: NewVersion = {
      origin: { kind: 'copied', from: source.id, fromNumber: source.record.number },
      parent: source.id,
      name: opts.name ?? `Copy of ${label}${source.record.name ? ` (${source.record.name})` : ''}`,
      description: opts.description ?? source.record.description,
    };
    const enc = await storeVersion(core, await prepareVersion(core, bot, state, files, new Map(), spec, nextTime(core, state)));
    await core.pinBot(bot);
    return infoOf(core, state, addToState(state, enc));
  });
}

/** Deletes a version; refused while an environment holds it, a pending release carries it, or it is pinned. */
export async function deleteVersion(core: Core, botId: string, ref: string): Promise<VersionRef> {
  return core.write(`delete ${botId} ${ref}`, async () => {
    const bot = await core.bot(botId);
    const state = await loadBotState(core, bot.id);
    const v = resolveVersion(state, ref);
    const label = refOf(state, v).label;
    const config = await core.config();
    const envs = holders(state, config).get(v.id) ?? [];
    if (envs.length > 0) {
      throw new BotvError(
        'VERSION_IN_USE',
        `${bot.id} ${label} is held by ${envs.join(', ')}. Point ${envs.length > 1 ? 'them' : 'it'} at another version first (\`botv env set\` or \`botv rollback\`).`,
        { environments: envs },
      );
    }
    const pending = await pendingReleasesOf(core, state, v.id);
    if (pending.length > 0) {
      throw new BotvError(
        'VERSION_IN_USE',
        `${bot.id} ${label} is carried by pending release ${pending.map((p) => `${p.id.slice(0, 8)} to ${p.record.toBot}`).join(', ')}. Accept or reject it first (\`botv release reject ${pending[0]!.record.toBot} ${pending[0]!.id.slice(0, 8)}\`).`,
      );
    }
    if (pinnedIds(state).has(v.id)) {
      throw new BotvError('VERSION_IN_USE', `${bot.id} ${label} is pinned. Unpin it first (\`botv unpin ${bot.id} ${label}\`).`);
    }
    const scheduled = pendingSchedules(state).filter((s) => s.record.version === v.id);
    if (scheduled.length > 0) {
      const s = scheduled[0]!;
      throw new BotvError('VERSION_IN_USE', `${bot.id} ${label} is scheduled to enter ${s.record.environment} at ${s.record.due}. Cancel the schedule first (\`botv schedule cancel ${bot.id} ${s.id.slice(0, 8)}\`).`, { schedules: scheduled.map((x) => x.id) });
    }
    const ref2 = refOf(state, v);
    await deleteLocked(core, state, [v], 'user');
    return ref2;
  });
}

/** Pins or unpins a version (retention never removes a pinned version). */
export async function pin(core: Core, botId: string, ref: string, pinned: boolean): Promise<VersionInfo> {
  return core.write(`${pinned ? 'pin' : 'unpin'} ${botId} ${ref}`, async () => {
    const bot = await core.bot(botId);
    const state = await loadBotState(core, bot.id);
    const v = resolveVersion(state, ref);
    if (pinnedIds(state).has(v.id) !== pinned) {
      const rec: PinRecord = { type: 'pin', format: 1, bot: bot.id, version: v.id, number: v.record.number, pinned, at: nextTime(core, state), author: core.author(), nonce: nonce() };
      const enc = core.records.encode(core.layout.botDir(bot.id, 'marks'), rec);
      await core.records.write([enc]);
      state.marks.push({ id: enc.id, record: rec });
    }
    return infoOf(core, state, v);
  });
}
