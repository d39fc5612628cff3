// The outline of a Lex V2 file: an intent with its sample utterances, slot priorities and
// next steps; a slot; a slot type with its values.
import type { DocumentSymbol, WorkspaceView } from '../../../definitions/index';
import { contextOf } from './locate';

export function documentSymbols(ws: WorkspaceView, file: string): DocumentSymbol[] {
  const ctx = contextOf(ws, file);
  const f = ctx ? ctx.bot.docs.get(file)?.facts : undefined;
  if (!ctx || !f?.root || !f.name) return [];
  const sym = (name: string, kind: string, s: { start: number; end: number }, children: DocumentSymbol[] = [], detail?: string): DocumentSymbol => ({
    name,
    kind,
    start: s.start,
    end: s.end,
    selectionStart: s.start,
    selectionEnd: s.end,
    children,
    ...(detail ? { detail } : {}),
  });
  const kind = ctx.place.kind === 'slotType' ? 'slotType' : ctx.place.kind === 'slot' ? 'slot' : ctx.place.kind === 'intent' ? 'intent' : 'section';
  const children: DocumentSymbol[] = [];
  if (f.utterancesProperty && f.utterances.length) children.push(sym('sampleUtterances', 'section', f.utterancesProperty, f.utterances.map((u) => sym(u.text, 'key', u)), `${f.utterances.length}`));
  if (f.slotPrioritiesProperty && f.slotPriorities.length) children.push(sym('slotPriorities', 'section', f.slotPrioritiesProperty, f.slotPriorities.flatMap((p) => (p.slotName ? [sym(p.slotName.text, 'slot', p.slotName)] : []))));
  for (const v of f.values) if (v.value) children.push(sym(v.value.text, 'key', v.value, [], v.synonyms.map((s) => s.text).join(', ')));
  for (const step of f.nextSteps) children.push(sym(step.key, 'key', step, [], [step.action?.text, step.intent?.text, step.slotToElicit?.text].filter(Boolean).join(' ')));
  return [sym(f.name.text, kind, { start: f.root.start, end: f.root.end }, children, ctx.place.locale)].map((s) => ({ ...s, selectionStart: f.name!.start, selectionEnd: f.name!.end }));
}
