// Completion: names where the format expects them (intents in triggers, responses in say
// steps, slots in {placeholders}, …), locales and environments as keys, and the format's
// own keys with their descriptions.
import { nativeBotOf } from '../model/bot';
import type { CompletionItem, CompletionResult } from '../../../definitions/features/types';
import type { NativeBot } from '../model/bot';
import { namesOf } from '../model/bot';
import { BUILTIN_SLOT_TYPES, EVENTS } from '../model/builtins';
import type { SymbolKind } from '../../../definitions/model/symbols';
import type { WorkspaceView } from '../../../definitions/features/types';
import type { ParsedDocument } from '../../../definitions/parse/document';
import { getValue, nodeAt, pathOf, stringValue } from '../../../definitions/parse/tree';
import type { Node, PathSegment } from '../../../definitions/parse/tree';
import { branchFor, schemaAt } from '../schema/schema';
import { cursorContext } from './context';




const EMPTY = (offset: number): CompletionResult => ({ items: [], start: offset, end: offset });

/** Completion items at an offset of a bot file. */
export function complete(ws: WorkspaceView, file: string, offset: number): CompletionResult {
  // Files that belong to no bot are someone else's YAML or JSON: nothing to offer.
  const bot = nativeBotOf(ws, file);
  const doc = bot && ws.getDocument(file);
  if (!doc) return EMPTY(offset);
  const placeholder = placeholderCompletion(doc, bot, offset);
  if (placeholder) return placeholder;
  const ctx = cursorContext(doc, offset);
  if (ctx.kind === 'none') return EMPTY(offset);
  const json = doc.format !== 'yaml';
  if (ctx.kind === 'key') {
    const items = keyItems(doc, bot, ctx.path, new Set(ctx.object?.properties.map((p) => p.key) ?? []), ws);
    const quotedAlready = json && doc.text[ctx.start - 1] === '"';
    for (const it of items) {
      if (json && !quotedAlready) it.insertText = JSON.stringify(it.label);
      else if (!json && it.kind === 'key') it.insertText = `${it.label}: `;
    }
    return { items, start: ctx.start, end: ctx.end };
  }
  const items = valueItems(doc, bot, ctx.path);
  if (json && !ctx.quoted) for (const it of items) if (it.kind !== 'value') it.insertText = JSON.stringify(it.label);
  return { items, start: ctx.start, end: ctx.end };
}

/** `{sl|` in a text → the slots that fit; `${VA|` → variables. */
function placeholderCompletion(doc: ParsedDocument, bot: NativeBot | undefined, offset: number): CompletionResult | undefined {
  const text = doc.text;
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(Math.max(lineStart, offset - 200), offset);
  const m = /(\$?)\{([A-Za-z0-9_]*)$/.exec(before);
  if (!m || !bot) return undefined;
  const hit = nodeAt(doc.root, offset);
  // Inside a key or a structural position this is YAML/JSON syntax, not a placeholder.
  if (hit?.keyOf || (hit && hit.node.type !== 'scalar' && doc.format !== 'yaml')) return undefined;
  const start = offset - m[2]!.length;
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_]/.test(text[end]!)) end++;
  if (m[1]) {
    const items = namesOf(bot, 'variable').map((name) => ({ label: name, kind: 'variable' as const, detail: 'variable' }));
    return { items, start, end };
  }
  const path = hit ? pathOf(hit.node) : [];
  let slots: { name: string; intent: string }[] = [];
  if (path[0] === 'intents' && typeof path[1] === 'number') {
    const intentNode = getValue(doc.root, 'intents');
    const item = intentNode && intentNode.type === 'array' ? intentNode.items[path[1]] : undefined;
    const name = stringValue(getValue(item, 'name'));
    if (name) slots = [...(bot.slotsByIntent.get(name)?.keys() ?? [])].map((s) => ({ name: s, intent: name }));
  } else {
    const seen = new Set<string>();
    for (const [intent, map] of bot.slotsByIntent) for (const s of map.keys()) if (!seen.has(s)) { seen.add(s); slots.push({ name: s, intent }); }
  }
  return { items: slots.map((s) => ({ label: s.name, kind: 'slot' as const, detail: `slot of ${s.intent}` })), start, end };
}

function symbolItems(bot: NativeBot | undefined, kind: SymbolKind, exclude?: string): CompletionItem[] {
  if (!bot) return [];
  return namesOf(bot, kind)
    .filter((n) => n !== exclude)
    .map((name) => {
      const d = bot.defs.get(`${kind}:${name}`)![0]!;
      const rel = bot.dir === '' ? d.file : d.file.slice(bot.dir.length + 1);
      return { label: name, kind, detail: `${kind === 'slotType' ? 'slot type' : kind} · ${rel}` };
    });
}

