// rasa/story-conflict: two stories that agree from the start of the conversation and then
// predict different actions. `rasa data validate` finds these by featurising every story
// (story_conflict.py, max_history = the longest story): identical events give identical
// states, so a shared prefix followed by two actions is always one of its conflicts. The
// stories are walked together in a prefix tree, so each story is read once.
import type { RelatedInfo } from '../../../definitions/index';
import type { InFile } from '../model';
import type { StoryFact } from '../dialogue';
import { afterWhat, buildTrie, divergences, membersOf, predicts, reportMemo, storiesAsInputs, storyWalk } from './dialogueWalk';
import type { Walk } from './dialogueWalk';
import type { RasaRule } from './types';

const CODE = 'rasa/story-conflict';

/** How many stories of another branch a finding names in its related places. */
const RELATED = 3;

export const storyConflictsRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    if (ctx.isOff(CODE)) return;
    const inputs = storiesAsInputs(ctx.bot.stories, 'story');
    if (inputs.length < 4) return;
    reportMemo(ctx, CODE, inputs, (report) => {
      const stories: InFile<StoryFact>[] = ctx.bot.stories.filter((s) => s.decl.kind === 'story');
      const walks: Walk[] = stories.map((s) => storyWalk(s.decl));
      for (const { node, branches } of divergences(buildTrie(walks), walks)) {
        const d = node.depth;
        const after = afterWhat(walks[node.first]!.events, d);
        const members = new Map(branches.map((b) => [b, membersOf(b)]));
        for (const branch of branches) {
          const others = branches.filter((b) => b !== branch);
          for (const i of members.get(branch)!) {
            const story = stories[i]!;
            const mine = walks[i]!.events[d]!;
            const other = stories[others[0]!.first]!;
            const theirs = walks[others[0]!.first]!.events[d]!;
            const more = others.reduce((n, b) => n + members.get(b)!.length, 0) - 1;
            const related: RelatedInfo[] = [];
            for (const b of others) {
              for (const j of members.get(b)!.slice(0, RELATED)) {
                const e = walks[j]!.events[d]!;
                related.push({ file: stories[j]!.file, start: e.at.start, end: e.at.end, message: `story '${stories[j]!.decl.name.text}' ${predicts(e)} here` });
              }
            }
            report(story.file, {
              start: mine.at.start,
              end: mine.at.end,
              code: CODE,
              message:
                `Story structure conflict ${after}: story '${story.decl.name.text}' ${predicts(mine)} and story '${other.decl.name.text}'${more > 0 ? ` (and ${more} more)` : ''} ${predicts(theirs)}. ` +
                'Make them agree, or make their histories differ (a slot_was_set, an entity or an earlier turn).',
              related,
            });
          }
        }
      }
    });
  },
};
