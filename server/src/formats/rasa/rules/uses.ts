// What one file of a Rasa project uses and maps — intents, actions, responses, forms, slots
// and entities its stories, rules, tests and flows name, the entities and synonyms of its
// examples, and what is wrongly written in them — grouped by name and worked out once per
// version of the file. A check then looks at each file's few distinct names instead of at
// every example and step of the project, so an edit costs what the edited file holds.
import type { Node } from '../../../definitions/index';
import type { StepFact, StoryFact } from '../dialogue';
import { blockLines, parseAnnotations, type Annotation, type Spanned } from '../examples';
import { asArray, asObject, prop, spanned } from '../facts';
import type { RasaBot, RasaDocument } from '../model';

/** One place a name is used: its token, and the story or rule (or flow) it is in. */
export interface Use {
  at: Spanned;
  block: string;
}

/** An entity an example or a step names, with the role and group it gives. */
export interface EntityUse {
  name: Spanned;
  role?: Spanned;
  group?: Spanned;
}

/** Text mapped to a synonym value, in reading order. */
export interface SynonymMapping {
  text: string;
  value: string;
  /** The example of a `synonym:` item, or the value of an annotation. */
  at: Spanned;
  annotation: boolean;
}

export interface FileUses {
  /** Intents (retrieval ones by base) with at least one example in the file's `nlu:`. */
  exampleIntents: Set<string>;
  /** Entities named by annotations of examples and `user:` texts and by story steps' `entities:`. */
  entities: Map<string, EntityUse[]>;
  /** Annotations whose `{…}` cannot be read. */
  badAnnotations: Annotation[];
  synonyms: SynonymMapping[];
  /** Dialogue (stories, rules, test stories): intents by base, actions (responses included), forms, slots. */
  intents: Map<string, Use[]>;
  actions: Map<string, Use[]>;
  forms: Map<string, Use[]>;
  slots: Map<string, Use[]>;
  /** Flows: the actions and responses their steps run, the responses of collect steps' rejections, the intents that trigger them, the prompts collect steps ask with. */
  flowActions: Map<string, Use[]>;
  flowRejections: Map<string, Use[]>;
  flowTriggers: Map<string, Use[]>;
  flowPrompts: Set<string>;
  /** End-to-end tests (`test_cases:`): the responses they expect and the slots they name. */
  e2eUtters: Map<string, Use[]>;
  e2eSlots: Map<string, Use[]>;
}

const cache = new WeakMap<RasaDocument, FileUses>();

/** What a file of the project uses, once per version of the file. */
export function usesOf(bot: RasaBot, file: string): FileUses | undefined {
  const doc = bot.docs.get(file);
  if (!doc) return undefined;
  const hit = cache.get(doc);
  if (hit) return hit;
  const uses = readUses(doc);
  cache.set(doc, uses);
  return uses;
}

/** The training data and test files Rasa reads (those it skips for their version left out), with whether each is a test file. */
export function dataFiles(bot: RasaBot): { file: string; test: boolean }[] {
  const out: { file: string; test: boolean }[] = [];
  for (const file of bot.files) {
    const role = bot.roles.get(file);
    if ((role === 'data' || role === 'test') && !bot.skipped.includes(file)) out.push({ file, test: role === 'test' });
  }
  return out;
}

const NONE = {};

/**
 * The training data and test files as memo inputs of a check: each file, whether it is a
 * test, and its uses when `relevant` says the check reads something of them (else one
 * sentinel: an edit of an NLU file leaves the inputs of a check of the dialogue the same).
 */
export function usesAsInputs(bot: RasaBot, relevant: (u: FileUses) => boolean): unknown[] {
  const out: unknown[] = [];
  for (const { file, test } of dataFiles(bot)) {
    const u = usesOf(bot, file)!;
    out.push(file, test, relevant(u) ? u : NONE);
  }
  return out;
}

/** The part of a name before `/` (a retrieval intent `faq/ask_x` is the domain's `faq`), span inside its quotes. */
export function baseOf(name: Spanned, text: string): Spanned {
  const slash = name.text.indexOf('/');
  if (slash <= 0) return name;
  const q = text[name.start] === '"' || text[name.start] === "'" ? 1 : 0;
  return { text: name.text.slice(0, slash), start: name.start + q, end: name.start + q + slash };
}

function add<T>(map: Map<string, T[]>, name: string, item: T): void {
  const list = map.get(name);
  if (list) list.push(item);
  else map.set(name, [item]);
}

