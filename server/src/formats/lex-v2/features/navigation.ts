// Go to definition and find references in a Lex V2 export: a slot type in `slotTypeName`
// goes to its SlotType.json, a slot (a `{Slot}` in an utterance, `slotPriorities`, a
// `slotToElicit`) to its Slot.json, an intent in a next step to its Intent.json — each in the
// same locale, as Lex resolves them.
import type { Location, WorkspaceView } from '../../../definitions/index';
import { namesIn } from '../model';
import type { LexFile, LexIntent, LexLocale } from '../model';
import { placeholdersOf } from '../rules/placeholders';
import { rawOffset } from '../facts';
import { targetAt } from './locate';
import type { Context, Target } from './locate';

function nameLocation(f: LexFile): Location {
  const n = f.facts.name;
  const root = f.facts.root;
  return n ? { file: f.path, start: n.start, end: n.end, ...(root ? { fullStart: root.start, fullEnd: root.end } : {}) } : { file: f.path, start: 0, end: 0 };
}

/** Where a target is defined, in the file's locale. */
export function definitionsOf(ctx: Context, t: Target): Location[] {
  const locale = ctx.locale;
  if (!locale) return [];
  switch (t.kind) {
    case 'intent':
      return (namesIn(locale).intents.get(t.name) ?? []).flatMap((i) => (i.file ? [nameLocation(i.file)] : []));
    case 'slotType':
      return (namesIn(locale).types.get(t.name) ?? []).map(nameLocation);
    case 'slot':
      return (t.intent?.slots ?? []).filter((s) => s.facts.name?.text === t.name).map(nameLocation);
    default:
      return [];
  }
}

export function findDefinition(ws: WorkspaceView, file: string, offset: number): Location[] {
  const at = targetAt(ws, file, offset);
  if (!at) return [];
  return definitionsOf(at.ctx, at.target).filter((l) => !(at.target.role === 'def' && l.file === file));
}

/** Every use of a name in a locale. */
export function usesOf(locale: LexLocale, kind: Target['kind'], name: string, intent: LexIntent | undefined, text: (file: string) => string): Location[] {
  const out: Location[] = [];
  const intents = namesIn(locale).intents;
  for (const i of locale.intents.values()) {
    const files = [...(i.file ? [i.file] : []), ...i.slots];
    for (const f of files) {
      if (kind === 'slotType' && f !== i.file && f.facts.slotTypeName?.text === name) out.push({ file: f.path, start: f.facts.slotTypeName.start, end: f.facts.slotTypeName.end });
      for (const step of f.facts.nextSteps) {
        if (kind === 'intent' && step.intent?.text === name) out.push({ file: f.path, start: step.intent.start, end: step.intent.end });
        const target = step.intent ? intents.get(step.intent.text)?.[0] : i;
        if (kind === 'slot' && target === intent && step.slotToElicit?.text === name) out.push({ file: f.path, start: step.slotToElicit.start, end: step.slotToElicit.end });
      }
    }
    if (kind === 'slot' && i === intent && i.file) {
      for (const p of i.file.facts.slotPriorities) if (p.slotName?.text === name) out.push({ file: i.file.path, start: p.slotName.start, end: p.slotName.end });
      for (const u of i.file.facts.utterances) {
        for (const ph of placeholdersOf(u.text)) {
          if (ph.name !== name) continue;
          const t = text(i.file.path);
          out.push({ file: i.file.path, start: rawOffset(t, u, ph.index + 1), end: rawOffset(t, u, ph.index + ph.length - 1) });
        }
      }
    }
  }
  return out;
}

export function findReferences(ws: WorkspaceView, file: string, offset: number, includeDeclaration = true): Location[] {
  const at = targetAt(ws, file, offset);
  if (!at || !at.ctx.locale || at.target.kind === 'action') return [];
  const text = (f: string) => ws.getDocument(f)?.text ?? '';
  const uses = usesOf(at.ctx.locale, at.target.kind, at.target.name, at.target.intent, text);
  return includeDeclaration ? [...definitionsOf(at.ctx, at.target), ...uses] : uses;
}
