// Laws checked on random input with fast-check: parsing never throws and its ranges lie
// inside the text; random bot files and mutated real ones never make validation or any
// editor feature throw, and no case takes long (a hang would). BOTV_PROPERTY_RUNS scales
// every count (default 400: 9,200 cases; BOTV_SOAK=1: 4,000, 92,000 cases; the stdio fuzz
// of the server adds its own).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { codeActions, foldingRanges, parseDocument, walk } from '../../../server/src/definitions/index';
import { complete, createWorkspace, documentSymbols, findDefinition, findReferences, hover, prepareRename, rename } from '../../../server/src/formats/index';
import type { Node } from '../../../server/src/definitions/index';
import { parseYamlFast } from '../../../server/src/definitions/parse/fastYaml';
import { parseYamlFull } from '../../../server/src/definitions/parse/yaml';
import { botFile, mutate, mutation, yamlish } from '../../support/fuzz';

const SOAK = process.env.BOTV_SOAK === '1';
const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? (SOAK ? 4000 : 400));
/** A case slower than this counts as a hang. */
const HANG_MS = 2000;
const tally = { cases: 0, slowestMs: 0 };

/** Wraps a property's body: counts the case and times it. */
function timed<A extends unknown[]>(fn: (...args: A) => boolean | void): (...args: A) => boolean | void {
  return (...args: A) => {
    const t = performance.now();
    const r = fn(...args);
    const ms = performance.now() - t;
    tally.cases++;
    tally.slowestMs = Math.max(tally.slowestMs, ms);
    assert.ok(ms < HANG_MS, `a case took ${ms.toFixed(0)} ms: ${JSON.stringify(args).slice(0, 500)}`);
    return r;
  };
}

function rangesInside(root: Node | null, length: number): boolean {
  let ok = true;
  walk(root, (n) => {
    if (!(n.start >= 0 && n.start <= n.end && n.end <= length)) ok = false;
    if (n.type === 'object') for (const p of n.properties) if (!(p.keyStart >= 0 && p.keyStart <= p.keyEnd && p.keyEnd <= length && p.start <= p.end)) ok = false;
  });
  return ok;
}

const SAMPLE = join(__dirname, '../../../samples/pizza-shop/pizza-dev');
function sampleFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) visit(p);
      else out.set(relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  visit(dir);
  return out;
}
const FILES = sampleFiles(SAMPLE);
const NAMES = [...FILES.keys()].filter((f) => f.endsWith('.yaml'));

/** One random edit of one sample file. */
const fileMutation = fc.record({ file: fc.constantFrom(...NAMES), edit: mutation });
const RASA_FILES = new Map([...sampleFiles(join(__dirname, '../../../samples/rasa-pizza'))].filter(([f]) => f.endsWith('.yml')));
const rasaMutation = fc.record({ file: fc.constantFrom(...RASA_FILES.keys()), edit: mutation });

/** A tree as plain data (no parent links), for comparing two parses. */
const plain = (n: Node | null): string => JSON.stringify(n, (k, v) => (k === 'parent' || k === 'property' ? undefined : v));

/** The fast YAML path either gives up, or agrees with `yaml` exactly and `yaml` finds no error. */
function agrees(text: string): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return true;
  const full = parseYamlFull(text);
  assert.deepEqual(full.findings.map((f) => f.code), fast.findings.map((f) => f.code), `findings differ for ${JSON.stringify(text)}`);
  assert.equal(plain(fast.root), plain(full.root), `trees differ for ${JSON.stringify(text)}`);
  return true;
}

