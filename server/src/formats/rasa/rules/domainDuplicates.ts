// Names declared more than once in the domain. Across domain files Rasa merges them and
// warns (Domain.merge_domain_dicts: "The following duplicated {key} have been found across
// multiple domain files"), reported at every declaration after the first in path order. In
// one file's `intents:`, `entities:` or `actions:` list a repeated name makes the domain
// invalid ("Intents are not unique!", "Duplicate {key} in domain"); a repeated key of
// `slots:`, `forms:` or `responses:` is a YAML duplicate key (syntax/duplicate-key). Response
// variation `id`s must be unique across the domain.
import type { ArrayNode, Finding, Fix, Node } from '../../../definitions/index';
import { removeItem } from '../../../definitions/edits';
import type { Spanned } from '../examples';
import { asArray, prop, spanned } from '../facts';
import type { InFile, RasaBot } from '../model';
import { relOf } from '../model';
import { reportMemo } from './dialogueWalk';
import type { RasaRule, RasaRuleContext } from './types';

type Kind = 'intents' | 'entities' | 'slots' | 'forms' | 'responses' | 'actions';

const WORD: Record<Kind, string> = { intents: 'intent', entities: 'entity', slots: 'slot', forms: 'form', responses: 'response', actions: 'action' };

/** Kinds declared as a list, where a repeat inside one file is not a YAML duplicate key. */
const LISTS: ReadonlySet<Kind> = new Set(['intents', 'entities', 'actions']);

function spanOf<T>(kind: Kind, decl: T): Spanned {
  return kind === 'actions' ? (decl as Spanned) : (decl as { item: Spanned }).item;
}

/** A fix that removes a repeated list entry, when the list keeps another one. */
function removeFix(bot: RasaBot, file: string, kind: Kind, at: Spanned, title: string): Fix[] {
  const doc = bot.docs.get(file);
  const list = asArray(doc?.facts.sections.get(kind)?.value);
  if (!doc || !list || list.items.length < 2) return [];
  const index = list.items.findIndex((n: Node) => n.start <= at.start && at.end <= n.end);
  if (index < 0) return [];
  return [{ title, edits: [removeItem(doc.doc, list as ArrayNode, index)] }];
}

function duplicates(ctx: RasaRuleContext, kind: Kind, table: Map<string, InFile<unknown>[]>): void {
  const { bot } = ctx;
  const word = WORD[kind];
  for (const [name, list] of table) {
    if (list.length < 2) continue;
    const firstIn = new Map<string, Spanned>();
    const first = list[0]!;
    const firstAt = spanOf(kind, first.decl);
    for (const { file, decl } of list) {
      const at = spanOf(kind, decl);
      const earlier = firstIn.get(file);
      if (!earlier) firstIn.set(file, at);
      if (earlier && LISTS.has(kind)) {
        const finding: Finding = {
          start: at.start,
          end: at.end,
          code: 'rasa/duplicate-in-domain',
          message:
            kind === 'intents'
              ? `Intents are not unique! Found multiple intents with name(s) ['${name}']. Either rename or remove the duplicate ones.`
              : `Duplicate ${kind} in domain. These ${kind} occur more than once in the domain: '${name}'. Remove the repeated one.`,
          related: [{ file, start: earlier.start, end: earlier.end, message: 'first declared here' }],
        };
        const fixes = removeFix(bot, file, kind, at, `Remove the repeated ${word} "${name}"`);
        if (fixes.length) finding.fixes = fixes;
        ctx.report(file, finding);
      } else if (!earlier && decl !== first.decl) {
        const finding: Finding = {
          start: at.start,
          end: at.end,
          code: 'rasa/duplicate-domain-definition',
          message: `The following duplicated ${kind} have been found across multiple domain files: ${name}. The ${word} "${name}" is already declared in ${relOf(bot, first.file)}; Rasa merges the files and keeps one declaration (for slots, forms and responses, the one of the file it reads first). Keep it in one domain file.`,
          related: [{ file: first.file, start: firstAt.start, end: firstAt.end, message: 'first declared here' }],
        };
        const fixes = LISTS.has(kind) ? removeFix(bot, file, kind, at, `Remove "${name}" here (it stays in ${relOf(bot, first.file)})`) : [];
        if (fixes.length) finding.fixes = fixes;
        ctx.report(file, finding);
      }
    }
  }
}

export const domainDuplicatesRule: RasaRule = {
  codes: ['rasa/duplicate-domain-definition', 'rasa/duplicate-in-domain'],
  check(ctx) {
    const { bot } = ctx;
    // The domain's tables stay the same objects while no file that declares something changes.
    reportMemo(ctx, 'domain-duplicates', [bot.intents, bot.entities, bot.slots, bot.forms, bot.actions, bot.responses, bot.roles], (report) => check({ ...ctx, report }));
  },
};

/** Every finding of the rule, on the model's tables. */
function check(ctx: RasaRuleContext): void {
  const { bot } = ctx;
  duplicates(ctx, 'intents', bot.intents);
  duplicates(ctx, 'entities', bot.entities);
  duplicates(ctx, 'slots', bot.slots);
  duplicates(ctx, 'forms', bot.forms);
  duplicates(ctx, 'actions', bot.actions);
  // Responses of the domain only: a data file's retrieval answers are not domain files.
  const domainResponses = new Map<string, InFile<unknown>[]>();
  const ids = new Map<string, { file: string; at: Spanned }>();
  for (const [name, list] of bot.responses) {
    const inDomain = list.filter((r) => bot.roles.get(r.file) === 'domain');
    if (inDomain.length > 1) domainResponses.set(name, inDomain);
    for (const { file, decl } of inDomain) {
      for (const v of decl.variations) {
        const id = spanned(prop(v.node, 'id')?.value);
        if (!id) continue;
        const earlier = ids.get(id.text);
        if (!earlier) {
          ids.set(id.text, { file, at: id });
          continue;
        }
        ctx.report(file, {
          start: id.start,
          end: id.end,
          code: 'rasa/duplicate-in-domain',
          message: `Duplicate response ids ['${id.text}'] defined in domain. Each response variation needs its own id: rename this one.`,
          related: [{ file: earlier.file, start: earlier.at.start, end: earlier.at.end, message: 'first used here' }],
        });
      }
    }
  }
  duplicates(ctx, 'responses', domainResponses);
}
