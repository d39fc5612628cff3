// The Rasa checks of config.yml, `version` keys and the domain, beyond the fixtures: which
// files need a version, what the quick fixes write (and that the finding is gone after), the
// related place of a cross-file duplicate, and what is deliberately not fixed.
import { strict as assert } from 'node:assert';
import type { Diagnostic, FileEdit } from '../../../../server/src/definitions/index';
import { createWorkspace } from '../../../../server/src/formats/index';

const CONFIG = 'recipe: default.v1\nassistant_id: parcel-bot\nlanguage: en\n';

const DOMAIN = `version: "3.1"
intents:
  - greet
  - track_parcel
entities:
  - parcel_id
slots:
  parcel_id:
    type: text
    mappings:
      - type: from_entity
        entity: parcel_id
  street:
    type: text
    mappings:
      - type: from_text
        conditions:
          - active_loop: address_form
            requested_slot: street
forms:
  address_form:
    required_slots:
      - parcel_id
responses:
  utter_greet:
    - text: "Hi!"
actions:
  - action_track_parcel
`;

type Files = Record<string, string>;

function project(files: Files) {
  const ws = createWorkspace();
  ws.setDocument('p/config.yml', files['config.yml'] ?? CONFIG);
  for (const [path, text] of Object.entries(files)) if (path !== 'config.yml') ws.setDocument(`p/${path}`, text);
  if (!('domain.yml' in files) && !Object.keys(files).some((f) => f.startsWith('domain/'))) ws.setDocument('p/domain.yml', DOMAIN);
  return ws;
}

function findings(files: Files, code: string): Diagnostic[] {
  const ws = project(files);
  const out: Diagnostic[] = [];
  for (const diags of ws.getAllDiagnostics().values()) out.push(...diags.filter((d) => d.code === code));
  return out;
}