function nodeAtPath(root: Node | null, path: readonly PathSegment[]): Node | undefined {
  let n: Node | null | undefined = root;
  for (const seg of path) {
    if (!n) return undefined;
    if (typeof seg === 'number') n = n.type === 'array' ? n.items[seg] : undefined;
    else n = getValue(n, seg);
  }
  return n ?? undefined;
}

function valueItems(doc: ParsedDocument, bot: NativeBot | undefined, path: PathSegment[]): CompletionItem[] {
  const last = path[path.length - 1];
  const inFlow = path[0] === 'flows' && typeof path[1] === 'number';
  if (last === 'intent' && path[path.length - 2] === 'trigger') return symbolItems(bot, 'intent');
  if (last === 'event' && path[path.length - 2] === 'trigger') return [...EVENTS].map(([label, doc]) => ({ label, kind: 'event' as const, documentation: doc }));
  if (inFlow && last === 'ask') {
    const items = symbolItems(bot, 'slot');
    const intent = stringValue(nodeAtPath(doc.root, [path[0]!, path[1]!, 'trigger', 'intent']));
    const own = intent && bot ? bot.slotsByIntent.get(intent) : undefined;
    // The flow's own intent's slots first.
    for (const it of items) it.sortText = own?.has(it.label) ? `0${it.label}` : `1${it.label}`;
    return items;
  }
  if (inFlow && (last === 'say' || (last === 'message' && path[path.length - 2] === 'handoff'))) return symbolItems(bot, 'response');
  if (inFlow && last === 'call') return symbolItems(bot, 'function');
  if (inFlow && last === 'goto') return symbolItems(bot, 'flow', stringValue(nodeAtPath(doc.root, [path[0]!, path[1]!, 'name'])));
  if (last === 'type' && path[path.length - 3] === 'slots') {
    return [...symbolItems(bot, 'slotType'), ...[...BUILTIN_SLOT_TYPES].map(([label, d]) => ({ label, kind: 'slotType' as const, detail: 'built-in slot type', documentation: d, sortText: `z${label}` }))];
  }
  if (path.length === 2 && path[0] === 'bot' && last === 'defaultLocale') return (bot?.locales ?? []).map((l) => ({ label: l, kind: 'locale' as const }));
  const schema = schemaAt(path);
  if (!schema) return [];
  if (schema.enum) return schema.enum.map((v) => ({ label: String(v), kind: 'value' as const, ...(schema.description ? { documentation: schema.description } : {}) }));
  if (schema.const !== undefined) return [{ label: String(schema.const), kind: 'value' }];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 1 && types[0] === 'boolean') return [{ label: 'true', kind: 'value' }, { label: 'false', kind: 'value' }];
  return [];
}

function keyItems(doc: ParsedDocument, bot: NativeBot | undefined, path: PathSegment[], present: Set<string>, ws: WorkspaceView): CompletionItem[] {
  const last = path[path.length - 1];
  const localeKeyed =
    last === 'utterances' || last === 'prompt' || last === 'synonyms' || (path.length === 2 && path[0] === 'responses');
  if (localeKeyed) {
    return (bot?.locales ?? []).filter((l) => !present.has(l)).map((l) => ({ label: l, kind: 'locale' as const, detail: l === bot?.defaultLocale ? 'default locale' : 'locale' }));
  }
  if (path.length === 3 && path[0] === 'variables' && last === 'environments') {
    return ws.resolvedOptions.environments.filter((e) => !present.has(e)).map((e) => ({ label: e, kind: 'key' as const, detail: 'environment of the pipeline' }));
  }
  if (path.length === 1 && (path[0] === 'responses' || path[0] === 'variables') && bot) {
    // Names that are used but not yet defined: the likeliest ones to define next.
    const kind = path[0] === 'responses' ? 'response' : 'variable';
    const missing = new Set<string>();
    for (const r of bot.refs) if (r.kind === kind && !bot.defs.has(`${kind}:${r.name}`)) missing.add(r.name);
    return [...missing].filter((n) => !present.has(n)).map((n) => ({ label: n, kind, detail: `used but not defined yet` }));
  }
  const schema = schemaAt(path);
  if (!schema) return [];
  const obj = branchFor(schema, 'object');
  const isManifest = bot?.manifest === doc.path;
  const out: CompletionItem[] = [];
  for (const [key, s] of Object.entries(obj.properties ?? {})) {
    if (present.has(key) || key === '$schema') continue;
    if (path.length === 0 && !isManifest && (key === 'bot' || key === 'include' || key === 'release')) continue;
    const required = obj.required?.includes(key);
    const d = s.description ?? (s.$ref ? schemaAt([...path, key])?.description : undefined);
    out.push({ label: key, kind: 'key', ...(d ? { documentation: d } : {}), ...(required ? { detail: 'required' } : {}), sortText: `${required ? 0 : 1}${key}` });
  }
  return out;
}
