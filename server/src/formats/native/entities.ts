// The native format's entities for the semantic diff: the manifest's settings and locales,
// variables, intents with their utterances and slots, slot types (entities) with their
// values, responses, functions (webhooks) and flows, read with the format's own parse and
// facts from the manifest and the files its include globs name. Values are canonical: key
// order, quoting, flow or block style and comments are no change, and neither is the order
// of things the format treats as sets (synonyms, a response's variants, include globs).
import type { SemanticEntity } from '../../definitions/diff/entities';
import { canonicalArray, canonicalNode, canonicalObject } from '../../definitions/diff/entities';
import { parseDocument } from '../../definitions/parse/document';
import type { Node, ObjectNode } from '../../definitions/parse/tree';
import { getProperty, stringValue } from '../../definitions/parse/tree';
import { MANIFEST_NAMES } from './model/builtins';
import type { DocFacts } from './model/facts';
import { extractFacts } from './model/facts';
import { globMatcher, globProblem } from './model/include';
import { isNativeDefinitionFile } from './session';

/**
 * The files read by the last call, with their entities: the two sides of a diff share most
 * of their files, and the second side takes those from the first instead of parsing them
 * again. One bot's worth, replaced by each call.
 */
let previous = new Map<string, { text: string; entities: SemanticEntity[] }>();

/** The entities of a native bot given as its files (paths relative to the bot folder → texts). Treat them as read-only. */
export function nativeEntities(files: ReadonlyMap<string, string>): SemanticEntity[] {
  const out: SemanticEntity[] = [];
  const read = new Map<string, { text: string; entities: SemanticEntity[] }>();
  const manifest = MANIFEST_NAMES.find((m) => files.has(m));
  // Without a manifest the folder is no native bot; its definition files are still read, whole.
  let member: (path: string) => boolean = isNativeDefinitionFile;
  if (manifest !== undefined) {
    const text = files.get(manifest)!;
    const doc = parseDocument(manifest, text);
    const facts = extractFacts(doc);
    manifestEntities(facts, text, manifest, out);
    fileEntities(facts, text, manifest, out);
    const matchers = facts.manifest.includes.filter((g) => !globProblem(g.text)).map((g) => globMatcher(g.text));
    member = (path) => isNativeDefinitionFile(path) && matchers.some((m) => m(path));
  }
  for (const [path, text] of files) {
    if (MANIFEST_NAMES.includes(path) || !member(path)) continue;
    const last = previous.get(path);
    let entities: SemanticEntity[];
    if (last && last.text === text) entities = last.entities;
    else fileEntities(extractFacts(parseDocument(path, text)), text, path, (entities = []));
    read.set(path, { text, entities });
    for (const e of entities) out.push(e);
  }
  previous = read;
  return out;
}

function asObject(node: Node | null | undefined): ObjectNode | undefined {
  return node && node.type === 'object' ? node : undefined;
}

function itemsOf(node: Node | null | undefined): Node[] {
  return node && node.type === 'array' ? node.items : [];
}

/** The bot's settings (`bot.*`, `include`, `release.*`) and its locales. */
function manifestEntities(facts: DocFacts, text: string, file: string, out: SemanticEntity[]): void {
  const bot = asObject(facts.manifest.botProp?.value);
  for (const p of bot?.properties ?? []) {
    if (p.key === 'locales') continue;
    out.push({ kind: 'setting', name: `bot.${p.key}`, file, value: canonicalNode(p.value, { text }) });
  }
  for (const l of facts.manifest.locales) out.push({ kind: 'locale', name: l.text, file, value: '' });
  const include = facts.manifest.includeProp;
  // The globs are a set: their order changes nothing.
  if (include) out.push({ kind: 'setting', name: 'include', file, value: canonicalNode(include.value, { text, unordered: () => true }) });
  const release = facts.sections.get('release');
  if (release) {
    const obj = asObject(release.value);
    if (!obj) out.push({ kind: 'setting', name: 'release', file, value: canonicalNode(release.value, { text }) });
    for (const p of obj?.properties ?? []) {
      out.push({ kind: 'setting', name: `release.${p.key}`, file, value: canonicalNode(p.value, { text, unordered: (path) => p.key === 'keep' && path.length === 0 }) });
    }
  }
}

