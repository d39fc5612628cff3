// What one file of a Lex V2 export says, read from its parsed tree with exact spans — also
// in minified one-line JSON, where a span is the only way to point at a value. The kind of
// file is known by its name (Intent.json, Slot.json, …). Tolerant: wrongly shaped parts are
// skipped here and reported by the schema rule, never thrown on.
import type { Node, ObjectNode, ParsedDocument, Property, ScalarNode } from '../../definitions/index';
import type { FileFacts } from '../../definitions/index';
import { kindOfName, type LexFileKind } from './layout';
import { readTestSet, type TestSetFacts } from './testSet';

/** A string value with the span of its token in the file (quotes included). */
export interface Str {
  text: string;
  start: number;
  end: number;
}

/** A number value with its span. */
export interface Num {
  value: number;
  start: number;
  end: number;
}

/** A next step: `nextStep`, `captureNextStep`, `failureNextStep`, … (a DialogState). */
export interface NextStepFact {
  /** The property that holds it. */
  key: string;
  /** `dialogAction.type`. */
  action?: Str;
  /** `dialogAction.slotToElicit`. */
  slotToElicit?: Str;
  /** `intent.name`: the intent the step goes to (absent: the current one). */
  intent?: Str;
  start: number;
  end: number;
}

/** A problem with the shape of the file, at the offending node. */
export interface ShapeProblem {
  start: number;
  end: number;
  message: string;
}

export interface SlotPriorityFact {
  slotName?: Str;
  priority?: Num;
  start: number;
  end: number;
}

export interface SlotValueFact {
  value?: Str;
  synonyms: Str[];
}

export interface LexFacts extends FileFacts {
  kind: LexFileKind | undefined;
  /** The top-level object, when the file is one. */
  root?: ObjectNode;
  name?: Str;
  /** The `name` property (key to value), for findings about a missing or wrong name. */
  nameProperty?: Property;
  description?: Str;
  shape: ShapeProblem[];
  // Manifest.json
  metaData?: Property;
  fileFormat?: Str;
  resourceType?: Str;
  // Bot.json
  idleSessionTTL?: Num;
  // BotLocale.json
  confidenceThreshold?: Num;
  // Intent.json
  parentIntentSignature?: Str;
  /** `sampleUtterances` (of an intent, or a slot's elicitation utterances). */
  utterancesProperty?: Property;
  utterances: Str[];
  slotPrioritiesProperty?: Property;
  slotPriorities: SlotPriorityFact[];
  // Slot.json
  slotTypeName?: Str;
  // SlotType.json
  parentSlotTypeSignature?: Str;
  slotTypeValuesProperty?: Property;
  values: SlotValueFact[];
  /** Every next step anywhere in the file. */
  nextSteps: NextStepFact[];
  /** Every plain text and SSML message's text. */
  messages: Str[];
  /** A test set's rows (a CSV file whose header is a test set's). */
  testSet?: TestSetFacts;
}

function strOf(node: Node | null | undefined): Str | undefined {
  return node && node.type === 'scalar' && typeof node.value === 'string' ? { text: node.value, start: node.start, end: node.end } : undefined;
}

function numOf(node: Node | null | undefined): Num | undefined {
  return node && node.type === 'scalar' && typeof node.value === 'number' ? { value: node.value, start: node.start, end: node.end } : undefined;
}

function prop(obj: ObjectNode | undefined, key: string): Property | undefined {
  if (!obj) return undefined;
  for (const p of obj.properties) if (p.key === key) return p;
  return undefined;
}

function objOf(node: Node | null | undefined): ObjectNode | undefined {
  return node && node.type === 'object' ? node : undefined;
}

const EMPTY: readonly never[] = [];

