// A Rasa project as entities for the semantic diff, in Rasa's words: the config's settings
// (assistant_id, language, recipe, pipeline, policies), intents, examples (one entity per
// example, so an intent's examples compare as a multiset), entities, synonyms, lookups and
// regexes, slots, responses, forms, actions, stories, rules, flows and test stories. Values
// are canonical: comments, quoting, block or flow style, key order and the split of the
// project across files are no change.
import { canonicalNode, parseDocument } from '../../definitions/index';
import type { Node, SemanticEntity, SemanticKind } from '../../definitions/index';
import { extractRasaFacts } from './facts';
import { CONFIG_FILES, roleOf } from './model';

/** The entities of a project's files (paths relative to the project folder → texts). */
export function rasaEntities(files: ReadonlyMap<string, string>): SemanticEntity[] {
  const out: SemanticEntity[] = [];
  const config = CONFIG_FILES.find((c) => files.has(c));
  const add = (kind: SemanticKind, name: string, file: string, value: string, parent?: string): void => {
    const e: SemanticEntity = { kind, name, file, value };
    if (parent !== undefined) e.parent = parent;
    out.push(e);
  };
  const paths = [...files.keys()].sort();
  for (const file of paths) {
    if (!/\.ya?ml$/i.test(file)) continue;
    const doc = parseDocument(file, files.get(file)!);
    const facts = extractRasaFacts(doc);
    const role = roleOf(file, facts, config);
    if (!role) continue;
    const section = (key: string): Node | null | undefined => facts.sections.get(key)?.value;

    if (role === 'config') {
      for (const key of ['assistant_id', 'language', 'recipe', 'additional_languages', 'pipeline', 'policies']) {
        const v = section(key);
        if (v !== undefined) add('setting', key, file, canonicalNode(v, { text: doc.text }));
      }
      continue;
    }
    if (role === 'endpoints' || role === 'credentials') {
      // Per-environment files: each top-level section is a setting of its own.
      for (const p of facts.sections.values()) add('setting', `${file.replace(/\.ya?ml$/i, '')}.${p.key}`, file, canonicalNode(p.value, { text: doc.text }));
      continue;
    }
    if (role === 'domain') {
      for (const item of listOf(section('intents'))) {
        const e = entryOf(item);
        if (e) add('intent', e.name, file, canonicalNode(e.body, { text: doc.text }));
      }
      for (const item of listOf(section('entities'))) {
        const e = entryOf(item);
        if (e) add('entity', e.name, file, canonicalNode(e.body, { text: doc.text }));
      }
      for (const item of listOf(section('actions'))) {
        const e = entryOf(item);
        if (e) add('action', e.name, file, canonicalNode(e.body, { text: doc.text }));
      }
      for (const [key, kind] of [
        ['slots', 'slot'],
        ['forms', 'form'],
      ] as const) {
        const obj = section(key);
        if (obj?.type === 'object') for (const p of obj.properties) add(kind, p.key, file, canonicalNode(p.value, { text: doc.text }));
      }
      const session = section('session_config');
      if (session !== undefined) add('setting', 'session_config', file, canonicalNode(session, { text: doc.text }));
    }
    // Responses live in the domain, and retrieval answers in training data.
    if (role === 'domain' || role === 'data') {
      const responses = section('responses');
      if (responses?.type === 'object') for (const p of responses.properties) add('response', p.key, file, canonicalNode(p.value, { text: doc.text }));
    }
    if (role === 'data' || role === 'test') {
      for (const item of facts.nlu) {
        if (item.kind === 'intent') {
          // The intent is the domain's; here are its examples, one entity each.
          for (const ex of item.examples) add('utterance', ex.raw.text, file, '', item.name.text);
        } else {
          // A synonym's texts, a lookup table's or a regex's entries: values of what they name.
          const parent = `${item.kind} ${item.name.text}`;
          for (const ex of item.examples) add('entity-value', ex.raw.text, file, '', parent);
        }
      }
      for (const s of facts.stories) add(role === 'test' ? 'test' : s.kind, s.name.text, file, canonicalNode(s.node, { text: doc.text, omit: [s.kind] }));
    }
    if (role === 'data') for (const f of facts.flows) add('flow', f.id.text, file, canonicalNode(f.node.value, { text: doc.text }));
    if (role === 'test' && facts.isE2e) {
      for (const item of listOf(section('test_cases'))) {
        const name = item.type === 'object' ? item.properties.find((p) => p.key === 'test_case')?.value : undefined;
        if (name?.type === 'scalar') add('test', String(name.value), file, canonicalNode(item, { text: doc.text, omit: ['test_case'] }));
      }
    }
  }
  return out;
}

function listOf(node: Node | null | undefined): Node[] {
  return node?.type === 'array' ? node.items : [];
}

/** A list entry that is a name, or a one-key mapping `{name: {...}}`. */
function entryOf(item: Node): { name: string; body: Node | null } | undefined {
  if (item.type === 'scalar' && typeof item.value === 'string') return { name: item.value, body: null };
  if (item.type === 'object' && item.properties[0]) return { name: item.properties[0].key, body: item.properties[0].value };
  return undefined;
}
