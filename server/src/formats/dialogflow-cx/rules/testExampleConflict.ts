// dialogflow-cx/test-example-conflict: a test case's turn says words that are a training
// phrase (after normalising, as duplicate-phrase compares them) of another intent than the
// one the turn expects, in the turn's language (else the agent's default): the agent was
// trained to take them as that intent, so the test can only fail. Reported at the input.
import { normalisePhrase } from '../builtins';
import type { CxRule } from './types';
import { phraseIndex } from './duplicatePhrases';

export const testExampleConflictRule: CxRule = {
  codes: ['dialogflow-cx/test-example-conflict'],
  check({ bot, report }) {
    let index: ReturnType<typeof phraseIndex> | undefined;
    for (const [file, facts] of bot.facts) {
      if (facts.place.role !== 'testCase' || facts.testTurns.length === 0) continue;
      for (const turn of facts.testTurns) {
        if (turn.intent === undefined) continue;
        index ??= phraseIndex(bot);
        const lang = turn.lang ?? bot.languages[0] ?? '';
        const same = index.get(lang)?.get(normalisePhrase(turn.input.text));
        if (!same || same.some((e) => e.intent === turn.intent)) continue;
        const other = same[0]!;
        report(file, {
          start: turn.input.start,
          end: turn.input.end,
          code: 'dialogflow-cx/test-example-conflict',
          message: `"${turn.input.text.trim()}" is a training phrase of the intent "${other.intent}" (${lang}), and the test case expects "${turn.intent}": the test can only fail. Expect "${other.intent}", or move the phrase.`,
          related: [{ file: other.file, start: other.start, end: other.end, message: `the training phrase in "${other.intent}"` }],
        });
      }
    }
  },
};
