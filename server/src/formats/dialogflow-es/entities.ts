// A Dialogflow ES agent as entities for the semantic diff, in ES's words: agent settings and
// languages, intents (with their contexts, events, parent by name), parameters, training
// phrases per language (one entity per phrase: a multiset), text responses per language,
// entities and their entries per language. What every export rewrites is no change: `id`s,
// `updated`, `count`, key order, `\u0027` escapes, formatting; a follow-up's parent is named by
// the parent's name, not its id.
import { canonicalArray, canonicalNode, canonicalObject, canonicalScalar, parseDocument } from '../../definitions/index';
import type { CanonicalOptions, Node, ObjectNode, SemanticEntity, SemanticKind } from '../../definitions/index';
import { placeOf } from './names';

const VOLATILE = new Set(['id', 'updated', 'count', 'lastUpdate', 'parentId', 'rootParentId']);
const OPTS: CanonicalOptions = { skip: (key) => VOLATILE.has(key), float32: true };
const canon = (node: Node | null | undefined, omit?: readonly string[]): string => canonicalNode(node, omit ? { ...OPTS, omit } : OPTS);

function prop(obj: ObjectNode, key: string): Node | null | undefined {
  return obj.properties.find((p) => p.key === key)?.value;
}
const strOf = (n: Node | null | undefined): string | undefined => (n && n.type === 'scalar' && typeof n.value === 'string' ? n.value : undefined);

export function esEntities(files: ReadonlyMap<string, string>): SemanticEntity[] {
  const out: SemanticEntity[] = [];
  const add = (kind: SemanticKind, name: string, file: string, value: string, parent?: string, locale?: string): void => {
    const e: SemanticEntity = { kind, name, file, value };
    if (parent !== undefined) e.parent = parent;
    if (locale !== undefined) e.locale = locale;
    out.push(e);
  };
  const roots = new Map<string, Node>();
  for (const p of [...files.keys()].filter((x) => /\.json$/i.test(x)).sort()) {
    const root = parseDocument(p, files.get(p)!).root;
    if (root) roots.set(p, root);
  }
  // Intents' names by id (a follow-up names its parent so) and by the base name of their files.
  const nameById = new Map<string, string>();
  const intentName = new Map<string, string>();
  const entityName = new Map<string, string>();
  for (const [p, root] of roots) {
    const place = placeOf(p);
    if (root.type !== 'object') continue;
    const name = strOf(prop(root, 'name'));
    if (place.role === 'intent') {
      intentName.set(place.name!, name ?? place.name!);
      const id = strOf(prop(root, 'id'));
      if (id) nameById.set(id, name ?? place.name!);
    } else if (place.role === 'entity') entityName.set(place.name!, name ?? place.name!);
  }
  for (const [file, root] of roots) {
    const place = placeOf(file);
    switch (place.role) {
      case 'agent': {
        if (root.type !== 'object') break;
        for (const p of root.properties) if (p.key !== 'supportedLanguages') add('setting', p.key, file, canon(p.value));
        const def = strOf(prop(root, 'language'));
        if (def) add('locale', def, file, '');
        const sl = prop(root, 'supportedLanguages');
        if (sl && sl.type === 'array') for (const l of sl.items) {
          const s = strOf(l);
          if (s && s !== def) add('locale', s, file, '');
        }
        break;
      }
      case 'package':
      case 'smalltalk':
        add('setting', file, file, canon(root));
        break;
      case 'intent': {
        if (root.type !== 'object') break;
        const name = intentName.get(place.name!)!;
        const parent = strOf(prop(root, 'parentId'));
        const responses = prop(root, 'responses');
        // The intent itself: its responses without their parameters and messages, which are entities of their own.
        const rest: string[] = [];
        if (responses && responses.type === 'array')
          for (const r of responses.items) {
            if (r.type !== 'object') continue;
            rest.push(canon(r, ['parameters', 'messages']));
            const params = prop(r, 'parameters');
            if (params && params.type === 'array') for (const p of params.items) {
              const pn = p.type === 'object' ? strOf(prop(p, 'name')) : undefined;
              if (pn !== undefined) add('slot', pn, file, canon(p, ['name']), name);
            }
            const msgs = prop(r, 'messages');
            if (msgs && msgs.type === 'array') {
              const byLang = new Map<string, string[]>();
              for (const m of msgs.items) {
                const lang = m.type === 'object' ? (strOf(prop(m, 'lang')) ?? '') : '';
                const list = byLang.get(lang) ?? [];
                list.push(canon(m, ['lang']));
                byLang.set(lang, list);
              }
              for (const [lang, list] of byLang) add('response', `${name}: responses`, file, canonicalArray(list), name, lang || undefined);
            }
          }
        add(
          'intent',
          name,
          file,
          canonicalObject([
            ['intent', canon(root, ['name', 'responses'])],
            ['responses', canonicalArray(rest)],
            ['parent', parent ? canonicalScalar(nameById.get(parent) ?? parent) : 'null'],
          ]),
        );
        break;
      }
      case 'usersays': {
        if (root.type !== 'array') break;
        const intent = intentName.get(place.name!) ?? place.name!;
        for (const item of root.items) {
          if (item.type !== 'object') continue;
          const data = prop(item, 'data');
          let text = '';
          if (data && data.type === 'array') for (const d of data.items) text += (d.type === 'object' ? strOf(prop(d, 'text')) : undefined) ?? '';
          add('utterance', text, file, canon(item, ['lang']), intent, place.lang);
        }
        break;
      }
      case 'entity':
        if (root.type === 'object') add('entity', entityName.get(place.name!)!, file, canon(root, ['name']));
        break;
      case 'entries': {
        if (root.type !== 'array') break;
        const entity = entityName.get(place.name!) ?? place.name!;
        for (const e of root.items) {
          if (e.type !== 'object') continue;
          const v = strOf(prop(e, 'value'));
          if (v === undefined) continue;
          const syn = prop(e, 'synonyms');
          add('entity-value', v, file, syn && syn.type === 'array' ? canonicalArray(syn.items.map((x) => canon(x)), true) : '', entity, place.lang);
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}
