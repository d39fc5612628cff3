// The Rasa checks of the dialogue's structure: story and rule conflicts are reported only
// where the walk proves them (a shared history, then two actions), never across what it
// cannot compare (an `or`, a checkpoint, entity roles, an active form, a rule's final
// action_listen, a rule that backs the story); they follow edits; and the CALM flow checks'
// predicates and quick fixes.
import { strict as assert } from 'node:assert';
import type { BotWorkspace, FileEdit } from '../../../../server/src/definitions/index';
import { createWorkspace } from '../../../../server/src/formats/index';
import { predicateVariables } from '../../../../server/src/formats/rasa/rules/flowConditions';

const CONFIG = 'recipe: default.v1\nassistant_id: test-bot\nlanguage: en\npolicies:\n  - name: MemoizationPolicy\n  - name: RulePolicy\n';

function project(files: Record<string, string>, config = CONFIG): BotWorkspace {
  const ws = createWorkspace();
  ws.setDocument('bot/config.yml', config);
  ws.setDocument('bot/domain.yml', 'version: "3.1"\nintents:\n  - greet\n');
  for (const [path, text] of Object.entries(files)) ws.setDocument(`bot/${path}`, text);
  return ws;
}

/** `file:line code 'text'` for the findings whose code starts with `prefix`, by file and line. */
function found(ws: BotWorkspace, prefix: string): string[] {
  const out: { file: string; line: number; s: string }[] = [];
  for (const [file, diags] of ws.getAllDiagnostics()) {
    const text = ws.getDocument(file)!.text;
    for (const d of diags) {
      if (!d.code.startsWith(prefix)) continue;
      const line = text.slice(0, d.start).split('\n').length;
      out.push({ file, line, s: `${file.slice(4)}:${line} ${d.code} '${text.slice(d.start, d.end)}'` });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)).map((x) => x.s);
}

function stories(...bodies: string[]): string {
  return `version: "3.1"\nstories:\n${bodies.map((b, i) => `  - story: s${i + 1}\n    steps:\n${b}`).join('')}`;
}

function rules(...bodies: string[]): string {
  return `version: "3.1"\nrules:\n${bodies.map((b, i) => `  - rule: r${i + 1}\n${b}`).join('')}`;
}

const steps = (...lines: string[]): string => lines.map((l) => `      - ${l}\n`).join('');

