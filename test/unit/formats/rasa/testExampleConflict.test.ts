// rasa/test-example-conflict: a test story's `user:` text that is a training example of
// another intent than the test expects, at the exact text, with the training example as the
// related place; retrieval intents by their base, annotations by their words, and edits of
// the training data followed.
import { strict as assert } from 'node:assert';
import type { BotWorkspace } from '../../../../server/src/definitions/index';
import { createWorkspace } from '../../../../server/src/formats/index';

const CODE = 'rasa/test-example-conflict';
const CONFIG = 'recipe: default.v1\nassistant_id: test-bot\nlanguage: en\n';
const DOMAIN = `version: "3.1"
intents: [greet, thank, faq, check_balance]
entities: [account_type]
responses:
  utter_greet:
    - text: Hello!
  utter_youre_welcome:
    - text: Any time.
`;
const NLU = `version: "3.1"
nlu:
  - intent: greet
    examples: |
      - hi
      - hello
  - intent: thank
    examples: |
      - thanks a lot
      - cheers
  - intent: faq/ask_hours
    examples: |
      - when are you open
  - intent: check_balance
    examples: |
      - show me my [savings](account_type) balance
`;
const RULES = `version: "3.1"
rules:
  - rule: greet
    steps:
      - intent: greet
      - action: utter_greet
  - rule: thank
    steps:
      - intent: thank
      - action: utter_youre_welcome
  - rule: faq
    steps:
      - intent: faq
      - action: utter_greet
  - rule: balance
    steps:
      - intent: check_balance
      - action: utter_greet
`;

function project(tests: string, nlu = NLU): BotWorkspace {
  const ws = createWorkspace();
  const files: Record<string, string> = { 'config.yml': CONFIG, 'domain.yml': DOMAIN, 'data/nlu.yml': nlu, 'data/rules.yml': RULES, 'tests/test_stories.yml': tests };
  for (const [path, text] of Object.entries(files)) ws.setDocument(`bot/${path}`, text);
  return ws;
}

const story = (...steps: string[]) => `version: "3.1"\nstories:\n  - story: a test\n    steps:\n${steps.join('')}`;
const user = (text: string, intent: string) => `      - user: ${text}\n        intent: ${intent}\n      - action: utter_greet\n`;

/** The conflicts in the test file: the source text at each. */
function conflicts(ws: BotWorkspace): string[] {
  const text = ws.getDocument('bot/tests/test_stories.yml')!.text;
  return ws
    .getDiagnostics('bot/tests/test_stories.yml')
    .filter((d) => d.code === CODE)
    .map((d) => text.slice(d.start, d.end));
}

describe('rasa: test utterances that train another intent', () => {
  it('warns at the user text, naming both intents and linking the training example', () => {
    const ws = project(story(user('"thanks a lot"', 'greet'), user('hello', 'greet')));
    const d = ws.getDiagnostics('bot/tests/test_stories.yml').find((x) => x.code === CODE)!;
    assert.ok(d, 'no conflict reported');
    assert.equal(d.severity, 'warning');
    const text = ws.getDocument('bot/tests/test_stories.yml')!.text;
    assert.equal(text.slice(d.start, d.end), 'thanks a lot');
    assert.match(d.message, /'thanks a lot' expects the intent 'greet', but it is a training example of 'thank' \(data\/nlu\.yml\)/);
    assert.match(d.message, /can only fail/);
    const nlu = ws.getDocument('bot/data/nlu.yml')!.text;
    assert.equal(d.related?.length, 1);
    assert.equal(d.related![0]!.file, 'bot/data/nlu.yml');
    assert.equal(nlu.slice(d.related![0]!.start, d.related![0]!.end), 'thanks a lot');
    assert.deepEqual(conflicts(ws), ['thanks a lot'], 'the matching test is not reported');
  });

  it('reads block texts and annotations as Rasa sends them, and retrieval intents by their base', () => {
    const block = `      - user: |\n          show me my [savings](account_type) balance\n        intent: greet\n      - action: utter_greet\n`;
    const ws = project(story(block, user('when are you open', 'faq'), user('when are you open', 'faq/ask_hours'), user('when are you open', 'faq/ask_fees')));
    assert.deepEqual(conflicts(ws), ['show me my [savings](account_type) balance', 'when are you open']);
    const d = ws.getDiagnostics('bot/tests/test_stories.yml').filter((x) => x.code === CODE)[1]!;
    assert.match(d.message, /expects the intent 'faq\/ask_fees', but it is a training example of 'faq\/ask_hours'/);
  });

  it('leaves an example trained under the expected intent too, texts that are no example, and e2e test cases', () => {
    const twice = NLU.replace('      - hello\n', '      - hello\n      - cheers\n');
    assert.deepEqual(conflicts(project(story(user('cheers', 'greet'), user('good evening', 'thank')), twice)), []);
    const e2e = 'test_cases:\n  - test_case: thanks\n    steps:\n      - user: thanks a lot\n      - utter: utter_youre_welcome\n';
    const ws = createWorkspace();
    for (const [path, text] of Object.entries({ 'config.yml': CONFIG, 'domain.yml': DOMAIN, 'data/nlu.yml': NLU, 'data/rules.yml': RULES, 'e2e_tests/thanks.yml': e2e })) ws.setDocument(`bot/${path}`, text);
    assert.deepEqual(ws.getDiagnostics('bot/e2e_tests/thanks.yml').filter((x) => x.code === CODE), []);
  });

  it('follows edits of the training data and of the test', () => {
    const ws = project(story(user('cheers', 'greet')));
    assert.deepEqual(conflicts(ws), ['cheers']);
    ws.setDocument('bot/data/nlu.yml', NLU.replace('      - cheers\n', ''), 2);
    assert.deepEqual(conflicts(ws), []);
    ws.setDocument('bot/data/nlu.yml', NLU, 3);
    assert.deepEqual(conflicts(ws), ['cheers']);
    ws.setDocument('bot/tests/test_stories.yml', story(user('cheers', 'thank')), 2);
    assert.deepEqual(conflicts(ws), []);
  });

  it('is off when its code is', () => {
    const ws = createWorkspace({ severities: { [CODE]: 'off' } });
    for (const [path, text] of Object.entries({ 'config.yml': CONFIG, 'domain.yml': DOMAIN, 'data/nlu.yml': NLU, 'data/rules.yml': RULES, 'tests/test_stories.yml': story(user('cheers', 'greet')) })) ws.setDocument(`bot/${path}`, text);
    assert.deepEqual(ws.getDiagnostics('bot/tests/test_stories.yml').filter((x) => x.code === CODE), []);
  });
});
