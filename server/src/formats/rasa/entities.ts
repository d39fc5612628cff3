// A Rasa project as entities for the semantic diff, in Rasa's words: the config's settings
// (assistant_id, language, recipe, pipeline, policies), intents, examples (one entity per
// example, so an intent's examples compare as a multiset), entities, synonyms, lookups and
// regexes, slots, responses, forms, actions, stories, rules, flows and test stories. Values
// are canonical: comments, quoting, block or flow style, key order and the split of the
// project across files are no change.
import { canonicalNode, parseDocument } from '../../definitions/index';
import type { Node, SemanticEntity, SemanticKind } from '../../definitions/index';
import type { EntityFiles } from '../../definitions/diff/files';
import { extractRasaFacts } from './facts';
import { CONFIG_FILES, roleOf } from './model';

/** The entities of a project's files (paths relative to the project folder → texts). */
export function rasaEntities(files: ReadonlyMap<string, string>): SemanticEntity[] {
  const reader = rasaEntityFiles(files);
  const out: SemanticEntity[] = [];
  for (const file of [...files.keys()].sort()) for (const e of reader.read(file)) out.push(e);
  return out;
}

/** The project's files read one by one: a file's entities depend on its path, its text and which file is the config. */
export function rasaEntityFiles(files: ReadonlyMap<string, string>): EntityFiles {
  const config = CONFIG_FILES.find((c) => files.has(c));
  return {
    context: config ?? '',
    read: (file) => fileEntities(file, files.get(file) ?? '', config),
    mayShare: (paths, identities) => mayShare(files, paths, identities, config),
  };
}

