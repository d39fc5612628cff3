// A LivePerson bot as one model: the facts of its one file with the tables the rules and the
// editor features read — interactions by id and by name, dialogs by id, each dialog's
// interactions in chain order (the head is the one nothing comes before; each
// `nextMessageId` is the next), integrations and intents by id, and every place that names
// an interaction or a dialog (links, rules, code), so that definition, references and
// hover answer from tables.
import { toBotId } from '../../definitions/index';
import type { BotDocument, BotModel } from '../../definitions/index';
import type { LivePersonFacts, LpDialog, LpIntent, LpInteraction, LpResponder, Str } from './facts';

export type LivePersonDocument = BotDocument<LivePersonFacts>;

/** The actions a rule may take that name no interaction or dialog. */
export const ACTION_KEYWORDS: ReadonlyMap<string, string> = new Map([
  ['next', 'goes to the next interaction'],
  ['none', 'ends the interaction (waits for the user)'],
  ['close_dialog', 'closes the dialog'],
  ['close_conversation', 'closes the conversation'],
]);

/** What a place in the file names: an interaction (by id or, in code, by name), a dialog, an integration or an intent. */
export type Use =
  | { kind: 'interaction'; id: string; span: Str; role: 'next' | 'prev' | 'action' | 'trigger'; from?: LpInteraction }
  | { kind: 'dialog'; id: string; span: Str; role: 'group' | 'action'; from?: LpInteraction }
  | { kind: 'integration'; id: string; span: Str; from: LpInteraction }
  | { kind: 'intent'; id: string; span: Str; from: LpInteraction };

export interface LivePersonBot extends BotModel {
  format: 'liveperson';
  docs: Map<string, LivePersonDocument>;
  facts: LivePersonFacts;
  /** The file's text. */
  text: string;
  interactionsById: Map<string, LpInteraction>;
  interactionsByName: Map<string, LpInteraction[]>;
  dialogsById: Map<string, LpDialog>;
  respondersById: Map<string, LpResponder>;
  intentsById: Map<string, LpIntent>;
  /** Each dialog's interactions (by dialog id), in chain order; interactions the chain does not reach follow in file order. */
  chains: Map<string, LpInteraction[]>;
  /** Every place that names something, in file order. */
  uses: Use[];
}

/** An interaction's name for messages: its name, else its id. */
export function labelOf(it: LpInteraction | undefined): string {
  return it?.name?.text ?? it?.id?.text ?? 'an interaction';
}

