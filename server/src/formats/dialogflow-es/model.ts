// A Dialogflow ES agent as one model: every file's place in the export and its facts, and
// what they make — intents (by name, by id, by the base name their training phrase files
// carry) with their phrases per language, entities with their entries per language, the
// contexts intents set, agent.json's languages.
import type { BotModel } from '../../definitions/index';
import type { EsDocument, EsFacts, Str } from './facts';

export interface EsIntent {
  kind: 'intent';
  /** Its `name`, else its file's name. */
  name: string;
  /** Its file, intents/<Name>.json (absent for training phrases whose intent file is missing). */
  file?: string;
  /** The name its files carry (intents/<base>.json, <base>_usersays_<lang>.json). */
  base: string;
  phrases: Map<string, string>;
}

export interface EsEntity {
  kind: 'entity';
  name: string;
  file?: string;
  base: string;
  entries: Map<string, string>;
}

export interface EsBot extends BotModel {
  format: 'dialogflow-es';
  docs: Map<string, EsDocument>;
  facts: Map<string, EsFacts>;
  rel: Map<string, string>;
  agent?: string;
  languages: string[];
  intents: Map<string, EsIntent[]>;
  intentsById: Map<string, EsIntent>;
  entities: Map<string, EsEntity[]>;
  /** Each file's intent or entity. */
  owner: Map<string, EsIntent | EsEntity>;
  /** The contexts some intent sets (lower case, as ES compares them) → where. */
  setContexts: Map<string, { file: string; at: Str }[]>;
  /** Files whose JSON could not be read, or not into the shape ES reads. */
  unreadable: Set<string>;
}

function add<T extends { name: string }>(map: Map<string, T[]>, r: T): void {
  const list = map.get(r.name);
  if (list) list.push(r);
  else map.set(r.name, [r]);
}

export function buildEsBot(dir: string, files: { path: string; rel: string; doc: EsDocument; facts: EsFacts }[]): EsBot {
  const agent = files.find((f) => f.facts.place.role === 'agent');
  const bot: EsBot = {
    format: 'dialogflow-es',
    dir,
    manifest: agent?.path ?? files[0]?.path ?? '',
    files: [],
    docs: new Map(),
    facts: new Map(),
    rel: new Map(),
    locales: [],
    extraManifests: [],
    defs: new Map(),
    refs: [],
    refsByKey: new Map(),
    languages: [],
    intents: new Map(),
    intentsById: new Map(),
    entities: new Map(),
    owner: new Map(),
    setContexts: new Map(),
    unreadable: new Set(),
  };
  const ordered = agent ? [agent, ...files.filter((f) => f !== agent)] : files;
  for (const f of ordered) {
    bot.files.push(f.path);
    bot.docs.set(f.path, f.doc);
    bot.facts.set(f.path, f.facts);
    bot.rel.set(f.path, f.rel);
    if (f.facts.shape.length > 0 || f.doc.doc.syntax.some((s) => s.severity === 'error' && s.code !== 'syntax/duplicate-key')) bot.unreadable.add(f.path);
  }
  if (agent) {
    bot.agent = agent.path;
    const a = agent.facts.agent;
    const langs: string[] = [];
    if (a?.language) langs.push(a.language.text);
    for (const s of a?.supported ?? []) if (!langs.includes(s.text)) langs.push(s.text);
    bot.languages = langs;
    bot.locales = [...langs];
    if (langs[0] !== undefined) bot.defaultLocale = langs[0];
  }
  const intentsByBase = new Map<string, EsIntent>();
  const entitiesByBase = new Map<string, EsEntity>();
  const intentOf = (base: string): EsIntent => {
    let i = intentsByBase.get(base);
    if (!i) intentsByBase.set(base, (i = { kind: 'intent', name: base, base, phrases: new Map() }));
    return i;
  };
  const entityOf = (base: string): EsEntity => {
    let e = entitiesByBase.get(base);
    if (!e) entitiesByBase.set(base, (e = { kind: 'entity', name: base, base, entries: new Map() }));
    return e;
  };
  for (const f of ordered) {
    const place = f.facts.place;
    switch (place.role) {
      case 'intent': {
        const i = intentOf(place.name!);
        i.file = f.path;
        if (f.facts.name) i.name = f.facts.name.text;
        if (f.facts.id) bot.intentsById.set(f.facts.id.text, i);
        for (const c of f.facts.affected) {
          const key = c.text.toLowerCase();
          const list = bot.setContexts.get(key) ?? [];
          list.push({ file: f.path, at: c });
          bot.setContexts.set(key, list);
        }
        bot.owner.set(f.path, i);
        break;
      }
      case 'usersays': {
        const i = intentOf(place.name!);
        i.phrases.set(place.lang!, f.path);
        bot.owner.set(f.path, i);
        break;
      }
      case 'entity': {
        const e = entityOf(place.name!);
        e.file = f.path;
        if (f.facts.name) e.name = f.facts.name.text;
        bot.owner.set(f.path, e);
        break;
      }
      case 'entries': {
        const e = entityOf(place.name!);
        e.entries.set(place.lang!, f.path);
        bot.owner.set(f.path, e);
        break;
      }
    }
  }
  for (const i of intentsByBase.values()) add(bot.intents, i);
  for (const e of entitiesByBase.values()) add(bot.entities, e);
  return bot;
}
