// Go to definition and find references in a LivePerson bot: from a nextMessageId, a
// prevMessageId, a rule's next action or the name code jumps to, to the interaction; from a
// group or a DIALOG action to the dialog; from a responderId to the API integration; from an
// intentId to the associated intent. References are every place that names the same one.
import type { Location, WorkspaceView } from '../../../definitions/index';
import { definitionOf, idOf, resolve, symbolAt } from './locate';

/** Where the name or id at an offset is defined. */
export function findDefinition(ws: WorkspaceView, file: string, offset: number): Location[] {
  const at = symbolAt(ws, file, offset);
  if (!at) return [];
  const d = definitionOf(at.target);
  return d ? [{ file: at.bot.manifest, ...d }] : [];
}

/** Every place that names what is at an offset, with its definition when asked. */
export function findReferences(ws: WorkspaceView, file: string, offset: number, includeDeclaration = true): Location[] {
  const at = symbolAt(ws, file, offset);
  if (!at || at.target.kind === 'missing') return [];
  const id = idOf(at.target);
  const out: Location[] = [];
  if (includeDeclaration) {
    const d = definitionOf(at.target);
    if (d) out.push({ file: at.bot.manifest, start: d.start, end: d.end });
  }
  for (const u of at.bot.uses) {
    if (u.kind !== at.target.kind || u.id !== id) continue;
    const t = resolve(at.bot, u);
    if (t.kind === 'missing') continue;
    out.push({ file: at.bot.manifest, start: u.span.start, end: u.span.end });
  }
  return out;
}
