// PolyAI projects: recognised by project.yaml beside the ADK's folders (a project.yaml alone
// is any tool's), with their identity and languages; _gen/ versioned but never checked nor
// compared; a release into a twin keeps its project.yaml and _gen/; an export for one of
// PolyAI's environments uses the values the files hold for it; broken input gets findings.
import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createWorkspace, semanticChanges } from '../../../../server/src/formats/index';
import { polyFormat } from '../../../../server/src/formats/polyai/index';
import { cleanName } from '../../../../server/src/formats/polyai/paths';
import { open, tempDir } from '../../versioning/support/workspace';

const CLEAN = join(__dirname, '../../../fixtures/polyai/clean');

function filesOf(root: string, dir = root): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) for (const [k, v] of filesOf(root, p)) out.set(k, v);
    else out.set(relative(root, p).replace(/\\/g, '/'), readFileSync(p, 'utf8'));
  }
  return out;
}

const changes = (a: Map<string, string>, b: Map<string, string>) => semanticChanges('polyai', a, b).changes.map((c) => `${c.change} ${c.kind} ${c.parent ? `${c.parent} / ` : ''}${c.name}`);

describe('polyai: projects', function () {
  this.timeout(60_000);

  it('cleans names as the ADK does', () => {
    assert.equal(cleanName('test_flow_with_punctuation!'), 'test_flow_with_punctuation');
    assert.equal(cleanName('Opening Hours & Locations'), 'opening_hours_locations');
    assert.equal(cleanName('booking-happy-path-existing-patient'), 'booking_happy_path_existing_patient');
    assert.equal(cleanName('Réservation  rapide'), 'réservation_rapide');
  });

  it('is a project when project.yaml stands beside the ADK\'s folders, not alone', () => {
    const probe = (files: string[], dirs: string[]) => ({ dir: '', hasFile: (f: string) => files.includes(f), hasDir: (d: string) => dirs.includes(d), read: () => undefined });
    assert.deepEqual(polyFormat.recognise(probe(['project.yaml'], ['agent_settings/'])), { marker: 'project.yaml' });
    assert.deepEqual(polyFormat.recognise(probe(['project.yaml'], ['config/'])), { marker: 'project.yaml' });
    assert.deepEqual(polyFormat.recognise(probe(['project.yaml'], ['_gen/'])), { marker: 'project.yaml' });
    assert.equal(polyFormat.recognise(probe(['project.yaml'], [])), undefined);
    assert.equal(polyFormat.recognise(probe([], ['flows/', 'topics/'])), undefined);
  });

  it('finds the project in the store with its name, id and languages, and versions _gen/ byte for byte', async () => {
    const root = join(tempDir('botv-poly-'), 'dental');
    cpSync(CLEAN, root, { recursive: true });
    const ws = await open(root);
    const { bots } = await ws.bots();
    assert.deepEqual(bots.map((b) => [b.id, b.name, b.format, b.dir, b.locales]), [['maple-dental-reception', 'Maple Dental Reception', 'polyai', '.', ['en-GB', 'fr-FR']]]);
    const v1 = await ws.save('maple-dental-reception');
    const tree = (await ws.version('maple-dental-reception', String(v1.version.number))).tree.map((f) => f.path);
    assert.ok(tree.includes('_gen/.agent_studio_config') && tree.includes('_gen/__init__.py') && tree.includes('README.md'));
    // A pull rewrites _gen/ (its base): no change in the semantic diff.
    const config = join(root, '_gen', '.agent_studio_config');
    const before = readFileSync(config);
    writeFileSync(config, Buffer.from(JSON.stringify({ last_updated: '2026-03-02T08:00:00' })).toString('base64'));
    await ws.save('maple-dental-reception');
    const texts = await ws.diffTexts('maple-dental-reception', '1', '2');
    assert.deepEqual(semanticChanges('polyai', texts.before, texts.after).changes, []);
    await ws.restore('maple-dental-reception', '1');
    assert.deepEqual(readFileSync(config), before);
  });

  it('releases into a twin that keeps its own project.yaml and _gen/', async () => {
    const base = tempDir('botv-poly-');
    const dev = join(base, 'dev');
    const prod = join(base, 'prod');
    cpSync(CLEAN, dev, { recursive: true });
    cpSync(CLEAN, prod, { recursive: true });
    writeFileSync(join(prod, 'project.yaml'), readFileSync(join(prod, 'project.yaml'), 'utf8').replace('PROJECT-7Q2M4K9D', 'PROJECT-LIVE0001').replace('Maple Dental Reception', 'Maple Dental Reception Live'));
    writeFileSync(join(prod, '_gen', '.agent_studio_config'), 'cHJvZA==\n');
    writeFileSync(join(dev, 'topics', 'parking.yaml'), readFileSync(join(dev, 'topics', 'parking.yaml'), 'utf8').replace('free parking', 'free parking for two hours'));
    const ws = await open(base);
    const v = await ws.save('maple-dental-reception');
    await ws.save('maple-dental-reception-live');
    const rel = await ws.createRelease('maple-dental-reception', String(v.version.number), 'maple-dental-reception-live');
    const accepted = await ws.acceptRelease('maple-dental-reception-live', rel.id);
    assert.deepEqual(accepted.written, ['topics/parking.yaml']);
    assert.deepEqual(accepted.kept.filter((k) => k === 'project.yaml' || k.startsWith('_gen/')).sort(), ['_gen/.agent_studio_config', '_gen/__init__.py', '_gen/conversation.py', 'project.yaml']);
    assert.match(readFileSync(join(prod, 'project.yaml'), 'utf8'), /PROJECT-LIVE0001/);
    assert.equal(readFileSync(join(prod, '_gen', '.agent_studio_config'), 'utf8'), 'cHJvZA==\n');
    assert.match(readFileSync(join(prod, 'topics', 'parking.yaml'), 'utf8'), /two hours/);
  });

  it('exports the project folder as poly push takes it, with the values the files hold for the environment', () => {
    const files = new Map([...filesOf(CLEAN)].map(([k, v]) => [k, new TextEncoder().encode(v)]));
    const live = polyFormat.resolveExport!(files, 'live');
    assert.equal(live.files.size, files.size);
    assert.deepEqual(live.used, ['config/api_integrations.yaml: booking_api.environments.live.base_url = https://diary.example', 'config/sms_templates.yaml: booking_confirmation.env_phone_numbers.live = +441632960102']);
    assert.deepEqual(live.missing, []);
    const pre = polyFormat.resolveExport!(files, 'pre-release');
    assert.deepEqual(pre.used, ['config/api_integrations.yaml: booking_api.environments.pre-release.base_url = https://staging.diary.example', 'config/sms_templates.yaml: booking_confirmation.env_phone_numbers.pre_release = +441632960101']);
    const noLive = new Map(files);
    noLive.set('config/sms_templates.yaml', new TextEncoder().encode(readFileSync(join(CLEAN, 'config/sms_templates.yaml'), 'utf8').replace("    live: '+441632960102'\n", '')));
    assert.deepEqual(polyFormat.resolveExport!(noLive, 'live').missing, ['config/sms_templates.yaml: booking_confirmation.env_phone_numbers.live (none for live)']);
    assert.deepEqual(polyFormat.resolveExport!(files, 'staging'), { files, used: [], missing: [] }, 'an environment that is none of PolyAI\'s uses no value of the files');
  });

  it('compares in PolyAI\'s terms: formatting, quoting, key order and set-like lists are no change; the order of pronunciations is', () => {
    const a = filesOf(CLEAN);
    const b = new Map(a);
    b.set('config/entities.yaml', a.get('config/entities.yaml')!.replace("description: The caller's full name.", 'description: "The caller\'s full name."').replace('    - GB\n    - FR\n', '    - FR\n    - GB\n'));
    b.set('flows/book_appointment/steps/collect_name.yaml', a.get('flows/book_appointment/steps/collect_name.yaml')!.replace('step_type: default_step\nname: Collect Name\n', 'name: Collect Name\nstep_type: default_step\n'));
    b.set('agent_settings/personality.yaml', 'custom: \'\'\nadjectives:\n  Polite: true\n  Calm: true\n  Funny: false\n');
    assert.deepEqual(changes(a, b), []);
    b.set('topics/parking.yaml', a.get('topics/parking.yaml')!.replace('- is there parking\n', '- is there parking\n- can I leave my car\n'));
    b.set('functions/start_booking.py', a.get('functions/start_booking.py')!.replace('Starts booking an appointment.', 'Starts booking a check-up.'));
    b.set('flows/book_appointment/steps/collect_date.yaml', a.get('flows/book_appointment/steps/collect_date.yaml')!.replace('child_step: check_availability', 'child_step: Confirm Booking'));
    b.set('voice/response_control/pronunciations.yaml', 'pronunciations:\n- regex: Dr\\.\n  replacement: Doctor\n- regex: St\\.\n  replacement: Street\n');
    const c = new Map(b);
    c.set('voice/response_control/pronunciations.yaml', 'pronunciations:\n- regex: St\\.\n  replacement: Street\n- regex: Dr\\.\n  replacement: Doctor\n');
    assert.deepEqual(changes(a, b), [
      'added setting voice/response_control/pronunciations',
      'modified function start_booking',
      'modified topic Parking',
      'modified condition Book Appointment / Collect Date / has_date',
    ]);
    assert.deepEqual(changes(b, c), ['modified setting voice/response_control/pronunciations']);
  });

  it('never throws on broken input', () => {
    const ws = createWorkspace();
    for (const [rel, text] of filesOf(CLEAN)) ws.setDocument(`p/${rel}`, text);
    for (const [rel, text] of filesOf(CLEAN)) {
      for (let cut = 0; cut < text.length; cut += Math.max(7, Math.floor(text.length / 9))) {
        ws.setDocument(`p/${rel}`, text.slice(0, cut));
        ws.getDiagnostics(`p/${rel}`);
      }
      ws.setDocument(`p/${rel}`, text);
    }
    assert.deepEqual([...ws.getAllDiagnostics()].flatMap(([, d]) => d), []);
  });
});
