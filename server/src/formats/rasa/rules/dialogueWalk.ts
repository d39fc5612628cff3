// Stories and rules as the event sequences Rasa trains on, for the conflict checks. Not a
// check itself. The walk is conservative: it compares only what it can prove equal, so a
// conflict it finds is one Rasa finds too.
//
// Events: a user turn is its intent with its entities (name, role and group, sorted) and its
// `user:` text when it has one; `action`; each slot of `slot_was_set` as name=value;
// `active_loop`. A user turn after another event means Rasa predicted `action_listen` there
// (StoryStep.explicit_events adds it), so the walk adds that implied action. A step the walk
// cannot compare (`or`, `checkpoint`, `user:` text without an intent, `bot:`, the rule snippet
// `...`, anything unknown) ends the sequence: what comes before it is still the same in every
// conversation Rasa builds from the story.
import type { Finding, Node } from '../../../definitions/index';
import type { StepFact, StoryFact } from '../dialogue';
import type { InFile } from '../model';
import type { Spanned } from '../examples';
import type { RasaRuleContext } from './types';

export const ACTION_LISTEN = 'action_listen';

export interface WalkEvent {
  key: string;
  /** Something the policy predicts here: an action, or the `action_listen` a user turn implies. */
  action: boolean;
  /** The action's or intent's name. */
  name: string;
  /** The entities of a user turn, sorted. */
  entities?: string[];
  /** Where a finding about this event points. */
  at: Spanned;
  /** An `action_listen` the story or rule does not write. */
  implied?: boolean;
}

export interface Walk {
  events: WalkEvent[];
  /** Whether every step was read (no step ended the walk early). */
  complete: boolean;
}

