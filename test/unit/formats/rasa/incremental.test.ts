// Incremental checking of Rasa projects gives what checking from scratch gives: a workspace
// (createWorkspace) takes edits of one file at a time — lines copied within a file and from
// other files, deleted, a last word changed to another name of the project, a character
// typed anywhere, the "-" of an example taken away and put back, a version made one Rasa
// skips — and after each edit its diagnostics, to the last related place and quick fix, and
// its model, table by table in the order of keys and entries, equal those of a workspace
// made from the same texts. The projects are a small generated one (a domain/ folder and
// NLU, stories and rules split over many files), the valid fixtures and some broken ones.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from '../../../../server/src/definitions/index';
import { createWorkspace } from '../../../../server/src/formats/index';
import type { RasaBot } from '../../../../server/src/formats/rasa/model';
import { generateLargeRasaProject } from '../../../../bench/generate-rasa';

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 150);
const FIXTURES = join(__dirname, '../../../fixtures/rasa');
const BROKEN = ['example-multiple-intents', 'story-conflict', 'rule-conflict-story', 'intent-not-in-domain', 'response-unused', 'synonym-conflict', 'version-newer', 'entity-not-in-domain', 'unknown-action', 'unknown-utterance', 'unknown-slot', 'unknown-form', 'duplicate-domain-definition'];

function folder(dir: string, prefix: string, out: Map<string, string>): void {
  const visit = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) visit(p);
      else if (/\.ya?ml$/.test(n)) out.set(`${prefix}/${relative(dir, p).split('\\').join('/')}`, readFileSync(p, 'utf8'));
    }
  };
  visit(dir);
}

const FILES = new Map<string, string>();
for (const [rel, text] of generateLargeRasaProject({ examples: 6, stories: 60 })) FILES.set(`big/${rel}`, text);
for (const name of ['clean', 'split', 'calm']) folder(join(FIXTURES, name), name, FILES);
for (const name of BROKEN) folder(join(FIXTURES, 'broken', name), `broken-${name}`, FILES);
// Each project its own id: the workspace-wide duplicate-id finding names the others in the order the workspace met them.
for (const [p, t] of FILES) if (/(^|\/)config\.ya?ml$/.test(p)) FILES.set(p, t.replace(/^assistant_id:.*$/m, `assistant_id: ${p.split('/')[0]}`));
const PATHS = [...FILES.keys()];
const WORDS = [...new Set([...FILES.values()].join('\n').match(/[A-Za-z_][A-Za-z0-9_/]*/g))].filter((w) => w.length > 2);

const isConfig = (p: string): boolean => /(^|\/)config\.ya?ml$/.test(p);

let workspaces = 0;

/**
 * A workspace whose files sit in a folder of its own: the checks keep what they work out per
 * project folder, so two workspaces of the same folders would take each other's (a check that
 * kept a stale result would then go unseen).
 */
class Ws {
  readonly root = `w${++workspaces}/`;
  readonly ws = createWorkspace();
  set(path: string, text: string, version = 0): void {
    this.ws.setDocument(this.root + path, text, version);
  }
  remove(path: string): void {
    this.ws.removeDocument(this.root + path);
  }
  diagnosticsOf(path: string): Diagnostic[] {
    return this.ws.getDiagnostics(this.root + path);
  }
  botOf(path: string): RasaBot | undefined {
    return this.ws.botOf(this.root + path) as RasaBot | undefined;
  }
  /** Paths and texts as the tests name them: the workspace's folder left out. */
  plain(s: string): string {
    return s.split(this.root).join('');
  }
}

/**
 * A workspace of the texts, each project's model made once from all its files: its config
 * comes last, so that no project is recognised (and no model patched) while its files come.
 */
function fromScratch(texts: ReadonlyMap<string, string>): Ws {
  const w = new Ws();
  for (const [p, t] of [...texts].sort(([a], [b]) => Number(isConfig(a)) - Number(isConfig(b)))) w.set(p, t);
  return w;
}

