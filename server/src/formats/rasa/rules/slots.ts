// Slots and their mappings, as Rasa reads them: a known slot type (Slot.resolve_by_type), a
// known mapping type with the key it needs (SlotMapping.validate), a `from_entity` entity
// and mapping intents the domain declares (SlotMapping.check_mapping_validity), and mapping
// conditions naming a form that requires the slot (Validator.verify_slot_mappings).
import type { Finding, Fix, Node } from '../../../definitions/index';
import { appendItem } from '../../../definitions/edits';
import { DEFAULT_INTENTS, MAPPING_TYPES, SLOT_TYPES } from '../builtins';
import type { Spanned } from '../examples';
import { asArray, prop } from '../facts';
import type { FormDecl, MappingFact } from '../facts';
import type { InFile, RasaBot } from '../model';
import { didYouMean, domainUnsure, guessName, renameFixes, withFixes } from './renameFix';
import type { RasaRule, RasaRuleContext } from './types';

/** Names other tools use for Rasa's slot types. */
const TYPE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['unfeaturized', 'any'],
  ['boolean', 'bool'],
  ['string', 'text'],
  ['str', 'text'],
  ['number', 'float'],
  ['int', 'float'],
  ['integer', 'float'],
  ['double', 'float'],
  ['array', 'list'],
  ['enum', 'categorical'],
]);

const DOCS = 'See https://rasa.com/docs/rasa/domain#slots.';

/** Whether a mapping key is absent or null (Rasa's `mapping.get(key) is None`). */
function missing(node: Node, key: string): boolean {
  const v = prop(node, key)?.value;
  return !v || (v.type === 'scalar' && v.value === null);
}

/** Lazily built candidate lists for did-you-mean. */
class Names {
  private cache = new Map<string, string[]>();
  readonly unsure: boolean;
  constructor(private readonly bot: RasaBot) {
    this.unsure = domainUnsure(bot);
  }
  get(kind: 'intents' | 'entities' | 'forms'): string[] {
    let list = this.cache.get(kind);
    if (!list) {
      list = kind === 'intents' ? [...this.bot.intents.keys(), ...DEFAULT_INTENTS] : [...this.bot[kind].keys()];
      this.cache.set(kind, list);
    }
    return list;
  }
}

function checkType(ctx: RasaRuleContext, file: string, slot: Spanned, node: Node | null, type: Spanned | undefined): void {
  const { bot } = ctx;
  if (!type) {
    const raw = prop(node, 'type')?.value;
    ctx.report(file, {
      start: raw ? raw.start : slot.start,
      end: raw ? raw.end : slot.end,
      code: 'rasa/unknown-slot-type',
      message: raw
        ? `Failed to find slot type for slot '${slot.text}': a slot type is a name such as text, bool, categorical, float, list or any. ${DOCS}`
        : `The slot '${slot.text}' has no type. Add \`type:\` with one of text, bool, categorical, float, list or any (or the module path of a custom slot class). ${DOCS}`,
    });
    return;
  }
  const t = type.text;
  // A custom slot class is named by its module path.
  if (SLOT_TYPES.has(t) || t.includes('.')) return;
  const guess = TYPE_ALIASES.get(t.toLowerCase()) ?? guessName(t, SLOT_TYPES);
  ctx.report(file, {
    start: type.start,
    end: type.end,
    code: 'rasa/unknown-slot-type',
    message: `Failed to find slot type, '${t}' is neither a known type nor user-defined.${didYouMean(guess)} Rasa's slot types are text, bool, categorical, float, list and any${t.toLowerCase() === 'unfeaturized' ? ' (the 2.x type unfeaturized is now `type: any` with `influence_conversation: false`)' : ''}; a custom slot class is named by its module path. ${DOCS}`,
    ...withFixes(renameFixes(bot, file, type, guess)),
  });
}