/** The entities of one file of a project whose config is `config`. */
function fileEntities(file: string, text: string, config: string | undefined): SemanticEntity[] {
  const out: SemanticEntity[] = [];
  const add = (kind: SemanticKind, name: string, file: string, value: string, parent?: string): void => {
    const e: SemanticEntity = { kind, name, file, value };
    if (parent !== undefined) e.parent = parent;
    out.push(e);
  };
  {
    if (!/\.ya?ml$/i.test(file)) return out;
    const doc = parseDocument(file, text);
    const facts = extractRasaFacts(doc);
    const role = roleOf(file, facts, config);
    if (!role) return out;
    const section = (key: string): Node | null | undefined => facts.sections.get(key)?.value;

    if (role === 'config') {
      for (const key of CONFIG_SETTINGS) {
        const v = section(key);
        if (v !== undefined) add('setting', key, file, canonicalNode(v, { text: doc.text }));
      }
      return out;
    }
    if (role === 'endpoints' || role === 'credentials') {
      // Per-environment files: each top-level section is a setting of its own.
      for (const p of facts.sections.values()) add('setting', `${file.replace(/\.ya?ml$/i, '')}.${p.key}`, file, canonicalNode(p.value, { text: doc.text }));
      return out;
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

const CONFIG_SETTINGS = ['assistant_id', 'language', 'recipe', 'additional_languages', 'pipeline', 'policies'];

/**
 * The top-level keys a file must hold to define an entity of each kind (its section), any one
 * of them; a setting comes from the config, the endpoints and credentials files (their
 * sections) or a domain's `session_config`.
 */
const SECTIONS: Partial<Record<SemanticKind, readonly string[]>> = {
  intent: ['intents'],
  entity: ['entities'],
  action: ['actions'],
  slot: ['slots'],
  form: ['forms'],
  response: ['responses'],
  utterance: ['nlu'],
  'entity-value': ['nlu'],
  story: ['stories'],
  rule: ['rules'],
  flow: ['flows'],
  test: ['stories', 'test_cases'],
};

/** A name a YAML scalar may spell otherwise than as its text (a number, a boolean, null): a file may hold it without the text. */
const NOT_TEXT = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|true|false|null|~|nan|inf|infinity|-infinity|0x[0-9a-f]+|0o[0-7]+|)$/i;

/** The words of a text (runs of letters, digits and "_"), which a file that spells the text holds as words of its own. */
const WORDS = /[A-Za-z0-9_]+/g;

/** A name's text as a YAML file spells it when it holds no space or quote: no folding, no doubled quote can come between. */
const PLAIN = /^[^\s'"]+$/;

/** The identities a section's files may define, each as the words of its name and parent, with a pattern that finds any of their keys. */
interface Wanted {
  keys: Set<string>;
  identities: string[][];
  /** Any key as text (a key with no space or quote as it is, another by its longest word): a file with none of them defines none of the identities. */
  anyKey?: RegExp;
}

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Of `paths` (files both sides hold alike), those that may define an entity of one of the
 * identities: by the text alone, a file holds the section such an entity comes from, the
 * identity's key (its parent's name, else its name: as it is when it has no space or quote,
 * else its words) and every word of its name and parent. Sound because the names are YAML
 * keys or scalars, and a scalar's words are the words of its source unless it holds an
 * escape (a file with a backslash is included) or is no text (such names include every file).
 */
function mayShare(files: ReadonlyMap<string, string>, paths: readonly string[], identities: readonly SemanticEntity[], config: string | undefined): string[] {
  const bySection = new Map<string, Wanted>();
  const anywhere: SemanticEntity[] = [];
  const seen = new Set<string>();
  for (const e of identities) {
    const id = `${e.kind}\n${e.parent ?? ''}\n${e.name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const sections = SECTIONS[e.kind];
    const words = `${e.parent ?? ''} ${e.name}`.match(WORDS);
    // A test case's name may be a number or a boolean written otherwise (String(value)); every other name is a key or a text.
    if (e.kind === 'setting' || (e.kind === 'test' && NOT_TEXT.test(e.name)) || !sections || !words) {
      anywhere.push(e);
      continue;
    }
    // An entity value's parent is "<synonym|lookup|regex> <name>".
    const key = e.parent === undefined ? e.name : e.kind === 'entity-value' ? e.parent.slice(e.parent.indexOf(' ') + 1) : e.parent;
    for (const section of sections) {
      let wanted = bySection.get(section);
      if (!wanted) bySection.set(section, (wanted = { keys: new Set(), identities: [] }));
      wanted.keys.add(PLAIN.test(key) ? key : [...(key.match(WORDS) ?? words)].sort((a, b) => b.length - a.length)[0]!);
      wanted.identities.push(words);
    }
  }
  for (const wanted of bySection.values()) wanted.anyKey = new RegExp([...wanted.keys].map(escaped).join('|'));
  const out: string[] = [];
  for (const path of paths) {
    if (!/\.ya?ml$/i.test(path)) continue;
    const text = files.get(path)!;
    if (text.includes('\\') || anywhere.some((e) => settingMayBeIn(e, path, text, config))) {
      out.push(path);
      continue;
    }
    let tokens: Set<string> | undefined;
    const found = [...bySection].some(([section, { anyKey, identities }]) => {
      // The section, and a key as text: most files hold neither; then every word of an identity, as words of the file.
      if (!text.includes(section) || !anyKey!.test(text)) return false;
      tokens ??= new Set(text.match(WORDS));
      return identities.some((list) => list.every((w) => tokens!.has(w)));
    });
    if (found) out.push(path);
  }
  return out;
}

/** Whether a file may define an identity the word test cannot rule out (a setting, a name that may be no text). */
function settingMayBeIn(e: SemanticEntity, path: string, text: string, config: string | undefined): boolean {
  if (e.kind !== 'setting') return true;
  if (CONFIG_SETTINGS.includes(e.name)) return path === config;
  // endpoints.<section>, credentials.<section>: only that file; session_config: a domain that names it.
  const dot = e.name.indexOf('.');
  if (dot > 0) return path.replace(/\.ya?ml$/i, '') === e.name.slice(0, dot);
  return text.includes(e.name);
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