function apply(text: string, edits: FileEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('rasa: config, version and domain checks', () => {
  it('version-missing: for domain and training data files only, fixed by a first line version: "3.1"', () => {
    const rules = 'rules:\n  - rule: greet\n    steps:\n      - intent: greet\n      - action: utter_greet\n';
    const found = findings(
      {
        'data/rules.yml': rules,
        'endpoints.yml': 'action_endpoint:\n  url: http://localhost:5055/webhook\n',
        'credentials.yml': 'rest:\n',
        'e2e_tests/greet.yml': 'test_cases:\n  - test_case: greet\n    steps:\n      - user: hi\n      - utter: utter_greet\n',
      },
      'rasa/version-missing',
    );
    assert.deepEqual(found.map((d) => d.file), ['p/data/rules.yml']);
    const fixed = apply(rules, found[0]!.fixes![0]!.edits);
    assert.equal(fixed, `version: "3.1"\n${rules}`);
    assert.deepEqual(findings({ 'data/rules.yml': fixed }, 'rasa/version-missing'), []);
  });

  it('version-missing: a byte order mark and a --- marker stay first', () => {
    const text = '\uFEFF---\nrules:\n  - rule: greet\n    steps:\n      - intent: greet\n      - action: utter_greet\n';
    const [d] = findings({ 'data/rules.yml': text }, 'rasa/version-missing');
    assert.equal(apply(text, d!.fixes![0]!.edits), `\uFEFF---\nversion: "3.1"\n${text.slice(5)}`);
  });

  it('version-not-string quotes the number; version-older and version-newer are told apart', () => {
    const nlu = (v: string) => `version: ${v}\nnlu:\n  - intent: greet\n    examples: |\n      - hi\n`;
    const [d] = findings({ 'data/nlu.yml': nlu('3.1') }, 'rasa/version-not-string');
    assert.equal(apply(nlu('3.1'), d!.fixes![0]!.edits), nlu('"3.1"'));
    assert.equal(findings({ 'data/nlu.yml': nlu('"2.0"') }, 'rasa/version-older').length, 1);
    assert.equal(findings({ 'data/nlu.yml': nlu('"3.10"') }, 'rasa/version-newer').length, 1);
    assert.equal(findings({ 'data/nlu.yml': nlu('"3.1.0"') }, 'rasa/version-older').length, 0);
    assert.equal(findings({ 'data/nlu.yml': nlu('"three"') }, 'rasa/version-not-string').length, 1);
  });

  it('assistant-id-placeholder has no quick fix and says why', () => {
    const [d] = findings({ 'config.yml': 'recipe: default.v1\nassistant_id: placeholder_default\nlanguage: en\n' }, 'rasa/assistant-id-placeholder');
    assert.ok(d);
    assert.equal(d.fixes, undefined);
    assert.match(d.message, /rasa train/);
    assert.match(d.message, /by hand/);
  });

  it('config-missing-key: one finding per missing key, at the first key', () => {
    const found = findings({ 'config.yml': '# the config\npipeline: []\npolicies: []\n' }, 'rasa/config-missing-key');
    assert.equal(found.length, 2);
    assert.ok(found.every((d) => d.start === '# the config\n'.length && d.end === d.start + 'pipeline'.length));
  });

  it('unknown-recipe suggests the close recipe', () => {
    const [d] = findings({ 'config.yml': 'recipe: default.v2\nassistant_id: parcel-bot\nlanguage: en\n' }, 'rasa/unknown-recipe');
    assert.equal(d!.fixes![0]!.edits[0]!.newText, 'default.v1');
  });

  it('duplicate-domain-definition points at the first declaration in path order', () => {
    const found = findings(
      {
        'domain/a.yml': 'version: "3.1"\nintents:\n  - greet\n  - goodbye\nresponses:\n  utter_greet:\n    - text: "Hi!"\n',
        'domain/b.yml': 'version: "3.1"\nintents:\n  - goodbye\n  - track_parcel\nslots:\n  parcel_id:\n    type: text\n    mappings:\n      - type: custom\n',
      },
      'rasa/duplicate-domain-definition',
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]!.file, 'p/domain/b.yml');
    assert.equal(found[0]!.related![0]!.file, 'p/domain/a.yml');
    // The repeat can go: b.yml keeps another intent.
    assert.equal(found[0]!.fixes![0]!.edits[0]!.newText, '');
  });

  it('duplicate-in-domain: a name twice in one list, not a key twice in a mapping', () => {
    const domain = DOMAIN.replace('  - track_parcel\n', '  - track_parcel\n  - greet\n');
    const [d] = findings({ 'domain.yml': domain }, 'rasa/duplicate-in-domain');
    assert.ok(d);
    assert.equal(apply(domain, d.fixes![0]!.edits), DOMAIN);
    const twice = DOMAIN.replace('responses:\n', 'responses:\n  utter_greet:\n    - text: "Hello"\n');
    assert.deepEqual(findings({ 'domain.yml': twice }, 'rasa/duplicate-in-domain'), []);
  });

  it('slot-mapping-not-required: the fix adds the slot to required_slots', () => {
    const [d] = findings({ 'domain.yml': DOMAIN }, 'rasa/slot-mapping-not-required');
    assert.ok(d);
    const fixed = apply(DOMAIN, d.fixes![0]!.edits);
    assert.match(fixed, /required_slots:\n {6}- parcel_id\n {6}- street\n/);
    assert.deepEqual(findings({ 'domain.yml': fixed }, 'rasa/slot-mapping-not-required'), []);
    // A from_trigger_intent mapping fills the slot when the form starts.
    const trigger = DOMAIN.replace('      - type: from_text\n', '      - type: from_trigger_intent\n        value: home\n');
    assert.deepEqual(findings({ 'domain.yml': trigger }, 'rasa/slot-mapping-not-required'), []);
  });

  it('form-slot-not-in-domain: rename to the close slot, or declare it', () => {
    const domain = DOMAIN.replace('      - parcel_id\n', '      - parcel_id\n      - street\n      - stret\n');
    const [d] = findings({ 'domain.yml': domain }, 'rasa/form-slot-not-in-domain');
    assert.equal(d!.fixes![0]!.edits[0]!.newText, 'street');
    const declared = apply(domain, d!.fixes![1]!.edits);
    assert.deepEqual(findings({ 'domain.yml': declared }, 'rasa/form-slot-not-in-domain'), []);
    assert.deepEqual(findings({ 'domain.yml': declared }, 'rasa/slot-mapping-not-required'), []);
  });

  it('unknown names in slot mappings and response conditions get a did-you-mean rename', () => {
    const domain = DOMAIN.replace('        entity: parcel_id\n', '        entity: parcelid\n        intent: track_parcels\n')
      .replace('active_loop: address_form', 'active_loop: adress_form')
      .replace('    - text: "Hi!"\n', '    - condition:\n        - type: slot\n          name: stret\n          value: x\n      text: "Hi!"\n');
    const rename = (code: string) => findings({ 'domain.yml': domain }, code).map((d) => d.fixes?.[0]?.edits[0]?.newText);
    assert.deepEqual(rename('rasa/slot-mapping-unknown-entity'), ['parcel_id']);
    assert.deepEqual(rename('rasa/slot-mapping-unknown-intent'), ['track_parcel']);
    assert.deepEqual(rename('rasa/slot-mapping-unknown-form'), ['address_form']);
    assert.deepEqual(rename('rasa/response-condition-unknown-slot'), ['street']);
  });

  it('slot types and mapping types: aliases, typos and missing keys', () => {
    const typed = (t: string) => DOMAIN.replace('  parcel_id:\n    type: text', `  parcel_id:\n    type: ${t}`);
    const fix = (t: string) => findings({ 'domain.yml': typed(t) }, 'rasa/unknown-slot-type').map((d) => d.fixes?.[0]?.edits[0]?.newText);
    assert.deepEqual(fix('boolean'), ['bool']);
    assert.deepEqual(fix('txt'), ['text']);
    assert.deepEqual(fix('my_slots.PostcodeSlot'), []);
    const bad = DOMAIN.replace('      - type: from_entity\n        entity: parcel_id\n', '      - type: from_entiti\n        entity: parcel_id\n      - type: from_intent\n        intent: greet\n');
    const found = findings({ 'domain.yml': bad }, 'rasa/slot-mapping-invalid');
    assert.deepEqual(found.map((d) => d.fixes?.[0]?.edits[0]?.newText), ['from_entity', undefined]);
    assert.match(found[1]!.message, /'value'/);
  });

  it('response-name-prefix renames the response and the steps that name it', () => {
    const domain = DOMAIN.replace('  utter_greet:\n', '  utter_greet:\n    - text: "Hi!"\n  parcel_help:\n');
    const stories = 'version: "3.1"\nstories:\n  - story: help\n    steps:\n      - intent: track_parcel\n      - action: parcel_help\n';
    const ws = project({ 'domain.yml': domain, 'data/stories.yml': stories });
    const d = ws.getDiagnostics('p/domain.yml').find((x) => x.code === 'rasa/response-name-prefix')!;
    const edits = d.fixes![0]!.edits;
    assert.deepEqual(edits.map((e) => [e.file, e.newText]).sort(), [['p/data/stories.yml', 'utter_parcel_help'], ['p/domain.yml', 'utter_parcel_help']]);
  });

  it('responses without variations or without text; mapping policy triggers; empty domain', () => {
    const noVariations = DOMAIN.replace('responses:\n', 'responses:\n  utter_bye: []\n');
    assert.equal(findings({ 'domain.yml': noVariations }, 'rasa/response-no-variations').length, 1);
    const noText = DOMAIN.replace('    - text: "Hi!"\n', '    - buttons:\n        - title: Yes\n          payload: /affirm\n    - Hello there\n    - custom:\n        blocks: []\n');
    const found = findings({ 'domain.yml': noText }, 'rasa/response-no-text');
    assert.equal(found.length, 2);
    assert.match(apply(noText, found.find((d) => d.fixes)!.fixes![0]!.edits), /- text: Hello there\n/);
    const triggers = DOMAIN.replace('  - greet\n', '  - greet:\n      triggers: utter_greet\n');
    assert.equal(findings({ 'domain.yml': triggers }, 'rasa/mapping-policy-trigger').length, 1);
    assert.equal(findings({ 'domain.yml': 'version: "3.1"\nintents: []\n' }, 'rasa/domain-empty').length, 1);
    // A domain file that does not parse may declare anything: no finding.
    assert.equal(findings({ 'domain.yml': 'version: "3.1"\nintents: [\n' }, 'rasa/domain-empty').length, 0);
  });
});