function checkMapping(ctx: RasaRuleContext, names: Names, file: string, slot: Spanned, m: MappingFact, forms: Map<string, InFile<FormDecl>[]>): void {
  const { bot } = ctx;
  const typeNode = prop(m.node, 'type')?.value;
  const type = m.type?.text;
  if (type === undefined) {
    const firstKey = m.node.properties[0];
    ctx.report(file, {
      ...(typeNode ? { start: typeNode.start, end: typeNode.end } : firstKey ? { start: firstKey.keyStart, end: firstKey.keyEnd } : { start: m.node.start, end: m.node.end }),
      code: 'rasa/slot-mapping-invalid',
      message: `Your domain uses an invalid slot mapping${typeNode ? '' : ' without a type'} for slot '${slot.text}'. Give each mapping a \`type:\`: ${[...MAPPING_TYPES.keys()].join(', ')}. ${DOCS}`,
    });
  } else if (!MAPPING_TYPES.has(type)) {
    const guess = guessName(type, MAPPING_TYPES.keys());
    ctx.report(file, {
      start: m.type!.start,
      end: m.type!.end,
      code: 'rasa/slot-mapping-invalid',
      message: `Your domain uses an invalid slot mapping of type '${type}' for slot '${slot.text}'.${didYouMean(guess)} The mapping types are ${[...MAPPING_TYPES.keys()].join(', ')}. ${DOCS}`,
      ...withFixes(renameFixes(bot, file, m.type!, guess)),
    });
  } else {
    const key = MAPPING_TYPES.get(type);
    if (key && missing(m.node, key)) {
      ctx.report(file, {
        start: m.type!.start,
        end: m.type!.end,
        code: 'rasa/slot-mapping-invalid',
        message: `You need to specify a value for the key '${key}' in the slot mapping of type '${type}' for slot '${slot.text}'. ${key === 'entity' ? 'Add `entity:` with the entity whose value fills the slot.' : 'Add `value:` with the value the slot is set to.'} ${DOCS}`,
      });
    }
  }

  const unsure = names.unsure;
  if (m.entity && !unsure && !bot.entities.has(m.entity.text)) {
    const guess = guessName(m.entity.text, names.get('entities'));
    ctx.report(file, {
      start: m.entity.start,
      end: m.entity.end,
      code: 'rasa/slot-mapping-unknown-entity',
      message: `Slot '${slot.text}' uses a 'from_entity' mapping for a non-existent entity '${m.entity.text}'. Skipping slot extraction because of invalid mapping.${didYouMean(guess)} Add the entity to the domain under entities:, or name a declared one.`,
      ...withFixes(renameFixes(bot, file, m.entity, guess)),
    });
  }

  for (const i of m.intents) {
    const slash = i.text.indexOf('/');
    const base = slash > 0 ? i.text.slice(0, slash) : i.text;
    if (unsure || bot.intents.has(base) || DEFAULT_INTENTS.has(base)) continue;
    const guess = guessName(i.text, names.get('intents'));
    ctx.report(file, {
      start: i.start,
      end: i.end,
      code: 'rasa/slot-mapping-unknown-intent',
      message: `Slot '${slot.text}' uses a '${type ?? 'slot'}' mapping for a non-existent intent '${i.text}'.${type === 'from_intent' ? ' Skipping slot extraction because of invalid mapping.' : ''}${didYouMean(guess)} Add the intent to the domain under intents:, or name a declared one.`,
      ...withFixes(renameFixes(bot, file, i, guess)),
    });
  }

  for (const c of m.conditions) {
    const form = c.form;
    if (!form) continue;
    const decls = forms.get(form.text);
    if (!decls && unsure) continue;
    if (!decls) {
      const guess = guessName(form.text, names.get('forms'));
      ctx.report(file, {
        start: form.start,
        end: form.end,
        code: 'rasa/slot-mapping-unknown-form',
        message: `Slot '${slot.text}' has a mapping condition for form '${form.text}' which is not listed in domain forms. Please add this form to the forms section or check for typos.${didYouMean(guess)}`,
        ...withFixes(renameFixes(bot, file, form, guess)),
      });
      continue;
    }
    // A from_trigger_intent mapping fills the slot when the form starts: the form need not ask for it.
    if (type === 'from_trigger_intent') continue;
    if (decls.some((d) => d.decl.requiredSlots.some((s) => s.text === slot.text))) continue;
    const finding: Finding = {
      start: form.start,
      end: form.end,
      code: 'rasa/slot-mapping-not-required',
      message: `Slot '${slot.text}' has a mapping condition for form '${form.text}', but it's not present in '${form.text}' form's 'required_slots'. The slot needs to be added to this key, or the condition removed: the form never asks for the slot, so the mapping never fills it.`,
    };
    const fix = requireFix(bot, decls[0]!, slot.text);
    if (fix) finding.fixes = [fix];
    ctx.report(file, finding);
  }
}

/** Adds a slot to a form's `required_slots` list. */
function requireFix(bot: RasaBot, form: InFile<FormDecl>, slot: string): Fix | undefined {
  const doc = bot.docs.get(form.file);
  const list = asArray(prop(form.decl.node, 'required_slots')?.value);
  if (!doc || !list || list.items.length === 0) return undefined;
  return { title: `Add "${slot}" to the required_slots of ${form.decl.item.text}`, preferred: true, edits: [appendItem(doc.doc, list, slot)] };
}

export const slotsRule: RasaRule = {
  codes: ['rasa/unknown-slot-type', 'rasa/slot-mapping-invalid', 'rasa/slot-mapping-unknown-entity', 'rasa/slot-mapping-unknown-intent', 'rasa/slot-mapping-unknown-form', 'rasa/slot-mapping-not-required'],
  check(ctx) {
    const { bot } = ctx;
    const names = new Names(bot);
    for (const list of bot.slots.values()) {
      for (const { file, decl } of list) {
        checkType(ctx, file, decl.item, decl.node, decl.type);
        for (const m of decl.mappings) checkMapping(ctx, names, file, decl.item, m, bot.forms);
      }
    }
  },
};
