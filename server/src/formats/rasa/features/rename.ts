// Rename an intent, entity, slot, form, response, action or flow across every file of the
// project: domain, training data, tests and flows. A form or a response is renamed wherever
// it is named as an action too. A retrieval name renames its base: the intent `faq` and with
// it `faq/ask_x` in nlu, `utter_faq/ask_x` and `utter_faq`; on the part after the slash, the
// sub-intent in nlu and its response together. Conventions (`utter_ask_<slot>`,
// `validate_<form>`) are names of their own and are left alone.
import type { FileEdit, PrepareRenameResult, RenameResult, SymbolKind, WorkspaceView } from '../../../definitions/index';
import { KIND_WORDS, symbolKey } from '../../../definitions/model/symbols';
import { requote } from '../../../definitions/text/didYouMean';
import { DEFAULT_ACTION_RESPONSES, PATTERN_RESPONSES } from '../builtins';
import type { RasaBot } from '../model';
import type { FileSpan, SymbolAt, Target } from './locate';
import { definitionsOf, isActionKind, isBuiltin, referencesOf, retrievalIndex, subIntentsOf, symbolAt } from './locate';
import { sortSpans } from './navigation';

/** Names Rasa reads safely everywhere: in YAML, in `[text](entity)` annotations, in `/intent` payloads and in flows. */
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Flow ids, as the flows schema has them. */
const FLOW_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

const RENAMEABLE: ReadonlySet<SymbolKind> = new Set(['intent', 'entity', 'slot', 'form', 'response', 'action', 'flow']);

function validName(kind: SymbolKind, oldName: string, name: string): string | undefined {
  if (kind === 'flow') return FLOW_ID.test(name) ? undefined : 'A flow id starts with a letter or an underscore and holds only letters, digits and underscores.';
  if (!NAME.test(name)) return `A Rasa name starts with a letter or an underscore and holds only letters, digits, underscores and hyphens${name.includes('/') ? ' (a slash makes a retrieval intent: rename its base or its sub-intent)' : ''}.`;
  if (kind === 'response' && oldName.startsWith('utter_') && !name.startsWith('utter_')) return 'A response name starts with utter_ (Rasa treats any other name as a custom action).';
  return undefined;
}

/** What a rename at the cursor renames: a target, or a retrieval base or sub-intent. */
type Plan =
  | { kind: 'target'; target: Target; start: number; end: number; placeholder: string }
  | { kind: 'base'; intent: string; start: number; end: number }
  | { kind: 'sub'; intent: string; sub: string; start: number; end: number };

function inner(at: SymbolAt): { start: number; end: number } {
  const text = at.doc.doc.text;
  const q = text[at.start];
  return (q === '"' || q === "'") && text[at.end - 1] === q && at.end - at.start >= 2 ? { start: at.start + 1, end: at.end - 1 } : { start: at.start, end: at.end };
}

function plan(ws: WorkspaceView, file: string, offset: number): Plan | { error: string } {
  const at = symbolAt(ws, file, offset);
  if (!at) return { error: 'There is no name here to rename. Put the cursor on an intent, entity, slot, form, response, action or flow.' };
  const { bot } = at;
  if (at.retrieval) {
    const r = at.retrieval;
    if (r.part === 'sub' && r.sub !== undefined) return { kind: 'sub', intent: r.intent, sub: r.sub, start: r.start, end: r.end };
    if (!bot.intents.has(r.intent) && !retrievalIndex(bot).responseSpans.has(r.intent)) return { error: `The retrieval intent "${r.intent}" is not declared, so there is nothing to rename. Add it to the domain under intents: first.` };
    return { kind: 'base', intent: r.intent, start: r.start, end: r.end };
  }
  const t = at.target;
  if (!RENAMEABLE.has(t.kind)) return { error: `A ${KIND_WORDS[t.kind]} name is only a label: nothing refers to it, so there is nothing to rename across files. Edit it in place.` };
  if (isBuiltin(t) && !definitionsOf(bot, t).length) return { error: `${t.name} is one of Rasa's defaults and cannot be renamed.` };
  if (t.kind === 'response' && (DEFAULT_ACTION_RESPONSES.has(t.name) || PATTERN_RESPONSES.has(t.name))) {
    return { error: `${t.name} is a response Rasa's ${PATTERN_RESPONSES.has(t.name) ? 'default patterns send' : 'default actions send'} by this name; renamed, they would no longer find it. Keep the name.` };
  }
  if (t.kind === 'flow' && isBuiltin(t)) return { error: `${t.name} overrides Rasa's default pattern of that name; renamed, it would override nothing. Keep the name.` };
  if (!definitionsOf(bot, t).length) return { error: `The ${KIND_WORDS[t.kind]} "${t.name}" is not defined in this project, so there is nothing to rename. Define it first.` };
  return { kind: 'target', target: t, ...inner(at), placeholder: t.name };
}

/** Whether the name at an offset can be renamed, and the span to edit. */
export function prepareRename(ws: WorkspaceView, file: string, offset: number): PrepareRenameResult {
  const p = plan(ws, file, offset);
  if ('error' in p) return p;
  const placeholder = p.kind === 'target' ? p.placeholder : p.kind === 'base' ? p.intent : p.sub;
  return { start: p.start, end: p.end, placeholder };
}

