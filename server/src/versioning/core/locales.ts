/**
 * Versions chosen locale by locale, as Lex makes them: a version may hold some of the bot's
 * locales, and a locale's files may be taken from an older version (ship the French fix while
 * German stays as it was). The bot's format says which locale each file belongs to
 * (BotFormat.localeOf); files no locale owns come from the working copy. The version records,
 * per locale, where it came from.
 */
import type { BotFormat } from '../../definitions/index';
import { BotvError } from '../errors';
import type { Stored } from '../store/records';
import type { VersionRecord } from '../store/schema';
import type { BotInfo, FileEntry, LocaleOrigin } from '../types';
import type { Core } from './context';
import { resolveVersion } from './refs';
import { refOf, type BotState } from './state';
import { versionFiles } from './trees';

/** Which locales a save takes, and from where. */
export interface LocaleChoice {
  /** The locales the version holds (default: every locale of the working copy, and those taken from versions). */
  locales?: readonly string[];
  /** Locales taken from an older version: locale → version reference. */
  from?: Readonly<Record<string, string>>;
}

/** The format of a bot, when it keeps its locales in files of their own. */
export function localeFormat(core: Core, bot: BotInfo): BotFormat | undefined {
  const format = core.formats.find((f) => f.id === bot.format);
  return format?.localeOf && bot.file === undefined ? format : undefined;
}

/** The locales of a list of files, sorted. */
export function localesOf(format: BotFormat, files: readonly FileEntry[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    const l = format.localeOf!(f.path);
    if (l !== undefined) out.add(l);
  }
  return [...out].sort();
}

/** Why a bot's versions cannot be chosen locale by locale, in words that say what to do. */
function noLocales(core: Core, bot: BotInfo): string {
  const format = core.formats.find((f) => f.id === bot.format);
  if (bot.file !== undefined) {
    return `${bot.id} is an export zip (${bot.file}), versioned as its bytes: a version holds the zip as the platform exported it, every locale in it. Export the locales you want from the platform, or unzip the export and version the folder to choose locales.`;
  }
  return `${bot.id}'s ${format?.label ?? bot.format} files keep every locale side by side in the same files, so a version takes them all. Save it whole.`;
}

/**
 * The files of a version saved with the chosen locales: the shared files and the locales taken
 * from the working copy as scanned, the others with the files of the versions they come from.
 */
export async function chooseLocales(
  core: Core,
  bot: BotInfo,
  state: BotState,
  working: readonly FileEntry[],
  choice: LocaleChoice,
): Promise<{ files: FileEntry[]; origins: LocaleOrigin[] }> {
  const format = localeFormat(core, bot);
  const asked = choice.locales !== undefined || Object.keys(choice.from ?? {}).length > 0;
  if (!format) {
    if (asked) throw new BotvError('BAD_ARGUMENT', noLocales(core, bot));
    return { files: [...working], origins: [] };
  }
  const localeOf = (p: string) => format.localeOf!(p);
  const own = localesOf(format, working);
  const from = choice.from ?? {};
  const chosen = [...new Set(choice.locales ?? [...own, ...Object.keys(from)])].sort();
  const taken = new Map<string, Stored<VersionRecord>>();
  for (const [locale, ref] of Object.entries(from)) {
    if (!chosen.includes(locale)) throw new BotvError('BAD_ARGUMENT', `${locale} is taken from ${ref} but is not among the locales of the version (${chosen.join(', ')}). Add it to --locales, or leave --locale ${locale}=${ref} out.`);
    taken.set(locale, resolveVersion(state, ref));
  }
  if (chosen.length === 0) throw new BotvError('BAD_ARGUMENT', `A version of ${bot.id} needs at least one locale; ${bot.id} has ${own.join(', ') || 'none in its working copy'}.`);
  for (const locale of chosen) {
    if (!own.includes(locale) && !taken.has(locale)) {
      throw new BotvError(
        'BAD_ARGUMENT',
        `${bot.id} has no locale ${locale} in its working copy (it has ${own.join(', ') || 'none'}). Take it from a version that has it: --locale ${locale}=<version>.`,
      );
    }
  }
  const problem = format.checkLocales?.(chosen, [...new Set([...own, ...chosen])].sort());
  if (problem) throw new BotvError('BAD_ARGUMENT', `${bot.id}: ${problem}`);

  const files = working.filter((f) => {
    const l = localeOf(f.path);
    return l === undefined || (chosen.includes(l) && !taken.has(l));
  });
  const origins: LocaleOrigin[] = [];
  for (const locale of chosen) {
    const v = taken.get(locale);
    if (!v) {
      origins.push({ locale, from: null, fromNumber: null });
      continue;
    }
    const theirs = (await versionFiles(core, v)).filter((f) => localeOf(f.path) === locale);
    if (theirs.length === 0) {
      const has = localesOf(format, await versionFiles(core, v));
      throw new BotvError('BAD_ARGUMENT', `${refOf(state, v).label} of ${bot.id} has no locale ${locale} (it has ${has.join(', ') || 'none'}). Take ${locale} from another version.`);
    }
    files.push(...theirs);
    origins.push({ locale, from: v.id, fromNumber: v.record.number });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, origins };
}

/** Whether a file (path relative to the bot folder) is one of a locale's: for a diff or a listing narrowed to it. */
export function localeFilter(core: Core, bot: BotInfo, locale: string): (path: string) => boolean {
  const format = localeFormat(core, bot);
  if (!format) throw new BotvError('BAD_ARGUMENT', noLocales(core, bot));
  return (path) => format.localeOf!(path) === locale;
}

/** The files of a version narrowed to one locale (and, with `shared`, the files no locale owns). */
export function narrowToLocale(core: Core, bot: BotInfo, files: readonly FileEntry[], locale: string, shared = false): FileEntry[] {
  const format = localeFormat(core, bot);
  if (!format) throw new BotvError('BAD_ARGUMENT', noLocales(core, bot));
  return files.filter((f) => {
    const l = format.localeOf!(f.path);
    return l === locale || (shared && l === undefined);
  });
}
