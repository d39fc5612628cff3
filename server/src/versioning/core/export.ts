/**
 * Export: a version's files resolved for one environment (variables substituted), written
 * into a folder for a deploy script. The folder is built beside its destination and
 * swapped in whole, and carries `.botversions-export.json` describing what it holds. The
 * export hash covers the sorted (path, SHA-256) list of the exported files, so the same
 * version exported for the same environment always hashes alike. With `zip`, the files are
 * written as one zip, `<bot>.zip`, in the folder — the platform's import (a Dialogflow agent's
 * package, a Lex export): the bot's files at their paths from its folder, a committed export
 * zip's entries from the bot's folder inside it (junk and wrapper left out), values set in them.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { BotvError, errnoOf, ioError } from '../errors';
import { ensureDir, syncDirs, TEMP_PREFIX, writeFilesAtomic } from '../fs/atomic';
import type { StoreFs } from '../fs/fsio';
import { canonicalBytes } from '../store/canonical';
import { sha256 } from '../store/hash';
import type { Stored } from '../store/records';
import type { VersionRecord } from '../store/schema';
import type { BotInfo, ExportResult, FileEntry, StoreConfig } from '../types';
import type { Core } from './context';
import { resolveVersion } from './refs';
import { loadBotState, refOf, type BotState } from './state';
import { readContents, versionFiles } from './trees';
import { applyValues, expandArchive, openZip, writeZip } from '../../definitions/index';
import { formatById } from '../../formats/registry';

/** Name of the description file written into every export folder. */
export const EXPORT_MANIFEST = '.botversions-export.json';

async function removeTree(fs: StoreFs, path: string): Promise<void> {
  let st;
  try {
    st = await fs.lstat(path);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return;
    throw ioError('inspect', path, e);
  }
  if (st.kind === 'dir') {
    for (const e of await fs.readdir(path)) await removeTree(fs, join(path, e.name));
    await fs.rmdir(path).catch((e) => {
      throw ioError('remove folder', path, e);
    });
  } else {
    await fs.unlink(path).catch((e) => {
      throw ioError('remove', path, e);
    });
  }
}

function inside(parent: string, child: string): boolean {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[A-Za-z]:/.test(r));
}

/** Exports a version of a bot for an environment into `outDir` (as one zip of the bot's files with `zip`). */
export async function exportVersion(core: Core, botId: string, ref: string, env: string, outDir: string, options: { zip?: boolean } = {}): Promise<ExportResult> {
  core.assertWritable(`export ${botId}`);
  const bot = await core.bot(botId);
  const config = await core.config();
  if (!config.pipeline.includes(env)) {
    throw new BotvError('UNKNOWN_ENVIRONMENT', `"${env}" is not an environment of this workspace. The pipeline is ${config.pipeline.join(' → ')}.`);
  }
  const out = resolve(outDir);
  if (inside(bot.path, out) || inside(core.layout.store, out) || inside(out, bot.path)) {
    throw new BotvError('BAD_ARGUMENT', `Export into ${outDir} would mix the export with the bot or the store. Choose a folder outside ${bot.dir} and .botversions.`);
  }
  const state = await loadBotState(core, bot.id);
  const v = resolveVersion(state, ref);
  const { files: exported, used, missing } = await resolveForEnvironment(core, bot, state, v, env, config, { unpack: options.zip === true });
  if (missing.length > 0) {
    throw new BotvError(
      'UNRESOLVED_VARIABLES',
      `${bot.id} ${refOf(state, v).label} cannot be exported for ${env}: these values are missing there:\n${missing.map((m) => `  ${m}`).join('\n')}\nGive each variable a default or an "environments.${env}" value under variables:, or fix "values" in .botversions/config.json, and export again.`,
      { missing },
    );
  }
  const listing = exported.map((e) => [e.entry.path, e.entry.sha256]);
  const hash = sha256(canonicalBytes(listing));
  const result: ExportResult = {
    bot: bot.id,
    version: refOf(state, v),
    environment: env,
    outDir: out,
    hash,
    files: exported.map((e) => e.entry),
    variables: used,
  };
  if (options.zip) {
    const data = writeZip(exported.map((e) => [e.entry.path, e.data] as const));
    const entry = { path: `${bot.id}.zip`, sha256: sha256(data), size: data.length };
    result.zip = entry;
    return writeExport(core, out, outDir, result, [{ entry, data }]);
  }
  return writeExport(core, out, outDir, result, exported);
}

/**
 * A version's files as `env` reads them: as the platform reads the bot there (the native
 * format's `${VARIABLE}`s), then with the values config.json sets for the bot in that
 * environment, alike for every format. What has no value is listed in `missing`: an export
 * refuses it, a command gate fails on it (the gate's folder is built the same way).
 */
