// The Rasa checks of training data and of the names a project uses: retrieval intents count
// by their base, tests are checked but are no use, a file Rasa cannot read turns the
// absence-based checks off, quick fixes edit the right place, and the index of examples
// follows edits of one file.
import { strict as assert } from 'node:assert';
import type { BotWorkspace, Diagnostic, FileEdit } from '../../../../server/src/definitions/index';
import { createWorkspace } from '../../../../server/src/formats/index';

const CONFIG = 'recipe: default.v1\nassistant_id: test-bot\nlanguage: en\n';
const DOMAIN = `version: "3.1"
intents:
  - greet
  - faq
entities:
  - city:
      roles: [origin, destination]
slots:
  city:
    type: text
    mappings:
      - type: from_entity
        entity: city
  destination:
    type: text
    mappings:
      - type: from_text
        conditions:
          - active_loop: trip_form
forms:
  trip_form:
    required_slots: [destination]
responses:
  utter_greet:
    - text: Hello!
  utter_ask_destination:
    - text: Where to?
actions:
  - action_book
`;
const NLU = `version: "3.1"
nlu:
  - intent: greet
    examples: |
      - hi
      - hello
  - intent: faq/ask_hours
    examples: |
      - when are you open
  - intent: faq/ask_fees
    examples: |
      - what does it cost to fly from [Leeds]{"entity": "city", "role": "origin"}
`;
const FAQ = `version: "3.1"
responses:
  utter_faq/ask_hours:
    - text: Nine to five.
  utter_faq/ask_fees:
    - text: It depends.
`;
const RULES = `version: "3.1"
rules:
  - rule: greet
    steps:
      - intent: greet
      - action: utter_greet
  - rule: faq
    steps:
      - intent: faq
      - action: utter_faq
  - rule: trip
    steps:
      - intent: greet
      - action: trip_form
      - active_loop: trip_form
      - action: action_book
`;

function project(extra: Record<string, string> = {}, omit: string[] = []): BotWorkspace {
  const ws = createWorkspace();
  const files: Record<string, string> = { 'config.yml': CONFIG, 'domain.yml': DOMAIN, 'data/nlu.yml': NLU, 'data/faq.yml': FAQ, 'data/rules.yml': RULES, ...extra };
  for (const [path, text] of Object.entries(files)) if (!omit.includes(path)) ws.setDocument(`bot/${path}`, text);
  return ws;
}

const CODES = new Set(
  ['intent-not-in-domain', 'intent-without-examples', 'intent-unused', 'unknown-intent', 'example-multiple-intents', 'example-format', 'entity-not-in-domain', 'entity-annotation-invalid', 'synonym-conflict', 'unknown-utterance', 'response-unused', 'unknown-action', 'unknown-form', 'unknown-slot'].map((c) => `rasa/${c}`),
);

/** `file: code 'text'` for every finding of these checks (and of YAML syntax) in the project, sorted. */
function found(ws: BotWorkspace): string[] {
  const out: string[] = [];
  for (const [file, diags] of ws.getAllDiagnostics()) {
    const text = ws.getDocument(file)!.text;
    for (const d of diags) if (CODES.has(d.code) || d.code.startsWith('syntax/')) out.push(`${file.slice(4)}: ${d.code} '${text.slice(d.start, d.end)}'`);
  }
  return out.sort();
}

