// Go to definition and find references in a PolyAI project, for every reference kind: from
// {{fn:x}} to functions/x.py's def, {{ft:x}} to the flow's function, {{entity:}}, {{attr:}},
// {{twilio_sms:}}, {{ho:}}, {{tn:}} to their item in config/, {{vrbl:}} to the code that sets
// the variable, a flow's start_step and a condition's child_step (and goto_step) to the step,
// goto_flow to the flow, a test's variant and function assertions to their definitions.
import type { Location, WorkspaceView } from '../../../definitions/index';
import { definitionsOf, placeAt, usesOf } from './locate';

export function findDefinition(ws: WorkspaceView, file: string, offset: number): Location[] {
  const at = placeAt(ws, file, offset);
  if (!at) return [];
  return definitionsOf(at.project, at.place).map((d) => ({ file: d.file, start: d.start, end: d.end }));
}

export function findReferences(ws: WorkspaceView, file: string, offset: number, includeDeclaration = true): Location[] {
  const at = placeAt(ws, file, offset);
  if (!at) return [];
  const out = [...(includeDeclaration ? definitionsOf(at.project, at.place) : []), ...usesOf(at.project, at.place)];
  const rank = new Map(at.project.files.map((f, i) => [f, i]));
  const seen = new Set<string>();
  return out
    .filter((l) => {
      const k = `${l.file}\0${l.start}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) || a.start - b.start)
    .map((l) => ({ file: l.file, start: l.start, end: l.end }));
}
