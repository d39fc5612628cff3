// The outline of an ES file: an intent with its parameters and input and output contexts; a
// training phrases file's phrases; an entity; an entries file's values.
import type { DocumentSymbol, WorkspaceView } from '../../../definitions/index';
import { esFile } from './locate';

export function documentSymbols(ws: WorkspaceView, file: string): DocumentSymbol[] {
  const f = esFile(ws, file);
  if (!f) return [];
  const { facts } = f;
  const root = f.bot.docs.get(f.path)!.doc.root;
  if (!root) return [];
  const leaf = (name: string, kind: string, s: { start: number; end: number }, detail?: string): DocumentSymbol => ({ name, kind, detail, start: s.start, end: s.end, selectionStart: s.start, selectionEnd: s.end, children: [] });
  const children: DocumentSymbol[] = [];
  for (const p of facts.parameters) children.push({ ...leaf(p.name.text, 'slot', p.node, p.dataType?.text), selectionStart: p.name.start, selectionEnd: p.name.end });
  for (const c of facts.contexts) children.push(leaf(c.text, 'variable', c, 'input context'));
  for (const c of facts.affected) children.push(leaf(c.text, 'variable', c, 'output context'));
  for (const ph of facts.phrases) children.push(leaf(ph.text, 'key', ph));
  for (const e of facts.entries) children.push(leaf(e.value.text, 'key', e.value, e.synonyms.map((s) => s.text).join(', ')));
  children.sort((a, b) => a.start - b.start);
  const role = facts.place.role;
  const name = facts.name?.text ?? facts.place.name ?? f.bot.rel.get(f.path) ?? file;
  return [{ name, kind: role === 'intent' || role === 'usersays' ? 'intent' : role === 'entity' || role === 'entries' ? 'entity' : 'section', detail: role, start: root.start, end: root.end, selectionStart: facts.name?.start ?? root.start, selectionEnd: facts.name?.end ?? root.start + 1, children }];
}