/** The edits that rename the name at an offset to `newName` in every file of the project. */
export function rename(ws: WorkspaceView, file: string, offset: number, newName: string): RenameResult {
  const p = plan(ws, file, offset);
  if ('error' in p) return p;
  const at = symbolAt(ws, file, offset)!;
  const bot = at.bot;
  if (p.kind === 'sub') return renameSub(bot, p.intent, p.sub, newName);
  const t: Target = p.kind === 'base' ? { kind: 'intent', name: p.intent } : p.target;
  if (newName === t.name) return { edits: [] };
  const bad = validName(t.kind, t.name, newName);
  if (bad) return { error: `"${newName}" is not a valid ${KIND_WORDS[t.kind]} name. ${bad}` };
  const clash = existing(bot, t.kind, newName);
  if (clash) return { error: `The project already has ${clash} "${newName}". Pick another name, or merge the two by hand.` };
  if (t.kind === 'intent') {
    // The intent's own uses (the base of nlu's faq/ask_x among them), and the base inside
    // its retrieval responses' names and in faq/ask_x written in stories.
    const spans = [...definitionsOf(bot, t), ...(bot.refsByKey.get(symbolKey('intent', t.name)) ?? [])];
    return { edits: sortEdits(bot, [...spans.map((s) => whole(bot, s, newName)), ...baseEdits(bot, t.name, newName)]) };
  }
  const spans = [...definitionsOf(bot, t), ...referencesOf(bot, t)];
  return { edits: sortEdits(bot, spans.map((s) => whole(bot, s, newName))) };
}

/** What already has the name `name` in the namespace of `kind`, in words, or undefined. */
function existing(bot: RasaBot, kind: SymbolKind, name: string): string | undefined {
  const has = (k: SymbolKind) => (bot.defs.get(symbolKey(k, name))?.length ?? 0) > 0;
  if (isActionKind(kind)) {
    if (has('response')) return 'a response';
    if (has('form')) return 'a form';
    if (has('action')) return 'an action';
    return isBuiltin({ kind: 'action', name }) ? 'the default action' : undefined;
  }
  if (has(kind)) return `${kind === 'intent' || kind === 'entity' ? 'an' : 'a'} ${KIND_WORDS[kind]}`;
  if (isBuiltin({ kind, name })) return `the default ${KIND_WORDS[kind]}`;
  if (kind === 'intent' && subIntentsOf(bot, name).length) return 'the retrieval intent';
  return undefined;
}

function textOf(bot: RasaBot, file: string): string {
  return bot.docs.get(file)!.doc.text;
}

/** The edit that replaces a whole name token, keeping its quotes. */
function whole(bot: RasaBot, s: FileSpan, name: string): FileEdit {
  return { file: s.file, start: s.start, end: s.end, newText: requote(textOf(bot, s.file), s.start, s.end, name) };
}

/** Edits of the part `from` … of a name token that starts with `prefix` then `old` (e.g. `faq` in `utter_faq/ask_x`). */
function partEdit(bot: RasaBot, s: FileSpan, prefix: string, old: string, name: string): FileEdit | undefined {
  const text = textOf(bot, s.file);
  const q = text[s.start] === '"' || text[s.start] === "'" ? 1 : 0;
  const at = s.start + q + prefix.length;
  if (text.slice(at, at + old.length) !== old) return undefined;
  return { file: s.file, start: at, end: at + old.length, newText: name };
}

/** The base `old` inside every retrieval response (`utter_old/x`, `utter_old`) and intent (`old/x` in stories). */
function baseEdits(bot: RasaBot, old: string, name: string): FileEdit[] {
  const rx = retrievalIndex(bot);
  const out: FileEdit[] = [];
  for (const s of rx.responseSpans.get(old) ?? []) {
    const e = partEdit(bot, s, 'utter_', old, name);
    if (e) out.push(e);
  }
  for (const s of rx.intentRefs.get(old) ?? []) {
    const e = partEdit(bot, s, '', old, name);
    if (e) out.push(e);
  }
  return out;
}

function renameSub(bot: RasaBot, intent: string, old: string, name: string): RenameResult {
  if (name === old) return { edits: [] };
  if (!NAME.test(name)) return { error: `"${name}" is not a valid name for a retrieval intent's part after the slash. It holds only letters, digits, underscores and hyphens.` };
  if (subIntentsOf(bot, intent).includes(name)) return { error: `The retrieval intent "${intent}/${name}" already exists. Pick another name, or merge the two by hand.` };
  const rx = retrievalIndex(bot);
  const full = `${intent}/${old}`;
  const edits: FileEdit[] = [];
  const subEdit = (s: FileSpan, prefix: string): void => {
    const e = partEdit(bot, s, `${prefix}${intent}/`, old, name);
    if (e) edits.push(e);
  };
  for (const n of rx.nluNames.get(full) ?? []) subEdit({ file: n.file, start: n.name.start, end: n.name.end }, '');
  for (const r of rx.fullIntentRefs.get(full) ?? []) subEdit(r, '');
  for (const s of rx.subSpans.get(full) ?? []) subEdit(s, 'utter_');
  if (!edits.length) return { error: `Nothing names the retrieval intent "${full}".` };
  return { edits: sortEdits(bot, edits) };
}

function sortEdits(bot: RasaBot, edits: FileEdit[]): FileEdit[] {
  return sortSpans(bot.files, edits).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}
