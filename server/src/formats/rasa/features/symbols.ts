// The outline of a Rasa file: a domain's sections (intents, entities, slots, forms,
// responses, actions) with their names; an nlu file's intents (with their example counts),
// synonyms, lookups and regexes; each story and rule by name; each flow with its steps; each
// end-to-end test case; a config's pipeline and policies.
import type { DocumentSymbol, OutlineKind, Property, WorkspaceView } from '../../../definitions/index';
import type { Spanned } from '../examples';
import type { RasaFacts } from '../facts';
import { asArray, prop, spanned } from '../facts';
import { rasaFile } from './locate';

interface Whole {
  start: number;
  end: number;
}

function sym(name: Spanned, kind: OutlineKind, whole: Whole, detail?: string, children: DocumentSymbol[] = []): DocumentSymbol {
  return {
    name: name.text,
    kind,
    ...(detail ? { detail } : {}),
    start: Math.min(whole.start, name.start),
    end: Math.max(whole.end, name.end),
    selectionStart: name.start,
    selectionEnd: name.end,
    children,
  };
}

const plural = (n: number, word: string): string => `${n} ${n === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;

function section(p: Property, children: DocumentSymbol[], word?: string): DocumentSymbol {
  return { name: p.key, kind: 'section', detail: word ? plural(children.length, word) : '', start: p.start, end: p.end, selectionStart: p.keyStart, selectionEnd: p.keyEnd, children };
}

/** The hierarchical outline of a Rasa file. */
export function documentSymbols(ws: WorkspaceView, file: string): DocumentSymbol[] {
  const rf = rasaFile(ws, file);
  if (!rf) return [];
  const f = rf.doc.facts;
  const out: DocumentSymbol[] = [];
  // Definitions by their name's offset: one lookup per entry.
  const defAt = new Map(f.defs.map((d) => [d.start, d]));
  const whole = (name: Spanned): Whole => {
    const d = defAt.get(name.start);
    return d ? { start: d.fullStart, end: d.fullEnd } : name;
  };
  for (const p of f.sections.values()) {
    switch (p.key) {
      case 'intents':
        out.push(section(p, f.intents.map((i) => sym(i.item, 'intent', whole(i.item), i.useEntities.length ? `uses ${i.useEntities.map((e) => e.text).join(', ')}` : undefined)), 'intent'));
        break;
      case 'entities':
        out.push(section(p, f.entities.map((e) => sym(e.item, 'entity', whole(e.item), e.roles.length ? `roles ${e.roles.map((r) => r.text).join(', ')}` : undefined)), 'entity'));
        break;
      case 'slots':
        out.push(section(p, f.slots.map((s) => sym(s.item, 'slot', whole(s.item), s.type?.text)), 'slot'));
        break;
      case 'forms':
        out.push(section(p, f.forms.map((x) => sym(x.item, 'form', whole(x.item), plural(x.requiredSlots.length, 'required slot'))), 'form'));
        break;
      case 'responses':
        out.push(section(p, f.responses.map((r) => sym(r.item, 'response', whole(r.item), plural(r.variations.length, 'variation'))), 'response'));
        break;
      case 'actions':
        out.push(section(p, f.actions.map((a) => sym(a, 'action', whole(a))), 'action'));
        break;
      case 'nlu':
        out.push(section(p, nluSymbols(f), 'item'));
        break;
      case 'stories':
      case 'rules': {
        const kind = p.key === 'stories' ? 'story' : 'rule';
        const items = f.stories.filter((s) => s.kind === kind).map((s) => sym(s.name, kind, s.node, plural(s.steps.length, 'step')));
        out.push(section(p, items, kind === 'story' ? 'story' : 'rule'));
        break;
      }
      case 'flows':
        out.push(
          section(
            p,
            f.flows.map((fl) =>
              sym(
                fl.id,
                'flow',
                fl.node,
                fl.name?.text ?? fl.description?.text,
                fl.steps.map((s) => {
                  // A step by its id, or by its kind (the key that makes it that kind of step).
                  const key = s.node.properties.find((x) => x.key === s.kind) ?? s.node.properties[0];
                  const label = s.id ?? { text: key?.key ?? 'step', start: key?.keyStart ?? s.node.start, end: key?.keyEnd ?? s.node.start };
                  const what = s.target ? `${s.kind} ${s.target.text}` : s.kind;
                  return sym(label, 'step', s.node, s.id ? what : s.target?.text);
                }),
              ),
            ),
            'flow',
          ),
        );
        break;
      case 'test_cases':
        out.push(section(p, testCases(p), 'test case'));
        break;
      case 'pipeline':
      case 'policies':
        out.push(section(p, components(p), 'component'));
        break;
      default:
        out.push(section(p, []));
    }
  }
  return out;
}

function nluSymbols(f: RasaFacts): DocumentSymbol[] {
  return f.nlu.map((n) => {
    const count = n.examples.length;
    const detail = n.kind === 'intent' ? plural(count, 'example') : `${n.kind} · ${plural(count, n.kind === 'regex' ? 'pattern' : n.kind === 'lookup' ? 'entry' : 'example')}`;
    return sym(n.name, n.kind === 'intent' ? 'intent' : n.kind, n.node, detail);
  });
}

function testCases(p: Property): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const tc of asArray(p.value)?.items ?? []) {
    const name = spanned(prop(tc, 'test_case')?.value);
    if (name) out.push(sym(name, 'test', tc, plural(asArray(prop(tc, 'steps')?.value)?.items.length ?? 0, 'step')));
  }
  return out;
}

function components(p: Property): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const c of asArray(p.value)?.items ?? []) {
    const name = spanned(prop(c, 'name')?.value);
    if (name) out.push(sym(name, 'key', c));
  }
  return out;
}