/** The same texts taken file by file in path order, as a project loads: each file that comes patches the model. */
function fileByFile(texts: ReadonlyMap<string, string>): Ws {
  const w = new Ws();
  for (const [p, t] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    w.set(p, t);
    if (p.startsWith('big/')) w.ws.getBots();
  }
  return w;
}

const byPath = <T>([a]: [string, T], [b]: [string, T]): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every diagnostic, file by file in path order (bots come in the order the workspace met them), each file's in its order. */
function diagnostics(w: Ws): string[] {
  return [...w.ws.getAllDiagnostics()].sort(byPath).flatMap(([f, ds]) => ds.map((d) => w.plain(`${f} ${JSON.stringify(d)}`)));
}

/** A Rasa model as plain data: every table's keys in order, each entry by its file and place. */
function model(w: Ws): string[] {
  const out: string[] = [];
  const at = (x: unknown): unknown => {
    const o = x as { file?: string; decl?: unknown; start?: number; end?: number; item?: { start: number } };
    if (o.decl !== undefined) return [o.file, at(o.decl)];
    if (o.item) return o.item.start;
    return [o.file, o.start, o.end];
  };
  for (const bot of (w.ws.getBots() as RasaBot[]).sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))) {
    if (bot.format !== 'rasa') continue;
    out.push(JSON.stringify([bot.dir, bot.files, [...bot.roles], bot.unreadable, bot.skipped, bot.id ?? null, bot.locales]));
    for (const key of ['intents', 'entities', 'slots', 'forms', 'responses', 'actions', 'defs', 'refsByKey'] as const) {
      out.push(`${key} ${JSON.stringify([...(bot[key] as Map<string, unknown[]>)].map(([k, list]) => [k, list.map(at)]))}`);
    }
    for (const key of ['refs', 'nlu', 'stories', 'tests', 'flows'] as const) out.push(`${key} ${JSON.stringify((bot[key] as unknown[]).map(at))}`);
  }
  return out.map((x) => w.plain(x));
}

