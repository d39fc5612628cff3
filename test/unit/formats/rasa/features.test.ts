// The Rasa format's editor features on the valid fixtures (clean: a banking assistant with
// forms and test stories; split: a split domain with retrieval intents; calm: flows and
// end-to-end tests): definition, references, hover, completion, rename and outline, each
// with the exact spans it answers.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { BotWorkspace, FileEdit } from '../../../../server/src/definitions/index';
import { loadFolder, normalizePath } from '../../../../server/src/definitions/index';
import { complete, createWorkspace, documentSymbols, findDefinition, findReferences, hover, prepareRename, rename } from '../../../../server/src/formats/index';
import { generateLargeRasaProject } from '../../../../bench/generate-rasa';

const FIXTURES = join(__dirname, '../../../fixtures/rasa');

interface Project {
  ws: BotWorkspace;
  root: string;
}

async function open(name: string): Promise<Project> {
  const root = normalizePath(join(FIXTURES, name));
  const ws = createWorkspace();
  await loadFolder(ws, root);
  assert.equal(ws.getBots().length, 1);
  return { ws, root };
}

const path = (p: Project, rel: string): string => `${p.root}/${rel}`;
const textOf = (p: Project, rel: string): string => p.ws.getDocument(path(p, rel))!.text;

/** The offset of the `nth` (0-based) `needle` in a file, plus `delta`. */
function offsetIn(p: Project, rel: string, needle: string, delta = 0, nth = 0): number {
  const text = textOf(p, rel);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" is not in ${rel}`);
  return at + delta;
}

/** `file:line text` of a location, the file relative to the project, the line 1-based. */
function show(p: Project, l: { file: string; start: number; end: number }): string {
  const rel = l.file.slice(p.root.length + 1);
  const text = p.ws.getDocument(l.file)!.text;
  return `${rel}:${text.slice(0, l.start).split('\n').length} ${text.slice(l.start, l.end)}`;
}

/** Replaces a file's text (the needle must be there) and returns the new text. */
function edit(p: Project, rel: string, from: string, to: string): string {
  const before = textOf(p, rel);
  assert.ok(before.includes(from), `"${from}" is not in ${rel}`);
  const after = before.replace(from, to);
  p.ws.setDocument(path(p, rel), after, 2);
  return after;
}

/** Every file's text after the edits. */
function applied(p: Project, edits: readonly FileEdit[]): Map<string, string> {
  const out = new Map<string, string>();
  const byFile = new Map<string, FileEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    let text = p.ws.getDocument(file)!.text;
    for (const e of [...list].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    out.set(file.slice(p.root.length + 1), text);
  }
  return out;
}

function diagnostics(p: Project): string[] {
  return [...p.ws.getAllDiagnostics()].flatMap(([file, ds]) => ds.map((d) => `${file.slice(p.root.length + 1)} ${d.code}`));
}

const labels = (p: Project, rel: string, offset: number): string[] => complete(p.ws, path(p, rel), offset).items.map((i) => i.label);