/** Lines in the style of bot files, to build texts the fast path accepts. */
const botLine = fc.tuple(
  fc.constantFrom('', '  ', '    ', '      ', ' ', '- ', '  - ', '    - ', '  - - ', '-', '# ', '  # '),
  fc.constantFrom('name', 'en-US', '"q k"', "'s k'", 'say', 'a b', 'x', 'k ', '"a:b"', 'é', '1'),
  fc.constantFrom(':', ': ', ':  ', '', ' :', ':\t'),
  fc.constantFrom('', 'v', 'two words', '"dq"', "'sq'", "'it''s'", '[a, b]', '[]', '{}', '{ k: v, j: }', '[x, [y]]', '1', '0x1F', '.5', 'true', 'null', '~', 'a # c', '#c', '{a}', 'x:y', '-1', '- z', 'https://a.b/c', 'v  ', '"a # b"', "'x: y'", '[a, "b, c"]', '{ a: [1, 2] }', 'Quelle taille ?', 'a,b', '[a b]', '{ a }', '[a,]', '*x', '&a v', '!t v', '| ', '> ', '? x', '"\\n"', '"unterminated', 'a: b'),
).map(([indent, key, colon, value]) => indent + key + colon + value);
const botText = fc.tuple(fc.array(botLine, { maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(([lines, nl]) => lines.join(nl) + nl);

/** A block scalar in the style of Rasa's examples, with what may be around and inside it. */
const blockLine = fc
  .tuple(fc.constantFrom('', ' ', '  ', '   ', '    ', '      ', '        ', '\t', '  \t', '    \t'), fc.constantFrom('', '- hi there', 'x', '#c', '- [Leeds](city)', 'k: v', '- a: b', '"q"', ' ', 'a: |', '- |', '- x  ', '---', '...'))
  .map(([indent, body]) => indent + body);
const examplesText = fc
  .tuple(
    fc.constantFrom('|', '|-', '| # c'),
    fc.array(fc.constantFrom('      - hi there', '      - [Leeds](city) please', '', '   ', '        - deeper', '      #c', '      - x  ', '      - a: b', '\t', '      \t- tab'), { minLength: 1, maxLength: 8 }),
    fc.constantFrom('', '  - intent: y', '# end', '  - synonym: z\n    examples: |\n      - zz'),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([header, lines, after, nl]) => ['nlu:', '  - intent: x', `    examples: ${header}`, ...lines, after].join(nl) + nl);
const blockText = fc
  .tuple(
    fc.constantFrom('', '  ', '- ', '  - ', '    ', 'nlu:\n  - intent: x\n    '),
    fc.constantFrom('examples: ', 'a: ', 'a:  ', ''),
    fc.constantFrom('|', '|-', '|+', '>', '>-', '|2', '| # c', '|#c', '|  ', '|- # c', '| x'),
    fc.array(blockLine, { maxLength: 8 }),
    fc.constantFrom('', 'b: 1', '  - intent: y', '- z', '# end', '  b: 2', 'nlu:'),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([before, key, header, lines, after, nl, final]) => [before + key + header, ...lines, after].join(nl) + (final ? nl : ''));

describe('definitions: properties', function () {
  this.timeout(SOAK ? 1_800_000 : 120_000);
  it('the fast YAML path agrees with yaml whenever it accepts a text', () => {
    fc.assert(fc.property(fc.oneof(botText, yamlish), timed(agrees)), { numRuns: RUNS * 10 });
    for (const t of FILES.values()) assert.ok(parseYamlFast(t), 'the samples take the fast path');
  });

  it('the fast YAML path agrees with yaml on mutated sample files', () => {
    fc.assert(
      fc.property(fileMutation, timed((e) => agrees(mutate(FILES.get(e.file)!, e.edit)))),
      { numRuns: RUNS * 3 },
    );
  });

  it('the fast YAML path agrees with yaml on block scalars, and takes the literal ones of Rasa files', () => {
    let taken = 0;
    fc.assert(
      fc.property(
        fc.oneof(blockText, examplesText),
        timed((text) => {
          if (parseYamlFast(text)) taken++;
          return agrees(text);
        }),
      ),
      { numRuns: RUNS * 10 },
    );
    assert.ok(taken > RUNS, `only ${taken} of ${RUNS * 10} block scalar texts took the fast path`);
    for (const [name, t] of RASA_FILES) assert.ok(parseYamlFast(t), `${name} takes the fast path`);
    fc.assert(
      fc.property(rasaMutation, timed((e) => agrees(mutate(RASA_FILES.get(e.file)!, e.edit)))),
      { numRuns: RUNS * 3 },
    );
  });

  it('parsing any YAML-ish text never throws and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(yamlish, timed((text) => {
        const doc = parseDocument('bot.yaml', text);
        assert.ok(rangesInside(doc.root, text.length));
        for (const f of doc.syntax) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.code} ${f.start}-${f.end}`);
      })),
      { numRuns: RUNS * 3 },
    );
  });

  it('parsing any text as JSON(C) never throws and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.json(), fc.string()), fc.boolean(), timed((text, strict) => {
        const doc = parseDocument(strict ? 'bot.json' : 'bot.jsonc', text);
        assert.ok(rangesInside(doc.root, text.length));
        for (const f of doc.syntax) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length);
      })),
      { numRuns: RUNS * 3 },
    );
  });

  it('parses valid JSON to the same data JSON.parse gives', () => {
    const toData = (n: Node | null): unknown => {
      if (!n) return null;
      if (n.type === 'scalar') return n.value;
      if (n.type === 'array') return n.items.map(toData);
      if (n.type === 'object') return Object.fromEntries(n.properties.map((p) => [p.key, toData(p.value)]));
      return undefined;
    };
    /** How many `__proto__` keys the data holds: each is refused by design, and is the only finding valid JSON may get. */
    const protoKeys = (v: unknown): number => {
      if (Array.isArray(v)) return v.reduce((n: number, x) => n + protoKeys(x), 0);
      if (v === null || typeof v !== 'object') return 0;
      return Object.entries(v).reduce((n, [k, x]) => n + (k === '__proto__' ? 1 : 0) + protoKeys(x), 0);
    };
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), timed((text) => {
        const doc = parseDocument('bot.json', text);
        const data: unknown = JSON.parse(text);
        assert.deepEqual(
          doc.syntax.map((f) => f.code),
          Array<string>(protoKeys(data)).fill('syntax/reserved-key'),
          `valid JSON ${JSON.stringify(text)} got ${JSON.stringify(doc.syntax.map((f) => `${f.code} ${f.start}-${f.end}: ${f.message}`))}`,
        );
        assert.deepEqual(toData(doc.root), data);
      })),
      { numRuns: RUNS, examples: [['{"__proto__": {"a": [1, {"__proto__": null}]}, "b": "\\u00e9"}'], ['[1e400, -0.5, "", {}]']] },
    );
  });

  it('mutated sample bot files never make validation or an editor feature throw', () => {
    fc.assert(
      fc.property(fc.array(fileMutation, { minLength: 1, maxLength: 4 }), fc.nat(), timed((edits, cursorSeed) => {
        const files = new Map(FILES);
        for (const e of edits) files.set(e.file, mutate(files.get(e.file)!, e.edit));
        exercise(files, edits[0]!.file, cursorSeed);
      })),
      { numRuns: RUNS },
    );
  });

  it('random bot files (YAML, flow YAML, JSON) never make validation or an editor feature throw', () => {
    fc.assert(
      fc.property(botFile, fc.option(botFile), fc.nat(), timed((main, extra, cursorSeed) => {
        const files = new Map([[main.name, main.text]]);
        if (extra) files.set(`flows/extra.${extra.name.endsWith('json') ? 'json' : 'yaml'}`, extra.text);
        exercise(files, main.name, cursorSeed);
      })),
      { numRuns: RUNS * 2 },
    );
  });

  after(() => {
    console.log(`      ${tally.cases} cases, 0 exceptions, slowest ${tally.slowestMs.toFixed(0)} ms (a hang is ${HANG_MS} ms)`);
  });
});

/** Validates a set of files and runs every editor feature at one offset of one file. */
function exercise(files: Map<string, string>, file: string, cursorSeed: number): void {
  const ws = createWorkspace();
  for (const [p, t] of files) ws.setDocument(p, t);
  for (const [f, diags] of ws.getAllDiagnostics()) {
    const len = files.get(f)!.length;
    for (const d of diags) assert.ok(d.start >= 0 && d.start <= d.end && d.end <= len, `${d.code} ${d.start}-${d.end} in ${f} (${len})`);
  }
  const text = files.get(file)!;
  const offset = cursorSeed % (text.length + 1);
  complete(ws, file, offset);
  hover(ws, file, offset);
  findDefinition(ws, file, offset);
  findReferences(ws, file, offset);
  prepareRename(ws, file, offset);
  rename(ws, file, offset, 'renamed_x');
  documentSymbols(ws, file);
  foldingRanges(ws, file);
  codeActions(ws, file, 0, text.length);
}
