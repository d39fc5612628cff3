// Incremental checking gives the same diagnostics as checking from scratch, to the last
// related place and quick fix: edits that copy, change or delete lines of any file of two
// bots (utterances, names, references, manifests: making and unmaking repeats,
// near-duplicates, duplicates and unknown names), or insert a character anywhere, applied one
// by one to a workspace that is asked for some diagnostics (or a model) between edits, and
// compared with a fresh workspace of the same texts along the way and at the end.
import { createWorkspace } from '../../../server/src/formats/index';
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BotWorkspace } from '../../../server/src/definitions/index';
import { generateBot } from './support/generate';

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 150);
const FILES = new Map<string, string>([
  ...[...generateBot(40, 6, 6).files].map(([p, t]) => [`a/${p}`, t] as const),
  // A second bot with the same id: the workspace-wide check has something to say.
  ...[...generateBot(6, 4, 3).files].map(([p, t]) => [`b/${p}`, t] as const),
]);
const PATHS = [...FILES.keys()];
const WORDS = [...new Set([...FILES.values()].join('\n').match(/[A-Za-z_][A-Za-z0-9_]*/g))];
const OPTIONS = { nearDuplicateThreshold: 0.6 };

function fromScratch(texts: ReadonlyMap<string, string>): BotWorkspace {
  const ws = createWorkspace(OPTIONS);
  for (const [p, t] of texts) ws.setDocument(p, t);
  return ws;
}

function summary(ws: BotWorkspace): string[] {
  return [...ws.getAllDiagnostics()].flatMap(([f, ds]) => ds.map((d) => `${f} ${JSON.stringify(d)}`)).sort();
}

const edit = fc.record({
  file: fc.nat({ max: PATHS.length - 1 }),
  from: fc.nat(),
  to: fc.nat(),
  other: fc.nat({ max: PATHS.length - 1 }),
  word: fc.nat({ max: WORDS.length - 1 }),
  kind: fc.constantFrom('copy-line', 'copy-line-from-other-file', 'delete-line', 'change-last-word', 'insert-colon', 'edit-utterance'),
  /** What the caller asks between edits: nothing, one file's diagnostics, a file's bot, or all. */
  ask: fc.constantFrom('nothing', 'one', 'bot', 'all'),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(texts: Map<string, string>, e: Edit): string {
  const file = e.kind === 'edit-utterance' ? PATHS.filter((p) => p.includes('/intents/'))[e.file % 3]! : PATHS[e.file]!;
  const text = texts.get(file)!;
  const lines = text.split('\n');
  const pick = (n: number, list: readonly string[] = lines): number => n % list.length;
  if (e.kind === 'copy-line') lines.splice(pick(e.to), 0, lines[pick(e.from)]!);
  else if (e.kind === 'copy-line-from-other-file') {
    const other = texts.get(PATHS[e.other]!)!.split('\n');
    lines.splice(pick(e.to), 0, other[pick(e.from, other)]!);
  } else if (e.kind === 'delete-line') lines.splice(pick(e.from), 1);
  else if (e.kind === 'change-last-word') lines[pick(e.from)] = lines[pick(e.from)]!.replace(/\w+(?=\W*$)/, WORDS[e.word]!);
  else if (e.kind === 'insert-colon') {
    const at = e.from % (text.length + 1);
    texts.set(file, text.slice(0, at) + ':' + text.slice(at));
    return file;
  } else {
    // Typing inside an utterance: positions after it shift, names stay.
    const utterances = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('        - '));
    if (utterances.length) {
      const [line, i] = utterances[pick(e.from, utterances.map(([l]) => l))]!;
      lines[i] = line + (e.to % 2 ? ' x' : '');
    }
  }
  texts.set(file, lines.join('\n'));
  return file;
}

describe('definitions: incremental checking', () => {
  it('equals checking from scratch after any sequence of edits, related places and fixes included', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 10, maxLength: 30 }), (edits) => {
        const texts = new Map(FILES);
        const ws = createWorkspace(OPTIONS);
        for (const [p, t] of texts) ws.setDocument(p, t);
        ws.getAllDiagnostics();
        let version = 1;
        for (const e of edits) {
          const file = apply(texts, e);
          ws.setDocument(file, texts.get(file)!, version++);
          if (e.ask === 'one') ws.getDiagnostics(PATHS[e.other]!);
          else if (e.ask === 'bot') ws.botOf(PATHS[e.other]!);
          // Asking for everything is also when the two are compared: a state that is wrong
          // for a while and later put right is caught too.
          else if (e.ask === 'all') assert.deepEqual(summary(ws), summary(fromScratch(texts)));
        }
        assert.deepEqual(summary(ws), summary(fromScratch(texts)));
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 5)) },
    );
  });

  it('returns the same list for a file nothing touched, and for the edited file when its diagnostics did not change', () => {
    const ws = createWorkspace(OPTIONS);
    for (const [p, t] of FILES) ws.setDocument(p, t);
    const before = ws.getAllDiagnostics();
    const file = PATHS.find((p) => p.includes('/intents/'))!;
    const text = FILES.get(file)!;
    // An edit that changes nothing a check reports: a comment at the end of the file.
    ws.setDocument(file, `${text}\n# note\n`, 2);
    const after = ws.getAllDiagnostics();
    for (const [f, list] of after) assert.equal(list, before.get(f), f);
  });
});
