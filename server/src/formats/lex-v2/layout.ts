// Where things live in an Amazon Lex V2 export (LexJson), relative to the export's folder —
// the folder, or the zip's root or wrapper, that holds Manifest.json:
//
//   Manifest.json                                        (also manifest.json)
//   <BotFolder>/Bot.json
//   <BotFolder>/BotLocales/<locale>/BotLocale.json
//     Intents/<Intent>/Intent.json, ConversationFlow.json
//     Intents/<Intent>/Slots/<Slot>/Slot.json
//     SlotTypes/<Type>/SlotType.json
//   <any folder>/<name>.csv                              a Test Workbench test set (testSet.ts)
//
// Read from paths alone, so recognition, identity and the store need nothing heavier.

/** The names the manifest goes by: real exports write Manifest.json, the docs manifest.json. */
export const MANIFESTS = ['Manifest.json', 'manifest.json'] as const;

/** The markers: a manifest beside a bot folder with Bot.json or a locale (BOT_LOCALE exports may lack Bot.json). */
export const BOT_MARKER = '*/Bot.json';
export const LOCALE_MARKER = '*/BotLocales/*/BotLocale.json';

export type LexFileKind = 'manifest' | 'bot' | 'locale' | 'intent' | 'slot' | 'slotType' | 'flow' | 'testSet';

/** What a file of an export is, from its path relative to the export's folder. */
export interface LexPlace {
  kind: LexFileKind;
  /** The bot folder's name ('' for the manifest and test sets). */
  botFolder: string;
  /** The locale folder's name (en_US), for files of a locale. */
  locale?: string;
  /** The intent folder's name, for an intent's files and its slots. */
  intentFolder?: string;
  /** The slot's or slot type's folder name. */
  folder?: string;
}

/** The place of a path relative to the export's folder, or undefined for a file that is none of the export's. */
export function placeOf(rel: string): LexPlace | undefined {
  // A test set may be kept anywhere in the export's folder (TestSets/, tests/en_US/, beside the manifest).
  if (/\.csv$/i.test(rel)) return /(^|\/)(__MACOSX\/|\._)/.test(rel) ? undefined : { kind: 'testSet', botFolder: '' };
  const p = rel.split('/');
  if (p.length === 1) return (MANIFESTS as readonly string[]).includes(p[0]!) ? { kind: 'manifest', botFolder: '' } : undefined;
  const botFolder = p[0]!;
  if (p.length === 2) return p[1] === 'Bot.json' ? { kind: 'bot', botFolder } : undefined;
  if (p[1] !== 'BotLocales' || p.length < 4) return undefined;
  const locale = p[2]!;
  if (p.length === 4) return p[3] === 'BotLocale.json' ? { kind: 'locale', botFolder, locale } : undefined;
  if (p[3] === 'Intents' && p.length === 6) {
    if (p[5] === 'Intent.json') return { kind: 'intent', botFolder, locale, intentFolder: p[4]! };
    if (p[5] === 'ConversationFlow.json') return { kind: 'flow', botFolder, locale, intentFolder: p[4]! };
    return undefined;
  }
  if (p[3] === 'Intents' && p.length === 8 && p[5] === 'Slots' && p[7] === 'Slot.json') return { kind: 'slot', botFolder, locale, intentFolder: p[4]!, folder: p[6]! };
  if (p[3] === 'SlotTypes' && p.length === 6 && p[5] === 'SlotType.json') return { kind: 'slotType', botFolder, locale, folder: p[4]! };
  return undefined;
}

/** The kind of a file by its name alone (what analysis reads it as, wherever it is). */
export function kindOfName(path: string): LexFileKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  switch (name) {
    case 'Manifest.json':
    case 'manifest.json':
      return 'manifest';
    case 'Bot.json':
      return 'bot';
    case 'BotLocale.json':
      return 'locale';
    case 'Intent.json':
      return 'intent';
    case 'Slot.json':
      return 'slot';
    case 'SlotType.json':
      return 'slotType';
    case 'ConversationFlow.json':
      return 'flow';
    default:
      return /\.csv$/i.test(name) ? 'testSet' : undefined;
  }
}

/** The folder of a locale, relative to the export's folder. */
export function localeDir(botFolder: string, locale: string): string {
  return `${botFolder}/BotLocales/${locale}`;
}

/** A Lex locale id as the console writes it (en_US, es_419). */
const LOCALE_ID = /^[a-z]{2}_(?:[A-Z]{2}|\d{3})$/;

/**
 * The locale a test set's path names: one folder (TestSets/en_US/…) or word of its file name
 * (smoke-en_US.csv) that is a locale id, or undefined when it names none, or several.
 */
export function localeNamedBy(rel: string): string | undefined {
  const parts = rel.split('/');
  const base = parts.pop()!.replace(/\.csv$/i, '');
  const named = new Set(parts.filter((p) => LOCALE_ID.test(p)));
  for (const m of base.matchAll(/(?:^|[^A-Za-z])([a-z]{2}_(?:[A-Z]{2}|\d{3}))(?![A-Za-z0-9])/g)) named.add(m[1]!);
  return named.size === 1 ? [...named][0] : undefined;
}