/** A scalar's text, or undefined. */
function text(node: Node | null | undefined): string | undefined {
  return node && node.type === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/**
 * The entities of a user turn as Rasa featurises them: the name, with its role and group
 * (`entity#role`), values left out; sorted.
 */
function entityTags(step: StepFact): string[] {
  const node = step.node.type === 'object' ? step.node.properties.find((p) => p.key === 'entities')?.value : undefined;
  const tags = new Set<string>();
  for (const item of node && node.type === 'array' ? node.items : []) {
    const alone = text(item);
    if (alone !== undefined) tags.add(alone);
    if (item.type !== 'object' || !item.properties.length) continue;
    const get = (k: string) => text(item.properties.find((p) => p.key === k)?.value);
    const name = get('entity') ?? item.properties.find((p) => p.key !== 'role' && p.key !== 'group' && p.key !== 'value')?.key;
    if (name === undefined) continue;
    const role = get('role');
    const group = get('group');
    tags.add(`${name}${role !== undefined ? `#${role}` : ''}${group !== undefined ? `@${group}` : ''}`);
  }
  return [...tags].sort();
}

function userTurn(step: StepFact): WalkEvent | undefined {
  if (step.kind !== 'intent' || !step.name) return undefined;
  const entities = entityTags(step);
  // An end-to-end turn with `user:` text as well: Rasa featurises the text too.
  const said = step.node.type === 'object' ? text(step.node.properties.find((p) => p.key === 'user')?.value) : undefined;
  const key = `U:${step.name.text}|${entities.join(',')}${said !== undefined ? `|${JSON.stringify(said.trim())}` : ''}`;
  return { key, action: false, name: step.name.text, entities, at: step.name };
}

/** The events of a list of steps, with the implied `action_listen` before every user turn but the first event. */
function walkSteps(steps: readonly StepFact[], events: WalkEvent[]): boolean {
  for (const step of steps) {
    switch (step.kind) {
      case 'intent': {
        const turn = userTurn(step);
        if (!turn) return false;
        const last = events[events.length - 1];
        if (last && !(last.action && last.name === ACTION_LISTEN)) events.push({ key: `A:${ACTION_LISTEN}`, action: true, name: ACTION_LISTEN, at: turn.at, implied: true });
        events.push(turn);
        break;
      }
      case 'action': {
        if (!step.name || step.name.text === '' || step.name.text === '...') return false;
        events.push({ key: `A:${step.name.text}`, action: true, name: step.name.text, at: step.name });
        break;
      }
      case 'slot_was_set': {
        for (const s of step.slots) events.push({ key: `S:${s.name.text}=${s.value ?? ''}`, action: false, name: s.name.text, at: s.name });
        break;
      }
      case 'active_loop': {
        const name = step.name?.text;
        if (name === undefined && !step.loopEnds) return false;
        const at = step.name ?? { text: 'null', start: step.node.start, end: step.node.end };
        events.push({ key: `L:${name ?? ''}`, action: false, name: name ?? 'null', at });
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

// A file's facts are kept until the file changes, so a story's walk is worked out once.
const storyWalks = new WeakMap<StoryFact, Walk>();
const ruleWalks = new WeakMap<StoryFact, Walk | null>();

/** A story's events from the start of the conversation. */
export function storyWalk(story: StoryFact): Walk {
  let walk = storyWalks.get(story);
  if (!walk) {
    const events: WalkEvent[] = [];
    const complete = walkSteps(story.steps, events);
    walk = { events, complete };
    storyWalks.set(story, walk);
  }
  return walk;
}

/**
 * A rule's events, or undefined when it does not start with a user turn. Unless it says
 * `wait_for_user_input: false`, a rule ends by waiting for the user: the implied
 * `action_listen`, reported at its last step.
 */
export function ruleWalk(rule: StoryFact): Walk | undefined {
  let walk = ruleWalks.get(rule);
  if (walk === undefined) {
    walk = readRule(rule) ?? null;
    ruleWalks.set(rule, walk);
  }
  return walk ?? undefined;
}

function readRule(rule: StoryFact): Walk | undefined {
  if (rule.steps[0]?.kind !== 'intent' || !userTurn(rule.steps[0])) return undefined;
  const events: WalkEvent[] = [];
  const complete = walkSteps(rule.steps, events);
  const last = events[events.length - 1];
  if (complete && rule.waitForUserInput && last && (last.action ? last.name !== ACTION_LISTEN : !last.key.startsWith('U:'))) {
    events.push({ key: `A:${ACTION_LISTEN}`, action: true, name: ACTION_LISTEN, at: last.at, implied: true });
  }
  return { events, complete };
}

/** What a rule's `condition:` requires, as one key; undefined when a condition cannot be compared. */
export function conditionKey(rule: StoryFact): string | undefined {
  if (rule.conditions.some((c) => c.kind !== 'slot_was_set' && c.kind !== 'active_loop')) return undefined;
  const events: WalkEvent[] = [];
  if (!walkSteps(rule.conditions, events)) return undefined;
  return events
    .map((e) => e.key)
    .sort()
    .join(';');
}

/** The last user turn before event `i` (the turn a conflict comes after), with what follows it. */
export function afterWhat(events: readonly WalkEvent[], i: number): string {
  let lastAction: string | undefined;
  for (let j = i - 1; j >= 0; j--) {
    const e = events[j]!;
    if (e.key.startsWith('U:')) {
      const ents = e.entities?.length ? ` (with ${e.entities.join(', ')})` : '';
      return `after intent '${e.name}'${ents}${lastAction ? ` and action '${lastAction}'` : ''}`;
    }
    if (e.action && !e.implied && lastAction === undefined) lastAction = e.name;
  }
  return lastAction ? `after action '${lastAction}'` : 'at the start of the conversation';
}

/** How a message names what a side does at a conflict. */
export function predicts(e: WalkEvent): string {
  return e.implied ? `waits for the user (${ACTION_LISTEN})` : `predicts ${e.name}`;
}

/** A prefix tree of event sequences: stories (or rules) that share their first events share nodes. */
export interface TrieNode {
  kids?: Map<string, TrieNode>;
  /** The first sequence through this node (an index into the list the trie was built from). */
  first: number;
  /** The sequences that end here. */
  ends?: number[];
  depth: number;
}

export function buildTrie(walks: readonly Walk[]): TrieNode {
  const root: TrieNode = { first: 0, depth: 0 };
  walks.forEach((w, i) => {
    let node = root;
    for (const e of w.events) {
      node.kids ??= new Map();
      let kid = node.kids.get(e.key);
      if (!kid) {
        kid = { first: i, depth: node.depth + 1 };
        node.kids.set(e.key, kid);
      }
      node = kid;
    }
    (node.ends ??= []).push(i);
  });
  return root;
}

/** The sequences that pass through a node, in the order they were given. */
export function membersOf(node: TrieNode): number[] {
  const out: number[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.ends) out.push(...n.ends);
    if (n.kids) for (const k of n.kids.values()) stack.push(k);
  }
  return out.sort((a, b) => a - b);
}

/** Whether an event can be one side of a conflict (Rasa leaves `action_unlikely_intent` out). */
export const predicted = (e: WalkEvent): boolean => e.action && e.name !== 'action_unlikely_intent';

/**
 * Every node (below the root: at least one event shared) where sequences that agree so far
 * go on with different predicted actions: the node and its children that are such actions.
 */
export function* divergences(root: TrieNode, walks: readonly Walk[]): Generator<{ node: TrieNode; branches: TrieNode[] }> {
  const stack: TrieNode[] = root.kids ? [...root.kids.values()] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (!node.kids) continue;
    if (node.kids.size >= 2) {
      const branches: TrieNode[] = [];
      for (const kid of node.kids.values()) {
        const e = walks[kid.first]!.events[node.depth]!;
        if (predicted(e)) branches.push(kid);
      }
      if (branches.length >= 2) yield { node, branches };
    }
    for (const kid of node.kids.values()) stack.push(kid);
  }
}

/** The stories and rules of a model (or one kind of them) as memo inputs (file, facts, …), made once per list: a patched model keeps the list while its files are unchanged. */
const storyInputs = new WeakMap<readonly InFile<StoryFact>[], Map<string, unknown[]>>();

export function storiesAsInputs(stories: readonly InFile<StoryFact>[], kind?: StoryFact['kind']): unknown[] {
  let byKind = storyInputs.get(stories);
  if (!byKind) storyInputs.set(stories, (byKind = new Map()));
  let inputs = byKind.get(kind ?? '');
  if (!inputs) byKind.set(kind ?? '', (inputs = stories.filter((s) => kind === undefined || s.decl.kind === kind).flatMap((s) => [s.file, s.decl])));
  return inputs;
}

/** Findings worked out from some inputs, kept per project and check until an input changes. */
const lastResults = new Map<string, { inputs: readonly unknown[]; findings: [string, Finding][] }>();

/**
 * Runs `compute` unless the inputs (compared item by item: a file's facts stay the same object
 * until the file changes) are those of the last run for this project and check, and reports
 * its findings.
 */
export function reportMemo(ctx: RasaRuleContext, check: string, inputs: readonly unknown[], compute: (report: (file: string, f: Finding) => void) => void): void {
  const key = `${check}\n${ctx.bot.dir}`;
  const last = lastResults.get(key);
  let findings: [string, Finding][];
  if (last && (last.inputs === inputs || (last.inputs.length === inputs.length && last.inputs.every((x, i) => x === inputs[i])))) findings = last.findings;
  else {
    findings = [];
    compute((file, f) => findings.push([file, f]));
    lastResults.set(key, { inputs, findings });
  }
  for (const [file, f] of findings) ctx.report(file, { ...f });
}
