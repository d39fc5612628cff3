// Go to definition and find references in a Rasa project: a story step goes to the domain's
// response, action or form; an intent anywhere goes to the domain's declaration, and its
// references are the nlu items labelled with it, stories, rules, tests, slot mappings, forms'
// ignored_intents, button payloads and flows' nlu_triggers.
import type { Location, WorkspaceView } from '../../../definitions/index';
import type { FileSpan } from './locate';
import { definitionsOf, referencesOf, symbolAt } from './locate';

/** Where the name at an offset is defined (nothing for built-ins and unknown names). */
export function findDefinition(ws: WorkspaceView, file: string, offset: number): Location[] {
  const at = symbolAt(ws, file, offset);
  if (!at) return [];
  return definitionsOf(at.bot, at.target).map((d) => ({ file: d.file, start: d.start, end: d.end, fullStart: d.fullStart, fullEnd: d.fullEnd }));
}

/** Every use of the name at an offset across the project's files, with its definitions when asked. */
export function findReferences(ws: WorkspaceView, file: string, offset: number, includeDeclaration = true): Location[] {
  const at = symbolAt(ws, file, offset);
  if (!at) return [];
  const spans: FileSpan[] = [...(includeDeclaration ? definitionsOf(at.bot, at.target) : []), ...referencesOf(at.bot, at.target)];
  return sortSpans(at.bot.files, spans).map((s) => ({ file: s.file, start: s.start, end: s.end }));
}

/** Spans in the project's file order, then by offset, each once. */
export function sortSpans<T extends FileSpan>(files: readonly string[], spans: readonly T[]): T[] {
  const rank = new Map(files.map((f, i) => [f, i]));
  const seen = new Set<string>();
  const out: T[] = [];
  for (const s of spans) {
    const k = `${s.file}\0${s.start}\0${s.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out.sort((a, b) => (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) || a.start - b.start);
}
