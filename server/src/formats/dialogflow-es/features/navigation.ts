// Go to definition and find references in an ES agent: an `@entity` goes to the entity's
// file, an `alias` or a `$parameter` to the intent's parameter, an input context to the
// intents that set it, a follow-up's `parentId` to its parent intent.
import type { Location, WorkspaceView } from '../../../definitions/index';
import { useAt, usesOf } from './locate';

export function findDefinition(ws: WorkspaceView, file: string, offset: number): Location[] {
  const at = useAt(ws, file, offset);
  if (!at) return [];
  return usesOf(at.bot, at.use.target)
    .filter((u) => u.def)
    .map((u) => ({ file: u.file, start: u.start, end: u.end }));
}

export function findReferences(ws: WorkspaceView, file: string, offset: number, includeDeclaration = true): Location[] {
  const at = useAt(ws, file, offset);
  if (!at) return [];
  return usesOf(at.bot, at.use.target)
    .filter((u) => includeDeclaration || !u.def)
    .map((u) => ({ file: u.file, start: u.start, end: u.end }));
}
