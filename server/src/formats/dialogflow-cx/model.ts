// A Dialogflow CX agent as one model: every file's place in the package and its facts, and
// the resources they make — intents with their phrases per language, entity types with their
// entries, flows with their pages and route groups, agent-level route groups, webhooks, test
// cases, playbooks — each by its display name (agent.json's references, routes and fulfillments
// name them so), known from its folder or file name even when its metadata file cannot be read.
import { toBotId } from '../../definitions/index';
import type { BotModel } from '../../definitions/index';
import type { CxDocument, CxFacts, Str } from './facts';
import type { CxPlace } from './names';

export type ResourceKind = 'intent' | 'entityType' | 'flow' | 'page' | 'routeGroup' | 'webhook' | 'testCase' | 'playbook' | 'generator' | 'tool';

/** A resource of the package. */
export interface Resource {
  kind: ResourceKind;
  /** Its display name: the metadata's `displayName`, else its folder or file name decoded. */
  name: string;
  /** Its metadata file (the intent's intents/X/X.json, a page's file), when there is one. */
  file?: string;
  displayName?: Str;
  /** Its folder (intents/X), for resources that have one. */
  folder?: string;
  /** Every file of the resource (metadata first). */
  files: string[];
  /** The flow of a page or flow route group. */
  flow?: string;
}

export interface IntentResource extends Resource {
  kind: 'intent';
  /** Its training phrase files by language. */
  phrases: Map<string, string>;
}

export interface EntityTypeResource extends Resource {
  kind: 'entityType';
  entries: Map<string, string>;
}

export interface FlowResource extends Resource {
  kind: 'flow';
  pages: Map<string, Resource[]>;
  groups: Map<string, Resource[]>;
}

export interface CxBot extends BotModel {
  format: 'dialogflow-cx';
  docs: Map<string, CxDocument>;
  /** Each file's place in the package and facts (as read for its path relative to the agent). */
  facts: Map<string, CxFacts>;
  rel: Map<string, string>;
  agent?: string;
  /** Declared languages: the default first. */
  languages: string[];
  intents: Map<string, IntentResource[]>;
  entityTypes: Map<string, EntityTypeResource[]>;
  flows: Map<string, FlowResource[]>;
  /** Flows by their folder's decoded name (pages know their flow by its folder). */
  flowsByFolder: Map<string, FlowResource>;
  agentGroups: Map<string, Resource[]>;
  webhooks: Map<string, Resource[]>;
  testCases: Map<string, Resource[]>;
  playbooks: Map<string, Resource[]>;
  /** Each resource file's resource. */
  owner: Map<string, Resource>;
  /** Files whose JSON could not be read: what they would say is unknown. */
  unreadable: string[];
  /**
   * Everything the agent defines by name, as one string: its languages, its resources of each
   * kind (a flow's pages and route groups, an intent's parameters) and which metadata files
   * cannot be read. The checks of one file depend on its facts and on this alone.
   */
  namesKey: string;
}

function add<R extends Resource>(map: Map<string, R[]>, r: R): void {
  const list = map.get(r.name);
  if (list) list.push(r);
  else map.set(r.name, [r]);
}

/** The name a resource file gives: its displayName when it has one, else its place's. */
const nameOf = (facts: CxFacts, fallback: string | undefined): string => facts.displayName?.text ?? fallback ?? '';

