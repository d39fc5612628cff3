// Go to definition and find references.
import type { Location } from '../../../definitions/features/types';
import type { WorkspaceView } from '../../../definitions/features/types';
import { definitionsFor, symbolAt } from './locate';


/** Where the name at an offset is defined (empty for built-ins, events and unknown names). */
export function findDefinition(ws: WorkspaceView, file: string, offset: number): Location[] {
  const at = symbolAt(ws, file, offset);
  if (!at) return [];
  return definitionsFor(at).map((d) => ({ file: d.file, start: d.start, end: d.end, fullStart: d.fullStart, fullEnd: d.fullEnd }));
}

/** Every use of the name at an offset across the bot's files, with its definitions when asked. */
export function findReferences(ws: WorkspaceView, file: string, offset: number, includeDeclaration = true): Location[] {
  const at = symbolAt(ws, file, offset);
  if (!at) return [];
  const key = `${at.kind}:${at.name}`;
  const out: Location[] = [];
  if (includeDeclaration) for (const d of at.bot.defs.get(key) ?? []) out.push({ file: d.file, start: d.start, end: d.end });
  for (const r of at.bot.refsByKey.get(key) ?? []) out.push({ file: r.file, start: r.start, end: r.end });
  const rank = new Map(at.bot.files.map((f, i) => [f, i]));
  return out.sort((a, b) => (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) || a.start - b.start);
}
