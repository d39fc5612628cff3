// A Dialogflow CX agent as entities for the semantic diff, in the console's words: agent
// settings and languages, intents with their parameters and training phrases per language
// (one entity per phrase: a multiset), entity types and their entries per language, flows,
// pages, routes (by intent or condition and target, under their flow, page or route group,
// with their fulfillment), the messages a page says on entry per language, route groups,
// webhooks and test cases. What the console
// rewrites on every export is no change: UUID `name`s, `projectNumber`, test cases'
// `creationTime` and last results, key order, escapes and formatting, float noise
// (`0.30000001`); the order of routes is a change (the page's value lists it), that of
// phrases is not. Each file's entities are its own path's and text's (an intent's phrases
// name it by its folder, as a page its flow), so the diff reads only the files that differ.
import { canonicalArray, canonicalNode, canonicalObject, parseDocument } from '../../definitions/index';
import type { CanonicalOptions, Node, ObjectNode, SemanticEntity, SemanticKind } from '../../definitions/index';
import type { EntityFiles } from '../../definitions/diff/files';
import { isMachineName } from './facts';
import { placeOf } from './names';
import type { CxPlace } from './names';

const VOLATILE = new Set(['projectNumber', 'creationTime', 'lastTestResult', 'lastTestResults']);

const skip = (key: string, value: Node | null): boolean =>
  VOLATILE.has(key) || (key === 'name' && !!value && value.type === 'scalar' && typeof value.value === 'string' && isMachineName(value.value));

const OPTS: CanonicalOptions = { skip, float32: true };

const canon = (node: Node | null | undefined, omit?: readonly string[]): string => canonicalNode(node, omit ? { ...OPTS, omit } : OPTS);

function prop(obj: ObjectNode, key: string): Node | null | undefined {
  return obj.properties.find((p) => p.key === key)?.value;
}
const strOf = (n: Node | null | undefined): string | undefined => (n && n.type === 'scalar' && typeof n.value === 'string' ? n.value : undefined);

/** The entities of an agent's files (paths relative to the agent folder → texts), in path order. */
export function cxEntities(files: ReadonlyMap<string, string>): SemanticEntity[] {
  const out: SemanticEntity[] = [];
  for (const p of [...files.keys()].sort()) for (const e of fileEntities(p, files.get(p)!)) out.push(e);
  return out;
}

/** The same, file by file (BotFormat.entityFiles): a file's entities depend on its path and text alone. */
export function cxEntityFiles(files: ReadonlyMap<string, string>): EntityFiles {
  return {
    context: '',
    read: (path) => fileEntities(path, files.get(path) ?? ''),
    mayShare(paths, identities) {
      return paths.filter((path) => {
        const place = placeOf(path);
        const text = files.get(path) ?? '';
        return identities.some((e) => mayHold(path, place, text, e));
      });
    },
  };
}

/** Whether a file (by its place, and a look at its text for display names) may define an entity of this identity. */
function mayHold(path: string, place: CxPlace, text: string, e: SemanticEntity): boolean {
  const named = (name: string | undefined): boolean => name !== undefined && (place.name === name || text.includes('\\') || text.includes(JSON.stringify(name)));
  switch (e.kind) {
    case 'setting':
      return place.role === 'agent' || e.name === path;
    case 'locale':
      return place.role === 'agent';
    case 'intent':
      return place.role === 'intent' && named(e.name);
    case 'slot':
      return place.role === 'intent' && (place.folder === e.parent || named(e.parent));
    case 'utterance':
      return place.role === 'phrases' && place.folder === e.parent && place.lang === e.locale;
    case 'entity':
      return place.role === 'entityType' && named(e.name);
    case 'entity-value':
      return (place.role === 'entities' || place.role === 'excluded') && place.folder === e.parent && place.lang === e.locale;
    case 'flow':
      return place.role === 'flow' && named(e.name);
    case 'page':
      return place.role === 'page' && place.folder === e.parent && named(e.name);
    case 'route-group':
      return (place.role === 'flowGroup' || place.role === 'agentGroup') && named(e.name);
    case 'route':
    case 'response': {
      const owner = e.kind === 'route' ? (e.parent ?? '') : e.name;
      if (place.role === 'agentGroup') return owner.startsWith('group ');
      return (place.role === 'flow' || place.role === 'page' || place.role === 'flowGroup') && (owner === place.folder || owner.startsWith(`${place.folder} / `));
    }
    case 'webhook':
      return place.role === 'webhook' && named(e.name);
    case 'test':
      return place.role === 'testCase' && named(e.name);
    default:
      return true;
  }
}

