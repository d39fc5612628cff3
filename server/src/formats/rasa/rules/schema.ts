// The shapes Rasa's YAML schemas require of its files (rasa/shared/utils/schemas/domain.yml,
// nlu.yml, stories.yml, the flows schema): a section of the wrong type, an NLU item with no
// supported key, a story or rule without its name or steps, a flow without steps (a response
// that is no list of variations is rasa/response-no-variations). Rasa refuses such a file at load ("Failed to validate
// …"); here each is one finding at the offending node, and the rest of the file is checked.
import type { Finding, Node } from '../../../definitions/index';
import { relOf } from '../model';
import type { RasaDocument, RasaRole } from '../model';
import { reportPerFile, type FileMemo } from './memo';
import type { RasaRule } from './types';

type Shape = 'list' | 'mapping' | 'text';

const SHAPE_OF: Record<Shape, (n: Node | null) => boolean> = {
  list: (n) => n?.type === 'array',
  mapping: (n) => n?.type === 'object',
  text: (n) => n?.type === 'scalar' && typeof n.value === 'string',
};

const WORDS: Record<Shape, string> = { list: 'a list', mapping: 'a mapping', text: 'a text' };

/** The shape of each top-level section, by the file's role. */
const DOMAIN_SECTIONS: Record<string, Shape> = {
  intents: 'list',
  entities: 'list',
  actions: 'list',
  e2e_actions: 'list',
  slots: 'mapping',
  forms: 'mapping',
  responses: 'mapping',
  session_config: 'mapping',
};
const DATA_SECTIONS: Record<string, Shape> = { nlu: 'list', stories: 'list', rules: 'list', flows: 'mapping', responses: 'mapping' };

function what(n: Node | null): string {
  if (!n) return 'empty';
  if (n.type === 'scalar') return n.value === null ? 'empty' : typeof n.value === 'string' ? 'a text' : `the ${typeof n.value} ${String(n.value)}`;
  return n.type === 'array' ? 'a list' : n.type === 'object' ? 'a mapping' : 'unreadable';
}

const memo: FileMemo = new WeakMap();

export const schemaRule: RasaRule = {
  codes: ['rasa/schema'],
  check(ctx) {
    const { bot } = ctx;
    for (const [file, doc] of bot.docs) {
      if (bot.unreadable.includes(file) || bot.skipped.includes(file)) continue;
      const role = bot.roles.get(file);
      const rel = relOf(bot, file);
      reportPerFile(ctx, memo, file, doc, `${role}\n${rel}`, (report) => check(doc, role, rel, report));
    }
  },
};

/** The findings of one file (readable, not skipped). */
function check(doc: RasaDocument, role: RasaRole | undefined, rel: string, report: (f: Finding) => void): void {
  const f = doc.facts;
  const at = (node: { start: number; end: number }, message: string): Finding => ({ start: node.start, end: node.end, code: 'rasa/schema', message });
  const sections = role === 'domain' ? DOMAIN_SECTIONS : role === 'data' || role === 'test' ? DATA_SECTIONS : {};
  for (const p of f.sections.values()) {
    const shape = sections[p.key];
    // An empty section is allowed (Rasa reads it as none).
    if (!shape || p.value === null || (p.value.type === 'scalar' && p.value.value === null) || SHAPE_OF[shape](p.value)) continue;
    report(at(p.value, `In ${rel}, \`${p.key}\` must be ${WORDS[shape]}, not ${what(p.value)}. Rasa refuses the file ("Failed to validate"): write it as ${WORDS[shape]}.`));
  }
  // NLU items: each a mapping naming an intent, synonym, regex or lookup.
  const nlu = f.sections.get('nlu')?.value;
  if (nlu?.type === 'array') {
    for (const item of nlu.items) {
      if (item.type !== 'object') {
        report(at(item, `Each item under \`nlu:\` is a mapping like \`- intent: greet\` with \`examples: |\`; this one is ${what(item)}.`));
        continue;
      }
      if (!['intent', 'synonym', 'regex', 'lookup'].some((k) => item.properties.some((p) => p.key === k))) {
        report(at(item.properties[0] ? { start: item.properties[0].keyStart, end: item.properties[0].keyEnd } : item, 'This NLU item has none of `intent`, `synonym`, `regex` or `lookup`, so Rasa skips it. Name what it is, e.g. `- intent: greet`.'));
      }
    }
  }
  // Stories and rules: a name and a list of steps, each step a mapping.
  for (const [key, kind] of [
    ['stories', 'story'],
    ['rules', 'rule'],
  ] as const) {
    const list = f.sections.get(key)?.value;
    if (list?.type !== 'array') continue;
    for (const item of list.items) {
      if (item.type !== 'object') {
        report(at(item, `Each item under \`${key}:\` is a mapping with \`${kind}:\` (its name) and \`steps:\`; this one is ${what(item)}.`));
        continue;
      }
      const name = item.properties.find((p) => p.key === kind);
      const steps = item.properties.find((p) => p.key === 'steps');
      const head = item.properties[0] ? { start: item.properties[0].keyStart, end: item.properties[0].keyEnd } : item;
      if (!name || !SHAPE_OF.text(name.value)) report(at(name?.value ?? head, `This ${kind} has no name: give it \`${kind}: <what it shows>\`.`));
      if (!steps) report(at(head, `The ${kind} has no \`steps:\`; Rasa skips it. Add its steps.`));
      else if (steps.value?.type !== 'array') report(at(steps.value ?? { start: steps.keyStart, end: steps.keyEnd }, `\`steps\` of a ${kind} must be a list of steps, not ${what(steps.value)}.`));
      else for (const s of steps.value.items) if (s.type !== 'object' && !(kind === 'rule' && s.type === 'scalar' && s.value === '...')) report(at(s, `A step is a mapping like \`- intent: greet\` or \`- action: utter_greet\`; this one is ${what(s)}.`));
    }
  }
  // Flows: each a mapping with a list of steps.
  const flows = f.sections.get('flows')?.value;
  if (flows?.type === 'object') {
    for (const p of flows.properties) {
      const steps = p.value?.type === 'object' ? p.value.properties.find((q) => q.key === 'steps') : undefined;
      if (!steps || steps.value?.type !== 'array') {
        report(at({ start: p.keyStart, end: p.keyEnd }, `The flow ${p.key} has no list of \`steps:\`; Rasa refuses the flows file. Give it its steps.`));
      }
    }
  }
}
