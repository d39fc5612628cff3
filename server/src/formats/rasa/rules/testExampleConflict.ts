// A test story whose `user:` text is a training example of another intent than the test's
// `intent:`: the model is trained to predict that other intent for exactly this text, so the
// test can only fail. Training examples are compared as Rasa trains on them (annotations
// replaced by their words), the test's text as Rasa sends it (stripped, its annotations
// replaced by their words too); a test naming a retrieval intent's base (`faq`) matches any
// of its sub-intents. An example that is also under the test's intent is left to
// rasa/example-multiple-intents.
//
// The test stories' `user:` texts are few: each training file is searched for them once per
// version of the file (and of those texts), and a check then looks them up.
import type { Node } from '../../../definitions/index';
import { blockLines, parseAnnotations, type Example, type Spanned } from '../examples';
import { prop } from '../facts';
import { relOf, type RasaBot, type RasaDocument } from '../model';
import type { StepFact } from '../dialogue';
import { dataFiles } from './uses';
import type { RasaRule } from './types';

const CODE = 'rasa/test-example-conflict';

/** The intents each text of the tests is an example of in one training file, with the first example of each. */
type TextIndex = Map<string, Map<string, Example>>;

const indexes = new WeakMap<RasaDocument, { wanted: ReadonlySet<string>; index: TextIndex }>();

function indexOf(doc: RasaDocument, wanted: ReadonlySet<string>): TextIndex {
  const hit = indexes.get(doc);
  if (hit && hit.wanted === wanted) return hit.index;
  const out: TextIndex = new Map();
  for (const item of doc.facts.nlu) {
    if (item.kind !== 'intent') continue;
    for (const example of item.examples) {
      if (!wanted.has(example.text)) continue;
      let byIntent = out.get(example.text);
      if (!byIntent) out.set(example.text, (byIntent = new Map()));
      if (!byIntent.has(item.name.text)) byIntent.set(item.name.text, example);
    }
  }
  indexes.set(doc, { wanted, index: out });
  return out;
}

/** The tests' texts: one set while they stay the same, so that the training files' searches are kept. */
let lastWanted: { key: string; set: ReadonlySet<string> } = { key: '', set: new Set() };

function wantedTexts(texts: readonly string[]): ReadonlySet<string> {
  const key = [...new Set(texts)].sort().join('\n');
  if (key !== lastWanted.key) lastWanted = { key, set: new Set(texts) };
  return lastWanted.set;
}

/** Whether a training example's intent is what a test expects (`faq` expects any `faq/…`). */
function matches(expected: string, trained: string): boolean {
  return trained === expected || (!expected.includes('/') && trained.slice(0, trained.indexOf('/')) === expected);
}

/** A test step's `user:` text as Rasa reads it, with the span of the text in the file; undefined when there is none. */
function userText(text: string, step: StepFact): { plain: string; at: Spanned } | undefined {
  const node: Node | null | undefined = prop(step.node, 'user')?.value;
  if (!node || node.type !== 'scalar' || typeof node.value !== 'string') return undefined;
  const plain = parseAnnotations(node.value.trim(), 0).text.trim();
  if (!plain) return undefined;
  const src = text.slice(node.start, node.end);
  if (src.startsWith('|') || src.startsWith('>')) {
    const lines = blockLines(text, node).filter((l) => l.text.trim() !== '');
    if (lines.length === 0) return undefined;
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    const start = first.start + (first.text.length - first.text.trimStart().length);
    const end = last.start + last.text.trimEnd().length;
    return { plain, at: { text: text.slice(start, end), start, end } };
  }
  const q = node.quoted ? 1 : 0;
  return { plain, at: { text: text.slice(node.start + q, node.end - q), start: node.start + q, end: node.end - q } };
}

export const testExampleConflictRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    if (ctx.isOff(CODE)) return;
    const { bot } = ctx;
    if (bot.tests.length === 0) return;
    const steps: { file: string; step: StepFact & { name: Spanned }; user: { plain: string; at: Spanned } }[] = [];
    for (const { file, decl: story } of bot.tests) {
      const text = bot.docs.get(file)!.doc.text;
      for (const step of story.steps) {
        if ((step.kind !== 'intent' && step.kind !== 'user') || !step.name) continue;
        const user = userText(text, step);
        if (user) steps.push({ file, step: step as StepFact & { name: Spanned }, user });
      }
    }
    if (steps.length === 0) return;
    const training = trainingIndexes(bot, wantedTexts(steps.map((s) => s.user.plain)));
    if (training.length === 0) return;
    for (const { file, step, user } of steps) {
      const expected = step.name.text;
      let other: { file: string; intent: string; example: Example } | undefined;
      let same = false;
      for (const t of training) {
        const byIntent = t.index.get(user.plain);
        if (!byIntent) continue;
        for (const [intent, example] of byIntent) {
          if (matches(expected, intent)) same = true;
          else other ??= { file: t.file, intent, example };
        }
      }
      if (!other || same) continue;
      ctx.report(file, {
        start: user.at.start,
        end: user.at.end,
        code: CODE,
        message: `The test utterance '${user.plain}' expects the intent '${expected}', but it is a training example of '${other.intent}' (${relOf(bot, other.file)}): the model learns to predict '${other.intent}' for it, so this test can only fail. Expect '${other.intent}' in the test, or move the example to '${expected}' in the training data.`,
        related: [{ file: other.file, start: other.example.raw.start, end: other.example.raw.end, message: `the training example, labeled '${other.intent}'` }],
      });
    }
  },
};

/** The text indexes of the project's training data files (not its tests), in path order. */
function trainingIndexes(bot: RasaBot, wanted: ReadonlySet<string>): { file: string; index: TextIndex }[] {
  const out: { file: string; index: TextIndex }[] = [];
  for (const { file, test } of dataFiles(bot)) {
    if (test) continue;
    const doc = bot.docs.get(file);
    if (doc && doc.facts.nlu.length > 0) out.push({ file, index: indexOf(doc, wanted) });
  }
  return out;
}
