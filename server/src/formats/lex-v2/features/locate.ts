// What is under the cursor in a Lex V2 file: a name it defines (an intent's, slot's or slot
// type's own `name`) or one it uses — a slot type in `slotTypeName`, a slot in an utterance's
// `{…}`, in `slotPriorities` or a next step's `slotToElicit`, an intent in a next step's
// `intent.name`, a dialog action's `type` — with its exact span, also inside minified JSON.
import type { Node, ScalarNode, WorkspaceView } from '../../../definitions/index';
import { nodeAt, pathOf, relativeTo } from '../../../definitions/index';
import { rawOffset, type Str } from '../facts';
import { placeOf, type LexPlace } from '../layout';
import { namesIn } from '../model';
import type { LexBot, LexIntent, LexLocale } from '../model';

export type TargetKind = 'intent' | 'slot' | 'slotType' | 'action';

export interface Target {
  kind: TargetKind;
  name: string;
  /** The span of the name in the file (a string token with its quotes, or the name inside `{…}`). */
  start: number;
  end: number;
  /** Where it is: `def` on a file's own name, `ref` where it is used. */
  role: 'def' | 'ref';
  /** For a placeholder: where the text inside the braces starts, and the cursor's place in it. */
  placeholder?: { from: number; to: number; closed: boolean };
  /** The intent a slot belongs to (a slot's own file, a placeholder's or slotPriorities' intent, a step's target). */
  intent?: LexIntent;
  /** The scalar the name is in. */
  token: Str;
}

export interface Context {
  bot: LexBot;
  place: LexPlace;
  locale: LexLocale | undefined;
  /** The intent whose folder the file is in. */
  intent: LexIntent | undefined;
}

/** The export a file belongs to, and where the file is in it. */
export function contextOf(ws: WorkspaceView, file: string): Context | undefined {
  const bot = ws.botOf(file) as LexBot | undefined;
  if (!bot || bot.format !== 'lex-v2') return undefined;
  const rel = relativeTo(bot.dir, file);
  const place = rel === undefined ? undefined : placeOf(rel);
  if (!place) return undefined;
  const locale = place.locale === undefined ? undefined : bot.byLocale.get(place.locale);
  const intent = place.intentFolder === undefined ? undefined : locale?.intents.get(place.intentFolder);
  return { bot, place, locale, intent };
}

/** The decoded index in a string token of a file offset inside it (the inverse of rawOffset). */
export function decodedIndex(fileText: string, token: Str, offset: number): number {
  const from = token.start + 1;
  const raw = fileText.slice(from, Math.max(from, Math.min(offset, token.end - 1)));
  if (!raw.includes('\\')) return raw.length;
  let decoded = 0;
  for (let i = 0; i < raw.length; decoded++) i += raw[i] === '\\' ? (raw[i + 1] === 'u' ? 6 : 2) : 1;
  return decoded;
}

const strToken = (n: ScalarNode): Str | undefined => (typeof n.value === 'string' ? { text: n.value, start: n.start, end: n.end } : undefined);

/** The intent a next step goes to: its `intent.name`, else the current one. */
function stepTarget(ctx: Context, step: Node | null | undefined): LexIntent | undefined {
  if (step && step.type === 'object') {
    const intent = step.properties.find((p) => p.key === 'intent')?.value;
    const name = intent && intent.type === 'object' ? intent.properties.find((p) => p.key === 'name')?.value : undefined;
    if (name && name.type === 'scalar' && typeof name.value === 'string') return ctx.locale ? namesIn(ctx.locale).intents.get(name.value)?.[0] : undefined;
  }
  return ctx.intent;
}

/** What the offset is on, or undefined. */
export function targetAt(ws: WorkspaceView, file: string, offset: number): { ctx: Context; target: Target } | undefined {
  const ctx = contextOf(ws, file);
  const doc = ws.getDocument(file);
  if (!ctx || !doc?.root) return undefined;
  const hit = nodeAt(doc.root, offset);
  if (!hit || hit.keyOf || hit.node.type !== 'scalar') return undefined;
  const token = strToken(hit.node);
  if (!token) return undefined;
  const path = pathOf(hit.node);
  const last = path[path.length - 1];
  const kind = ctx.place.kind;
  const t = (k: TargetKind, role: 'def' | 'ref', extra: Partial<Target> = {}): { ctx: Context; target: Target } => ({ ctx, target: { kind: k, name: token.text, start: token.start, end: token.end, role, token, ...extra } });

  if (path.length === 1 && last === 'name') {
    if (kind === 'intent') return t('intent', 'def', { intent: ctx.intent });
    if (kind === 'slot') return t('slot', 'def', { intent: ctx.intent });
    if (kind === 'slotType') return t('slotType', 'def');
    return undefined;
  }
  if (last === 'slotTypeName' && kind === 'slot') return t('slotType', 'ref');
  if (last === 'slotName' && path[0] === 'slotPriorities' && kind === 'intent') return t('slot', 'ref', { intent: ctx.intent });
  if (last === 'utterance' && path[0] === 'sampleUtterances' && kind === 'intent') {
    // A {Slot} in the utterance: the name inside the braces around the cursor.
    const at = decodedIndex(doc.text, token, offset);
    const open = token.text.lastIndexOf('{', at - 1);
    if (open < 0 || token.text.lastIndexOf('}', at - 1) > open) return undefined;
    const close = token.text.indexOf('}', open);
    const closed = close >= 0 && !token.text.slice(open + 1, close).includes('{');
    const endIndex = closed ? close : at;
    const name = token.text.slice(open + 1, endIndex);
    const from = rawOffset(doc.text, token, open + 1);
    const to = rawOffset(doc.text, token, endIndex);
    return { ctx, target: { kind: 'slot', name, start: from, end: to, role: 'ref', token, intent: ctx.intent, placeholder: { from, to, closed } } };
  }
  // Inside a next step (a DialogState): dialogAction.type, dialogAction.slotToElicit, intent.name.
  const stepAt = path.findIndex((seg, i) => typeof seg === 'string' && (seg === 'nextStep' || seg.endsWith('NextStep')) && i < path.length - 1);
  if (stepAt >= 0) {
    const rest = path.slice(stepAt + 1);
    let step: Node | null = hit.node;
    for (let i = 0; i < rest.length && step; i++) step = step.parent;
    if (rest.length === 2 && rest[0] === 'intent' && rest[1] === 'name') return t('intent', 'ref');
    if (rest.length === 2 && rest[0] === 'dialogAction' && rest[1] === 'type') return t('action', 'ref');
    if (rest.length === 2 && rest[0] === 'dialogAction' && rest[1] === 'slotToElicit') return t('slot', 'ref', { intent: stepTarget(ctx, step) });
  }
  return undefined;
}
