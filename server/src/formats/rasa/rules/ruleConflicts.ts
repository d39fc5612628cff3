// rasa/rule-conflict: a rule that another rule, or a story, contradicts. Rasa's RulePolicy
// refuses to train then ("Contradicting rules or stories found", rule_policy.py). Proven
// cases only:
// - two rules with the same `condition:` (and the same `conversation_start`) that start with
//   the same user turn, agree for a while and then predict different actions (a rule that
//   does not say `wait_for_user_input: false` ends by predicting action_listen);
// - a rule without a condition and a story that, from a user turn of the story outside an
//   active loop, agree with the rule and then run another action than the rule predicts.
//   The walk stops at the story's next `active_loop`; a rule's final action_listen does not
//   count (RulePolicy drops it instead of failing, `_should_delete`); and when some rule
//   predicts the story's action after the same event, that rule may be the one RulePolicy
//   picks, so nothing is proven.
// Rules only apply when RulePolicy is among the policies (or no policies are given).
import type { Finding, RelatedInfo } from '../../../definitions/index';
import type { InFile } from '../model';
import type { StoryFact } from '../dialogue';
import { ACTION_LISTEN, afterWhat, buildTrie, conditionKey, divergences, membersOf, predicted, predicts, reportMemo, ruleWalk, storiesAsInputs, storyWalk } from './dialogueWalk';
import type { TrieNode, Walk, WalkEvent } from './dialogueWalk';
import type { RasaRule, RasaRuleContext } from './types';

const CODE = 'rasa/rule-conflict';
const RELATED = 3;
const HOW = 'Make them agree, or make their histories differ (a condition, a slot_was_set or an earlier turn).';

export const ruleConflictsRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    if (ctx.isOff(CODE) || !usesRulePolicy(ctx)) return;
    reportMemo(ctx, CODE, storiesAsInputs(ctx.bot.stories), (report) => check(ctx, report));
  },
};

type Report = (file: string, f: Finding) => void;