describe('rasa: editor features', function () {
  this.timeout(30_000);
  let clean: Project;
  let split: Project;
  let calm: Project;
  const SPLIT = 'split/services/assistant';

  beforeEach(async () => {
    clean = await open('clean');
    split = await open(SPLIT);
    calm = await open('calm');
  });

  describe('go to definition', () => {
    const defs = (p: Project, rel: string, needle: string, delta: number, nth = 0): string[] => findDefinition(p.ws, path(p, rel), offsetIn(p, rel, needle, delta, nth)).map((l) => show(p, l));

    it('goes from a story step to the domain: response, intent, form, action', () => {
      assert.deepEqual(defs(clean, 'data/stories.yml', 'action: utter_greet', 10), ['domain.yml:99 utter_greet']);
      assert.deepEqual(defs(clean, 'data/stories.yml', 'intent: check_balance', 10), ['domain.yml:11 check_balance']);
      assert.deepEqual(defs(clean, 'data/stories.yml', 'action: transfer_form', 10), ['domain.yml:90 transfer_form']);
      assert.deepEqual(defs(clean, 'data/stories.yml', 'active_loop: transfer_form', 15), ['domain.yml:90 transfer_form']);
      assert.deepEqual(defs(clean, 'data/stories.yml', 'action: action_check_balance', 10), ['domain.yml:147 action_check_balance']);
      assert.deepEqual(defs(clean, 'data/stories.yml', '- account_type: savings', 4, 1), ['domain.yml:28 account_type']);
      assert.deepEqual(defs(clean, 'tests/test_stories.yml', 'intent: find_branch', 10), ['domain.yml:17 find_branch']);
    });

    it('spans the name, and the whole entry as the full range', () => {
      const [d] = findDefinition(clean.ws, path(clean, 'data/rules.yml'), offsetIn(clean, 'data/rules.yml', 'action: utter_goodbye', 12));
      const text = textOf(clean, 'domain.yml');
      assert.equal(text.slice(d!.start, d!.end), 'utter_goodbye');
      assert.equal(text.slice(d!.fullStart!, d!.fullEnd!), 'utter_goodbye:\n    - text: "Goodbye, and thanks for banking with us."\n    - text: "Bye! Come back any time."');
    });

    it('goes from nlu items, mappings, placeholders and payloads to their declarations', () => {
      assert.deepEqual(defs(clean, 'data/nlu.yml', '- intent: check_balance', 12), ['domain.yml:11 check_balance']);
      assert.deepEqual(defs(clean, 'data/nlu.yml', '[checking](account_type)', 13), ['domain.yml:20 account_type']);
      assert.deepEqual(defs(clean, 'data/nlu.yml', '"entity": "account_type", "role": "source"', 12), ['domain.yml:20 account_type']);
      assert.deepEqual(defs(clean, 'domain.yml', 'entity: city', 9), ['domain.yml:25 city']);
      assert.deepEqual(defs(clean, 'domain.yml', 'intent: affirm', 9), ['domain.yml:6 affirm']);
      assert.deepEqual(defs(clean, 'domain.yml', '{balance}', 2), ['domain.yml:43 balance']);
      assert.deepEqual(defs(clean, 'domain.yml', 'payload: "/deny"', 12), ['domain.yml:7 deny']);
      assert.deepEqual(defs(clean, 'domain.yml', 'active_loop: transfer_form', 14), ['domain.yml:90 transfer_form']);
      assert.deepEqual(defs(clean, 'domain.yml', '      - recipient', 8), ['domain.yml:49 recipient']);
      assert.deepEqual(defs(clean, 'domain.yml', 'action: action_check_balance', 9), ['domain.yml:147 action_check_balance']);
    });

    it('resolves retrieval names: utter_faq to every utter_faq/… response, faq/ask_x to the intent faq and to its response', () => {
      assert.deepEqual(defs(split, 'data/dialogue/smalltalk_rules.yml', 'action: utter_faq', 12), [
        'data/faq/faq_answers.yml:4 utter_faq/ask_hours',
        'data/faq/faq_answers.yml:6 utter_faq/ask_router_reset',
        'data/faq/faq_answers.yml:9 utter_faq/ask_contract_length',
      ]);
      assert.deepEqual(defs(split, 'data/faq/faq_questions.yml', 'faq/ask_hours', 1), ['domain/core.yml:9 faq']);
      assert.deepEqual(defs(split, 'data/faq/faq_questions.yml', 'faq/ask_hours', 6), ['data/faq/faq_answers.yml:4 utter_faq/ask_hours']);
      assert.deepEqual(defs(split, 'data/dialogue/smalltalk_rules.yml', 'intent: faq', 9), ['domain/core.yml:9 faq']);
    });

    it('goes across a split domain and through flows and end-to-end tests', () => {
      assert.deepEqual(defs(calm, 'data/flows/transfer_money.yml', 'call: authenticate_user', 8), ['data/flows/authenticate_user.yml:4 authenticate_user']);
      assert.deepEqual(defs(calm, 'data/flows/transfer_money.yml', 'collect: recipient', 10), ['domain/transfers.yml:4 recipient']);
      assert.deepEqual(defs(calm, 'data/flows/transfer_money.yml', 'slots.amount', 8), ['domain/transfers.yml:8 amount']);
      assert.deepEqual(defs(calm, 'data/flows/transfer_money.yml', 'utter: utter_invalid_amount', 9), ['domain/transfers.yml:33 utter_invalid_amount']);
      assert.deepEqual(defs(calm, 'data/flows/cards.yml', 'link: report_fraud', 8), ['data/flows/cards.yml:23 report_fraud']);
      assert.deepEqual(defs(calm, 'data/flows/cards.yml', 'name: block_card', 8), ['domain/general.yml:4 block_card']);
      assert.deepEqual(defs(calm, 'e2e_tests/block_card.yml', 'utter: utter_card_blocked', 9), ['domain/cards.yml:23 utter_card_blocked']);
      assert.deepEqual(defs(calm, 'domain/cards.yml', 'SetSlots(block_reason', 11), ['domain/cards.yml:4 block_reason']);
    });

    it('has nothing to go to for Rasa’s defaults', () => {
      assert.deepEqual(defs(clean, 'data/rules.yml', 'intent: nlu_fallback', 10), []);
      assert.deepEqual(defs(clean, 'data/stories.yml', '- requested_slot: recipient', 5), []);
    });
  });

  describe('find references', () => {
    const refs = (p: Project, rel: string, needle: string, delta: number, include = true): string[] =>
      findReferences(p.ws, path(p, rel), offsetIn(p, rel, needle, delta), include).map((l) => show(p, l));

    it('lists an intent in the domain, nlu, stories, rules, tests, slot mappings and button payloads', () => {
      assert.deepEqual(refs(clean, 'data/stories.yml', 'intent: affirm', 9), [
        'data/nlu.yml:21 affirm',
        'data/stories.yml:46 affirm',
        'domain.yml:6 affirm',
        'domain.yml:71 affirm',
        'domain.yml:131 affirm',
      ]);
      assert.deepEqual(refs(clean, 'data/stories.yml', 'intent: greet', 9), ['data/nlu.yml:4 greet', 'data/rules.yml:7 greet', 'data/stories.yml:6 greet', 'domain.yml:4 greet', 'tests/test_stories.yml:8 greet']);
      assert.deepEqual(refs(clean, 'data/stories.yml', 'intent: greet', 9, false), ['data/nlu.yml:4 greet', 'data/rules.yml:7 greet', 'data/stories.yml:6 greet', 'tests/test_stories.yml:8 greet']);
    });

    it('lists an intent in a flow’s nlu_trigger', () => {
      assert.deepEqual(refs(calm, 'domain/general.yml', '- block_card', 4), ['data/flows/cards.yml:9 block_card', 'data/nlu/triggers.yml:4 block_card', 'domain/general.yml:4 block_card']);
    });

    it('lists a response in stories, rules and tests; a form as an action and a loop', () => {
      assert.deepEqual(refs(clean, 'domain.yml', 'utter_greet:', 2), ['data/rules.yml:8 utter_greet', 'data/stories.yml:7 utter_greet', 'domain.yml:99 utter_greet', 'tests/test_stories.yml:9 utter_greet']);
      const form = refs(clean, 'domain.yml', '  transfer_form:', 4);
      assert.equal(form.filter((r) => r.startsWith('data/stories.yml')).length, 11);
      assert.equal(form.filter((r) => r.startsWith('data/rules.yml')).length, 7);
      assert.deepEqual(form.filter((r) => r.startsWith('domain.yml')), ['domain.yml:54 transfer_form', 'domain.yml:65 transfer_form', 'domain.yml:74 transfer_form', 'domain.yml:80 transfer_form', 'domain.yml:90 transfer_form']);
    });

    it('lists a slot in mappings, placeholders, slot_was_set, requested_slot and required_slots', () => {
      assert.deepEqual(refs(clean, 'domain.yml', '  recipient:', 3), [
        'data/stories.yml:26 recipient',
        'data/stories.yml:31 recipient',
        'data/stories.yml:35 recipient',
        'data/stories.yml:62 recipient',
        'data/stories.yml:66 recipient',
        'domain.yml:49 recipient',
        'domain.yml:55 recipient',
        'domain.yml:94 recipient',
        'domain.yml:128 recipient',
        'domain.yml:141 recipient',
      ]);
    });

    it('lists an entity in annotations (both syntaxes), test stories, story entities and the domain', () => {
      assert.deepEqual(refs(clean, 'domain.yml', '  - account_type:', 4), [
        'data/nlu.yml:57 account_type',
        'data/nlu.yml:58 account_type',
        'data/nlu.yml:59 account_type',
        'data/nlu.yml:60 account_type',
        'data/nlu.yml:67 account_type',
        'data/nlu.yml:67 account_type',
        'data/nlu.yml:76 account_type',
        'data/stories.yml:10 account_type',
        'domain.yml:16 account_type',
        'domain.yml:20 account_type',
        'domain.yml:35 account_type',
        'domain.yml:41 account_type',
        'tests/test_stories.yml:11 account_type',
      ]);
    });

    it('lists a retrieval response with the group that uses it and the nlu item of its questions', () => {
      assert.deepEqual(refs(split, 'data/faq/faq_answers.yml', 'utter_faq/ask_hours', 12), [
        'data/dialogue/smalltalk_rules.yml:22 utter_faq',
        'data/faq/faq_answers.yml:4 utter_faq/ask_hours',
        'data/faq/faq_questions.yml:4 faq/ask_hours',
        'tests/test_billing_conversations.yml:30 utter_faq',
      ]);
      assert.deepEqual(refs(split, 'domain/core.yml', '- faq', 3), [
        'data/dialogue/smalltalk_rules.yml:21 faq',
        'data/faq/faq_questions.yml:4 faq',
        'data/faq/faq_questions.yml:10 faq',
        'data/faq/faq_questions.yml:16 faq',
        'domain/core.yml:9 faq',
        'tests/test_billing_conversations.yml:29 faq',
      ]);
    });

    it('lists a response in flows and end-to-end tests, and a flow where it is called', () => {
      assert.deepEqual(refs(calm, 'domain/cards.yml', 'utter_card_blocked:', 2), ['data/flows/cards.yml:16 utter_card_blocked', 'domain/cards.yml:23 utter_card_blocked', 'e2e_tests/block_card.yml:11 utter_card_blocked']);
      assert.deepEqual(refs(calm, 'data/flows/authenticate_user.yml', 'authenticate_user:', 2), [
        'data/flows/authenticate_user.yml:4 authenticate_user',
        'data/flows/cards.yml:12 authenticate_user',
        'data/flows/check_balance.yml:8 authenticate_user',
        'data/flows/transfer_money.yml:10 authenticate_user',
      ]);
    });
  });

  describe('hover', () => {
    const hoverAt = (p: Project, rel: string, needle: string, delta: number) => {
      const h = hover(p.ws, path(p, rel), offsetIn(p, rel, needle, delta));
      assert.ok(h, `no hover at ${needle}`);
      return { ...h, text: textOf(p, rel).slice(h.start, h.end) };
    };

    it('shows a response’s variations, with where it is defined', () => {
      const h = hoverAt(clean, 'data/stories.yml', 'action: utter_greet', 12);
      assert.equal(h.text, 'utter_greet');
      assert.equal(
        h.contents,
        [
          '**response** `utter_greet`',
          '2 variations, one picked at random:',
          "1. “Hello! I'm Ledger. I can tell you your balance, move money or find a branch.”\n2. “Hi there, Ledger here. What can I do for you today?”",
          'Defined in `domain.yml` line 99.',
        ].join('\n\n'),
      );
    });

    it('shows buttons, conditions, channels and custom payloads of variations', () => {
      assert.match(hoverAt(clean, 'data/stories.yml', 'action: utter_transfer_done', 12).contents, /1\. “No problem, nothing was sent\.” · if `confirmed = false`\n2\. “Done! \{amount\} is on its way to \{recipient\}\.”/);
      assert.match(hoverAt(clean, 'domain.yml', 'utter_ask_confirmed:', 3).contents, /“Send \{amount\} to \{recipient\}\?” · buttons: Yes, send it, No, stop/);
      assert.match(hoverAt(split, 'data/dialogue/outage.yml', 'utter_outage_logged', 3).contents, /2\. “Outage logged for \{postcode\}\. We'll text you when it's fixed\.” · channel `sms`/);
      edit(clean, 'domain.yml', '  utter_youre_welcome:\n    - text: "You\'re welcome!"', '  utter_youre_welcome:\n    - text: "You\'re welcome!"\n    - custom:\n        emoji: "+1"');
      assert.match(hoverAt(clean, 'data/rules.yml', 'action: utter_youre_welcome', 10).contents, /2 variations[^]*\n2\. custom\n/);
    });

    it('shows the group of a retrieval response, and the part of a retrieval name under the cursor', () => {
      const group = hoverAt(split, 'data/dialogue/smalltalk_rules.yml', 'action: utter_faq', 12);
      assert.equal(group.text, 'utter_faq');
      assert.match(group.contents, /^\*\*retrieval responses\*\* `utter_faq`\n\nThe response selector picks one of 3[^]*- `ask_hours` — “Our support line is open/);
      const sub = hoverAt(split, 'data/faq/faq_questions.yml', 'faq/ask_hours', 6);
      assert.equal(sub.text, 'ask_hours');
      assert.match(sub.contents, /^\*\*response\*\* `utter_faq\/ask_hours`/);
      const base = hoverAt(split, 'data/faq/faq_questions.yml', 'faq/ask_hours', 1);
      assert.equal(base.text, 'faq');
      assert.match(base.contents, /^\*\*intent\*\* `faq`\n\nRetrieval intent with 3 sub-intents: `faq\/ask_contract_length`, `faq\/ask_hours`, `faq\/ask_router_reset`\.\n\n9 examples in `data\/faq\/faq_questions.yml`:/);
    });

    it('shows an intent’s example count and first examples, annotations removed', () => {
      const h = hoverAt(clean, 'data/stories.yml', 'intent: check_balance', 10);
      assert.equal(h.text, 'check_balance');
      assert.equal(
        h.contents,
        [
          '**intent** `check_balance`',
          '6 examples in `data/nlu.yml`:',
          "- what's my balance\n- how much money do I have\n- what's the balance of my checking account\n- show me my savings balance\n- how much is in my savings account\n- …",
          'Declared in `domain.yml` line 11.',
        ].join('\n\n'),
      );
      assert.match(hoverAt(calm, 'data/flows/cards.yml', 'name: block_card', 8).contents, /Starts the flow `block_card` \(nlu_trigger\)\./);
      assert.match(hoverAt(clean, 'data/rules.yml', 'intent: nlu_fallback', 10).contents, /One of Rasa's default intents/);
    });

    it('shows a slot’s type and mappings, a form’s required slots, an entity’s roles', () => {
      assert.equal(
        hoverAt(clean, 'domain.yml', '  confirmed:', 4).contents,
        [
          '**slot** `confirmed`',
          'Type `bool`.',
          'Mappings:\n- `from_intent` · intent `affirm` · value `true` · when `transfer_form` is active and asks for `confirmed`\n- `from_intent` · intent `deny` · value `false` · when `transfer_form` is active and asks for `confirmed`',
          'Required by `transfer_form`.',
          'Defined in `domain.yml` line 67.',
        ].join('\n\n'),
      );
      assert.match(hoverAt(clean, 'domain.yml', '  source_account:', 4).contents, /- `from_entity` · entity `account_type` role `source`/);
      assert.equal(
        hoverAt(clean, 'data/stories.yml', 'active_loop: transfer_form', 15).contents,
        ['**form** `transfer_form`', 'Asks for 3 slots, in order: `recipient` → `amount` → `confirmed`.', 'Ignores the intents `bot_challenge`.', 'Validated by `validate_transfer_form`.', 'Defined in `domain.yml` line 90.'].join('\n\n'),
      );
      assert.equal(
        hoverAt(clean, 'data/nlu.yml', '[checking](account_type)', 13).contents,
        ['**entity** `account_type`', 'Roles: `source`, `target`.', 'Fills the slots `account_type`, `source_account`.', 'Declared in `domain.yml` line 20.'].join('\n\n'),
      );
    });

    it('says what an action and a flow are', () => {
      assert.match(hoverAt(clean, 'data/stories.yml', 'action: action_check_balance', 10).contents, /^\*\*custom action\*\* `action_check_balance`[^]*Declared in `domain.yml` line 147\.$/);
      assert.match(hoverAt(calm, 'data/flows/transfer_money.yml', 'call: authenticate_user', 8).contents, /^\*\*flow\*\* `authenticate_user`\n\nCheck the user's security answer/);
    });
  });

  describe('completion', () => {
    it('offers the domain’s intents after - intent: in a story, with their example counts', () => {
      const text = edit(clean, 'data/stories.yml', '      - action: utter_greet\n', '      - action: utter_greet\n      - intent: \n');
      const at = text.indexOf('      - intent: \n') + '      - intent: '.length;
      const r = complete(clean.ws, path(clean, 'data/stories.yml'), at);
      assert.equal(r.start, at);
      assert.equal(r.end, at);
      const greet = r.items.find((i) => i.label === 'greet')!;
      assert.equal(greet.detail, '6 examples');
      assert.deepEqual(
        r.items.map((i) => i.label),
        ['greet', 'goodbye', 'affirm', 'deny', 'thank', 'bot_challenge', 'check_balance', 'transfer_money', 'inform', 'find_branch', 'restart', 'back', 'out_of_scope', 'session_start', 'nlu_fallback'],
      );
    });

    it('offers responses, forms, custom and default actions after action:, replacing the word typed', () => {
      const text = edit(clean, 'data/rules.yml', '      - action: utter_goodbye', '      - action: utter_go');
      const at = text.indexOf('utter_go') + 'utter_go'.length;
      const r = complete(clean.ws, path(clean, 'data/rules.yml'), at);
      assert.equal(text.slice(r.start, r.end), 'utter_go');
      const kinds = new Map(r.items.map((i) => [i.label, i.kind]));
      assert.equal(kinds.get('utter_goodbye'), 'response');
      assert.equal(kinds.get('transfer_form'), 'form');
      assert.equal(kinds.get('action_check_balance'), 'action');
      assert.equal(kinds.get('action_listen'), 'action');
      assert.ok(!kinds.has('action_cancel_flow'), 'no Rasa Pro default action without flows');
      assert.equal(r.items.find((i) => i.label === 'utter_goodbye')!.detail, '“Goodbye, and thanks for banking with us.”');
    });

    it('offers forms after active_loop:, slots in slot_was_set and required_slots, entities in mappings and annotations', () => {
      let text = edit(clean, 'data/stories.yml', '      - action: utter_greet\n', '      - action: utter_greet\n      - active_loop: \n      - slot_was_set:\n          - \n');
      assert.deepEqual(labels(clean, 'data/stories.yml', text.indexOf('active_loop: \n') + 'active_loop: '.length), ['transfer_form']);
      assert.deepEqual(labels(clean, 'data/stories.yml', text.indexOf('          - \n') + '          - '.length), ['account_type', 'source_account', 'balance', 'recipient', 'amount', 'confirmed', 'city', 'requested_slot']);
      text = edit(clean, 'domain.yml', '      - recipient\n      - amount\n', '      - recipient\n      - am\n      - amount\n');
      const at = text.indexOf('      - am\n') + '      - am'.length;
      const r = complete(clean.ws, path(clean, 'domain.yml'), at);
      assert.equal(text.slice(r.start, r.end), 'am');
      assert.ok(r.items.some((i) => i.label === 'amount' && i.kind === 'slot' && i.detail === 'float'));
      text = edit(clean, 'domain.yml', '        entity: city', '        entity: ');
      assert.deepEqual(labels(clean, 'domain.yml', text.indexOf('        entity: \n') + '        entity: '.length), ['account_type', 'amount', 'city']);
      text = edit(clean, 'data/nlu.yml', '      - hello Ledger', '      - hello [Ledger](');
      assert.deepEqual(labels(clean, 'data/nlu.yml', text.indexOf('[Ledger](') + '[Ledger]('.length), ['account_type', 'amount', 'city']);
      text = edit(clean, 'data/nlu.yml', '      - good evening', '      - good [evening]{"entity": "account_type", "role": "');
      assert.deepEqual(labels(clean, 'data/nlu.yml', text.indexOf('"role": "') + '"role": "'.length), ['source', 'target']);
    });

    it('offers slots in {placeholders} and intents and slots in button payloads', () => {
      let text = edit(clean, 'domain.yml', '"Who should receive the money?"', '"Who should receive {am"');
      const at = text.indexOf('{am') + 3;
      const r = complete(clean.ws, path(clean, 'domain.yml'), at);
      assert.equal(text.slice(r.start, r.end), 'am');
      assert.ok(r.items.some((i) => i.label === 'amount'));
      text = edit(clean, 'domain.yml', 'payload: "/deny"', 'payload: "/de"');
      assert.ok(labels(clean, 'domain.yml', text.indexOf('"/de"') + 4).includes('deny'));
      text = edit(calm, 'domain/cards.yml', '"/SetSlots(block_reason=lost)"', '"/SetSlots(block_reason=lost, bl)"');
      assert.ok(labels(calm, 'domain/cards.yml', text.indexOf(', bl)') + 4).includes('block_reason'));
    });

    it('offers the domain’s intents and retrieval sub-intents after - intent: in nlu', () => {
      const text = edit(split, 'data/faq/faq_questions.yml', 'nlu:\n', 'nlu:\n  - intent: \n');
      const r = complete(split.ws, path(split, 'data/faq/faq_questions.yml'), text.indexOf('- intent: \n') + '- intent: '.length);
      const faq = r.items.filter((i) => i.label.startsWith('faq'));
      assert.deepEqual(
        faq.map((i) => `${i.label}: ${i.detail}`),
        [
          'faq: retrieval intent · 3 sub-intents, 9 examples',
          'faq/ask_contract_length: retrieval sub-intent · 3 examples',
          'faq/ask_hours: retrieval sub-intent · 3 examples',
          'faq/ask_router_reset: retrieval sub-intent · 3 examples',
        ],
      );
      assert.ok(!r.items.some((i) => i.label === 'nlu_fallback'), 'no default intents in nlu');
    });

    it('offers retrieval response groups after action:', () => {
      const text = edit(split, 'data/dialogue/smalltalk_rules.yml', '      - action: utter_faq', '      - action: utter_f');
      const r = complete(split.ws, path(split, 'data/dialogue/smalltalk_rules.yml'), text.indexOf('utter_f\n') + 'utter_f'.length);
      assert.equal(r.items.find((i) => i.label === 'utter_faq')?.detail, 'retrieval responses · 3');
      assert.ok(!r.items.some((i) => i.label.includes('/')));
    });

    it('offers slots after collect:, flows after call: and link:, responses after utter:, step ids after next:', () => {
      let text = edit(calm, 'data/flows/transfer_money.yml', '      - call: authenticate_user', '      - call: ');
      assert.deepEqual(labels(calm, 'data/flows/transfer_money.yml', text.indexOf('call: \n') + 'call: '.length), ['authenticate_user', 'block_card', 'report_fraud', 'check_balance']);
      text = edit(calm, 'data/flows/cards.yml', '              - link: report_fraud', '              - link: ');
      assert.deepEqual(labels(calm, 'data/flows/cards.yml', text.indexOf('link: \n') + 'link: '.length), ['authenticate_user', 'report_fraud', 'check_balance', 'transfer_money', 'pattern_human_handoff']);
      text = edit(calm, 'data/flows/transfer_money.yml', '      - collect: amount', '      - collect: ');
      assert.ok(labels(calm, 'data/flows/transfer_money.yml', text.indexOf('collect: \n') + 'collect: '.length).includes('amount'));
      text = edit(calm, 'data/flows/transfer_money.yml', '            utter: utter_invalid_amount', '            utter: ');
      assert.ok(labels(calm, 'data/flows/transfer_money.yml', text.indexOf('utter: \n') + 'utter: '.length).includes('utter_invalid_amount'));
      text = edit(calm, 'data/flows/transfer_money.yml', '                next: report_result', '                next: ');
      assert.deepEqual(labels(calm, 'data/flows/transfer_money.yml', text.indexOf('next: \n') + 'next: '.length), ['ask_recipient', 'report_result', 'END']);
      text = edit(calm, 'data/flows/transfer_money.yml', 'if: slots.transfer_confirmed', 'if: slots.tr');
      assert.ok(labels(calm, 'data/flows/transfer_money.yml', text.indexOf('slots.tr') + 'slots.tr'.length).includes('transfer_confirmed'));
      text = edit(calm, 'e2e_tests/block_card.yml', '      - utter: utter_card_blocked', '      - utter: ');
      assert.ok(labels(calm, 'e2e_tests/block_card.yml', text.indexOf('utter: \n') + 'utter: '.length).includes('utter_card_blocked'));
    });

    it('offers, in the domain, the names used but not declared yet', () => {
      edit(clean, 'data/stories.yml', '      - action: utter_greet\n', '      - action: utter_welcome_back\n');
      const text = edit(clean, 'domain.yml', 'actions:\n  - action_check_balance', 'actions:\n  - \n  - action_check_balance');
      assert.deepEqual(labels(clean, 'domain.yml', text.indexOf('actions:\n  - ') + 'actions:\n  - '.length), []);
      edit(clean, 'data/nlu.yml', '  - intent: greet', '  - intent: ask_weather\n    examples: |\n      - is it raining\n  - intent: greet');
      const t2 = edit(clean, 'domain.yml', 'intents:\n  - greet', 'intents:\n  - \n  - greet');
      const r = complete(clean.ws, path(clean, 'domain.yml'), t2.indexOf('intents:\n  - ') + 'intents:\n  - '.length);
      assert.deepEqual(r.items.map((i) => `${i.label}: ${i.detail}`), ['ask_weather: used 1 time, not declared yet']);
    });

    it('offers nothing outside names', () => {
      assert.deepEqual(labels(clean, 'data/stories.yml', offsetIn(clean, 'data/stories.yml', 'story: check balance', 12)), []);
      assert.deepEqual(labels(clean, 'data/nlu.yml', offsetIn(clean, 'data/nlu.yml', 'good morning', 3)), []);
    });
  });

  describe('rename', () => {
    const renamed = (p: Project, rel: string, needle: string, delta: number, to: string) => {
      const r = rename(p.ws, path(p, rel), offsetIn(p, rel, needle, delta), to);
      assert.ok('edits' in r, 'error' in r ? r.error : '');
      return { edits: r.edits, files: applied(p, r.edits) };
    };

    it('renames an intent across the domain, nlu, stories, rules, tests, mappings and payloads', () => {
      const { edits, files } = renamed(clean, 'data/stories.yml', 'intent: affirm', 9, 'agree');
      assert.deepEqual(edits.map((e) => show(clean, e)), ['data/nlu.yml:21 affirm', 'data/stories.yml:46 affirm', 'domain.yml:6 affirm', 'domain.yml:71 affirm', 'domain.yml:131 affirm']);
      assert.ok(files.get('domain.yml')!.includes('  - agree\n') && files.get('domain.yml')!.includes('intent: agree') && files.get('domain.yml')!.includes('payload: "/agree"'));
      assert.ok(files.get('data/nlu.yml')!.includes('- intent: agree\n'));
      assert.ok(files.get('data/stories.yml')!.includes('- intent: agree\n'));
      for (const [rel, text] of files) clean.ws.setDocument(path(clean, rel), text, 3);
      assert.deepEqual(diagnostics(clean), []);
    });

    it('renames a response everywhere it is used, and the project stays valid', () => {
      const { files } = renamed(clean, 'domain.yml', 'utter_greet:', 3, 'utter_hello');
      assert.deepEqual([...files.keys()].sort(), ['data/rules.yml', 'data/stories.yml', 'domain.yml', 'tests/test_stories.yml']);
      for (const [rel, text] of files) {
        assert.ok(!text.includes('utter_greet'), rel);
        clean.ws.setDocument(path(clean, rel), text, 3);
      }
      assert.deepEqual(diagnostics(clean), []);
    });

    it('renames a slot in mappings, placeholders, stories and forms; an entity in annotations of both syntaxes', () => {
      let { files } = renamed(clean, 'domain.yml', '  recipient:', 3, 'payee');
      const domain = files.get('domain.yml')!;
      assert.ok(domain.includes('  payee:\n') && domain.includes('requested_slot: payee') && domain.includes('      - payee\n') && domain.includes('Send {amount} to {payee}?'));
      assert.ok(domain.includes('utter_ask_recipient:'), 'utter_ask_<slot> is a convention, not a reference');
      assert.ok(files.get('data/stories.yml')!.includes('- requested_slot: payee') && files.get('data/stories.yml')!.includes('- payee: Maria Lopez'));
      ({ files } = renamed(clean, 'data/nlu.yml', '[checking](account_type)', 13, 'acct'));
      const nlu = files.get('data/nlu.yml')!;
      assert.ok(nlu.includes('[checking](acct) account') && nlu.includes('[savings]{"entity": "acct", "role": "source"}') && nlu.includes('[current account](acct:checking)'));
      assert.ok(files.get('tests/test_stories.yml')!.includes('[savings account](acct:savings)'));
      assert.ok(files.get('data/stories.yml')!.includes('          - acct: savings\n        ') || files.get('data/stories.yml')!.includes('entities:\n          - acct: savings'));
      assert.ok(files.get('domain.yml')!.includes('  - acct:\n      roles:') && files.get('domain.yml')!.includes('entity: acct\n'));
    });

    it('renames a form where it is an action, a loop and a condition; a custom action in stories and mappings', () => {
      let { files } = renamed(clean, 'data/rules.yml', 'action: transfer_form', 10, 'payment_form');
      assert.equal(files.get('data/stories.yml')!.split('payment_form').length - 1, 11);
      assert.equal(files.get('data/rules.yml')!.split('payment_form').length - 1, 7);
      assert.equal(files.get('domain.yml')!.split('payment_form').length - 1, 5);
      assert.ok(files.get('domain.yml')!.includes('validate_transfer_form'), 'validate_<form> is a convention, not a reference');
      ({ files } = renamed(clean, 'domain.yml', '  - action_check_balance', 4, 'action_fetch_balance'));
      assert.equal(files.get('domain.yml')!.split('action_fetch_balance').length - 1, 2);
      assert.equal(files.get('data/stories.yml')!.split('action_fetch_balance').length - 1, 1);
      assert.equal(files.get('tests/test_stories.yml')!.split('action_fetch_balance').length - 1, 1);
    });

    it('renames a retrieval intent’s base in nlu, its responses and utter_faq; and a sub-intent in nlu and its response', async () => {
      const prep = prepareRename(split.ws, path(split, 'data/dialogue/smalltalk_rules.yml'), offsetIn(split, 'data/dialogue/smalltalk_rules.yml', 'action: utter_faq', 10));
      assert.ok(!('error' in prep));
      assert.equal(prep.placeholder, 'faq');
      assert.equal(textOf(split, 'data/dialogue/smalltalk_rules.yml').slice(prep.start, prep.end), 'faq');
      let { files } = renamed(split, 'data/dialogue/smalltalk_rules.yml', 'action: utter_faq', 10, 'help');
      assert.ok(files.get('data/faq/faq_answers.yml')!.includes('utter_help/ask_hours:') && files.get('data/faq/faq_answers.yml')!.includes('utter_help/ask_contract_length:'));
      assert.equal(files.get('data/faq/faq_questions.yml')!.split('- intent: help/').length - 1, 3);
      assert.ok(files.get('data/dialogue/smalltalk_rules.yml')!.includes('      - intent: help\n      - action: utter_help\n'));
      assert.ok(files.get('domain/core.yml')!.includes('  - help\n'));
      assert.ok(files.get('tests/test_billing_conversations.yml')!.includes('intent: help\n      - action: utter_help'));
      for (const [rel, text] of files) split.ws.setDocument(path(split, rel), text, 3);
      assert.deepEqual(diagnostics(split), []);

      split = await open(SPLIT);
      ({ files } = renamed(split, 'data/faq/faq_questions.yml', 'faq/ask_hours', 6, 'opening_hours'));
      assert.deepEqual([...files.keys()].sort(), ['data/faq/faq_answers.yml', 'data/faq/faq_questions.yml']);
      assert.ok(files.get('data/faq/faq_answers.yml')!.includes('utter_faq/opening_hours:') && files.get('data/faq/faq_questions.yml')!.includes('- intent: faq/opening_hours\n'));
    });

    it('renames a flow where it is called and linked', () => {
      const { edits } = renamed(calm, 'data/flows/cards.yml', 'link: report_fraud', 8, 'fraud_handoff');
      assert.deepEqual(edits.map((e) => show(calm, e)), ['data/flows/cards.yml:20 report_fraud', 'data/flows/cards.yml:23 report_fraud']);
    });

    it('keeps quotes', () => {
      edit(clean, 'data/rules.yml', '      - action: utter_goodbye', '      - action: "utter_goodbye"');
      const { files } = renamed(clean, 'domain.yml', 'utter_goodbye:', 3, 'utter_bye');
      assert.ok(files.get('data/rules.yml')!.includes('      - action: "utter_bye"'));
    });

    it('refuses names that exist or that Rasa cannot read, and Rasa’s defaults', () => {
      const err = (p: Project, rel: string, needle: string, delta: number, to: string): string => {
        const r = rename(p.ws, path(p, rel), offsetIn(p, rel, needle, delta), to);
        assert.ok('error' in r, `renamed to ${to}`);
        return r.error;
      };
      assert.match(err(clean, 'data/stories.yml', 'intent: greet', 9, 'goodbye'), /already has an intent "goodbye"/);
      assert.match(err(clean, 'data/stories.yml', 'intent: greet', 9, 'say hello'), /not a valid intent name/);
      assert.match(err(clean, 'data/stories.yml', 'intent: greet', 9, 'restart'), /already has the default intent "restart"/);
      assert.match(err(clean, 'data/stories.yml', 'action: utter_greet', 9, 'greet_text'), /starts with utter_/);
      assert.match(err(clean, 'data/stories.yml', 'action: transfer_form', 9, 'utter_greet'), /already has a response "utter_greet"/);
      assert.match(err(clean, 'domain.yml', '  recipient:', 3, 'amount'), /already has a slot "amount"/);
      assert.match(err(split, 'data/faq/faq_questions.yml', 'faq/ask_hours', 6, 'ask_router_reset'), /"faq\/ask_router_reset" already exists/);
      const prep = (p: Project, rel: string, needle: string, delta: number) => prepareRename(p.ws, path(p, rel), offsetIn(p, rel, needle, delta));
      assert.match((prep(clean, 'data/rules.yml', 'intent: nlu_fallback', 10) as { error: string }).error, /one of Rasa's defaults/);
      assert.match((prep(clean, 'data/rules.yml', 'action: utter_default', 10) as { error: string }).error, /default actions send/);
      assert.match((prep(calm, 'data/patterns/patterns.yml', 'pattern_chitchat:', 3) as { error: string }).error, /overrides Rasa's default pattern/);
      assert.match((prep(clean, 'data/stories.yml', 'story: check balance', 10) as { error: string }).error, /only a label/);
    });
  });

  describe('outline', () => {
    const outline = (p: Project, rel: string) => documentSymbols(p.ws, path(p, rel));

    it('outlines a domain by section, each name selected exactly', () => {
      const symbols = outline(clean, 'domain.yml');
      assert.deepEqual(
        symbols.map((s) => `${s.name} (${s.detail})`),
        ['version ()', 'intents (10 intents)', 'entities (3 entities)', 'slots (7 slots)', 'forms (1 form)', 'responses (10 responses)', 'actions (4 actions)', 'session_config ()'],
      );
      const text = textOf(clean, 'domain.yml');
      const slots = symbols.find((s) => s.name === 'slots')!;
      assert.deepEqual(slots.children.map((c) => `${c.name}: ${c.detail}`), ['account_type: categorical', 'source_account: text', 'balance: text', 'recipient: text', 'amount: float', 'confirmed: bool', 'city: text']);
      for (const s of symbols) {
        for (const c of s.children) {
          assert.equal(text.slice(c.selectionStart, c.selectionEnd), c.name);
          assert.ok(c.start <= c.selectionStart && c.selectionEnd <= c.end && s.start <= c.start && c.end <= s.end, c.name);
        }
      }
      const responses = symbols.find((s) => s.name === 'responses')!;
      assert.equal(responses.children[0]!.detail, '2 variations');
      assert.ok(text.slice(responses.children[0]!.start, responses.children[0]!.end).startsWith('utter_greet:\n    - text: "Hello!'));
      assert.equal(symbols.find((s) => s.name === 'intents')!.children.find((c) => c.name === 'inform')!.detail, 'uses amount, account_type');
    });

    it('outlines an nlu file by item, with example counts', () => {
      const [, nlu] = outline(clean, 'data/nlu.yml');
      assert.deepEqual(
        nlu!.children.map((c) => `${c.name}: ${c.detail}`),
        [
          'greet: 6 examples',
          'goodbye: 5 examples',
          'affirm: 5 examples',
          'deny: 5 examples',
          'thank: 4 examples',
          'bot_challenge: 4 examples',
          'check_balance: 6 examples',
          'transfer_money: 6 examples',
          'inform: 5 examples',
          'find_branch: 5 examples',
          'savings: synonym · 2 examples',
          'checking: synonym · 2 examples',
          'amount: regex · 1 pattern',
          'city: lookup · 5 entries',
        ],
      );
    });

    it('outlines stories and rules by name, and a file holding both', () => {
      const [, rules] = outline(clean, 'data/rules.yml');
      assert.equal(rules!.children.length, 9);
      assert.deepEqual(rules!.children.slice(0, 2).map((c) => `${c.kind} ${c.name}: ${c.detail}`), ['rule greet at the start of a conversation: 2 steps', 'rule say goodbye: 2 steps']);
      const both = outline(split, 'data/dialogue/outage.yml').filter((s) => s.name === 'rules' || s.name === 'stories');
      assert.deepEqual(both.map((s) => s.name), ['rules', 'stories']);
    });

    it('outlines flows with their steps by id or kind, and end-to-end tests by case', () => {
      const [, flows] = outline(calm, 'data/flows/transfer_money.yml');
      const flow = flows!.children[0]!;
      assert.equal(flow.name, 'transfer_money');
      assert.equal(flow.detail, 'send money');
      assert.deepEqual(
        flow.children.map((c) => `${c.name}${c.detail ? ` (${c.detail})` : ''}`),
        ['call (authenticate_user)', 'ask_recipient (collect recipient)', 'collect (amount)', 'collect (transfer_confirmed)', 'action (action_send_transfer)', 'set_slots', 'action (utter_transfer_cancelled)', 'report_result (noop)', 'action (utter_transfer_sent)', 'action (utter_transfer_failed)'],
      );
      const text = textOf(calm, 'data/flows/transfer_money.yml');
      assert.equal(text.slice(flow.children[1]!.selectionStart, flow.children[1]!.selectionEnd), 'ask_recipient');
      assert.equal(text.slice(flow.children[0]!.selectionStart, flow.children[0]!.selectionEnd), 'call');
      const tests = outline(calm, 'e2e_tests/block_card.yml').find((s) => s.name === 'test_cases')!;
      assert.deepEqual(tests.children.map((c) => c.name), ['a stolen card is blocked and the user is handed to the fraud team']);
    });
  });

  describe('robustness and speed', () => {
    it('answers at every offset of every file, and of every file cut short, without throwing', () => {
      for (const p of [clean, split, calm]) {
        for (const file of p.ws.getBots()[0]!.files) {
          const text = p.ws.getDocument(file)!.text;
          documentSymbols(p.ws, file);
          for (let o = 0; o <= text.length; o++) {
            complete(p.ws, file, o);
            hover(p.ws, file, o);
            findDefinition(p.ws, file, o);
            prepareRename(p.ws, file, o);
          }
          for (let cut = 0; cut < text.length; cut += 53) {
            p.ws.setDocument(file, text.slice(0, cut), 9);
            complete(p.ws, file, cut);
            hover(p.ws, file, cut);
            documentSymbols(p.ws, file);
          }
          p.ws.setDocument(file, text, 10);
        }
      }
    });

    it('answers hover and completion well within 10 ms on the generated large project, after an edit too', () => {
      const ws = createWorkspace();
      for (const [rel, text] of generateLargeRasaProject()) ws.setDocument(`big/${rel}`, text, 1);
      ws.getAllDiagnostics();
      const story = 'big/data/stories/stories_02.yml';
      const nlu = 'big/data/nlu/council.yml';
      const st = ws.getDocument(story)!.text;
      const nt = ws.getDocument(nlu)!.text;
      const median = (f: () => unknown): number => {
        const times: number[] = [];
        for (let i = 0; i < 15; i++) {
          // A one-line edit of a large nlu file first: the request then runs on a new model.
          ws.setDocument(nlu, i % 2 ? nt : nt.replace('\n      - ', '\n      - one more example\n      - '), i + 2);
          ws.botOf(story);
          const t = performance.now();
          f();
          times.push(performance.now() - t);
        }
        return times.sort((a, b) => a - b)[7]!;
      };
      const at = (needle: string) => st.indexOf(needle) + needle.length;
      const h = median(() => assert.ok(hover(ws, story, at('action: utter_greet'))));
      const c = median(() => assert.ok(complete(ws, story, at('action: utter_greet')).items.length > 500));
      const i = median(() => assert.ok(complete(ws, story, at('intent: greet')).items.length > 300));
      assert.ok(h < 10 && c < 10 && i < 10, `hover ${h.toFixed(2)} ms, completion of actions ${c.toFixed(2)} ms, of intents ${i.toFixed(2)} ms`);
    });
  });
});
