// One file of a bot parsed again, its shape unchanged (shape.ts): the bot's tables keep
// their order and their other entries, and take the file's new facts in place of the old.
// Rebuilding the whole model for a one-character edit costs more than the edit's own parse.
import type { NativeDocument, NativeBot } from './bot';
import { inheritNames } from './bot';
import type { SlotFact } from './facts';
import type { Definition, Reference } from '../../../definitions/model/symbols';

/**
 * The model with `before` (one of its included files) replaced by `after`, or undefined when
 * it cannot be patched (the caller builds afresh). The old model is retired: its lookup
 * tables (defs, refsByKey, slotsByIntent) are updated in place and now belong to the new one,
 * as copying them would cost most of what the patch saves.
 */
export function patchBot(old: NativeBot, before: NativeDocument, after: NativeDocument): NativeBot | undefined {
  const file = before.doc.path;
  if (file === old.manifest || old.docs.get(file) !== before || after.doc.path !== file) return undefined;
  const a = before.facts;
  const b = after.facts;
  const kinds = ['intents', 'slotTypes', 'responses', 'functions', 'flows', 'variables', 'defs', 'refs'] as const;
  for (const k of kinds) if (a[k].length !== b[k].length) return undefined;

  // First find every place to change, so that a mismatch leaves the old model whole.
  const segment = <T>(list: readonly T[], from: readonly T[]): number => {
    if (!from.length) return 0;
    const at = list.indexOf(from[0]!);
    if (at < 0) return -1;
    for (let i = 1; i < from.length; i++) if (list[at + i] !== from[i]) return -1;
    return at;
  };
  const arrays = ['intents', 'slotTypes', 'responses', 'functions', 'flows', 'variables', 'refs'] as const;
  const starts = arrays.map((k) => segment<unknown>(old[k], a[k]));
  if (starts.some((at) => at < 0)) return undefined;
  // Definitions (locales count only in the manifest, so the file's are not in the table).
  const defAt: { list: Definition[]; at: number; i: number }[] = [];
  for (let i = 0; i < a.defs.length; i++) {
    const d = a.defs[i]!;
    if (d.kind === 'locale') continue;
    const list = old.defs.get(d.key);
    const at = list ? list.indexOf(d) : -1;
    if (!list || at < 0) return undefined;
    defAt.push({ list, at, i });
  }
  // References by key: a file's references to one key sit together, in order, in their list.
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < a.refs.length; i++) {
    const idx = byKey.get(a.refs[i]!.key);
    if (idx) idx.push(i);
    else byKey.set(a.refs[i]!.key, [i]);
  }
  const refAt: { list: Reference[]; at: number; idx: number[] }[] = [];
  for (const [key, idx] of byKey) {
    const list = old.refsByKey.get(key);
    const at = list ? segment(list, idx.map((i) => a.refs[i]!)) : -1;
    if (!list || at < 0) return undefined;
    refAt.push({ list, at, idx });
  }
  // Slots by intent: the first slot of each name wins; where one of the file's won, its new fact does.
  const slotAt: { slots: Map<string, SlotFact>; name: string; fact: SlotFact }[] = [];
  for (let i = 0; i < a.intents.length; i++) {
    const x = a.intents[i]!;
    const y = b.intents[i]!;
    if (x.slots.length !== y.slots.length) return undefined;
    const slots = old.slotsByIntent.get(x.def.name);
    if (!slots) continue;
    for (let j = 0; j < x.slots.length; j++) if (slots.get(x.slots[j]!.def.name) === x.slots[j]) slotAt.push({ slots, name: x.slots[j]!.def.name, fact: y.slots[j]! });
  }

  const swapped = <T>(list: T[], n: number, to: readonly T[]): T[] => {
    if (!to.length) return list;
    const out = list.slice();
    for (let i = 0; i < to.length; i++) out[starts[n]! + i] = to[i]!;
    return out;
  };
  const bot: NativeBot = {
    ...old,
    docs: new Map(old.docs).set(file, after),
    intents: swapped(old.intents, 0, b.intents),
    slotTypes: swapped(old.slotTypes, 1, b.slotTypes),
    responses: swapped(old.responses, 2, b.responses),
    functions: swapped(old.functions, 3, b.functions),
    flows: swapped(old.flows, 4, b.flows),
    variables: swapped(old.variables, 5, b.variables),
    refs: swapped(old.refs, 6, b.refs),
  };
  for (const { list, at, i } of defAt) list[at] = b.defs[i]!;
  for (const { list, at, idx } of refAt) for (let j = 0; j < idx.length; j++) list[at + j] = b.refs[idx[j]!]!;
  for (const { slots, name, fact } of slotAt) slots.set(name, fact);
  inheritNames(old, bot);
  return bot;
}