export async function resolveForEnvironment(
  core: Core,
  bot: BotInfo,
  state: BotState,
  v: Stored<VersionRecord>,
  env: string,
  config: StoreConfig,
  options: { unpack?: boolean } = {},
): Promise<{ files: Array<{ entry: FileEntry; data: Uint8Array }>; used: string[]; missing: string[] }> {
  const tree = await versionFiles(core, v);
  let contents = await readContents(core, tree);
  // A committed export zip, unpacked: its entries, from the bot's folder inside it, are the files.
  if (options.unpack && bot.file !== undefined) contents = unpackZipBot(bot, contents);
  const paths = options.unpack && bot.file !== undefined ? [...contents.keys()].sort() : tree.map((f) => f.path);
  const format = formatById(bot.format);
  const resolved = format?.resolveExport ? format.resolveExport(contents, env) : { files: new Map(contents), used: [], missing: [] };
  const used = new Set<string>(resolved.used);
  const missing = [...resolved.missing];
  for (const [file, keys] of Object.entries(config.values[bot.id]?.[env] ?? {})) {
    const data = resolved.files.get(file);
    if (!data) {
      missing.push(`${file}: .botversions/config.json sets values in it for ${env}, but ${refOf(state, v).label} has no such file`);
      continue;
    }
    const r = applyValues(file, new TextDecoder().decode(data), keys);
    for (const m of r.missing) missing.push(`${file}: .botversions/config.json sets "${m}" for ${env}, but the file has no such key (add it, with any value, and save)`);
    for (const k of Object.keys(keys)) if (!r.missing.includes(k)) used.add(`${file}:${k}`);
    resolved.files.set(file, new TextEncoder().encode(r.text));
  }
  const exported: Array<{ entry: FileEntry; data: Uint8Array }> = paths.map((path) => {
    const data = resolved.files.get(path)!;
    return { entry: { path, sha256: sha256(data), size: data.length }, data };
  });
  return { files: exported, used: [...used].sort(), missing };
}

/** Writes an export folder whole (beside `out`, then swapped in). */
async function writeExport(core: Core, out: string, outDir: string, result: ExportResult, exported: Array<{ entry: FileEntry; data: Uint8Array }>): Promise<ExportResult> {
  const env = result.environment;
  const hash = result.hash;
  // Refuse to replace a folder that holds something other than an earlier export.
  let existing: string[] | null = null;
  try {
    existing = (await core.fs.readdir(out)).map((e) => e.name);
  } catch (e) {
    if (errnoOf(e) !== 'ENOENT') throw ioError('list', out, e);
  }
  if (existing && existing.length > 0 && !existing.includes(EXPORT_MANIFEST)) {
    throw new BotvError('OUTPUT_NOT_EMPTY', `${outDir} already holds files that are not an earlier export. Choose an empty or new folder.`);
  }

  const parent = dirname(out);
  await ensureDir(core.fs, parent);
  const staging = join(parent, `${TEMP_PREFIX}${basename(out)}-${randomBytes(4).toString('hex')}`);
  const manifest = canonicalBytes({ bot: result.bot, version: result.version, environment: env, hash, files: result.files, variables: result.variables });
  try {
    await writeFilesAtomic(core.fs, [
      ...exported.map((e) => ({ path: join(staging, ...e.entry.path.split('/')), data: e.data })),
      { path: join(staging, EXPORT_MANIFEST), data: manifest },
    ]);
    if (existing) {
      const old = join(parent, `${TEMP_PREFIX}${basename(out)}-old-${randomBytes(4).toString('hex')}`);
      await core.fs.rename(out, old).catch((e) => {
        throw ioError('move aside the earlier export', out, e);
      });
      await core.fs.rename(staging, out).catch((e) => {
        throw ioError('move the export into', out, e);
      });
      await removeTree(core.fs, old);
    } else {
      await core.fs.rename(staging, out).catch((e) => {
        throw ioError('move the export into', out, e);
      });
    }
    await syncDirs(core.fs, [parent]);
  } catch (e) {
    await removeTree(core.fs, staging).catch(() => undefined);
    throw e;
  }
  return result;
}

/** The files a bot that is one export zip holds: its entries under the bot's folder in the zip (a wrapper folder left out), by their path from it. */
function unpackZipBot(bot: BotInfo, contents: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const bytes = contents.get(bot.file!);
  const format = formatById(bot.format);
  const expanded = bytes && format ? expandArchive(bot.file!, bytes, [format]) : undefined;
  if (!bytes || !expanded) throw new BotvError('BAD_ARGUMENT', `${bot.dir} cannot be read as a ${format?.label ?? bot.format} export zip, so it cannot be unpacked for the export. Export it without --zip to write it as it is.`);
  const zip = openZip(bytes);
  const prefix = expanded.root === '' ? '' : `${expanded.root}/`;
  const out = new Map<string, Uint8Array>();
  for (const e of zip.entries) {
    if (!e.name.startsWith(prefix) || e.name.endsWith('/')) continue;
    const data = zip.read(e.name);
    if (data) out.set(e.name.slice(prefix.length), data);
  }
  return out;
}
