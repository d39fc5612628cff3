// What is at an offset of a LivePerson bot's file: a place that names an interaction, a dialog,
// an integration or an intent (a link, a rule's action, a group, code that jumps by name), or
// the definition of one (an interaction's, a dialog's, an integration's or an intent's id, an
// interaction's name). Editor features answer from it.
import type { WorkspaceView } from '../../../definitions/index';
import type { LpDialog, LpIntent, LpInteraction, LpResponder, LpRule, Str } from '../facts';
import type { LivePersonBot, Use } from '../model';

export type Target =
  | { kind: 'interaction'; it: LpInteraction }
  | { kind: 'dialog'; dialog: LpDialog }
  | { kind: 'integration'; responder: LpResponder }
  | { kind: 'intent'; intent: LpIntent }
  /** A name or id that resolves to nothing. */
  | { kind: 'missing'; use: Use };

export interface At {
  bot: LivePersonBot;
  /** The span under the cursor. */
  span: Str;
  target: Target;
  /** Set when the cursor is on a use (not on a definition). */
  use?: Use;
}

/** The LivePerson bot a file is, if it is one. */
export function livePersonBot(ws: WorkspaceView, file: string): LivePersonBot | undefined {
  const bot = ws.botOf(file);
  return bot && bot.format === 'liveperson' && bot.manifest === file ? (bot as LivePersonBot) : undefined;
}

const inside = (s: Str | undefined, offset: number): s is Str => !!s && offset >= s.start && offset <= s.end;

/** The use whose span holds the offset (uses are sorted by start). */
function useAt(bot: LivePersonBot, offset: number): Use | undefined {
  const uses = bot.uses;
  let lo = 0;
  let hi = uses.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (uses[mid]!.span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const u = found >= 0 ? uses[found] : undefined;
  return u && offset <= u.span.end ? u : undefined;
}

/** What a use names. */
export function resolve(bot: LivePersonBot, use: Use): Target {
  switch (use.kind) {
    case 'interaction': {
      const it = bot.interactionsById.get(use.id);
      return it ? { kind: 'interaction', it } : { kind: 'missing', use };
    }
    case 'dialog': {
      const dialog = bot.dialogsById.get(use.id);
      return dialog ? { kind: 'dialog', dialog } : { kind: 'missing', use };
    }
    case 'integration': {
      const responder = bot.respondersById.get(use.id);
      return responder ? { kind: 'integration', responder } : { kind: 'missing', use };
    }
    case 'intent': {
      const intent = bot.intentsById.get(use.id);
      return intent ? { kind: 'intent', intent } : { kind: 'missing', use };
    }
  }
}

/** What is at an offset, or undefined. */
export function symbolAt(ws: WorkspaceView, file: string, offset: number): At | undefined {
  const bot = livePersonBot(ws, file);
  if (!bot) return undefined;
  const use = useAt(bot, offset);
  if (use) return { bot, span: use.span, target: resolve(bot, use), use };
  const f = bot.facts;
  // Definitions: only when the cursor is inside the object, on its id or its name.
  for (const it of f.interactions) {
    if (offset < it.node.start || offset > it.node.end) continue;
    if (inside(it.id, offset)) return { bot, span: it.id, target: { kind: 'interaction', it } };
    if (inside(it.name, offset)) return { bot, span: it.name, target: { kind: 'interaction', it } };
    return undefined;
  }
  for (const dialog of f.dialogs) {
    if (inside(dialog.id, offset)) return { bot, span: dialog.id, target: { kind: 'dialog', dialog } };
    if (inside(dialog.name, offset)) return { bot, span: dialog.name, target: { kind: 'dialog', dialog } };
  }
  for (const responder of f.responders) {
    if (inside(responder.id, offset)) return { bot, span: responder.id, target: { kind: 'integration', responder } };
    if (inside(responder.name, offset)) return { bot, span: responder.name, target: { kind: 'integration', responder } };
  }
  for (const intent of f.intents) if (inside(intent.id, offset)) return { bot, span: intent.id, target: { kind: 'intent', intent } };
  return undefined;
}

/** The rule (`responseMatches` item) the offset is in, with its interaction. */
export function ruleAt(bot: LivePersonBot, offset: number): { it: LpInteraction; rule: LpRule } | undefined {
  for (const it of bot.facts.interactions) {
    if (offset < it.node.start || offset > it.node.end) continue;
    for (const rule of it.rules) if (offset >= rule.node.start && offset <= rule.node.end) return { it, rule };
    return undefined;
  }
  return undefined;
}

/** Where a target is defined: its name (else its id) and its whole object. */
export function definitionOf(target: Target): { start: number; end: number; fullStart: number; fullEnd: number } | undefined {
  const of = (node: { start: number; end: number }, name: Str | undefined, id: Str | undefined) => {
    const s = name ?? id ?? node;
    return { start: s.start, end: s.end, fullStart: node.start, fullEnd: node.end };
  };
  switch (target.kind) {
    case 'interaction':
      return of(target.it.node, target.it.name, target.it.id);
    case 'dialog':
      return of(target.dialog.node, target.dialog.name, target.dialog.id);
    case 'integration':
      return of(target.responder.node, target.responder.name, target.responder.id);
    case 'intent':
      return of(target.intent.node, target.intent.name, target.intent.id);
    case 'missing':
      return undefined;
  }
}

/** The id a target is named by in uses. */
export function idOf(target: Target): string | undefined {
  switch (target.kind) {
    case 'interaction':
      return target.it.id?.text;
    case 'dialog':
      return target.dialog.id?.text;
    case 'integration':
      return target.responder.id?.text;
    case 'intent':
      return target.intent.id?.text;
    case 'missing':
      return target.use.id;
  }
}