function readUses(doc: RasaDocument): FileUses {
  const text = doc.doc.text;
  const facts = doc.facts;
  const u: FileUses = {
    exampleIntents: new Set(),
    entities: new Map(),
    badAnnotations: [],
    synonyms: [],
    intents: new Map(),
    actions: new Map(),
    forms: new Map(),
    slots: new Map(),
    flowActions: new Map(),
    flowRejections: new Map(),
    flowTriggers: new Map(),
    flowPrompts: new Set(),
    e2eUtters: new Map(),
    e2eSlots: new Map(),
  };
  const annotation = (a: Annotation): void => {
    if (a.problem) {
      u.badAnnotations.push(a);
      return;
    }
    const e: EntityUse = { name: a.entity };
    if (a.role) e.role = a.role;
    if (a.group) e.group = a.group;
    add(u.entities, a.entity.text, e);
  };

  for (const item of facts.nlu) {
    if (item.kind === 'synonym') {
      for (const ex of item.examples) u.synonyms.push({ text: ex.raw.text, value: item.name.text, at: ex.raw, annotation: false });
      continue;
    }
    if (item.kind !== 'intent') continue;
    if (item.examples.length) u.exampleIntents.add(baseOf(item.name, text).text);
    for (const ex of item.examples) {
      for (const a of ex.annotations) {
        annotation(a);
        if (!a.problem && a.value && a.value.text !== a.words.text) u.synonyms.push({ text: a.words.text, value: a.value.text, at: a.value, annotation: true });
      }
    }
  }

  for (const story of facts.stories) readStory(story, text, u, annotation);

  for (const flow of facts.flows) {
    const block = flow.id.text;
    for (const t of flow.nluTriggers) add(u.flowTriggers, t.text, { at: t, block });
    for (const step of flow.steps) {
      if (step.kind === 'action' && step.target && !step.target.text.includes('{')) add(u.flowActions, step.target.text, { at: step.target, block });
      // A collect step asks with its `utter`, else with utter_ask_<slot>.
      if (step.kind === 'collect' && step.target) u.flowPrompts.add(step.utter?.text ?? `utter_ask_${step.target.text}`);
      for (const r of step.rejections) if (r.utter) add(u.flowRejections, r.utter.text, { at: r.utter, block });
    }
  }

  if (facts.isE2e) {
    for (const tc of asArray(facts.sections.get('test_cases')?.value)?.items ?? []) {
      const block = spanned(prop(tc, 'test_case')?.value)?.text ?? 'test case';
      for (const s of asArray(prop(tc, 'steps')?.value)?.items ?? []) {
        const utter = spanned(prop(s, 'utter')?.value);
        if (utter) add(u.e2eUtters, utter.text, { at: utter, block });
        for (const key of ['slot_was_set', 'slot_was_not_set']) for (const name of slotNames(prop(s, key)?.value)) add(u.e2eSlots, name.text, { at: name, block });
      }
    }
  }
  return u;
}

function readStory(story: StoryFact, text: string, u: FileUses, annotation: (a: Annotation) => void): void {
  const block = story.name.text;
  const step = (s: StepFact): void => {
    switch (s.kind) {
      case 'intent':
      case 'user':
        if (s.name) {
          const base = baseOf(s.name, text);
          add(u.intents, base.text, { at: base, block });
        }
        for (const e of stepEntities(s)) add(u.entities, e.name.text, e);
        for (const a of userAnnotations(text, s)) annotation(a);
        break;
      case 'action':
        if (s.name) add(u.actions, s.name.text, { at: s.name, block });
        break;
      case 'active_loop':
        if (s.name) add(u.forms, s.name.text, { at: s.name, block });
        break;
    }
    for (const slot of s.slots) add(u.slots, slot.name.text, { at: slot.name, block });
    for (const a of s.alternatives) step(a);
  };
  for (const s of story.conditions) step(s);
  for (const s of story.steps) step(s);
}

/** The entity annotations in a step's `user:` text (end-to-end and test stories), with their places in the file. */
function userAnnotations(text: string, step: StepFact): Annotation[] {
  const node = prop(step.node, 'user')?.value;
  if (!node || node.type !== 'scalar' || typeof node.value !== 'string' || !node.value.includes('[')) return [];
  const out: Annotation[] = [];
  for (const line of blockLines(text, node)) out.push(...parseAnnotations(line.text, line.start).annotations);
  return out;
}

/**
 * The entities of a step's `entities:` — `- name`, `- name: value`, `- {entity: name, value, role,
 * group}` or `- {name: value, role, group}` — as the step facts read them, with role and group.
 */
function stepEntities(step: StepFact): EntityUse[] {
  const out: EntityUse[] = [];
  for (const item of asArray(prop(step.node, 'entities')?.value)?.items ?? []) {
    const alone = spanned(item);
    if (alone) {
      out.push({ name: alone });
      continue;
    }
    const o = asObject(item);
    if (!o) continue;
    let name = spanned(prop(o, 'entity')?.value);
    const first = o.properties[0];
    if (!name && first && !['role', 'group', 'value'].includes(first.key)) name = { text: first.key, start: first.keyStart, end: first.keyEnd };
    if (!name) continue;
    const e: EntityUse = { name };
    const role = spanned(prop(o, 'role')?.value);
    const group = spanned(prop(o, 'group')?.value);
    if (role) e.role = role;
    if (group) e.group = group;
    out.push(e);
  }
  return out;
}

function slotNames(node: Node | null | undefined): Spanned[] {
  const out: Spanned[] = [];
  for (const it of asArray(node)?.items ?? []) {
    const alone = spanned(it);
    if (alone) out.push(alone);
    for (const p of asObject(it)?.properties ?? []) out.push({ text: p.key, start: p.keyStart, end: p.keyEnd });
  }
  return out;
}
