// A LivePerson bot as entities for the semantic diff, in Conversation Builder's words: the
// bot's settings, its global functions (their code as text), dialogs by name (with their chain
// of interactions as a sequence of names), interactions by dialog and name (rules in order,
// the ids they name read as names), dialog-starter patterns as a multiset per interaction,
// API integrations, associated intents and domains by name. What an export changes on its
// own is no change: every id, `hash`, creation and modification times, `modifiedBy`, the
// organisation and user ids, the order of the arrays (sorted by id) and the date and time an
// import appends to `bot.name` (FORMATS.md §11, Volatile fields).
import { canonicalArray, canonicalObject, canonicalScalar, parseDocument } from '../../definitions/index';
import type { Node, SemanticEntity, SemanticKind } from '../../definitions/index';
import { extractLivePersonFacts, obj, val } from './facts';
import type { LivePersonFacts, LpInteraction } from './facts';
import { baseName } from './model';
import { skimExport } from './recognise';

/** Keys that change on every export or import, at any depth. */
const VOLATILE = new Set([
  'id',
  'chatBotId',
  'chatbotId',
  'hash',
  'creationTime',
  'modificationTime',
  'createdTime',
  'modifiedTime',
  'modifiedBy',
  'createdBy',
  'organizationId',
  'chatBotPlatformUserId',
  'lastModifiedDate',
  'lastCommenterId',
]);

/** Keys of an interaction that are its place (the dialog, the chain), compared elsewhere. */
const PLACE = new Set(['group', 'prevMessageId', 'nextMessageId', 'pattern', 'name']);

/** Keys of `bot` that are ids or the bot's own deployment, not its definition. */
const BOT_IDENTITY = new Set(['entityDataSourceId', 'version']);

/** The canonical text of a subtree: volatile keys left out at every depth, ids read as the names they stand for. */
function canon(node: Node | null | undefined, names: ReadonlyMap<string, string>, omit?: ReadonlySet<string>): string {
  if (!node) return 'null';
  switch (node.type) {
    case 'scalar':
      if (typeof node.value === 'string') {
        const name = names.get(node.value);
        if (name !== undefined) return canonicalScalar(name);
      }
      return canonicalScalar(node.value);
    case 'opaque':
      return canonicalScalar(null);
    case 'array':
      return canonicalArray(node.items.map((i) => canon(i, names)));
    case 'object': {
      const pairs: [string, string][] = [];
      for (const p of node.properties) {
        if (VOLATILE.has(p.key) || omit?.has(p.key)) continue;
        pairs.push([p.key, canon(p.value, names)]);
      }
      return canonicalObject(pairs);
    }
  }
}

function interactionName(it: LpInteraction): string {
  return it.name?.text ?? `(unnamed ${it.type?.text ?? 'interaction'})`;
}

