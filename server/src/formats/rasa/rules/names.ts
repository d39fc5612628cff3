// What the checks of names share: the names a project declares (worked out once per model),
// whether a file Rasa cannot read may hold more of them, and the quick fixes "change to the
// close name" and "add it to the domain's list".
import { addSection, appendItem } from '../../../definitions/edits';
import type { Fix } from '../../../definitions/index';
import { requote } from '../../../definitions/text/didYouMean';
import { DEFAULT_ACTIONS } from '../builtins';
import type { Spanned } from '../examples';
import { asArray } from '../facts';
import type { RasaBot, RasaDocument } from '../model';

export interface DeclaredNames {
  /** Every response name, and the base `utter_faq` of each retrieval response `utter_faq/ask_x`. */
  utterances: Set<string>;
  /** What an `action:` step may name: declared actions, forms, responses (and retrieval bases), default actions. */
  actions: Set<string>;
  /** The roles and groups of each declared entity. */
  entityRoles: Map<string, { roles: Set<string>; groups: Set<string> }>;
  /** A domain file that Rasa cannot read (broken YAML, or skipped for its version) may declare more. */
  domainUnsure: boolean;
  /** A domain or data file Rasa cannot read may hold responses (retrieval answers live in data files). */
  responsesUnsure: boolean;
  /** Some file Rasa cannot read may hold a use, an example or a declaration: absence proves nothing. */
  anyUnsure: boolean;
}

const cache = new WeakMap<RasaBot, DeclaredNames>();
/** The last names worked out per project, with the tables they were read from: a patched model whose tables are the same objects has the same names. */
const last = new Map<string, { from: readonly unknown[]; names: DeclaredNames }>();

/** The names the project declares, once per model (and per set of tables). */
export function declared(bot: RasaBot): DeclaredNames {
  const hit = cache.get(bot);
  if (hit) return hit;
  const from = [bot.responses, bot.actions, bot.forms, bot.entities, bot.unreadable, bot.skipped, bot.roles];
  const kept = last.get(bot.dir);
  if (kept && kept.from.every((x, i) => x === from[i])) {
    cache.set(bot, kept.names);
    return kept.names;
  }
  const utterances = new Set<string>();
  for (const name of bot.responses.keys()) {
    utterances.add(name);
    const slash = name.indexOf('/');
    if (slash > 0) utterances.add(name.slice(0, slash));
  }
  const actions = new Set<string>([...DEFAULT_ACTIONS, ...bot.actions.keys(), ...bot.forms.keys(), ...utterances]);
  const entityRoles = new Map<string, { roles: Set<string>; groups: Set<string> }>();
  for (const [name, decls] of bot.entities) {
    const e = { roles: new Set<string>(), groups: new Set<string>() };
    for (const { decl } of decls) {
      for (const r of decl.roles) e.roles.add(r.text);
      for (const g of decl.groups) e.groups.add(g.text);
    }
    entityRoles.set(name, e);
  }
  const unsure = [...bot.unreadable, ...bot.skipped];
  const names: DeclaredNames = {
    utterances,
    actions,
    entityRoles,
    domainUnsure: unsure.some((f) => bot.roles.get(f) === 'domain'),
    responsesUnsure: unsure.some((f) => bot.roles.get(f) === 'domain' || bot.roles.get(f) === 'data'),
    anyUnsure: unsure.length > 0,
  };
  cache.set(bot, names);
  last.set(bot.dir, { from, names });
  return names;
}

/** A "Change to …" fix for a name token. */
export function renameFix(bot: RasaBot, file: string, span: Spanned, guess: string | undefined): Fix[] {
  if (!guess) return [];
  const text = bot.docs.get(file)?.doc.text;
  if (text === undefined) return [];
  return [{ title: `Change to "${guess}"`, preferred: true, edits: [{ file, start: span.start, end: span.end, newText: requote(text, span.start, span.end, guess) }] }];
}

/** The parses of the domain files, in path order: what the "add it to the domain" fixes read. */
export function domainDocs(bot: RasaBot): RasaDocument[] {
  return bot.files.filter((f) => bot.roles.get(f) === 'domain').map((f) => bot.docs.get(f)!);
}

/** Adds a name to a domain list (`intents:`, `entities:`, `actions:`): in the first domain file that has the list, else in the first domain file. */
export function addToDomainFix(bot: RasaBot, section: 'intents' | 'entities' | 'actions', name: string): Fix[] {
  const domains = bot.files.filter((f) => bot.roles.get(f) === 'domain' && !bot.skipped.includes(f));
  for (const file of domains) {
    const doc = bot.docs.get(file)!;
    const list = asArray(doc.facts.sections.get(section)?.value);
    if (!doc.facts.sections.has(section)) continue;
    if (!list || (!list.flow && list.items.length === 0)) return [];
    return [{ title: `Add "${name}" to ${section}: in ${baseName(file)}`, edits: [appendItem(doc.doc, list, name)] }];
  }
  const first = domains[0];
  if (!first) return [];
  const doc = bot.docs.get(first)!;
  return [{ title: `Add "${name}" to ${section}: in ${baseName(first)}`, edits: [addSection(doc.doc, section, [name])] }];
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `'a', 'b' and 'c'`. */
export function quoteList(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
