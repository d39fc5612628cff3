// A bot: its manifest and included files, merged into symbol tables that every rule and
// feature reads. Rebuilt from cached per-file facts when any of its files changes.
import type { WorkspaceView } from '../../../definitions/features/types';
import type { BotDocument, BotModel } from '../../../definitions/model/bot';
import type { DocFacts, FlowFact, IntentFact, ResponseFact, SlotFact, SlotTypeFact, TextItem, VariableFact } from './facts';
import type { Definition } from '../../../definitions/model/symbols';

/** One file of a native bot, parsed and read once per change. */
export type NativeDocument = BotDocument<DocFacts>;

export interface IncludeUse {
  glob: TextItem;
  /** Why the glob is refused, when it is. */
  problem?: string;
  matches: number;
}

export interface NativeBot extends BotModel {
  format: 'native';
  /** The manifest first, then included files in path order. */
  files: string[];
  docs: Map<string, NativeDocument>;
  includes: IncludeUse[];
  intents: IntentFact[];
  slotTypes: SlotTypeFact[];
  responses: ResponseFact[];
  functions: { def: Definition }[];
  flows: FlowFact[];
  variables: VariableFact[];
  /** Slots of several intents share one key in `defs`; here they are by intent. */
  slotsByIntent: Map<string, Map<string, SlotFact>>;
}

/** Merges the facts of a bot's files. `files[0]` is the manifest. */
export function buildBot(dir: string, files: NativeDocument[], includes: IncludeUse[], extraManifests: string[]): NativeBot {
  const manifest = files[0]!;
  const m = manifest.facts.manifest;
  const bot: NativeBot = {
    format: 'native',
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
  if (m.id) {
    bot.id = m.id.text;
    bot.idSpan = { start: m.id.start, end: m.id.end };
  }
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

export { definitionsOf, inheritNames, namesOf, referencesTo } from '../../../definitions/model/bot';

/** The native bot a file belongs to, if it belongs to one. */
export function nativeBotOf(ws: Pick<WorkspaceView, 'botOf'>, file: string): NativeBot | undefined {
  const bot = ws.botOf(file);
  return bot && bot.format === 'native' ? (bot as NativeBot) : undefined;
}
