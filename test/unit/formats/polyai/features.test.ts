// PolyAI editor features: completion inside `{{prefix:` of the names that prefix takes there
// (none where the prefix is not allowed), after `{{` of the allowed prefixes, in start_step
// and child_step of the flow's steps; definition and references for every reference kind;
// hover on {{fn:x}} with the function's description and parameters; a flow's outline as its
// step graph. Every offset of every file answers without an exception.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { complete, createWorkspace, documentSymbols, findDefinition, findReferences, hover } from '../../../../server/src/formats/index';

const CLEAN = join(__dirname, '../../../fixtures/polyai/clean');

function load() {
  const ws = createWorkspace();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else ws.setDocument(relative(CLEAN, p).replace(/\\/g, '/'), readFileSync(p, 'utf8'));
    }
  };
  walk(CLEAN);
  return ws;
}

const text = (file: string) => readFileSync(join(CLEAN, file), 'utf8');
const at = (file: string, needle: string, delta = 0) => {
  const i = text(file).indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + delta;
};
const span = (l: { file: string; start: number; end: number }) => `${l.file}: ${text(l.file).slice(l.start, l.end)}`;

describe('polyai: editor features', () => {
  it('completes the names a prefix takes where it stands', () => {
    const ws = load();
    const rules = 'agent_settings/rules.txt';
    ws.setDocument(rules, text(rules) + 'Also {{fn:');
    const fn = complete(ws, rules, text(rules).length + 'Also {{fn:'.length);
    assert.deepEqual(fn.items.map((i) => i.label).sort(), ['start_booking', 'start_cancellation', 'transfer_to_front_desk'], 'no lifecycle function');
    assert.equal(fn.items.find((i) => i.label === 'start_booking')!.documentation, 'Starts booking an appointment.');
    // {{ft:}} in a step's prompt: the flow's own transition functions.
    const step = 'flows/book_appointment/steps/confirm_booking.yaml';
    const ft = complete(ws, step, at(step, '{{ft:confirm_booking_slot}}', 5));
    assert.deepEqual(ft.items.map((i) => i.label), ['confirm_booking_slot']);
    // A default step's prompt allows no function.
    const def = 'flows/book_appointment/steps/collect_name.yaml';
    const withFn = text(def).replace('Patient so far:', '{{fn: Patient so far:');
    ws.setDocument(def, withFn);
    assert.deepEqual(complete(ws, def, withFn.indexOf('{{fn:') + 5).items, []);
    // After {{ the prefixes the place allows.
    const open = text(def).replace('Patient so far:', '{{ Patient so far:');
    ws.setDocument(def, open);
    assert.deepEqual(complete(ws, def, open.indexOf('{{') + 2).items.map((i) => i.label), ['entity', 'attr', 'twilio_sms', 'ho', 'vrbl']);
    // start_step: the flow's steps.
    const cfg = 'flows/book_appointment/flow_config.yaml';
    assert.deepEqual(complete(ws, cfg, at(cfg, 'Collect Name', 3)).items.map((i) => i.label).sort(), ['Collect Date', 'Collect Name', 'Confirm Booking', 'Offer Another Date', 'check_availability']);
  });

  it('goes to the definition of every kind of reference, and finds its references', () => {
    const ws = load();
    const def = (file: string, needle: string, delta = 2) => findDefinition(ws, file, at(file, needle, delta)).map(span);
    assert.deepEqual(def('agent_settings/rules.txt', 'start_booking'), ['functions/start_booking.py: start_booking']);
    assert.deepEqual(def('flows/book_appointment/steps/confirm_booking.yaml', 'confirm_booking_slot'), ['flows/book_appointment/functions/confirm_booking_slot.py: confirm_booking_slot']);
    assert.deepEqual(def('flows/book_appointment/steps/confirm_booking.yaml', 'booking_confirmation'), ['config/sms_templates.yaml: booking_confirmation']);
    assert.deepEqual(def('agent_settings/rules.txt', 'closing'), ['config/translations.yaml: closing']);
    assert.deepEqual(def('agent_settings/rules.txt', 'clinic_name'), ['config/variant_attributes.yaml: clinic_name']);
    assert.deepEqual(def('flows/book_appointment/flow_config.yaml', 'Collect Name'), ['flows/book_appointment/steps/collect_name.yaml: Collect Name']);
    assert.deepEqual(def('flows/book_appointment/steps/collect_date.yaml', 'check_availability'), ['flows/book_appointment/function_steps/check_availability.py: check_availability']);
    assert.deepEqual(def('flows/book_appointment/steps/collect_name.yaml', '- patient_name'), ['config/entities.yaml: patient_name']);
    assert.deepEqual(def('flows/cancel_appointment/functions/lookup_booking.py', 'Confirm Cancellation'), ['flows/cancel_appointment/steps/confirm_cancellation.yaml: Confirm Cancellation']);
    assert.deepEqual(def('functions/start_booking.py', 'Book Appointment'), ['flows/book_appointment/flow_config.yaml: Book Appointment']);
    assert.deepEqual(def('flows/cancel_appointment/steps/confirm_cancellation.yaml', 'booking_reference'), [
      'flows/book_appointment/functions/confirm_booking_slot.py: booking_reference',
      'flows/cancel_appointment/functions/lookup_booking.py: booking_reference',
    ]);
    assert.deepEqual(def('test_suite/book_a_check_up.yaml', 'riverside', 1), ['config/variant_attributes.yaml: riverside']);
    const refs = findReferences(ws, 'functions/transfer_to_front_desk.py', at('functions/transfer_to_front_desk.py', 'def transfer_to_front_desk', 6), false).map(span);
    assert.deepEqual(refs.sort(), ['agent_settings/rules.txt: transfer_to_front_desk', 'flows/cancel_appointment/steps/confirm_cancellation.yaml: transfer_to_front_desk', 'test_suite/annuler_un_rendez_vous.yaml: transfer_to_front_desk'].sort());
  });

  it('hovers {{fn:x}} with the function\'s description and parameters', () => {
    const ws = load();
    const file = 'flows/cancel_appointment/steps/confirm_cancellation.yaml';
    const h = hover(ws, file, at(file, 'transfer_to_front_desk', 3))!;
    assert.equal(h.contents, '**global function** `transfer_to_front_desk(reason: str)`\n\nTransfers the caller to the reception team.\n\n- `reason` (str) — Why the caller wants a person, in a few words.\n\n`functions/transfer_to_front_desk.py`');
    const step = hover(ws, 'flows/book_appointment/flow_config.yaml', at('flows/book_appointment/flow_config.yaml', 'Collect Name', 2))!;
    assert.match(step.contents, /^\*\*default step\*\* Collect Name\n\n- has_name → Collect Date/);
  });

  it('outlines a flow as its step graph from the start step', () => {
    const ws = load();
    const [flow] = documentSymbols(ws, 'flows/book_appointment/flow_config.yaml');
    assert.equal(flow!.name, 'Book Appointment');
    assert.deepEqual(
      flow!.children.map((c) => `${c.name}: ${c.detail}`),
      ['Collect Name: step → Collect Date', 'Collect Date: step → check_availability', 'check_availability: function step → Confirm Booking, Offer Another Date', 'Confirm Booking: step', 'Offer Another Date: step → Collect Date, (exit)'],
    );
    assert.deepEqual(documentSymbols(ws, 'flows/book_appointment/steps/offer_another_date.yaml')[0]!.children.map((c) => `${c.name} ${c.detail}`), ['new_date → Collect Date', 'gives_up exits the flow']);
  });

  it('answers at every offset of every file without an exception', () => {
    const ws = load();
    for (const file of ['agent_settings/rules.txt', 'flows/book_appointment/steps/confirm_booking.yaml', 'flows/book_appointment/flow_config.yaml', 'config/variant_attributes.yaml', 'functions/transfer_to_front_desk.py', 'test_suite/annuler_un_rendez_vous.yaml', 'topics/opening_hours.yaml']) {
      for (let o = 0; o <= text(file).length; o++) {
        complete(ws, file, o);
        hover(ws, file, o);
        findDefinition(ws, file, o);
        findReferences(ws, file, o);
      }
      documentSymbols(ws, file);
    }
  });
});