/** Reads one file's facts. */
export function extractLexFacts(doc: ParsedDocument): LexFacts {
  const kind = kindOfName(doc.path);
  const facts: LexFacts = { kind, defs: EMPTY, refs: EMPTY, shape: [], utterances: [], slotPriorities: [], values: [], nextSteps: [], messages: [] };
  if (kind === 'testSet') {
    const set = readTestSet(doc.text);
    if (set) facts.testSet = set;
    return facts;
  }
  const root = doc.root;
  if (!kind || !root) return facts;
  if (root.type !== 'object') {
    facts.shape.push({ start: root.start, end: root.end, message: `${doc.path.slice(doc.path.lastIndexOf('/') + 1)} must hold a JSON object; it holds ${root.type === 'array' ? 'a list' : 'a single value'}.` });
    return facts;
  }
  facts.root = root;
  const shape = (node: { start: number; end: number }, message: string): void => {
    facts.shape.push({ start: node.start, end: node.end, message });
  };

  if (kind === 'manifest') {
    facts.metaData = prop(root, 'metaData') ?? prop(root, 'metadata');
    const meta = objOf(facts.metaData?.value);
    facts.fileFormat = strOf(prop(meta, 'fileFormat')?.value);
    facts.resourceType = strOf(prop(meta, 'resourceType')?.value);
    return facts;
  }
  if (kind === 'flow') return facts;

  const nameProperty = prop(root, 'name');
  facts.nameProperty = nameProperty;
  facts.name = strOf(nameProperty?.value);
  if (!nameProperty) shape({ start: root.start, end: Math.min(root.end, root.start + 1) }, `${labelOf(kind)} has no "name".`);
  else if (!facts.name) shape(nameProperty.value ?? nameProperty, `"name" must be a string.`);
  facts.description = strOf(prop(root, 'description')?.value);

  switch (kind) {
    case 'bot':
      facts.idleSessionTTL = numOf(prop(root, 'idleSessionTTLInSeconds')?.value);
      break;
    case 'locale':
      facts.confidenceThreshold = numOf(prop(root, 'nluConfidenceThreshold')?.value);
      break;
    case 'intent': {
      facts.parentIntentSignature = strOf(prop(root, 'parentIntentSignature')?.value);
      readUtterances(root, facts, shape);
      const sp = prop(root, 'slotPriorities');
      facts.slotPrioritiesProperty = sp;
      if (sp?.value && sp.value.type === 'array') {
        for (const item of sp.value.items) {
          const o = objOf(item);
          if (!o) {
            shape(item, 'Each item of "slotPriorities" must be an object with "priority" and "slotName".');
            continue;
          }
          facts.slotPriorities.push({ slotName: strOf(prop(o, 'slotName')?.value), priority: numOf(prop(o, 'priority')?.value), start: o.start, end: o.end });
        }
      } else if (sp?.value && !(sp.value.type === 'scalar' && sp.value.value === null)) shape(sp.value, '"slotPriorities" must be a list.');
      break;
    }
    case 'slot': {
      const st = prop(root, 'slotTypeName');
      facts.slotTypeName = strOf(st?.value);
      if (st?.value && !facts.slotTypeName && !(st.value.type === 'scalar' && st.value.value === null)) shape(st.value, '"slotTypeName" must be a string.');
      const elicitation = objOf(prop(root, 'valueElicitationSetting')?.value);
      if (elicitation) readUtterances(elicitation, facts, shape);
      break;
    }
    case 'slotType': {
      facts.parentSlotTypeSignature = strOf(prop(root, 'parentSlotTypeSignature')?.value);
      const values = prop(root, 'slotTypeValues');
      facts.slotTypeValuesProperty = values;
      if (values?.value && values.value.type === 'array') {
        for (const item of values.value.items) {
          const o = objOf(item);
          if (!o) {
            shape(item, 'Each item of "slotTypeValues" must be an object with "sampleValue".');
            continue;
          }
          const v: SlotValueFact = { value: strOf(prop(objOf(prop(o, 'sampleValue')?.value), 'value')?.value), synonyms: [] };
          const syn = prop(o, 'synonyms')?.value;
          if (syn && syn.type === 'array') for (const s of syn.items) {
            const t = strOf(prop(objOf(s), 'value')?.value);
            if (t) v.synonyms.push(t);
          }
          facts.values.push(v);
        }
      } else if (values?.value && !(values.value.type === 'scalar' && values.value.value === null)) shape(values.value, '"slotTypeValues" must be a list.');
      break;
    }
  }
  collect(root, facts);
  return facts;
}

