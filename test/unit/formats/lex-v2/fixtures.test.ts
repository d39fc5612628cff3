// The Lex V2 fixtures, as the editor and `botv validate` see them: the clean export (two
// locales, custom slot types, a next-step graph, pretty and minified files) has no finding
// as a folder, as a zip and as a zip nested one level with archiver junk; each broken export
// has exactly the findings its expected.json lists — code, file, line, severity and the
// source text at the finding, which in a minified file is the value itself — and so has the
// same export zipped, at `<zip>/<entry>`.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { loadFolder } from '../../../../server/src/definitions/index';
import { createWorkspace } from '../../../../server/src/formats/index';

const FIXTURES = join(__dirname, '../../../fixtures/lex-v2');

interface Expected {
  code: string;
  file: string;
  line: number;
  severity: string;
  text: string;
}

const order = (a: Expected, b: Expected) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.text < b.text ? -1 : 1));

type Ws = ReturnType<typeof createWorkspace>;

/** Every finding of every bot of a workspace: code, file relative to its bot, 1-based line, severity, source text. */
function findingsOf(ws: Ws): { bots: { format: string; dir: string; locales: string[] }[]; found: Expected[] } {
  const bots = ws.getBots().map((b) => ({ format: b.format, dir: b.dir, locales: b.locales }));
  const found: Expected[] = [];
  for (const [file, diags] of ws.getAllDiagnostics()) {
    const doc = ws.getDocument(file);
    for (const d of diags) {
      const bot = ws.botOf(file);
      const rel = bot ? file.slice(bot.dir.length + 1) : file;
      const text = doc?.text ?? '';
      found.push({ code: d.code, file: rel, line: text.slice(0, d.start).split('\n').length, severity: d.severity, text: text.slice(d.start, d.end) });
    }
  }
  return { bots, found: found.sort(order) };
}

async function findings(root: string) {
  const ws = createWorkspace();
  await loadFolder(ws, root);
  return findingsOf(ws);
}

/** Every file under a folder, by path relative to it. */
function filesOf(root: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== 'expected.json') out[relative(root, p).split('\\').join('/')] = new Uint8Array(readFileSync(p));
    }
  };
  walk(root);
  return out;
}

const normal = (p: string) => p.replace(/\\/g, '/');

describe('lex-v2: fixtures', function () {
  this.timeout(60_000);

  it('clean: one Lex V2 export in two locales, no finding', async () => {
    const root = join(FIXTURES, 'clean');
    const { bots, found } = await findings(root);
    assert.deepEqual(bots, [{ format: 'lex-v2', dir: normal(root), locales: ['en_US', 'fr_FR'] }]);
    assert.deepEqual(found, []);
  });

  it('clean: its test sets are checked against their locale; another CSV, or a test set of a locale the bot lacks, is left alone', async () => {
    const ws = createWorkspace();
    await loadFolder(ws, join(FIXTURES, 'clean'));
    const root = normal(join(FIXTURES, 'clean'));
    const conv = `${root}/TestSets/fr_FR/conversations.csv`;
    const text = ws.getDocument(conv)!.text;
    // "Where is my order" is an English utterance: in the French test set it is no conflict, only an unknown intent.
    ws.setDocument(conv, text.replace('6,2,User,Donnez-moi 2 espressos,OrderDrink', '6,2,User,Where is my order,Commander'));
    ws.setDocument(`${root}/TestSets/de_DE/smoke.csv`, 'Source,Input,Expected Output Intent\nUser,Hallo,Begruessung\n');
    ws.setDocument(`${root}/prices.csv`, 'Drink,Size,Price\nlatte,large,4.20\n');
    const { found } = findingsOf(ws);
    assert.deepEqual(found.map((f) => [f.code, f.file, f.line, f.text]), [['lex-v2/test-unknown-intent', 'TestSets/fr_FR/conversations.csv', 7, 'Commander']]);
    assert.ok(!ws.getBots()[0]!.files.includes(`${root}/prices.csv`), 'a CSV file that is no test set is none of the checked files');
  });

  it('zip: the same export as a committed zip, read in place, no finding', async () => {
    const root = join(FIXTURES, 'zip');
    const { bots, found } = await findings(root);
    assert.deepEqual(bots, [{ format: 'lex-v2', dir: normal(join(root, 'CafeOrders-DRAFT-7XK2Q9B4ML-LexJson.zip')), locales: ['en_US', 'fr_FR'] }]);
    assert.deepEqual(found, []);
  });

  it('zip-nested: a zip whose export sits one folder deep, beside __MACOSX junk, no finding', async () => {
    const root = join(FIXTURES, 'zip-nested');
    const { bots, found } = await findings(root);
    assert.deepEqual(bots, [{ format: 'lex-v2', dir: normal(join(root, 'CafeOrders_1_R2D2C3PO42_LexJson.zip', 'CafeOrders-export')), locales: ['en_US', 'fr_FR'] }]);
    assert.deepEqual(found, []);
  });

  it('samples/lex-pizza: the folder export and its zip, two bots of two locales, no finding', async () => {
    const root = join(__dirname, '../../../../samples/lex-pizza');
    const { bots, found } = await findings(root);
    assert.deepEqual(
      bots.map((b) => [b.format, b.dir.slice(normal(root).length + 1), b.locales]).sort(),
      [
        ['lex-v2', 'PizzaOrders-DRAFT-Q7M3X9KD2P-LexJson.zip', ['en_US', 'es_US']],
        ['lex-v2', 'PizzaOrders-export', ['en_US', 'es_US']],
      ],
    );
    assert.deepEqual(found, []);
  });

  const broken = join(FIXTURES, 'broken');
  for (const name of readdirSync(broken).sort()) {
    const file = join(broken, name, 'expected.json');
    const expected = (): Expected[] => (JSON.parse(readFileSync(file, 'utf8')) as Expected[]).sort(order);

    it(`broken/${name}: exactly the findings of its expected.json`, async () => {
      assert.ok(existsSync(file), `broken/${name} has no expected.json`);
      const { bots, found } = await findings(join(broken, name));
      assert.deepEqual(bots.map((b) => b.format), ['lex-v2']);
      assert.deepEqual(found, expected());
    });

    it(`broken/${name} zipped: the same findings, at <zip>/<entry>`, () => {
      const ws = createWorkspace();
      ws.setArchive(`exports/${name}.zip`, zipSync(filesOf(join(broken, name))));
      const { bots, found } = findingsOf(ws);
      assert.deepEqual(bots.map((b) => b.dir), [`exports/${name}.zip`]);
      assert.deepEqual(found, expected());
    });
  }
});
