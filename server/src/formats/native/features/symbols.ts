// The outline of one file: its sections, and in each the intents (with their slots),
// slot types, responses, functions, flows and variables it defines.
import type { NativeDocument } from '../model/bot';
import { nativeBotOf } from '../model/bot';
import type { DocumentSymbol, OutlineKind } from '../../../definitions/features/types';
import type { WorkspaceView } from '../../../definitions/features/types';
import type { Definition } from '../../../definitions/model/symbols';
import type { Property } from '../../../definitions/parse/tree';



const SECTION_DETAIL: Record<string, string> = {
  intents: 'intents',
  slotTypes: 'slot types',
  responses: 'responses',
  functions: 'functions',
  flows: 'flows',
  variables: 'variables',
};

function fromDef(d: Definition, detail?: string, children: DocumentSymbol[] = []): DocumentSymbol {
  return {
    name: d.name,
    kind: d.kind as OutlineKind,
    ...(detail ? { detail } : {}),
    start: Math.min(d.fullStart, d.start),
    end: Math.max(d.fullEnd, d.end),
    selectionStart: d.start,
    selectionEnd: d.end,
    children,
  };
}

function section(p: Property, children: DocumentSymbol[]): DocumentSymbol {
  return { name: p.key, kind: 'section', detail: SECTION_DETAIL[p.key] ? `${children.length} ${SECTION_DETAIL[p.key]}` : '', start: p.start, end: p.end, selectionStart: p.keyStart, selectionEnd: p.keyEnd, children };
}

/** The hierarchical outline of a bot file (sections → definitions → slots). */
export function documentSymbols(ws: WorkspaceView, file: string): DocumentSymbol[] {
  const bd = nativeBotOf(ws, file) && (ws.botDocument(file) as NativeDocument | undefined);
  if (!bd) return [];
  const f = bd.facts;
  const out: DocumentSymbol[] = [];
  for (const p of f.sections.values()) {
    let children: DocumentSymbol[] = [];
    switch (p.key) {
      case 'intents':
        children = f.intents.map((i) =>
          fromDef(
            i.def,
            `${(i.utterances?.entries ?? []).reduce((n, e) => n + e.texts.length, 0)} utterances`,
            i.slots.map((s) => fromDef(s.def, s.type?.text)),
          ),
        );
        break;
      case 'slotTypes':
        children = f.slotTypes.map((s) => fromDef(s.def, `${s.values.length} values`));
        break;
      case 'responses':
        children = f.responses.map((r) => fromDef(r.def, r.map?.entries.map((e) => e.locale).join(', ')));
        break;
      case 'functions':
        children = f.functions.map((x) => fromDef(x.def));
        break;
      case 'flows':
        children = f.flows.map((x) => fromDef(x.def, x.trigger ? `${x.trigger.kind} ${x.trigger.item.text}` : undefined));
        break;
      case 'variables':
        children = f.variables.map((v) => fromDef(v.def));
        break;
      case 'bot':
        if (f.manifest.id) children = [{ name: f.manifest.id.text, kind: 'key', detail: 'id', start: f.manifest.id.start, end: f.manifest.id.end, selectionStart: f.manifest.id.start, selectionEnd: f.manifest.id.end, children: [] }];
        break;
    }
    out.push(section(p, children));
  }
  return out;
}