function check(ctx: RasaRuleContext, report: Report): void {
  const rules: InFile<StoryFact>[] = [];
  const walks: Walk[] = [];
  const groups = new Map<string, number[]>();
  for (const r of ctx.bot.stories) {
    if (r.decl.kind !== 'rule') continue;
    const walk = ruleWalk(r.decl);
    const cond = conditionKey(r.decl);
    if (!walk || cond === undefined) continue;
    const i = rules.push(r) - 1;
    walks.push(walk);
    const key = `${r.decl.conversationStart ? 'start' : 'any'}#${cond}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  rulesAgainstRules(report, rules, walks, groups);
  rulesAgainstStories(ctx, report, rules, walks, groups);
}

function usesRulePolicy(ctx: RasaRuleContext): boolean {
  const config = ctx.bot.docs.get(ctx.bot.manifest)?.facts.config;
  const policies = config?.policies ?? [];
  return policies.length === 0 || policies.some((p) => p.text === 'RulePolicy' || p.text.endsWith('.RulePolicy'));
}

function rulesAgainstRules(report: Report, rules: InFile<StoryFact>[], walks: Walk[], groups: Map<string, number[]>): void {
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const sub = members.map((i) => walks[i]!);
    for (const { node, branches } of divergences(buildTrie(sub), sub)) {
      const d = node.depth;
      const after = afterWhat(sub[node.first]!.events, d);
      const through = new Map(branches.map((b) => [b, membersOf(b)]));
      for (const branch of branches) {
        const others = branches.filter((b) => b !== branch);
        for (const k of through.get(branch)!) {
          const rule = rules[members[k]!]!;
          const mine = sub[k]!.events[d]!;
          const o = others[0]!.first;
          const other = rules[members[o]!]!;
          const theirs = sub[o]!.events[d]!;
          const related: RelatedInfo[] = [];
          for (const b of others) {
            for (const j of through.get(b)!.slice(0, RELATED)) {
              const e = sub[j]!.events[d]!;
              const r = rules[members[j]!]!;
              related.push({ file: r.file, start: e.at.start, end: e.at.end, message: `rule '${r.decl.name.text}' ${predicts(e)} here` });
            }
          }
          report(rule.file, {
            start: mine.at.start,
            end: mine.at.end,
            code: CODE,
            message:
              `Contradicting rules ${after}: rule '${rule.decl.name.text}' ${predicts(mine)} and rule '${other.decl.name.text}' ${predicts(theirs)}` +
              `${rule.decl.conditions.length ? ', under the same condition' : ''}. ${HOW}`,
            related,
          });
        }
      }
    }
  }
}

/** The event a prediction follows, as RulePolicy sees it: the previous action, or the intent of the user turn just before. */
function previousOf(events: readonly WalkEvent[], i: number): string {
  for (let j = i - 1; j >= 0; j--) {
    const e = events[j]!;
    if (e.key.startsWith('U:')) return `U:${e.name}`;
    if (e.action) return e.key;
    if (e.key.startsWith('L:')) return '*';
  }
  return '*';
}

function rulesAgainstStories(ctx: RasaRuleContext, report: Report, rules: InFile<StoryFact>[], walks: Walk[], groups: Map<string, number[]>): void {
  const anywhere = groups.get('any#') ?? [];
  const atStart = groups.get('start#') ?? [];
  if (!anywhere.length && !atStart.length) return;
  // What every rule (conditions or not) predicts after what: such a rule may be the one
  // RulePolicy applies to a story, so a story agreeing with one proves nothing.
  const supported = new Set<string>();
  for (const r of ctx.bot.stories) {
    if (r.decl.kind !== 'rule') continue;
    const events = ruleWalk(r.decl)?.events ?? storyWalk(r.decl).events;
    events.forEach((e, i) => {
      if (e.action) supported.add(`${i === 0 ? '*' : previousOf(events, i)}>${e.key}`);
    });
  }
  const tries = [anywhere, atStart].map((members) => ({ members, root: buildTrie(members.map((i) => walks[i]!)) }));
  // One finding per rule and place, however many stories contradict it there.
  const ruleSide = new Map<string, { rule: number; event: WalkEvent; after: string; stories: { story: InFile<StoryFact>; event: WalkEvent }[] }>();
  for (const story of ctx.bot.stories) {
    if (story.decl.kind !== 'story') continue;
    const events = storyWalk(story.decl).events;
    let inLoop = false;
    for (let p = 0; p < events.length; p++) {
      const e = events[p]!;
      if (e.key.startsWith('L:')) inLoop = e.key !== 'L:';
      if (inLoop || !e.key.startsWith('U:')) continue;
      for (const [t, { members, root }] of tries.entries()) {
        if (t === 1 && p !== 0) continue;
        const found = walkAgainst(root, events, p);
        if (!found) continue;
        const { node, at } = found;
        const mine = events[at]!;
        if (supported.has(`${previousOf(events, at)}>${mine.key}`) || supported.has(`*>${mine.key}`)) continue;
        for (const kid of node.kids!.values()) {
          const k = kid.first;
          const theirs = walks[members[k]!]!.events[node.depth]!;
          if (!predicted(theirs) || theirs.name === ACTION_LISTEN || theirs.key === mine.key) continue;
          const rule = rules[members[k]!]!;
          const after = afterWhat(events, at);
          const through = membersOf(kid);
          report(story.file, {
            start: mine.at.start,
            end: mine.at.end,
            code: CODE,
            message:
              `Rule conflict ${after}: story '${story.decl.name.text}' ${predicts(mine)}, but rule '${rule.decl.name.text}' predicts ${theirs.name} ` +
              `(Rasa: "the prediction of the action '${mine.name}' in story '${story.decl.name.text}' is contradicting with rule(s) '${rule.decl.name.text}'"). ${HOW}`,
            related: through.slice(0, RELATED).map((j) => {
              const r = rules[members[j]!]!;
              const ev = walks[members[j]!]!.events[node.depth]!;
              return { file: r.file, start: ev.at.start, end: ev.at.end, message: `rule '${r.decl.name.text}' predicts ${ev.name} here` };
            }),
          });
          for (const j of through) {
            const ev = walks[members[j]!]!.events[node.depth]!;
            const key = `${members[j]}@${ev.at.start}`;
            const side = ruleSide.get(key);
            if (side) side.stories.push({ story, event: mine });
            else ruleSide.set(key, { rule: members[j]!, event: ev, after, stories: [{ story, event: mine }] });
          }
        }
      }
    }
  }
  for (const { rule, event, after, stories } of ruleSide.values()) {
    const r = rules[rule]!;
    const first = stories[0]!;
    report(r.file, {
      start: event.at.start,
      end: event.at.end,
      code: CODE,
      message:
        `Rule conflict ${after}: rule '${r.decl.name.text}' predicts ${event.name}, but story '${first.story.decl.name.text}'${stories.length > 1 ? ` (and ${stories.length - 1} more)` : ''} ` +
        `${predicts(first.event)} after the same events. ${HOW}`,
      related: stories.slice(0, RELATED).map(({ story, event: e }) => ({ file: story.file, start: e.at.start, end: e.at.end, message: `story '${story.decl.name.text}' ${predicts(e)} here` })),
    });
  }
}

/**
 * Follows a story from its event `p` down a rule trie while they agree; the node and the
 * story's event where the story runs an action the rules there do not. Stops at the
 * story's next `active_loop`, and where the story does something other than an action.
 */
function walkAgainst(root: TrieNode, events: readonly WalkEvent[], p: number): { node: TrieNode; at: number } | undefined {
  let node = root;
  for (let j = p; j < events.length; j++) {
    const e = events[j]!;
    if (e.key.startsWith('L:')) return undefined;
    const kid = node.kids?.get(e.key);
    if (kid) {
      node = kid;
      continue;
    }
    return node !== root && predicted(e) ? { node, at: j } : undefined;
  }
  return undefined;
}