/** The entities of one bot JSON. */
function entitiesOf(file: string, f: LivePersonFacts, out: SemanticEntity[]): void {
  const add = (kind: SemanticKind, name: string, value: string, parent?: string): void => {
    const e: SemanticEntity = { kind, name, file, value };
    if (parent !== undefined) e.parent = parent;
    out.push(e);
  };
  // Ids → what they name, so that a rule or a payload that names an id compares by name.
  const names = new Map<string, string>();
  const dialogName = new Map<string, string>();
  for (const d of f.dialogs) if (d.id) dialogName.set(d.id.text, d.name?.text ?? d.id.text);
  for (const [id, name] of dialogName) names.set(id, `dialog ${name}`);
  for (const it of f.interactions) if (it.id) names.set(it.id.text, `interaction ${interactionName(it)}`);
  for (const r of f.responders) if (r.id) names.set(r.id.text, `integration ${r.name?.text ?? ''}`);
  for (const i of f.intents) if (i.id) names.set(i.id.text, `intent ${i.name?.text ?? ''}`);
  for (const d of f.domains) if (d.id) names.set(d.id.text, `domain ${d.name?.text ?? ''}`);
  names.delete('');

  const bot = f.bot;
  if (bot) {
    for (const p of bot.node.properties) {
      if (VOLATILE.has(p.key) || BOT_IDENTITY.has(p.key)) continue;
      if (p.key === 'name') {
        const v = p.value;
        add('setting', 'name', canonicalScalar(v && v.type === 'scalar' && typeof v.value === 'string' ? baseName(v.value) : null));
        continue;
      }
      add('setting', p.key, canon(p.value, names));
    }
  }
  if (f.globalCode) add('setting', 'globalFunctions', canonicalScalar(f.globalCode.text));
  const root = f.root;
  for (const key of ['menus', 'requiredContext', 'platforms', 'dialogTemplates']) {
    const v = val(root, key);
    if (v !== undefined) add('setting', key, canon(v, names));
  }
  for (const d of f.domains) add('setting', `domain ${d.name?.text ?? '?'}`, canon(d.node, names, new Set(['name'])));
  for (const i of f.intents) add('intent', i.name?.text ?? '?', canon(i.node, names, new Set(['name', 'displayName', 'domainId'])));
  for (const r of f.responders) add('integration', r.name?.text ?? '?', canon(r.node, names, new Set(['name'])));

  // Dialogs, with their chains of interactions (by name, in chain order).
  const members = new Map<string, LpInteraction[]>();
  for (const it of f.interactions) {
    const g = it.group?.text ?? '';
    const list = members.get(g);
    if (list) list.push(it);
    else members.set(g, [it]);
  }
  const byId = new Map<string, LpInteraction>();
  for (const it of f.interactions) if (it.id && !byId.has(it.id.text)) byId.set(it.id.text, it);
  for (const d of f.dialogs) {
    const list = d.id ? (members.get(d.id.text) ?? []) : [];
    const inDialog = new Set(list);
    const pointed = new Set<LpInteraction>();
    for (const it of list) {
      const n = it.next ? byId.get(it.next.text) : undefined;
      if (n && inDialog.has(n) && n !== it) pointed.add(n);
    }
    const chain: string[] = [];
    const seen = new Set<LpInteraction>();
    const heads = list.filter((it) => !pointed.has(it)).sort((a, b) => (a.type?.text === 'DIALOG_STARTER' ? 0 : 1) - (b.type?.text === 'DIALOG_STARTER' ? 0 : 1) || interactionName(a).localeCompare(interactionName(b)));
    for (const head of heads) {
      for (let it: LpInteraction | undefined = head; it && inDialog.has(it) && !seen.has(it); it = it.next ? byId.get(it.next.text) : undefined) {
        seen.add(it);
        chain.push(interactionName(it));
      }
    }
    // What no chain reaches, by name (the arrays' order means nothing).
    chain.push(...list.filter((it) => !seen.has(it)).map(interactionName).sort());
    add('dialog', d.name?.text ?? d.id?.text ?? '?', canonicalObject([...d.node.properties.filter((p) => !VOLATILE.has(p.key) && p.key !== 'name').map((p) => [p.key, canon(p.value, names)] as [string, string]), ['interactions', canonicalArray(chain.map((n) => canonicalScalar(n)))]]));
  }
  for (const it of f.interactions) {
    const dialog = it.group ? (dialogName.get(it.group.text) ?? it.group.text) : '';
    const name = interactionName(it);
    add('interaction', name, canon(it.node, names, PLACE), dialog);
    for (const p of it.patterns) add('pattern', p.text, '', name);
  }
}

/** The entities of a LivePerson bot's files (paths relative to the bot's folder → texts): each bot JSON among them. */
export function livePersonEntities(files: ReadonlyMap<string, string>): SemanticEntity[] {
  const out: SemanticEntity[] = [];
  for (const file of [...files.keys()].sort()) {
    if (!/\.json$/i.test(file)) continue;
    const text = files.get(file)!;
    if (skimExport(text, false) !== 'yes') continue;
    const doc = parseDocument(file, text);
    if (!obj(doc.root)) continue;
    entitiesOf(file, extractLivePersonFacts(doc), out);
  }
  return out;
}
