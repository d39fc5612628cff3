// The Rasa fixtures, as the editor and `botv validate` see them: every valid project
// (clean, split, calm, the sample, a generated large one) has no finding at all, and each
// broken project has exactly the findings its expected.json lists — code, file, line,
// severity and the source text at the finding.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFolder } from '../../../../server/src/definitions/index';
import { createWorkspace } from '../../../../server/src/formats/index';

const FIXTURES = join(__dirname, '../../../fixtures/rasa');
const SAMPLE = join(__dirname, '../../../../samples/rasa-pizza');

interface Expected {
  code: string;
  file: string;
  line: number;
  severity: string;
  text: string;
}

/** Every finding of every bot under `root`: code, file relative to the project, 1-based line, severity, source text. */
async function findings(root: string): Promise<{ bots: { format: string; dir: string }[]; found: Expected[] }> {
  const ws = createWorkspace();
  await loadFolder(ws, root);
  const bots = ws.getBots().map((b) => ({ format: b.format, dir: b.dir }));
  const found: Expected[] = [];
  for (const [file, diags] of ws.getAllDiagnostics()) {
    const doc = ws.getDocument(file)!;
    for (const d of diags) {
      const bot = ws.botOf(file)!;
      const rel = file.slice(bot.dir.length + 1);
      const line = doc.text.slice(0, d.start).split('\n').length;
      found.push({ code: d.code, file: rel, line, severity: d.severity, text: doc.text.slice(d.start, d.end) });
    }
  }
  found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : 1)));
  return { bots, found };
}

const normal = (root: string) => root.replace(/\\/g, '/');

describe('rasa: fixtures', function () {
  this.timeout(60_000);

  for (const name of ['clean', 'split', 'calm']) {
    it(`${name}: one Rasa project, no finding`, async () => {
      const root = join(FIXTURES, name);
      const { bots, found } = await findings(root);
      assert.deepEqual(bots.map((b) => b.format), ['rasa']);
      assert.deepEqual(found, []);
    });
  }

  it('samples/rasa-pizza: one Rasa project at the root, no finding', async () => {
    const { bots, found } = await findings(SAMPLE);
    assert.deepEqual(bots, [{ format: 'rasa', dir: normal(SAMPLE) }]);
    assert.deepEqual(found, []);
  });

  const broken = join(FIXTURES, 'broken');
  for (const name of readdirSync(broken).sort()) {
    it(`broken/${name}: exactly the findings of its expected.json`, async () => {
      const file = join(broken, name, 'expected.json');
      assert.ok(existsSync(file), `broken/${name} has no expected.json`);
      const expected = (JSON.parse(readFileSync(file, 'utf8')) as Expected[]).sort((a, b) =>
        a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : 1),
      );
      const { found } = await findings(join(broken, name));
      assert.deepEqual(found, expected);
    });
  }
});
