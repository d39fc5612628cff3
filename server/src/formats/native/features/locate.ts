// What name is at an offset: a definition or a reference, in the file's own facts.
import { nativeBotOf } from '../model/bot';
import type { NativeDocument, NativeBot } from '../model/bot';
import type { Definition, Reference, SymbolKind } from '../../../definitions/model/symbols';
import type { WorkspaceView } from '../../../definitions/features/types';

export interface SymbolAt {
  kind: SymbolKind;
  name: string;
  file: string;
  /** Span of the name's token under the cursor. */
  start: number;
  end: number;
  definition?: Definition;
  reference?: Reference;
  bot: NativeBot;
  doc: NativeDocument;
}

/** The name at `offset` (a cursor just after a name still finds it), with its bot. */
export function symbolAt(ws: WorkspaceView, file: string, offset: number): SymbolAt | undefined {
  const bot = nativeBotOf(ws, file);
  const doc = bot?.docs.get(file.replace(/\\/g, '/'));
  if (!bot || !doc) return undefined;
  // References first: a placeholder inside an utterance is more specific than anything around it.
  let bestRef: Reference | undefined;
  for (const r of doc.facts.refs) {
    if (offset >= r.start && offset <= r.end && (!bestRef || r.end - r.start < bestRef.end - bestRef.start)) bestRef = r;
  }
  if (bestRef) return { kind: bestRef.kind, name: bestRef.name, file: doc.doc.path, start: bestRef.start, end: bestRef.end, reference: bestRef, bot, doc };
  for (const d of doc.facts.defs) {
    if (offset >= d.start && offset <= d.end) return { kind: d.kind, name: d.name, file: doc.doc.path, start: d.start, end: d.end, definition: d, bot, doc };
  }
  return undefined;
}

/** Where the symbol at a position is defined: a slot reference scoped to an intent resolves to that intent's slot. */
export function definitionsFor(at: SymbolAt): Definition[] {
  if (at.definition && at.kind !== 'slot') return [at.definition];
  const all = at.bot.defs.get(`${at.kind}:${at.name}`) ?? [];
  const scope = at.reference?.scope;
  if (at.kind === 'slot' && scope !== undefined) {
    const scoped = all.filter((d) => d.container === scope);
    if (scoped.length) return scoped;
  }
  if (at.definition) return [at.definition];
  return all;
}