/** Builds the model from the agent's files (`files`: path → document, facts and place, in path order). */
export function buildCxBot(dir: string, files: { path: string; rel: string; doc: CxDocument; facts: CxFacts }[]): CxBot {
  const agent = files.find((f) => f.facts.place.role === 'agent');
  const bot: CxBot = {
    format: 'dialogflow-cx',
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
    entityTypes: new Map(),
    flows: new Map(),
    flowsByFolder: new Map(),
    agentGroups: new Map(),
    webhooks: new Map(),
    testCases: new Map(),
    playbooks: new Map(),
    owner: new Map(),
    unreadable: [],
    namesKey: '',
  };
  const ordered = agent ? [agent, ...files.filter((f) => f !== agent)] : files;
  for (const f of ordered) {
    bot.files.push(f.path);
    bot.docs.set(f.path, f.doc);
    bot.facts.set(f.path, f.facts);
    bot.rel.set(f.path, f.rel);
    // A file that does not parse, or not into the shape the console reads, says less than it would.
    if (f.facts.shape.length > 0 || f.doc.doc.syntax.some((s) => s.severity === 'error' && s.code !== 'syntax/duplicate-key')) bot.unreadable.push(f.path);
  }
  if (agent) {
    bot.agent = agent.path;
    const a = agent.facts.agent;
    const langs: string[] = [];
    if (a?.defaultLanguageCode) langs.push(a.defaultLanguageCode.text);
    for (const s of a?.supported ?? []) if (!langs.includes(s.text)) langs.push(s.text);
    bot.languages = langs;
    bot.locales = [...langs];
    if (langs[0] !== undefined) bot.defaultLocale = langs[0];
    if (agent.facts.displayName && !/\.zip(\/|$)/i.test(dir)) {
      const id = toBotId(agent.facts.displayName.text);
      if (id) {
        bot.id = id;
        bot.idSpan = { start: agent.facts.displayName.start, end: agent.facts.displayName.end };
      }
    }
  }

  // Resources with folders (intents, entity types, flows, playbooks…): one per folder, its metadata file named like it.
  const byFolder = new Map<string, Resource>();
  const folderResource = (kind: ResourceKind, top: string, place: CxPlace, path: string): Resource => {
    const key = `${top}/${place.folderRaw}`;
    let r = byFolder.get(key);
    if (!r) {
      const base: Resource = { kind, name: place.folder ?? '', folder: key, files: [] };
      const made: Resource =
        kind === 'intent'
          ? ({ ...base, kind, phrases: new Map() } as IntentResource)
          : kind === 'entityType'
            ? ({ ...base, kind, entries: new Map() } as EntityTypeResource)
            : kind === 'flow'
              ? ({ ...base, kind, pages: new Map(), groups: new Map() } as FlowResource)
              : base;
      byFolder.set(key, made);
      r = made;
    }
    r.files.push(path);
    bot.owner.set(path, r);
    return r;
  };
  const TOPS: Partial<Record<CxPlace['role'], [ResourceKind, string]>> = {
    intent: ['intent', 'intents'],
    phrases: ['intent', 'intents'],
    entityType: ['entityType', 'entityTypes'],
    entities: ['entityType', 'entityTypes'],
    excluded: ['entityType', 'entityTypes'],
    flow: ['flow', 'flows'],
    generator: ['generator', 'generators'],
    playbook: ['playbook', 'playbooks'],
    tool: ['tool', 'tools'],
  };
  for (const f of ordered) {
    const place = f.facts.place;
    const top = TOPS[place.role];
    if (!top) continue;
    const r = folderResource(top[0], top[1], place, f.path);
    const isMeta = place.role === 'intent' || place.role === 'entityType' || place.role === 'flow' || place.role === 'generator' || place.role === 'playbook' || place.role === 'tool';
    if (isMeta && place.file === place.folder && !r.file) {
      r.file = f.path;
      if (f.facts.displayName) {
        r.displayName = f.facts.displayName;
        r.name = f.facts.displayName.text;
      }
      // The metadata file first.
      r.files.splice(r.files.indexOf(f.path), 1);
      r.files.unshift(f.path);
    }
    if (place.role === 'phrases' && place.lang) (r as IntentResource).phrases.set(place.lang, f.path);
    if (place.role === 'entities' && place.lang) (r as EntityTypeResource).entries.set(place.lang, f.path);
  }
  for (const r of byFolder.values()) {
    if (r.kind === 'intent') add(bot.intents, r as IntentResource);
    else if (r.kind === 'entityType') add(bot.entityTypes, r as EntityTypeResource);
    else if (r.kind === 'flow') {
      add(bot.flows, r as FlowResource);
      bot.flowsByFolder.set(bot.facts.get(r.files[0]!)?.place.folder ?? '', r as FlowResource);
    } else if (r.kind === 'playbook') add(bot.playbooks, r);
  }
  // Resources that are one file each.
  for (const f of ordered) {
    const place = f.facts.place;
    const one = (kind: ResourceKind, extra: Partial<Resource> = {}): Resource => {
      const r: Resource = { kind, name: nameOf(f.facts, place.name), file: f.path, files: [f.path], ...extra };
      if (f.facts.displayName) r.displayName = f.facts.displayName;
      bot.owner.set(f.path, r);
      return r;
    };
    switch (place.role) {
      case 'page':
      case 'flowGroup': {
        let flow = bot.flowsByFolder.get(place.folder ?? '');
        if (!flow) {
          // Pages of a flow folder without its metadata file: the flow is still known by its folder.
          flow = { kind: 'flow', name: place.folder ?? '', folder: `flows/${place.folderRaw}`, files: [], pages: new Map(), groups: new Map() };
          bot.flowsByFolder.set(place.folder ?? '', flow);
          add(bot.flows, flow);
        }
        const r = one(place.role === 'page' ? 'page' : 'routeGroup', { flow: flow.name });
        flow.files.push(f.path);
        add(place.role === 'page' ? flow.pages : flow.groups, r);
        break;
      }
      case 'agentGroup':
        add(bot.agentGroups, one('routeGroup'));
        break;
      case 'webhook':
        add(bot.webhooks, one('webhook'));
        break;
      case 'testCase':
        add(bot.testCases, one('testCase'));
        break;
    }
  }
  bot.namesKey = namesKeyOf(bot);
  return bot;
}

function namesKeyOf(bot: CxBot): string {
  const parts: string[] = [bot.languages.join(','), bot.unreadable.join('\0')];
  const list = (kind: string, map: ReadonlyMap<string, readonly Resource[]>): void => {
    parts.push(kind);
    for (const [name, rs] of map) parts.push(`${name}\0${rs.length}`);
  };
  list('intents', bot.intents);
  for (const rs of bot.intents.values())
    for (const r of rs) if (r.file) parts.push(`${r.file}\0${bot.facts.get(r.file)!.parameters.map((p) => p.id.text).join('\0')}`);
  list('entityTypes', bot.entityTypes);
  list('flows', bot.flows);
  for (const [folder, fl] of bot.flowsByFolder) {
    parts.push(`flow ${folder}\0${fl.name}`);
    list('pages', fl.pages);
    list('groups', fl.groups);
  }
  list('agentGroups', bot.agentGroups);
  list('webhooks', bot.webhooks);
  list('playbooks', bot.playbooks);
  return parts.join('\n');
}

/** The flow a file's routes belong to (a page's, a flow route group's, the flow's own file), if any. */
export function flowOfFile(bot: CxBot, path: string): FlowResource | undefined {
  const place = bot.facts.get(path)?.place;
  if (!place || (place.role !== 'flow' && place.role !== 'page' && place.role !== 'flowGroup')) return undefined;
  return bot.flowsByFolder.get(place.folder ?? '');
}