function diagnostic(ws: BotWorkspace, file: string, code: string): Diagnostic {
  const d = ws.getDiagnostics(`bot/${file}`).find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${file}`);
  return d;
}

function apply(text: string, edits: FileEdit[]): string {
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

describe('rasa: training data and names', () => {
  it('a valid project with retrieval intents, a form and its prompt, and entity roles has no finding', () => {
    assert.deepEqual(found(project()), []);
  });

  it('counts a retrieval intent by its base, and reports only the base when the domain lacks it', () => {
    const ws = project({ 'domain.yml': DOMAIN.replace('  - faq\n', '') });
    assert.deepEqual(found(ws), ["data/nlu.yml: rasa/intent-not-in-domain 'faq'", "data/nlu.yml: rasa/intent-not-in-domain 'faq'", "data/rules.yml: rasa/unknown-intent 'faq'"]);
    const d = diagnostic(ws, 'data/rules.yml', 'rasa/unknown-intent');
    const add = d.fixes!.find((f) => f.title.startsWith('Add'))!;
    assert.equal(add.edits[0]!.file, 'bot/domain.yml');
    assert.match(apply(ws.getDocument('bot/domain.yml')!.text, add.edits), /intents:\n {2}- greet\n {2}- faq\nentities:/);
  });

  it('checks test stories for unknown names, but does not count them as a use', () => {
    const tests = `version: "3.1"
stories:
  - story: a test
    steps:
      - user: |
          hi from [Leeds]{"entity": "city", "role": "orgin"}
        intent: greet
      - action: utter_greet
      - intent: goodbye
      - action: utter_bye
      - action: action_bok
      - slot_was_set:
          - cty: Leeds
`;
    const ws = project({ 'tests/test_stories.yml': tests, 'domain.yml': DOMAIN.replace('  - faq\n', '  - faq\n  - thank\n'), 'data/nlu.yml': NLU + '  - intent: thank\n    examples: |\n      - thanks\n' });
    assert.deepEqual(found(ws), [
      "domain.yml: rasa/intent-unused 'thank'",
      "tests/test_stories.yml: rasa/entity-not-in-domain 'orgin'",
      "tests/test_stories.yml: rasa/unknown-action 'action_bok'",
      "tests/test_stories.yml: rasa/unknown-intent 'goodbye'",
      "tests/test_stories.yml: rasa/unknown-slot 'cty'",
      "tests/test_stories.yml: rasa/unknown-utterance 'utter_bye'",
    ]);
    const role = diagnostic(ws, 'tests/test_stories.yml', 'rasa/entity-not-in-domain');
    assert.equal(role.fixes?.[0]?.title, 'Change to "origin"');
    assert.equal(diagnostic(ws, 'tests/test_stories.yml', 'rasa/unknown-action').fixes?.[0]?.title, 'Change to "action_book"');
    assert.equal(diagnostic(ws, 'tests/test_stories.yml', 'rasa/unknown-slot').fixes?.[0]?.title, 'Change to "city"');
    // An intent only a test uses is unused, and the message says why.
    const only = project({ 'tests/test_stories.yml': tests.replace('goodbye', 'thank'), 'domain.yml': DOMAIN.replace('  - faq\n', '  - faq\n  - thank\n'), 'data/nlu.yml': NLU + '  - intent: thank\n    examples: |\n      - thanks\n' });
    assert.match(diagnostic(only, 'domain.yml', 'rasa/intent-unused').message, /tests do not count/);
  });

  it('turns the absence-based checks off while a file does not parse, and keeps the others', () => {
    const broken = 'version: "3.1"\nstories:\n  - story: x\n    steps:\n      - intent: [greet\n';
    const ws = project({ 'domain.yml': DOMAIN.replace('  - faq\n', '  - faq\n  - thank\n'), 'data/broken.yml': broken, 'data/rules.yml': RULES + '      - action: action_nope\n' });
    const codes = found(ws).filter((f) => !f.includes('syntax/'));
    assert.deepEqual(codes, ["data/rules.yml: rasa/unknown-action 'action_nope'"]);
    // With the file fixed, the unused, example-less intent is reported again.
    ws.setDocument('bot/data/broken.yml', 'version: "3.1"\n', 2);
    assert.deepEqual(
      found(ws).filter((f) => f.startsWith('domain.yml')),
      ["domain.yml: rasa/intent-unused 'thank'", "domain.yml: rasa/intent-without-examples 'thank'"],
    );
  });

  it('a domain file Rasa skips for its version turns the unknown-name checks off', () => {
    const ws = project({ 'domain.yml': DOMAIN.replace('version: "3.1"', 'version: "3.2"') });
    assert.deepEqual(found(ws), []);
  });

  it('follows edits: a repeated example appears and goes away, across files', () => {
    const ws = project();
    assert.deepEqual(found(ws), []);
    ws.setDocument('bot/data/more.yml', 'version: "3.1"\nnlu:\n  - intent: faq/ask_hours\n    examples: |\n      - hello\n      - hi\n', 2);
    assert.deepEqual(found(ws), [
      "data/more.yml: rasa/example-multiple-intents 'hello'",
      "data/more.yml: rasa/example-multiple-intents 'hi'",
      "data/nlu.yml: rasa/example-multiple-intents 'hello'",
      "data/nlu.yml: rasa/example-multiple-intents 'hi'",
    ]);
    const d = diagnostic(ws, 'data/nlu.yml', 'rasa/example-multiple-intents');
    assert.match(d.message, /'faq' and 'greet'/);
    assert.equal(d.related?.[0]?.file, 'bot/data/more.yml');
    // The same text under two retrieval keys of one base is no conflict for Rasa.
    ws.setDocument('bot/data/more.yml', 'version: "3.1"\nnlu:\n  - intent: faq/ask_fees\n    examples: |\n      - when are you open\n      - hello\n', 3);
    assert.deepEqual(found(ws), ["data/more.yml: rasa/example-multiple-intents 'hello'", "data/nlu.yml: rasa/example-multiple-intents 'hello'"]);
    ws.removeDocument('bot/data/more.yml');
    assert.deepEqual(found(ws), []);
    // Within one file, edited twice.
    const twice = NLU.replace('      - when are you open\n', '      - when are you open\n      - hi\n');
    ws.setDocument('bot/data/nlu.yml', twice, 4);
    assert.deepEqual(found(ws), ["data/nlu.yml: rasa/example-multiple-intents 'hi'", "data/nlu.yml: rasa/example-multiple-intents 'hi'"]);
    ws.setDocument('bot/data/nlu.yml', NLU, 5);
    assert.deepEqual(found(ws), []);
  });

  it('reports a synonym conflict at the later mapping, with a fix for an annotation', () => {
    const nlu = NLU.replace('      - hello\n', '      - hello [up north](city:Leeds)\n      - hi [up north]{"entity": "city", "value": "York"}\n') + '  - synonym: Leeds\n    examples: |\n      - up north\n';
    const ws = project({ 'data/nlu.yml': nlu });
    assert.deepEqual(found(ws), ["data/nlu.yml: rasa/synonym-conflict 'York'", "data/nlu.yml: rasa/synonym-conflict 'up north'"]);
    const d = diagnostic(ws, 'data/nlu.yml', 'rasa/synonym-conflict');
    assert.equal(ws.getDocument('bot/data/nlu.yml')!.text.slice(d.start, d.end), 'York');
    assert.match(apply(ws.getDocument('bot/data/nlu.yml')!.text, d.fixes![0]!.edits), /"value": "Leeds"/);
  });

  it('checks end-to-end tests and flows for responses and slots, and counts flows as a use', () => {
    const flows = `version: "3.1"
flows:
  greet_user:
    description: Greet.
    nlu_trigger:
      - intent: greet
    steps:
      - action: utter_greet
      - collect: city
        rejections:
          - if: slots.city = "Atlantis"
            utter: utter_no_such_city
`;
    const e2e = `test_cases:
  - test_case: greeting
    steps:
      - user: hi
      - utter: utter_greet
      - utter: utter_welcome
      - slot_was_set:
          - destinaton: Leeds
`;
    const ws = project({ 'data/flows.yml': flows, 'e2e_tests/greet.yml': e2e, 'data/rules.yml': RULES.replace(/ {2}- rule: greet\n(.*\n){3}/, '') });
    // The flow's action steps are the flow checks' (rasa/flow-unknown-action); its rejections are these.
    assert.deepEqual(found(ws), ["data/flows.yml: rasa/unknown-utterance 'utter_no_such_city'", "e2e_tests/greet.yml: rasa/unknown-slot 'destinaton'", "e2e_tests/greet.yml: rasa/unknown-utterance 'utter_welcome'"]);
    assert.equal(diagnostic(ws, 'e2e_tests/greet.yml', 'rasa/unknown-slot').fixes?.[0]?.title, 'Change to "destination"');
  });

  it('reports example lines without "-", empty items and unreadable annotations, with a fix for the dash', () => {
    const nlu = NLU.replace('      - hello\n', '      hello there\n      - from [Leeds]{entity: city}\n') + '  - lookup: city\n    examples: ""\n';
    const ws = project({ 'data/nlu.yml': nlu });
    assert.deepEqual(found(ws), ["data/nlu.yml: rasa/entity-annotation-invalid '{entity: city}'", "data/nlu.yml: rasa/example-format 'city'", "data/nlu.yml: rasa/example-format 'hello there'"]);
    const d = ws.getDiagnostics('bot/data/nlu.yml').find((x) => x.code === 'rasa/example-format' && x.message.includes("'-'"))!;
    assert.match(apply(nlu, d.fixes![0]!.edits), /\n {6}- hello there\n/);
  });

  it('leaves prompts of form slots, default-action responses and retrieval answers used', () => {
    const more = project({ 'domain.yml': DOMAIN.replace('responses:\n', 'responses:\n  utter_default:\n    - text: Sorry?\n  utter_ask_trip_form_destination:\n    - text: Where to, again?\n  utter_unused:\n    - text: Never said.\n') });
    assert.deepEqual(found(more), ["domain.yml: rasa/response-unused 'utter_unused'"]);
    assert.deepEqual(diagnostic(more, 'domain.yml', 'rasa/response-unused').tags, ['unnecessary']);
  });
});
