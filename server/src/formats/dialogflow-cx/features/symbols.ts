// The outline of a CX file: the resource it defines, with its routes and event handlers
// (by intent or condition and target), its form or intent parameters, and its training
// phrases or entity entries.
import type { DocumentSymbol, WorkspaceView } from '../../../definitions/index';
import type { RouteFact } from '../facts';
import { cxFile } from './locate';

function routeName(r: RouteFact): string {
  const on = r.kind === 'event' ? `event ${r.event?.text ?? '?'}` : r.intent ? `intent ${r.intent.text}` : r.condition ? `condition ${r.condition.text}` : 'route';
  const to = r.targetPage ? ` → ${r.targetPage.text}` : r.targetFlow ? ` ⇒ flow ${r.targetFlow.text}` : '';
  return on + to;
}

export function documentSymbols(ws: WorkspaceView, file: string): DocumentSymbol[] {
  const f = cxFile(ws, file);
  if (!f || !f.facts.top) return [];
  const { facts } = f;
  const top = facts.top!;
  const children: DocumentSymbol[] = [];
  for (const r of facts.routes)
    children.push({ name: routeName(r), kind: r.kind === 'event' ? 'event' : 'step', start: r.node.start, end: r.node.end, selectionStart: r.node.start, selectionEnd: r.node.start + 1, children: [] });
  for (const p of facts.parameters)
    children.push({ name: p.id.text, kind: 'slot', detail: p.entityType?.text, start: p.node.start, end: p.node.end, selectionStart: p.id.start, selectionEnd: p.id.end, children: [] });
  for (const ph of facts.phrases) children.push({ name: ph.text, kind: 'key', start: ph.start, end: ph.end, selectionStart: ph.start, selectionEnd: ph.start + 1, children: [] });
  for (const e of facts.entries)
    children.push({ name: e.value.text, kind: 'key', detail: e.synonyms.map((s) => s.text).join(', '), start: e.value.start, end: e.value.end, selectionStart: e.value.start, selectionEnd: e.value.end, children: [] });
  children.sort((a, b) => a.start - b.start);
  const KINDS: Record<string, string> = { intent: 'intent', entityType: 'entity', flow: 'flow', page: 'flow', webhook: 'function', agent: 'section' };
  const name = facts.displayName?.text ?? facts.place.name ?? f.bot.rel.get(f.path) ?? file;
  return [
    {
      name,
      kind: KINDS[facts.place.role] ?? 'section',
      detail: facts.place.role,
      start: top.start,
      end: top.end,
      selectionStart: facts.displayName?.start ?? top.start,
      selectionEnd: facts.displayName?.end ?? top.start + 1,
      children,
    },
  ];
}
