// Go to definition and find references in a CX agent: a route's intent goes to the intent's
// metadata file, a `targetPage` to the page, a `targetFlow` or agent.json's start flow to the
// flow, a route group, webhook or `@entity type` to its file, a phrase part's parameter to
// the intent's parameter; references list every use across the package.
import type { Location, WorkspaceView } from '../../../definitions/index';
import { at, definitionSpan, usesOf } from './locate';

export function findDefinition(ws: WorkspaceView, file: string, offset: number): Location[] {
  const a = at(ws, file, offset);
  if (!a) return [];
  if (a.parameter) return [{ file: a.parameter.file, start: a.parameter.id.start, end: a.parameter.id.end }];
  const out: Location[] = [];
  for (const r of a.resources) {
    const d = definitionSpan(a.bot, r);
    if (d) out.push(d);
  }
  return out;
}

export function findReferences(ws: WorkspaceView, file: string, offset: number, includeDeclaration = true): Location[] {
  const a = at(ws, file, offset);
  if (!a || a.builtin) return [];
  const out: Location[] = [];
  if (includeDeclaration) {
    if (a.parameter) out.push({ file: a.parameter.file, start: a.parameter.id.start, end: a.parameter.id.end });
    else for (const r of a.resources) {
      const d = definitionSpan(a.bot, r);
      if (d) out.push({ file: d.file, start: d.start, end: d.end });
    }
  }
  for (const u of usesOf(a.bot, a.resources, a.parameter)) out.push({ file: u.file, start: u.ref.start, end: u.ref.end });
  return out;
}
