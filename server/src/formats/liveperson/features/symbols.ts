// The outline of a LivePerson bot: each dialog (by name, fallback dialogs last) with its interactions in
// chain order — the dialog starter, then each next interaction — and the API integrations.
// A dialog's range spans its own object and its interactions' (they lie apart in the file).
import type { DocumentSymbol, WorkspaceView } from '../../../definitions/index';
import type { LpInteraction } from '../facts';
import { dialogLabel, labelOf } from '../model';
import { livePersonBot } from './locate';

function interactionSymbol(it: LpInteraction): DocumentSymbol {
  const sel = it.name ?? it.id ?? it.node;
  return { name: labelOf(it), kind: 'interaction', detail: it.type?.text ?? '', start: it.node.start, end: it.node.end, selectionStart: sel.start, selectionEnd: sel.end, children: [] };
}

export function documentSymbols(ws: WorkspaceView, file: string): DocumentSymbol[] {
  const bot = livePersonBot(ws, file);
  if (!bot) return [];
  const out: DocumentSymbol[] = [];
  // By name (an export's order is by id, which means nothing to people), fallback dialogs last.
  const dialogs = [...bot.facts.dialogs].sort((a, b) => (a.type?.text === 'FALLBACK_DIALOG' ? 1 : 0) - (b.type?.text === 'FALLBACK_DIALOG' ? 1 : 0) || dialogLabel(a).localeCompare(dialogLabel(b)));
  for (const d of dialogs) {
    const chain = d.id ? (bot.chains.get(d.id.text) ?? []) : [];
    const children = chain.map(interactionSymbol);
    const sel = d.name ?? d.id ?? d.node;
    let start = d.node.start;
    let end = d.node.end;
    for (const c of children) {
      start = Math.min(start, c.start);
      end = Math.max(end, c.end);
    }
    out.push({ name: dialogLabel(d), kind: 'dialog', detail: `${d.type?.text === 'FALLBACK_DIALOG' ? 'fallback · ' : ''}${children.length} interaction${children.length === 1 ? '' : 's'}`, start, end, selectionStart: sel.start, selectionEnd: sel.end, children });
  }
  const responders = bot.facts.responders;
  if (responders.length) {
    const p = bot.facts.root?.properties.find((x) => x.key === 'responder');
    const children = responders.map((r) => {
      const sel = r.name ?? r.id ?? r.node;
      return { name: r.name?.text ?? r.id?.text ?? 'integration', kind: 'integration', detail: r.type?.text ?? '', start: r.node.start, end: r.node.end, selectionStart: sel.start, selectionEnd: sel.end, children: [] };
    });
    if (p) out.push({ name: 'API integrations', kind: 'section', detail: `${children.length}`, start: p.start, end: p.end, selectionStart: p.keyStart, selectionEnd: p.keyEnd, children });
  }
  return out;
}
