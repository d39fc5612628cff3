// A PolyAI project as entities for the semantic diff, in PolyAI's terms: the project's and the
// agent's settings (rules, personality, role, safety filters, voice and chat, speech), its
// languages, topics, flows, steps and their conditions, functions (global ones, function steps
// and transition functions, their code as text), entities, handoffs, variants and their
// attributes, translations, SMS templates, API integrations, context documents and test cases.
// What `poly pull` and `poly format` change by themselves is no change: _gen/ (rewritten on
// every pull), quoting, folding, trailing spaces, `|` against `|-`, key order, and the order of
// set-like lists (extracted_entities, personality adjectives, tags, headers). The order of
// pronunciations, conditions and example queries is kept (FORMATS.md §10, Volatile fields).
import { canonicalArray, canonicalObject, canonicalScalar, parseDocument } from '../../definitions/index';
import type { Node, SemanticEntity, SemanticKind } from '../../definitions/index';
import { extractPolyFacts, obj, str, val } from './facts';
import { flowFolderOf, roleOf, stem } from './paths';

/** Lists whose order is no change, by key. */
const SETS = new Set(['extracted_entities', 'required_entities', 'tags', 'sip_headers', 'custom_keywords', 'country_codes', 'options', 'additional_languages']);

/** The canonical text of a YAML subtree: strings trimmed (poly strips every string), set-like lists sorted, `omit` keys left out at the top. */
function canon(node: Node | null | undefined, omit?: ReadonlySet<string>, key?: string): string {
  if (!node) return 'null';
  switch (node.type) {
    case 'scalar':
      return canonicalScalar(typeof node.value === 'string' ? node.value.trim() : node.value);
    case 'opaque':
      return canonicalScalar(null);
    case 'array':
      return canonicalArray(
        node.items.map((i) => canon(i)),
        key !== undefined && SETS.has(key),
      );
    case 'object': {
      const pairs: [string, string][] = [];
      for (const p of node.properties) {
        if (omit?.has(p.key)) continue;
        // Personality adjectives: only the true ones count, as a set.
        if (p.key === 'adjectives' && p.value?.type === 'object') {
          pairs.push([p.key, canonicalArray(p.value.properties.filter((a) => a.value?.type === 'scalar' && a.value.value === true).map((a) => canonicalScalar(a.key)), true)]);
          continue;
        }
        pairs.push([p.key, canon(p.value, undefined, p.key)]);
      }
      return canonicalObject(pairs);
    }
  }
}

/** Code compared as text: line endings and trailing spaces aside. */
const code = (text: string) => canonicalScalar(text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n+$/, '\n'));

const NAME = new Set(['name']);

/** The entities of a project's files (paths relative to the project folder → texts). */
export function polyEntities(files: ReadonlyMap<string, string>): SemanticEntity[] {
  const out: SemanticEntity[] = [];
  const add = (kind: SemanticKind, name: string, file: string, value: string, parent?: string): void => {
    const e: SemanticEntity = { kind, name, file, value };
    if (parent !== undefined) e.parent = parent;
    out.push(e);
  };
  // Flow names by folder (steps and functions are named under their flow's name).
  const flowNames = new Map<string, string>();
  for (const [rel, text] of files) {
    if (roleOf(rel) !== 'flow-config') continue;
    const name = str(val(parseDocument(rel, text).root, 'name'))?.text;
    flowNames.set(flowFolderOf(rel)!, name ?? flowFolderOf(rel)!);
  }
  const flowOf = (rel: string) => {
    const folder = flowFolderOf(rel)!;
    return flowNames.get(folder) ?? folder;
  };
  for (const rel of [...files.keys()].sort()) {
    const role = roleOf(rel);
    if (!role || role === 'generated') continue;
    const text = files.get(rel)!;
    if (role === 'function' || role === 'function-step' || role === 'transition-function') {
      add('function', stem(rel), rel, code(text), role === 'function' ? undefined : flowOf(rel));
      continue;
    }
    if (role === 'rules') {
      add('setting', 'rules', rel, canonicalScalar(text.trim()));
      continue;
    }
    if (role === 'context') {
      add('setting', `context ${stem(rel)}`, rel, canonicalScalar(text.trim()));
      continue;
    }
    const doc = parseDocument(rel, text);
    const root = doc.root;
    const items = (key: string): Node[] => {
      const v = val(root, key);
      return v?.type === 'array' ? v.items : [];
    };
    const nameOf = (n: Node) => str(val(n, 'name'))?.text ?? '?';
    switch (role) {
      case 'project':
        for (const p of obj(root)?.properties ?? []) add('setting', `project ${p.key}`, rel, canon(p.value));
        break;
      case 'languages': {
        const d = str(val(root, 'default_language'))?.text;
        if (d) add('setting', 'default_language', rel, canonicalScalar(d));
        for (const l of [d, ...items('additional_languages').map((i) => str(i)?.text)]) if (l) add('locale', l, rel, '');
        break;
      }
      case 'entities':
        for (const i of items('entities')) add('entity', nameOf(i), rel, canon(i, NAME));
        break;
      case 'handoffs':
        for (const i of items('handoffs')) add('handoff', nameOf(i), rel, canon(i, NAME));
        break;
      case 'sms':
        for (const i of items('sms_templates')) add('setting', `SMS template ${nameOf(i)}`, rel, canon(i, NAME));
        break;
      case 'translations':
        for (const i of items('translations')) add('translation', nameOf(i), rel, canon(i, NAME));
        break;
      case 'api-integrations':
        for (const i of items('api_integrations')) add('integration', nameOf(i), rel, canon(i, NAME));
        break;
      case 'variants': {
        const attributes = items('attributes');
        for (const v of items('variants')) {
          const name = nameOf(v);
          // A variant is its default flag and the value each attribute has for it.
          const values = attributes.map((a) => [nameOf(a), canon(val(val(a, 'values'), name))] as [string, string]);
          add('variant', name, rel, canonicalObject([...(obj(v)?.properties.filter((p) => p.key !== 'name').map((p) => [p.key, canon(p.value)] as [string, string]) ?? []), ['attributes', canonicalObject(values)]]));
        }
        for (const a of attributes) add('variable', nameOf(a), rel, canon(a, NAME), 'variant attributes');
        break;
      }
      case 'topic':
        add('topic', str(val(root, 'name'))?.text ?? stem(rel), rel, canon(root, NAME));
        break;
      case 'flow-config':
        add('flow', flowOf(rel), rel, canon(root, NAME));
        break;
      case 'step': {
        const flow = flowOf(rel);
        const step = str(val(root, 'name'))?.text ?? stem(rel);
        add('step', step, rel, canon(root, new Set(['name', 'conditions'])), flow);
        const facts = extractPolyFacts(doc, rel);
        // Conditions by name, in their order (the order is kept by poly).
        const order: string[] = [];
        for (const c of facts.step?.conditions ?? []) {
          const name = c.name?.text ?? '?';
          order.push(name);
          add('condition', name, rel, canon(c.node, NAME), `${flow} / ${step}`);
        }
        if (order.length > 1) add('setting', `${flow} / ${step} conditions order`, rel, canonicalArray(order.map((n) => canonicalScalar(n))));
        break;
      }
      case 'test':
        add('test', str(val(root, 'name'))?.text ?? stem(rel), rel, canon(root, NAME));
        break;
      default:
        // Agent settings, safety filters, voice and chat, speech and response control: one setting per file.
        add('setting', rel.replace(/\.(ya?ml|json)$/i, ''), rel, canon(root));
    }
  }
  return out;
}