/**
 * A mapping locale → a text or a list of variants (a response, a prompt): one text and a
 * list of it say the same, and variants are picked from, so their order is no change.
 */
function variants(node: Node | null | undefined, text: string): string {
  const obj = asObject(node);
  if (!obj) return canonicalNode(node, { text });
  return canonicalObject(
    obj.properties.map((p) => {
      const v = p.value;
      if (v && v.type === 'scalar' && typeof v.value === 'string') return [p.key, canonicalArray([JSON.stringify(v.value)])] as const;
      if (v && v.type === 'array') return [p.key, canonicalArray(v.items.map((i) => canonicalNode(i, { text })), true)] as const;
      return [p.key, canonicalNode(v, { text })] as const;
    }),
  );
}

/** An object's canonical value without some keys, and with some keys read their own way. */
function objectValue(obj: ObjectNode, text: string, omit: readonly string[], own: Readonly<Record<string, (n: Node | null) => string>> = {}): string {
  const pairs: [string, string][] = [];
  for (const p of obj.properties) {
    if (omit.includes(p.key)) continue;
    const read = Object.prototype.hasOwnProperty.call(own, p.key) ? own[p.key] : undefined;
    pairs.push([p.key, read ? read(p.value) : canonicalNode(p.value, { text })]);
  }
  return canonicalObject(pairs);
}

/** What one file defines, wherever in the bot it is. */
function fileEntities(facts: DocFacts, text: string, file: string, out: SemanticEntity[]): void {
  const prompt = { prompt: (n: Node | null) => variants(n, text) };
  for (const intent of facts.intents) {
    const name = intent.def.name;
    out.push({ kind: 'intent', name, file, value: objectValue(intent.node, text, ['name', 'utterances', 'slots']) });
    for (const entry of intent.utterances?.entries ?? []) {
      for (const t of entry.texts) out.push({ kind: 'utterance', name: t.text, parent: name, locale: entry.locale, file, value: '' });
    }
    for (const item of itemsOf(getProperty(intent.node, 'slots')?.value)) {
      const slot = asObject(item);
      const slotName = slot && stringValue(getProperty(slot, 'name')?.value);
      if (!slot || slotName === undefined) continue;
      out.push({ kind: 'slot', name: slotName, parent: name, file, value: objectValue(slot, text, ['name'], prompt) });
    }
  }

  const synonyms = {
    synonyms: (n: Node | null) => canonicalNode(n, { text, unordered: (path) => path.length === 1 }),
  };
  for (const item of itemsOf(facts.sections.get('slotTypes')?.value)) {
    const type = asObject(item);
    const typeName = type && stringValue(getProperty(type, 'name')?.value);
    if (!type || typeName === undefined) continue;
    out.push({ kind: 'entity', name: typeName, file, value: objectValue(type, text, ['name', 'values']) });
    for (const v of itemsOf(getProperty(type, 'values')?.value)) {
      const value = asObject(v);
      const valueName = value && stringValue(getProperty(value, 'value')?.value);
      if (!value || valueName === undefined) continue;
      out.push({ kind: 'entity-value', name: valueName, parent: typeName, file, value: objectValue(value, text, ['value'], synonyms) });
    }
  }

  for (const p of asObject(facts.sections.get('responses')?.value)?.properties ?? []) {
    out.push({ kind: 'response', name: p.key, file, value: variants(p.value, text) });
  }

  for (const [section, kind] of [
    ['functions', 'webhook'],
    ['flows', 'flow'],
  ] as const) {
    for (const item of itemsOf(facts.sections.get(section)?.value)) {
      const obj = asObject(item);
      const name = obj && stringValue(getProperty(obj, 'name')?.value);
      if (!obj || name === undefined) continue;
      out.push({ kind, name, file, value: objectValue(obj, text, ['name']) });
    }
  }

  for (const p of asObject(facts.sections.get('variables')?.value)?.properties ?? []) {
    // A plain value is the variable's value in every environment: its default.
    const obj = asObject(p.value);
    const value = obj ? objectValue(obj, text, []) : canonicalObject([['default', canonicalNode(p.value, { text })]]);
    out.push({ kind: 'variable', name: p.key, file, value });
  }
}
