// Incremental checking gives the same diagnostics as checking from scratch: edits that
// copy, change or delete utterances (making and unmaking repeats and near-duplicates)
// applied one by one to a workspace, compared with a fresh workspace of the same texts.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BotWorkspace } from '../../../server/src/definitions/index';
import { generateBot } from './support/generate';

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 150);
const BOT = generateBot(40, 6, 6);

function summary(ws: BotWorkspace): string[] {
  return [...ws.getAllDiagnostics()].flatMap(([f, ds]) => ds.map((d) => `${f}:${d.start}-${d.end} ${d.code} ${d.message}`)).sort();
}

const edit = fc.record({
  file: fc.constantFrom(...[...BOT.files.keys()].filter((f) => f.startsWith('intents/'))),
  from: fc.nat(),
  to: fc.nat(),
  kind: fc.constantFrom('copy-line', 'delete-line', 'change-word'),
});

describe('definitions: incremental checking', () => {
  it('equals checking from scratch after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const texts = new Map(BOT.files);
        const ws = new BotWorkspace({ nearDuplicateThreshold: 0.6 });
        for (const [p, t] of texts) ws.setDocument(p, t);
        ws.getAllDiagnostics();
        let version = 1;
        for (const e of edits) {
          const lines = texts.get(e.file)!.split('\n');
          const utter = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('        - '));
          if (!utter.length) continue;
          const [fromLine] = utter[e.from % utter.length]!;
          const [, toIndex] = utter[e.to % utter.length]!;
          if (e.kind === 'copy-line') lines[toIndex] = fromLine;
          else if (e.kind === 'delete-line') lines.splice(toIndex, 1);
          else lines[toIndex] = lines[toIndex]!.replace(/\w+$/, 'zz');
          texts.set(e.file, lines.join('\n'));
          ws.setDocument(e.file, texts.get(e.file)!, version++);
          ws.getAllDiagnostics();
        }
        const fresh = new BotWorkspace({ nearDuplicateThreshold: 0.6 });
        for (const [p, t] of texts) fresh.setDocument(p, t);
        assert.deepEqual(summary(ws), summary(fresh));
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 5)) },
    );
  });
});