/** A dialog's name for messages. */
export function dialogLabel(d: LpDialog | undefined): string {
  return d?.name?.text ?? d?.id?.text ?? 'a dialog';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The model of the bot in the file `path`. */
export function buildLivePersonBot(path: string, doc: LivePersonDocument): LivePersonBot {
  const f = doc.facts;
  const bot: LivePersonBot = {
    format: 'liveperson',
    dir: path,
    manifest: path,
    files: [path],
    docs: new Map([[path, doc]]),
    locales: f.bot?.language ? [f.bot.language.text] : [],
    extraManifests: [],
    defs: new Map(),
    refs: [],
    refsByKey: new Map(),
    facts: f,
    text: doc.doc.text,
    interactionsById: new Map(),
    interactionsByName: new Map(),
    dialogsById: new Map(),
    respondersById: new Map(),
    intentsById: new Map(),
    chains: new Map(),
    uses: [],
  };
  if (bot.locales[0] !== undefined) bot.defaultLocale = bot.locales[0];
  const name = f.bot?.name;
  if (name) {
    const id = botIdOf(name.text);
    if (id) {
      bot.id = id;
      bot.idSpan = { start: name.start, end: name.end };
    }
  }
  for (const d of f.dialogs) if (d.id && !bot.dialogsById.has(d.id.text)) bot.dialogsById.set(d.id.text, d);
  for (const it of f.interactions) {
    if (it.id && !bot.interactionsById.has(it.id.text)) bot.interactionsById.set(it.id.text, it);
    if (it.name) push(bot.interactionsByName, it.name.text, it);
  }
  for (const r of f.responders) if (r.id && !bot.respondersById.has(r.id.text)) bot.respondersById.set(r.id.text, r);
  for (const i of f.intents) if (i.id && !bot.intentsById.has(i.id.text)) bot.intentsById.set(i.id.text, i);

  // Chains: per dialog, from its head along nextMessageId within the dialog.
  const members = new Map<string, LpInteraction[]>();
  for (const it of f.interactions) if (it.group) push(members, it.group.text, it);
  for (const [dialog, list] of members) {
    const inDialog = new Set(list);
    const pointedAt = new Set<LpInteraction>();
    for (const it of list) {
      const n = it.next ? bot.interactionsById.get(it.next.text) : undefined;
      if (n && inDialog.has(n) && n !== it) pointedAt.add(n);
    }
    const heads = list.filter((it) => !pointedAt.has(it) && !(it.prev && inDialog.has(bot.interactionsById.get(it.prev.text)!)));
    const order: LpInteraction[] = [];
    const seen = new Set<LpInteraction>();
    // The dialog starter first, when it heads a chain; then the other heads in file order.
    heads.sort((a, b) => (a.type?.text === 'DIALOG_STARTER' ? 0 : 1) - (b.type?.text === 'DIALOG_STARTER' ? 0 : 1));
    for (const head of heads) {
      for (let it: LpInteraction | undefined = head; it && inDialog.has(it) && !seen.has(it); it = it.next ? bot.interactionsById.get(it.next.text) : undefined) {
        seen.add(it);
        order.push(it);
      }
    }
    for (const it of list) if (!seen.has(it)) order.push(it);
    bot.chains.set(dialog, order);
  }

  for (const it of f.interactions) {
    if (it.group) bot.uses.push({ kind: 'dialog', id: it.group.text, span: it.group, role: 'group', from: it });
    if (it.prev) bot.uses.push({ kind: 'interaction', id: it.prev.text, span: it.prev, role: 'prev', from: it });
    if (it.next) bot.uses.push({ kind: 'interaction', id: it.next.text, span: it.next, role: 'next', from: it });
    for (const r of it.rules) {
      const v = r.actionValue;
      if (!v || ACTION_KEYWORDS.has(v.text)) continue;
      if (r.actionName?.text === 'DIALOG' || (!bot.interactionsById.has(v.text) && bot.dialogsById.has(v.text))) bot.uses.push({ kind: 'dialog', id: v.text, span: v, role: 'action', from: it });
      else bot.uses.push({ kind: 'interaction', id: v.text, span: v, role: 'action', from: it });
    }
    if (it.responderId) bot.uses.push({ kind: 'integration', id: it.responderId.text, span: it.responderId, from: it });
    if (it.intentId) bot.uses.push({ kind: 'intent', id: it.intentId.text, span: it.intentId, from: it });
    for (const t of it.triggers) {
      const target = bot.interactionsByName.get(t.text)?.[0];
      bot.uses.push({ kind: 'interaction', id: target?.id?.text ?? `name:${t.text}`, span: t, role: 'trigger', from: it });
    }
  }
  for (const t of f.globalTriggers) {
    const target = bot.interactionsByName.get(t.text)?.[0];
    bot.uses.push({ kind: 'interaction', id: target?.id?.text ?? `name:${t.text}`, span: t, role: 'trigger' });
  }
  bot.uses.sort((a, b) => a.span.start - b.span.start);
  return bot;
}

/** The dialog an interaction is in. */
export function dialogOf(bot: LivePersonBot, it: LpInteraction): LpDialog | undefined {
  return it.group ? bot.dialogsById.get(it.group.text) : undefined;
}

/** The import-time suffix Conversation Builder appends to an imported bot's name: " (09-16-2021 05:42)". */
const IMPORT_SUFFIX = /\s*\(\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}\)\s*$/;

/** A bot name without the date and time Conversation Builder appends on import. */
export function baseName(name: string): string {
  return name.replace(IMPORT_SUFFIX, '');
}

/** The bot id a bot name gives (made a valid id; the import suffix left out). */
export function botIdOf(name: string): string {
  return toBotId(baseName(name));
}
