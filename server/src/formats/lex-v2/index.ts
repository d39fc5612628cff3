// The Lex V2 format: an Amazon Lex V2 export (LexJson) as teams commit it — a folder, or the
// export zip itself (`…-LexJson.zip`), with Manifest.json beside one bot folder holding
// Bot.json and BotLocales/<locale>/ (intents, slots, slot types). Identity: Bot.json's
// `name`; locales: the folders under BotLocales/. See docs/formats.md.
import type { BotFormat, BotIdentity, EditorFeatures, FolderProbe, ParsedDocument, Recognition } from '../../definitions/index';
import { LEX_CODES } from './codes';
import type * as Engine from './engine';
import type * as Identity from './identity';
import { BOT_MARKER, LOCALE_MARKER, MANIFESTS } from './layout';
import type { LexDocument } from './model';

/**
 * The analysis, rules, editor features and semantic diff (./engine.ts) load on first use;
 * identity (./identity.ts) reads Bot.json with JSON.parse. Recognition and the files of a bot
 * are all the store needs of an export it does not version.
 */
let loaded: typeof Engine | undefined;
const engine = (): typeof Engine => (loaded ??= require('./engine') as typeof Engine);
let identityModule: typeof Identity | undefined;
const identity = (): typeof Identity => (identityModule ??= require('./identity') as typeof Identity);

const features: EditorFeatures = {
  complete: (...a) => engine().complete(...a),
  hover: (...a) => engine().hover(...a),
  findDefinition: (...a) => engine().findDefinition(...a),
  findReferences: (...a) => engine().findReferences(...a),
  documentSymbols: (...a) => engine().documentSymbols(...a),
};

/** Archivers' junk beside real files (also ignored inside zips). */
const JUNK = /(^|\/)(__MACOSX(\/|$)|\._|\.DS_Store$)/;

export const lexFormat: BotFormat = {
  id: 'lex-v2',
  label: 'Amazon Lex V2',
  markers: [...MANIFESTS, BOT_MARKER, LOCALE_MARKER],
  codes: LEX_CODES,
  zips: true,
  // quotas.md: 100 versions per bot.
  versionQuota: 100,

  recognise(probe: FolderProbe): Recognition | undefined {
    const manifests = MANIFESTS.filter((m) => probe.hasFile(m));
    if (manifests.length === 0) return undefined;
    const bots = probe.matches?.(BOT_MARKER) ?? [];
    const others = manifests.slice(1);
    if (bots.length) return { marker: bots[0]!, ...(others.length || bots.length > 1 ? { ignored: [...others, ...bots.slice(1)] } : {}) };
    // A locale export (BOT_LOCALE) may come without Bot.json.
    if ((probe.matches?.(LOCALE_MARKER) ?? []).length) return { marker: manifests[0]!, ...(others.length ? { ignored: others } : {}) };
    return undefined;
  },

  identity(probe: FolderProbe, recognition: Recognition): BotIdentity {
    return identity().readLexIdentity(probe, recognition);
  },

  adoptIdentity: (released, target) => identity().adoptLexIdentity(released, target),

  entities: (files) => engine().lexEntities(files),

  entityFiles: (files) => engine().lexEntityFiles(files),

  // Each locale is a folder of its own: a version may hold some locales, or take one from an older version, as Lex's do.
  // Test sets are files every locale shares, even one named for a locale: a locale is what BotLocales/ holds.
  localeOf: (rel) => /^[^/]+\/BotLocales\/([^/]+)\//.exec(rel)?.[1],

  // macOS's resource forks when a zip was unpacked by hand.
  skipsDir: (rel) => rel.split('/').includes('__MACOSX'),

  // JSON of the export; CSV files are read as Test Workbench test sets when their header is one's.
  isDefinitionFile: (rel) => /\.(json|csv)$/i.test(rel) && !JUNK.test(rel),

  isTestFile: (rel) => /\.csv$/i.test(rel) && !JUNK.test(rel),

  analyse: (doc: ParsedDocument): LexDocument => engine().analyse(doc),

  open(dir: string) {
    return new (engine().LexSession)(lexFormat, dir);
  },

  features,
};
