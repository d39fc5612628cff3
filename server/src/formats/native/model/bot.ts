// A bot: its manifest and included files, merged into symbol tables that every rule and
// feature reads. Rebuilt from cached per-file facts when any of its files changes.
import type { ParsedDocument } from '../../../definitions/parse/document';
import type { Finding } from '../../../definitions/types';
import type { DocFacts, FlowFact, IntentFact, ResponseFact, SlotFact, SlotTypeFact, TextItem, VariableFact } from './facts';
import type { Definition, Reference, SymbolKind } from '../../../definitions/model/symbols';
import { symbolKey } from '../../../definitions/model/symbols';

/** One file of a bot, parsed and read once per change. */
export interface BotDocument {
  doc: ParsedDocument;
  facts: DocFacts;
  /** Syntax and shape findings of the file alone. */
  local: Finding[];
}

export interface IncludeUse {
  glob: TextItem;
  /** Why the glob is refused, when it is. */
  problem?: string;
  matches: number;
}

export interface BotModel {
  /** The bot folder ('/'-separated, '' at the root of the paths given). */
  dir: string;
  manifest: string;
  id?: string;
  /** The manifest first, then included files in path order. */
  files: string[];
  docs: Map<string, BotDocument>;
  locales: string[];
  defaultLocale?: string;
  includes: IncludeUse[];
  /** Other manifests in the same folder, which are ignored. */
  extraManifests: string[];
  intents: IntentFact[];
  slotTypes: SlotTypeFact[];
  responses: ResponseFact[];
  functions: { def: Definition }[];
  flows: FlowFact[];
  variables: VariableFact[];
  /** Every definition by symbolKey(kind, name); slots of several intents share one key. */
  defs: Map<string, Definition[]>;
  refs: Reference[];
  refsByKey: Map<string, Reference[]>;
  slotsByIntent: Map<string, Map<string, SlotFact>>;
}

/** Merges the facts of a bot's files. `files[0]` is the manifest. */
export function buildBot(dir: string, files: BotDocument[], includes: IncludeUse[], extraManifests: string[]): BotModel {
  const manifest = files[0]!;
  const m = manifest.facts.manifest;
  const bot: BotModel = {
    dir,
    manifest: manifest.doc.path,
    files: files.map((f) => f.doc.path),
    docs: new Map(files.map((f) => [f.doc.path, f])),
    locales: m.locales.map((l) => l.text),
    includes,
    extraManifests,
    intents: [],
    slotTypes: [],
    responses: [],
    functions: [],
    flows: [],
    variables: [],
    defs: new Map(),
    refs: [],
    refsByKey: new Map(),
    slotsByIntent: new Map(),
  };
  if (m.id) bot.id = m.id.text;
  const dl = m.defaultLocale?.text ?? m.locales[0]?.text;
  if (dl !== undefined) bot.defaultLocale = dl;
  for (const f of files) {
    const facts = f.facts;
    const isManifest = f === manifest;
    for (const d of facts.defs) {
      // Locales count only where they belong: in the manifest.
      if (d.kind === 'locale' && !isManifest) continue;
      push(bot.defs, d.key, d);
    }
    for (const r of facts.refs) {
      bot.refs.push(r);
      push(bot.refsByKey, r.key, r);
    }
    bot.intents.push(...facts.intents);
    bot.slotTypes.push(...facts.slotTypes);
    bot.responses.push(...facts.responses);
    bot.functions.push(...facts.functions);
    bot.flows.push(...facts.flows);
    bot.variables.push(...facts.variables);
  }
  for (const intent of bot.intents) {
    let slots = bot.slotsByIntent.get(intent.def.name);
    if (!slots) bot.slotsByIntent.set(intent.def.name, (slots = new Map()));
    for (const s of intent.slots) if (!slots.has(s.def.name)) slots.set(s.def.name, s);
  }
  return bot;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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

/** A model patched from `old` with the same names (patchBot.ts) shares its name lists. */
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
