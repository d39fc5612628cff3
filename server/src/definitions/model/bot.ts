// The model every format maps its files into: a bot's identity, its files, and the names it
// defines and uses, each with the exact span it came from. Shared engine code (references,
// navigation, rename, the duplicate-id check) reads this; a format's own model extends it
// with what its platform has (intents with their examples, flows, stories, pages…).
import type { ParsedDocument } from '../parse/document';
import type { Finding, FormatId } from '../types';
import type { Definition, Reference, SymbolKind } from './symbols';
import { symbolKey } from './symbols';

/** What one file defines and uses; a format's facts extend this. */
export interface FileFacts {
  readonly defs: readonly Definition[];
  readonly refs: readonly Reference[];
}

/** One file of a bot, parsed and read once per change. */
export interface BotDocument<F extends FileFacts = FileFacts> {
  doc: ParsedDocument;
  facts: F;
  /** Syntax and shape findings of the file alone. */
  local: Finding[];
}

/** A bot as every format gives it. */
export interface BotModel {
  format: FormatId;
  /** The bot folder ('/'-separated, '' at the root of the paths given). */
  dir: string;
  /** The file that gives the bot its identity (a manifest, config.yml). */
  manifest: string;
  id?: string;
  /** Where the id is written in the manifest, when it is written there. */
  idSpan?: { start: number; end: number };
  /** The files modelled, the manifest first. */
  files: string[];
  docs: Map<string, BotDocument>;
  locales: string[];
  defaultLocale?: string;
  /** Other files of the folder that the checks report on but the bot leaves out (a second manifest). */
  extraManifests: string[];
  /** Every definition by symbolKey(kind, name). */
  defs: Map<string, Definition[]>;
  refs: Reference[];
  refsByKey: Map<string, Reference[]>;
}

/** The definitions of a name (first one first), or an empty list. */
export function definitionsOf(bot: BotModel, kind: SymbolKind, name: string): Definition[] {
  return bot.defs.get(symbolKey(kind, name)) ?? [];
}

/** The references to a name, or an empty list. */
export function referencesTo(bot: BotModel, kind: SymbolKind, name: string): Reference[] {
  return bot.refsByKey.get(symbolKey(kind, name)) ?? [];
}

const nameCache = new WeakMap<BotModel, Map<SymbolKind, string[]>>();

/** A model patched from `old` with the same names shares its name lists. */
export function inheritNames(old: BotModel, bot: BotModel): void {
  const cache = nameCache.get(old);
  if (cache) nameCache.set(bot, cache);
}

/** The names a bot defines of one kind (computed once per model). */
export function namesOf(bot: BotModel, kind: SymbolKind): string[] {
  let cache = nameCache.get(bot);
  if (!cache) {
    cache = new Map();
    for (const [key, defs] of bot.defs) {
      const k = defs[0]!.kind;
      let list = cache.get(k);
      if (!list) cache.set(k, (list = []));
      list.push(key.slice(k.length + 1));
    }
    nameCache.set(bot, cache);
  }
  return cache.get(kind) ?? [];
}