/** The entities one file defines. */
function fileEntities(file: string, text: string): SemanticEntity[] {
  const out: SemanticEntity[] = [];
  if (!/\.json$/i.test(file)) return out;
  const add = (kind: SemanticKind, name: string, file: string, value: string, parent?: string, locale?: string): void => {
    const e: SemanticEntity = { kind, name, file, value };
    if (parent !== undefined) e.parent = parent;
    if (locale !== undefined) e.locale = locale;
    out.push(e);
  };
  const root = parseDocument(file, text).root;
  if (!root || root.type !== 'object') return out;
  const top = root;
  // Per-language files and pages name their intent, entity type or flow by its folder.
  const owner = (p: string): string => placeOf(p).folder ?? '';

  /** Routes and event handlers of a container as route entities; returns their order. */
  const routes = (top: ObjectNode, file: string, parent: string): string[] => {
    const order: string[] = [];
    const seen = new Map<string, number>();
    for (const key of ['transitionRoutes', 'eventHandlers']) {
      const list = prop(top, key);
      if (!list || list.type !== 'array') continue;
      for (const r of list.items) {
        if (r.type !== 'object') continue;
        const on = key === 'eventHandlers' ? `event ${strOf(prop(r, 'event')) ?? '?'}` : [strOf(prop(r, 'intent')) && `intent ${strOf(prop(r, 'intent'))}`, strOf(prop(r, 'condition')) && `if ${strOf(prop(r, 'condition'))}`].filter(Boolean).join(' ') || 'route';
        const target = strOf(prop(r, 'targetPage')) ?? (strOf(prop(r, 'targetFlow')) ? `flow ${strOf(prop(r, 'targetFlow'))}` : undefined);
        let name = target ? `${on} → ${target}` : on;
        const n = (seen.get(name) ?? 0) + 1;
        seen.set(name, n);
        if (n > 1) name = `${name} #${n}`;
        order.push(JSON.stringify(name));
        // A route's fulfillment (its messages in every language) is part of the route.
        add('route', name, file, canon(r), parent);
      }
    }
    return order;
  };
  /** A fulfillment's messages, one response entity per language. */
  const messages = (fulfillment: ObjectNode, file: string, name: string, parent?: string): void => {
    const msgs = prop(fulfillment, 'messages');
    if (!msgs || msgs.type !== 'array') return;
    const byLang = new Map<string, string[]>();
    for (const m of msgs.items) {
      const lang = m.type === 'object' ? (strOf(prop(m, 'languageCode')) ?? '') : '';
      const list = byLang.get(lang) ?? [];
      list.push(canon(m, ['languageCode']));
      byLang.set(lang, list);
    }
    for (const [lang, list] of byLang) add('response', name, file, canonicalArray(list), parent, lang || undefined);
  };

  {
    const place = placeOf(file);
    const dn = strOf(prop(top, 'displayName'));
    switch (place.role) {
      case 'agent': {
        for (const p of top.properties) {
          if (VOLATILE.has(p.key) || p.key === 'name' || p.key === 'supportedLanguageCodes') continue;
          add('setting', p.key, file, canon(p.value));
        }
        const langs = prop(top, 'supportedLanguageCodes');
        const def = strOf(prop(top, 'defaultLanguageCode'));
        if (def) add('locale', def, file, '');
        if (langs && langs.type === 'array') for (const l of langs.items) {
          const s = strOf(l);
          if (s && s !== def) add('locale', s, file, '');
        }
        break;
      }
      case 'intent': {
        if (place.file !== place.folder) break;
        const name = dn ?? place.name!;
        add('intent', name, file, canon(top, ['displayName', 'parameters']));
        const params = prop(top, 'parameters');
        if (params && params.type === 'array') for (const p of params.items) {
          const id = p.type === 'object' ? strOf(prop(p, 'id')) : undefined;
          if (id !== undefined) add('slot', id, file, canon(p, ['id']), name);
        }
        break;
      }
      case 'phrases': {
        const list = prop(top, 'trainingPhrases');
        if (!list || list.type !== 'array') break;
        const intent = owner(file);
        for (const ph of list.items) {
          if (ph.type !== 'object') continue;
          const parts = prop(ph, 'parts');
          let text = '';
          if (parts && parts.type === 'array') for (const part of parts.items) text += (part.type === 'object' ? strOf(prop(part, 'text')) : undefined) ?? '';
          add('utterance', text, file, canon(ph, ['id', 'languageCode']), intent, place.lang);
        }
        break;
      }
      case 'entityType': {
        if (place.file !== place.folder) break;
        add('entity', dn ?? place.name!, file, canon(top, ['displayName']));
        break;
      }
      case 'entities':
      case 'excluded': {
        const list = prop(top, place.role === 'entities' ? 'entities' : 'excludedPhrases');
        if (!list || list.type !== 'array') break;
        const type = owner(file);
        for (const e of list.items) {
          if (e.type !== 'object') continue;
          const v = strOf(prop(e, place.role === 'entities' ? 'value' : 'value'));
          if (v === undefined) continue;
          const syn = prop(e, 'synonyms');
          const value = syn && syn.type === 'array' ? canonicalArray(syn.items.map((x) => canon(x)), true) : '';
          add('entity-value', place.role === 'excluded' ? `(excluded) ${v}` : v, file, value, type, place.lang);
        }
        break;
      }
      case 'flow': {
        if (place.file !== place.folder) break;
        const name = dn ?? place.name!;
        const order = routes(top, file, place.folder ?? name);
        add('flow', name, file, canonicalObject([['flow', canon(top, ['displayName', 'transitionRoutes', 'eventHandlers'])], ['routes', canonicalArray(order)]]));
        break;
      }
      case 'page': {
        const flow = owner(file);
        const name = dn ?? place.name!;
        const full = `${flow} / ${name}`;
        const order = routes(top, file, full);
        const entry = prop(top, 'entryFulfillment');
        if (entry && entry.type === 'object') messages(entry, file, `${full}: entry`);
        add(
          'page',
          name,
          file,
          canonicalObject([
            ['page', canon(top, ['displayName', 'transitionRoutes', 'eventHandlers', 'entryFulfillment'])],
            ['entry', entry && entry.type === 'object' ? canon(entry, ['messages']) : 'null'],
            ['routes', canonicalArray(order)],
          ]),
          flow,
        );
        break;
      }
      case 'flowGroup':
      case 'agentGroup': {
        const name = dn ?? place.name!;
        const parent = place.role === 'flowGroup' ? owner(file) : undefined;
        const order = routes(top, file, `${parent ? `${parent} / ` : ''}group ${name}`);
        add('route-group', name, file, canonicalObject([['group', canon(top, ['displayName', 'transitionRoutes'])], ['routes', canonicalArray(order)]]), parent);
        break;
      }
      case 'webhook':
        add('webhook', dn ?? place.name!, file, canon(top, ['displayName']));
        break;
      case 'testCase':
        add('test', dn ?? place.name!, file, canon(top, ['displayName']));
        break;
      default:
        // Playbooks, generators, tools, generative settings and anything else: each file a setting of its own.
        add('setting', file, file, canon(top));
    }
  }
  return out;
}