function apply(text: string, edits: FileEdit[]): string {
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

describe('rasa: story and rule conflicts', () => {
  it('a story that waits for the user where another runs an action: both sides, the waiting one at its next turn', () => {
    const ws = project({
      'data/stories.yml': stories(steps('intent: greet', 'action: utter_greet', 'intent: affirm', 'action: utter_ok'), steps('intent: greet', 'action: utter_greet', 'action: utter_menu')),
    });
    assert.deepEqual(found(ws, 'rasa/story-conflict'), ["data/stories.yml:7 rasa/story-conflict 'affirm'", "data/stories.yml:13 rasa/story-conflict 'utter_menu'"]);
    const d = ws.getDiagnostics('bot/data/stories.yml').find((x) => x.code === 'rasa/story-conflict')!;
    assert.match(d.message, /after intent 'greet' and action 'utter_greet': story 's1' waits for the user \(action_listen\) and story 's2' predicts utter_menu/);
    assert.equal(d.related?.length, 1);
  });

  it('does not compare across an or, a checkpoint, different entity roles or different slot values', () => {
    const ws = project({
      'data/stories.yml': stories(
        steps('or:\n          - intent: greet\n          - intent: hello', 'action: utter_a'),
        steps('or:\n          - intent: greet\n          - intent: hello', 'action: utter_b'),
        steps('intent: book\n        entities:\n          - entity: city\n            role: from', 'action: utter_a'),
        steps('intent: book\n        entities:\n          - entity: city\n            role: to', 'action: utter_b'),
        steps('intent: pay', 'slot_was_set:\n          - tier: gold', 'action: utter_a'),
        steps('intent: pay', 'slot_was_set:\n          - tier: silver', 'action: utter_b'),
        steps('intent: help', 'action: utter_help', 'checkpoint: helped'),
        steps('checkpoint: helped', 'action: utter_b'),
        steps('intent: help', 'action: utter_help', 'checkpoint: helped_again'),
      ),
    });
    assert.deepEqual(found(ws, 'rasa/story-conflict'), []);
  });

  it('two stories whose entities differ only in their values conflict (Rasa does not featurise values)', () => {
    const ws = project({
      'data/stories.yml': stories(steps('intent: book\n        entities:\n          - city: Leeds', 'action: utter_a'), steps('intent: book\n        entities:\n          - city: York', 'action: utter_b')),
    });
    assert.deepEqual(found(ws, 'rasa/story-conflict'), ["data/stories.yml:8 rasa/story-conflict 'utter_a'", "data/stories.yml:14 rasa/story-conflict 'utter_b'"]);
  });

  it('rules: same condition conflicts, another condition or conversation_start does not; a rule that ends waiting contradicts one that goes on', () => {
    const ws = project({
      'data/rules.yml': rules(
        `    steps:\n${steps('intent: greet', 'action: utter_greet')}`,
        `    steps:\n${steps('intent: greet', 'action: utter_greet', 'action: utter_menu')}`,
        `    condition:\n      - slot_was_set:\n          - vip: true\n    steps:\n${steps('intent: greet', 'action: utter_vip')}`,
        `    conversation_start: true\n    steps:\n${steps('intent: greet', 'action: utter_welcome')}`,
        `    steps:\n${steps('intent: bye', 'action: utter_bye')}    wait_for_user_input: false\n`,
        `    steps:\n${steps('intent: bye', 'action: utter_bye', 'action: action_restart')}`,
      ),
    });
    // r1 waits after utter_greet, r2 says utter_menu; r5 does not wait, so r6 may go on.
    assert.deepEqual(found(ws, 'rasa/rule-conflict'), ["data/rules.yml:6 rasa/rule-conflict 'utter_greet'", "data/rules.yml:11 rasa/rule-conflict 'utter_menu'"]);
  });

  it('rule against story: not inside an active form, not for the rule\'s final action_listen, not when a rule backs the story, not without RulePolicy', () => {
    const files = {
      'data/rules.yml': rules(
        `    steps:\n${steps('intent: ask', 'action: utter_answer')}`,
        `    steps:\n${steps('intent: greet', 'action: utter_greet')}`,
        `    condition:\n      - slot_was_set:\n          - returning: true\n    steps:\n${steps('intent: thanks', 'action: utter_welcome_back')}`,
        `    steps:\n${steps('intent: thanks', 'action: utter_welcome')}`,
      ),
      'data/stories.yml': stories(
        // Inside the form the form answers: no conflict with r1.
        steps('intent: order', 'action: order_form', 'active_loop: order_form', 'intent: ask', 'action: utter_other', 'action: order_form', 'active_loop: null'),
        // r2 ends waiting; a story may go on after utter_greet.
        steps('intent: greet', 'action: utter_greet', 'action: utter_menu'),
        // r3 (a conditioned rule) predicts utter_welcome_back after thanks: RulePolicy may pick it.
        steps('slot_was_set:\n          - returning: true', 'intent: thanks', 'action: utter_welcome_back'),
        // Outside a form, after ask, the story says something else than r1.
        steps('intent: greet', 'action: utter_greet', 'intent: ask', 'action: utter_other'),
      ),
    };
    assert.deepEqual(found(project(files), 'rasa/rule-conflict'), ["data/rules.yml:6 rasa/rule-conflict 'utter_answer'", "data/stories.yml:28 rasa/rule-conflict 'utter_other'"]);
    assert.deepEqual(found(project(files, 'recipe: default.v1\nassistant_id: test-bot\nlanguage: en\npolicies:\n  - name: TEDPolicy\n'), 'rasa/rule-conflict'), []);
    assert.equal(found(project(files, 'recipe: default.v1\nassistant_id: test-bot\nlanguage: en\n'), 'rasa/rule-conflict').length, 2);
  });

  it('follows edits of a story file, and of the others', () => {
    const one = stories(steps('intent: greet', 'action: utter_a'));
    const ws = project({ 'data/a.yml': one, 'data/b.yml': stories(steps('intent: bye', 'action: utter_bye')) });
    assert.deepEqual(found(ws, 'rasa/story-conflict'), []);
    ws.setDocument('bot/data/b.yml', stories(steps('intent: greet', 'action: utter_b')));
    assert.deepEqual(found(ws, 'rasa/story-conflict'), ["data/a.yml:6 rasa/story-conflict 'utter_a'", "data/b.yml:6 rasa/story-conflict 'utter_b'"]);
    ws.setDocument('bot/domain.yml', 'version: "3.1"\nintents:\n  - greet\n  - bye\n');
    assert.equal(found(ws, 'rasa/story-conflict').length, 2);
    ws.setDocument('bot/data/a.yml', stories(steps('intent: greet', 'action: utter_b')));
    assert.deepEqual(found(ws, 'rasa/story-conflict'), []);
  });
});

describe('rasa: flow checks', () => {
  it('reads the variables of a predicate, past strings, numbers, Jinja and the language\'s words', () => {
    assert.deepEqual(predicateVariables('slots.amount > 10.5 and not context.is_retry'), [
      { namespace: 'slots', name: 'amount', at: 6 },
      { namespace: 'context', name: 'is_retry', at: 36 },
    ]);
    assert.deepEqual(predicateVariables(`tier = "gold and silver" or slots.x is null or slots.y matches '^a b$' or {{ context.z }}`).map((v) => `${v.namespace ?? ''}:${v.name}`), [':tier', 'slots:x', 'slots:y']);
    assert.deepEqual(predicateVariables('True and FALSE or empty'), []);
  });

  it('quick fixes: the slots. prefix, a close slot, removing a link\'s next', () => {
    const ws = project({
      'domain.yml': 'version: "3.1"\nslots:\n  parcel_status:\n    type: text\n    mappings:\n      - type: from_llm\nresponses:\n  utter_ok:\n    - text: ok\n',
      'data/flows.yml':
        'version: "3.1"\nflows:\n  a:\n    description: A.\n    steps:\n      - action: utter_ok\n        next:\n          - if: parcel_status = "x" or slots.parcel_stat = "y"\n            then: END\n          - else: END\n  b:\n    description: B.\n    steps:\n      - link: a\n        next: END\n',
    });
    const text = ws.getDocument('bot/data/flows.yml')!.text;
    const diags = ws.getDiagnostics('bot/data/flows.yml').filter((d) => d.code.startsWith('rasa/flow'));
    assert.deepEqual(
      diags.map((d) => `${d.code} '${text.slice(d.start, d.end)}'`),
      ["rasa/flow-invalid-condition 'parcel_status'", "rasa/flow-invalid-condition 'parcel_stat'", "rasa/flow-structure 'next'"],
    );
    const fixed = apply(text, diags.map((d) => d.fixes![0]!.edits[0]!));
    assert.match(fixed, /if: slots\.parcel_status = "x" or slots\.parcel_status = "y"\n/);
    assert.match(fixed, / {6}- link: a\n$/);
  });
});
