// A Lex V2 export as one model: its manifest and Bot.json, and per locale (the folders under
// BotLocales/) its BotLocale.json, intents with their slots, and slot types — each locale a
// full copy of its own, as Lex keeps them. Built from the files' cached facts; the rules and
// the editor features read it.
import type { BotDocument, BotModel } from '../../definitions/index';
import { relativeTo } from '../../definitions/index';
import type { LexFacts } from './facts';
import { localeNamedBy, placeOf } from './layout';

export type LexDocument = BotDocument<LexFacts>;

/** A file of the export with its facts. */
export interface LexFile {
  /** Its path as the workspace names it. */
  path: string;
  facts: LexFacts;
}

export interface LexSlot extends LexFile {
  /** The slot's folder name under Slots/. */
  folder: string;
}

export interface LexIntent {
  /** The intent's folder name under Intents/. */
  folder: string;
  /** Intent.json, when the folder has one. */
  file?: LexFile;
  /** ConversationFlow.json, when there is one. */
  flow?: string;
  slots: LexSlot[];
}

export interface LexLocale {
  id: string;
  /** BotLocale.json, when the folder has one. */
  file?: LexFile;
  /** By folder name, in folder order. */
  intents: Map<string, LexIntent>;
  slotTypes: LexFile[];
}

export interface LexBot extends BotModel {
  format: 'lex-v2';
  docs: Map<string, LexDocument>;
  /** The export's folder relative path of the bot folder (its name). */
  botFolder: string;
  manifestFile?: LexFile;
  botFile?: LexFile;
  byLocale: Map<string, LexLocale>;
  /** Files that do not parse: what they would define is unknown. */
  unreadable: Set<string>;
  /** Test Workbench test sets (CSV files with a test set's header), with the locales each is checked against. */
  testSets: LexTestSet[];
}

export interface LexTestSet extends LexFile {
  /** The locale its path names (tests/en_US/…, smoke-en_US.csv), else every locale of the bot. */
  locales: string[];
}

/**
 * The locales a test set is checked against: the one its path names, else every locale; none
 * when it names a locale the bot does not have (a version saved without that locale keeps
 * the locale's test set, which then has nothing to be checked against).
 */
export function testSetLocales(rel: string, locales: readonly string[]): string[] {
  const named = localeNamedBy(rel);
  if (named === undefined) return [...locales];
  return locales.includes(named) ? [named] : [];
}

/** The intents of a locale with a name, by name (several when two folders give one name). */
export function intentsByName(locale: LexLocale): Map<string, LexIntent[]> {
  const out = new Map<string, LexIntent[]>();
  for (const intent of locale.intents.values()) {
    const name = intent.file?.facts.name?.text;
    if (name === undefined) continue;
    const list = out.get(name);
    if (list) list.push(intent);
    else out.set(name, [intent]);
  }
  return out;
}

/** The slot types of a locale by name. */
export function slotTypesByName(locale: LexLocale): Map<string, LexFile[]> {
  const out = new Map<string, LexFile[]>();
  for (const t of locale.slotTypes) {
    const name = t.facts.name?.text;
    if (name === undefined) continue;
    const list = out.get(name);
    if (list) list.push(t);
    else out.set(name, [t]);
  }
  return out;
}

const cache = new WeakMap<LexLocale, { intents: Map<string, LexIntent[]>; types: Map<string, LexFile[]> }>();

/** The locale's names, worked out once per model. */
export function namesIn(locale: LexLocale): { intents: Map<string, LexIntent[]>; types: Map<string, LexFile[]> } {
  let hit = cache.get(locale);
  if (!hit) cache.set(locale, (hit = { intents: intentsByName(locale), types: slotTypesByName(locale) }));
  return hit;
}

/** The slot names of an intent. */
export function slotNames(intent: LexIntent): Set<string> {
  const out = new Set<string>();
  for (const s of intent.slots) if (s.facts.name) out.add(s.facts.name.text);
  return out;
}

/**
 * Builds the model of the export at `dir` from its files (paths as the workspace names them,
 * sorted), the bot folder being `botFolder`. Files of another bot folder are left out.
 */
export function buildLexBot(dir: string, botFolder: string, files: { path: string; doc: LexDocument }[]): LexBot {
  const bot: LexBot = {
    format: 'lex-v2',
    dir,
    manifest: '',
    files: [],
    docs: new Map(),
    locales: [],
    extraManifests: [],
    defs: new Map(),
    refs: [],
    refsByKey: new Map(),
    botFolder,
    byLocale: new Map(),
    unreadable: new Set(),
    testSets: [],
  };
  const locale = (id: string): LexLocale => {
    let l = bot.byLocale.get(id);
    if (!l) bot.byLocale.set(id, (l = { id, intents: new Map(), slotTypes: [] }));
    return l;
  };
  const intentOf = (l: LexLocale, folder: string): LexIntent => {
    let i = l.intents.get(folder);
    if (!i) l.intents.set(folder, (i = { folder, slots: [] }));
    return i;
  };
  for (const { path, doc } of files) {
    const rel = relativeTo(dir, path);
    const place = rel === undefined ? undefined : placeOf(rel);
    if (!place) continue;
    if (place.kind !== 'manifest' && place.kind !== 'testSet' && place.botFolder !== botFolder) continue;
    // A CSV file that is no test set is none of the bot's checked files.
    if (place.kind === 'testSet' && !doc.facts.testSet) continue;
    bot.docs.set(path, doc);
    bot.files.push(path);
    if (doc.doc.root === null && doc.doc.syntax.length) bot.unreadable.add(path);
    const file: LexFile = { path, facts: doc.facts };
    switch (place.kind) {
      case 'manifest':
        if (bot.manifestFile) bot.extraManifests.push(path);
        else bot.manifestFile = file;
        break;
      case 'bot':
        bot.botFile = file;
        break;
      case 'locale':
        locale(place.locale!).file = file;
        break;
      case 'intent':
        intentOf(locale(place.locale!), place.intentFolder!).file = file;
        break;
      case 'flow':
        intentOf(locale(place.locale!), place.intentFolder!).flow = path;
        break;
      case 'slot':
        intentOf(locale(place.locale!), place.intentFolder!).slots.push({ ...file, folder: place.folder! });
        break;
      case 'slotType':
        locale(place.locale!).slotTypes.push(file);
        break;
      case 'testSet':
        bot.testSets.push({ ...file, locales: [] });
        break;
    }
  }
  // A second manifest is reported on but is none of the bot's files.
  for (const extra of bot.extraManifests) {
    bot.files.splice(bot.files.indexOf(extra), 1);
    bot.docs.delete(extra);
  }
  bot.manifest = bot.botFile?.path ?? bot.manifestFile?.path ?? bot.files[0] ?? '';
  // The manifest first, as every model lists its files.
  if (bot.manifest) bot.files = [bot.manifest, ...bot.files.filter((f) => f !== bot.manifest)];
  bot.locales = [...bot.byLocale.keys()].sort();
  for (const t of bot.testSets) t.locales = testSetLocales(relativeTo(dir, t.path) ?? t.path, bot.locales);
  return bot;
}
