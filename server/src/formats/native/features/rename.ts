// Rename a name across every file of its bot, after checking the new name.
import type { PrepareRenameResult, RenameResult } from '../../../definitions/features/types';
import { BUILTIN_SLOT_TYPES } from '../model/builtins';
import { KIND_WORDS } from '../../../definitions/model/symbols';
import type { SymbolKind } from '../../../definitions/model/symbols';
import type { WorkspaceView } from '../../../definitions/features/types';
import { schemaAt } from '../schema/schema';
import { requote } from '../../../definitions/text/didYouMean';
import type { FileEdit } from '../../../definitions/types';
import { symbolAt } from './locate';


const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const VARIABLE = /^[A-Z_][A-Z0-9_]*$/;

function validate(kind: SymbolKind, name: string): string | undefined {
  if (kind === 'variable') return VARIABLE.test(name) ? undefined : 'A variable name is upper case letters, digits and underscores (API_URL).';
  if (kind === 'locale') {
    const pattern = schemaAt(['bot', 'locales', 0])?.pattern;
    return pattern && new RegExp(pattern).test(name) ? undefined : 'A locale is a BCP 47 tag, such as en-US.';
  }
  if (!NAME.test(name)) return 'A name starts with a letter and holds only letters, digits and underscores.';
  if (name.length > 100) return 'A name is at most 100 characters long.';
  return undefined;
}

/** Whether the name at an offset can be renamed, and the span to edit. */
export function prepareRename(ws: WorkspaceView, file: string, offset: number): PrepareRenameResult {
  const at = symbolAt(ws, file, offset);
  if (!at) return { error: 'There is no name here to rename. Put the cursor on an intent, slot, response, flow, function, slot type, variable or locale.' };
  if (at.kind === 'event') return { error: `The event ${at.name} is built in and cannot be renamed.` };
  if (at.kind === 'slotType' && BUILTIN_SLOT_TYPES.has(at.name)) return { error: `${at.name} is a built-in slot type and cannot be renamed.` };
  if (!at.bot.defs.has(`${at.kind}:${at.name}`)) return { error: `The ${KIND_WORDS[at.kind]} "${at.name}" is not defined, so there is nothing to rename. Define it first.` };
  const text = at.doc.doc.text;
  const quoted = text[at.start] === '"' || text[at.start] === "'";
  return quoted ? { start: at.start + 1, end: at.end - 1, placeholder: at.name } : { start: at.start, end: at.end, placeholder: at.name };
}

/** The edits that rename the name at an offset to `newName` in every file of the bot. */
export function rename(ws: WorkspaceView, file: string, offset: number, newName: string): RenameResult {
  const prep = prepareRename(ws, file, offset);
  if ('error' in prep) return prep;
  const at = symbolAt(ws, file, offset)!;
  if (newName === at.name) return { edits: [] };
  const bad = validate(at.kind, newName);
  if (bad) return { error: `"${newName}" is not a valid ${KIND_WORDS[at.kind]} name. ${bad}` };
  const key = `${at.kind}:${at.name}`;
  const newKey = `${at.kind}:${newName}`;
  if (at.kind === 'slot') {
    // Slots are named per intent: refuse only where one intent would end up with two.
    const intents = new Set((at.bot.defs.get(key) ?? []).map((d) => d.container));
    const clash = (at.bot.defs.get(newKey) ?? []).find((d) => intents.has(d.container));
    if (clash) return { error: `The intent ${clash.container} already has a slot "${newName}". Pick another name.` };
  } else if (at.bot.defs.has(newKey)) {
    return { error: `The bot already has a ${KIND_WORDS[at.kind]} "${newName}". Pick another name, or merge the two by hand.` };
  }
  const edits: FileEdit[] = [];
  const spans = [...(at.bot.defs.get(key) ?? []), ...(at.bot.refsByKey.get(key) ?? [])];
  for (const s of spans) {
    const text = at.bot.docs.get(s.file)!.doc.text;
    edits.push({ file: s.file, start: s.start, end: s.end, newText: requote(text, s.start, s.end, newName) });
  }
  return { edits: edits.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start)) };
}