function readUtterances(obj: ObjectNode, facts: LexFacts, shape: (node: { start: number; end: number }, message: string) => void): void {
  const su = prop(obj, 'sampleUtterances');
  facts.utterancesProperty = su;
  if (!su?.value || (su.value.type === 'scalar' && su.value.value === null)) return;
  if (su.value.type !== 'array') {
    shape(su.value, '"sampleUtterances" must be a list of {"utterance": "…"}.');
    return;
  }
  for (const item of su.value.items) {
    const u = strOf(prop(objOf(item), 'utterance')?.value);
    if (u) facts.utterances.push(u);
    else shape(item, 'Each sample utterance must be an object with an "utterance" string.');
  }
}

/** Next steps and messages anywhere in the file; iterative, so depth costs no stack. */
function collect(root: ObjectNode, facts: LexFacts): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'array') {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const it = node.items[i]!;
        if (it.type === 'object' || it.type === 'array') stack.push(it);
      }
      continue;
    }
    if (node.type !== 'object') continue;
    for (let i = node.properties.length - 1; i >= 0; i--) {
      const p = node.properties[i]!;
      const v = p.value;
      if (!v || (v.type !== 'object' && v.type !== 'array')) continue;
      // Sample utterances hold no steps or messages: skip them (an intent's bulk).
      if (p.key === 'sampleUtterances') continue;
      if (v.type === 'object' && (p.key === 'nextStep' || p.key.endsWith('NextStep'))) facts.nextSteps.push(nextStepOf(p.key, v));
      if (v.type === 'object' && (p.key === 'plainTextMessage' || p.key === 'ssmlMessage')) {
        const text = strOf(prop(v, 'value')?.value);
        if (text) facts.messages.push(text);
      }
      stack.push(v);
    }
  }
}

function nextStepOf(key: string, node: ObjectNode): NextStepFact {
  const action = objOf(prop(node, 'dialogAction')?.value);
  const intent = objOf(prop(node, 'intent')?.value);
  const out: NextStepFact = { key, start: node.start, end: node.end };
  const type = strOf(prop(action, 'type')?.value);
  if (type) out.action = type;
  const slot = strOf(prop(action, 'slotToElicit')?.value);
  if (slot) out.slotToElicit = slot;
  const name = strOf(prop(intent, 'name')?.value);
  if (name) out.intent = name;
  return out;
}

/** How a message names a file of a kind. */
export function labelOf(kind: LexFileKind): string {
  switch (kind) {
    case 'manifest':
      return 'The manifest';
    case 'bot':
      return 'Bot.json';
    case 'locale':
      return 'BotLocale.json';
    case 'intent':
      return 'The intent';
    case 'slot':
      return 'The slot';
    case 'slotType':
      return 'The slot type';
    case 'flow':
      return 'ConversationFlow.json';
    case 'testSet':
      return 'The test set';
  }
}

/**
 * The offset in the file of the character at `index` of a string token's decoded text: the
 * token's raw text may hold escapes (`\"`, `\u00e9`), so decoded and raw offsets can differ.
 */
export function rawOffset(fileText: string, token: Str, index: number): number {
  const from = token.start + 1;
  const raw = fileText.slice(from, token.end - 1);
  if (!raw.includes('\\')) return from + index;
  let decoded = 0;
  let i = 0;
  while (i < raw.length && decoded < index) {
    if (raw[i] === '\\') i += raw[i + 1] === 'u' ? 6 : 2;
    else i++;
    decoded++;
  }
  return from + i;
}

/** Whether a scalar is JSON null. */
export function isNull(node: Node | null | undefined): boolean {
  return !!node && node.type === 'scalar' && (node as ScalarNode).value === null;
}