const edit = fc.record({
  file: fc.nat({ max: PATHS.length - 1 }),
  from: fc.nat(),
  to: fc.nat(),
  other: fc.nat({ max: PATHS.length - 1 }),
  word: fc.nat({ max: WORDS.length - 1 }),
  kind: fc.constantFrom('copy-line', 'copy-line-from-other-file', 'delete-line', 'change-last-word', 'type-character', 'toggle-dash', 'type-in-example', 'version'),
  char: fc.constantFrom(':', '-', ' ', 'x', '\n', '[', '"'),
  /** What the caller asks between edits: nothing, one file's diagnostics, a file's bot, or all. */
  ask: fc.constantFrom('nothing', 'one', 'bot', 'all'),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** Applies one edit to the texts; returns the file it changed. Most edits go to the generated project's NLU files, as typing does. */
function apply(texts: Map<string, string>, e: Edit): string {
  const nlu = PATHS.filter((p) => p.startsWith('big/data/nlu/'));
  // Typing stays in one or two files for a while: the model is then patched rather than made again.
  const file = e.kind === 'toggle-dash' || e.kind === 'type-in-example' ? nlu[e.file % 2]! : PATHS[e.file]!;
  const text = texts.get(file)!;
  const lines = text.split('\n');
  const pick = (n: number, list: readonly unknown[] = lines): number => n % Math.max(1, list.length);
  const examples = lines.map((l, i) => [l, i] as const).filter(([l]) => /^ {6}[- ] ?\S/.test(l) && lines[0] !== l);
  if (e.kind === 'copy-line') lines.splice(pick(e.to), 0, lines[pick(e.from)]!);
  else if (e.kind === 'copy-line-from-other-file') {
    const other = texts.get(PATHS[e.other]!)!.split('\n');
    lines.splice(pick(e.to), 0, other[pick(e.from, other)]!);
  } else if (e.kind === 'delete-line') lines.splice(pick(e.from), 1);
  else if (e.kind === 'change-last-word') lines[pick(e.from)] = lines[pick(e.from)]!.replace(/[A-Za-z_][A-Za-z0-9_/]*(?=\W*$)/, WORDS[e.word]!);
  else if (e.kind === 'type-character') {
    const at = e.from % (text.length + 1);
    texts.set(file, text.slice(0, at) + e.char + text.slice(at));
    return file;
  } else if (e.kind === 'toggle-dash' && examples.length) {
    const [line, i] = examples[pick(e.from, examples)]!;
    lines[i] = line[6] === '-' ? `${line.slice(0, 6)} ${line.slice(7)}` : `${line.slice(0, 6)}-${line.slice(7)}`;
  } else if (e.kind === 'type-in-example' && examples.length) {
    const [line, i] = examples[pick(e.from, examples)]!;
    lines[i] = e.to % 3 === 0 ? line.slice(0, -1) : `${line}${e.to % 3 === 1 ? ' x' : ' [Leeds](city)'}`;
  } else if (e.kind === 'version') {
    const i = lines.findIndex((l) => l.startsWith('version:'));
    if (i >= 0) lines[i] = lines[i]!.includes('3.1') ? 'version: "9.0"' : 'version: "3.1"';
  }
  texts.set(file, lines.join('\n'));
  return file;
}

describe('rasa: incremental checking', function () {
  this.timeout(600_000);

  it('equals checking from scratch after every edit, diagnostics and model alike', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 5, maxLength: 20 }), (edits) => {
        const texts = new Map(FILES);
        const ws = fromScratch(texts);
        ws.ws.getAllDiagnostics();
        let version = 1;
        for (const e of edits) {
          const file = apply(texts, e);
          ws.set(file, texts.get(file)!, version++);
          if (e.ask === 'one') ws.diagnosticsOf(PATHS[e.other]!);
          else if (e.ask === 'bot') ws.botOf(PATHS[e.other]!);
          else if (e.ask === 'all') {
            const scratch = fromScratch(texts);
            assert.deepEqual(diagnostics(ws), diagnostics(scratch));
            assert.deepEqual(model(ws), model(scratch));
          }
        }
        const scratch = fromScratch(texts);
        assert.deepEqual(diagnostics(ws), diagnostics(scratch));
        assert.deepEqual(model(ws), model(scratch));
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 10)) },
    );
  });

  it('a project taken file by file, and files taken away one by one, give what a fresh workspace gives', () => {
    const texts = new Map(FILES);
    const ws = fileByFile(texts);
    assert.deepEqual(diagnostics(ws), diagnostics(fromScratch(texts)));
    assert.deepEqual(model(ws), model(fromScratch(texts)));
    for (const p of PATHS.filter((f) => f.startsWith('big/') && !isConfig(f)).filter((_, i) => i % 3 === 0)) {
      texts.delete(p);
      ws.remove(p);
      assert.deepEqual(diagnostics(ws), diagnostics(fromScratch(texts)), p);
      assert.deepEqual(model(ws), model(fromScratch(texts)), p);
    }
  });

  it('edits of one NLU file, one after the other, each give what a fresh workspace gives', () => {
    const texts = new Map(FILES);
    const ws = fromScratch(texts);
    const file = 'big/data/nlu/billing.yml';
    const steps: ((t: string) => string)[] = [
      (t) => t.replace('      - I want to check my invoice', '      - I want to check my invoice please'),
      (t) => t.replace(/\n {6}- (\S[^\n]*)\n/, '\n       $1\n'), // an example without its "-"
      (t) => t.replace('    examples: |\n', '    examples: |\n      - hello\n'), // an example of another intent
      (t) => t.replace('intent: billing_check_invoice', 'intent: billing_check_invoices'), // an intent the domain lacks
      (t) => t.replace('intent: billing_check_invoices', 'intent: billing_check_invoice'),
      (t) => `${t}\n  - intent: billing_extra\n    examples: |\n      - [Leeds](city) please\n`,
      (t) => t.replace('version: "3.1"', 'version: "9.0"'),
      (t) => t.replace('version: "9.0"', 'version: "3.1"'),
      (t) => t.replace('nlu:', 'nlu: [oops'),
      (t) => t.replace('nlu: [oops', 'nlu:'),
    ];
    let version = 1;
    for (const step of steps) {
      const next = step(texts.get(file)!);
      assert.notEqual(next, texts.get(file), 'each step changes the file');
      texts.set(file, next);
      ws.set(file, next, ++version);
      const scratch = fromScratch(texts);
      assert.deepEqual(diagnostics(ws), diagnostics(scratch));
      assert.deepEqual(model(ws), model(scratch));
    }
  });

  it('a name changed in the domain is seen by the checks of the stories and rules that did not change', () => {
    const texts = new Map(FILES);
    // A domain file that declares slots alone (its forms moved to a file of their own): its edits leave every other table as it was.
    const slots = 'split/services/assistant/domain/slots.yml';
    const [slotsOnly, forms] = texts.get(slots)!.split('\nforms:');
    texts.set(slots, `${slotsOnly}\n`);
    texts.set('split/services/assistant/domain/forms.yml', `version: "3.1"\n\nforms:${forms}`);
    const ws = fromScratch(texts);
    ws.ws.getAllDiagnostics();
    const file = 'big/domain/billing.yml';
    const renames: [string, string][] = [
      ['  billing_reference:\n', '  billing_ref:\n'], // a slot the form stories set
      ['  billing_form:\n', '  billing_formx:\n'], // a form the stories and rules run
      ['  - action_billing_submit\n', '  - action_billing_submitx\n'], // an action a rule runs
      ['  utter_billing_request_logged:\n', '  utter_billing_logged:\n'], // a response a rule says
    ];
    const cases: [string, string, string][] = [
      ...renames.map(([from, to]) => [file, from, to] as [string, string, string]),
      [slots, '  postcode:\n', '  post_code:\n'], // a slot a story sets
    ];
    let version = 1;
    for (const [path, from, to] of cases) {
      const text = texts.get(path)!;
      assert.ok(text.includes(from), from);
      for (const next of [text.replace(from, to), text]) {
        texts.set(path, next);
        ws.set(path, next, ++version);
        const scratch = fromScratch(texts);
        assert.deepEqual(diagnostics(ws), diagnostics(scratch), `${from.trim()} → ${next === text ? 'back' : to.trim()}`);
        assert.deepEqual(model(ws), model(scratch));
      }
    }
  });

  it('an example repeated under three intents in three files names the others in the order checking from scratch does, after edits of each file', () => {
    const texts = new Map(FILES);
    const files = ['big/data/nlu/billing.yml', 'big/data/nlu/cards.yml', 'big/data/nlu/cars.yml'];
    for (const f of files) texts.set(f, texts.get(f)!.replace('    examples: |\n', '    examples: |\n      - one example in three files\n'));
    const ws = fromScratch(texts);
    assert.ok(diagnostics(ws).filter((d) => d.includes('rasa/example-multiple-intents')).length >= 3);
    let version = 1;
    for (const f of [...files, ...files]) {
      // Typing in the example after the repeated one.
      texts.set(f, texts.get(f)!.replace(/(three files\n {6}- )([^\n]+)\n/, (_, before: string, line: string) => `${before}${line} x\n`));
      ws.set(f, texts.get(f)!, ++version);
      assert.deepEqual(diagnostics(ws), diagnostics(fromScratch(texts)), f);
    }
  });

  it('an edit of an example keeps the tables the file does not touch, and the lists of the files whose diagnostics did not change', () => {
    const ws = fromScratch(FILES);
    const file = 'big/data/nlu/billing.yml';
    const before = ws.ws.getAllDiagnostics();
    const model = ws.botOf(file)!;
    ws.set(file, FILES.get(file)!.replace('      - I want to check my invoice', '      - I want to check my invoice please'), 2);
    const after = ws.ws.getAllDiagnostics();
    const patched = ws.botOf(file)!;
    assert.notEqual(patched, model);
    for (const key of ['intents', 'entities', 'slots', 'forms', 'responses', 'actions', 'stories', 'tests', 'flows'] as const) assert.equal(patched[key], model[key], key);
    assert.notEqual(patched.nlu, model.nlu);
    for (const [f, list] of after) assert.equal(list, before.get(f), f);
  });
});
