// Laws checked on random input with fast-check: parsing never throws and its ranges lie
// inside the text; mutated bot files never make validation or any editor feature throw.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import {
  BotWorkspace,
  codeActions,
  complete,
  documentSymbols,
  findDefinition,
  findReferences,
  foldingRanges,
  hover,
  parseDocument,
  prepareRename,
  rename,
  walk,
} from '../../../server/src/definitions/index';
import type { Node } from '../../../server/src/definitions/index';
import { parseYamlFast } from '../../../server/src/definitions/parse/fastYaml';
import { parseYamlFull } from '../../../server/src/definitions/parse/yaml';

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 150);

function rangesInside(root: Node | null, length: number): boolean {
  let ok = true;
  walk(root, (n) => {
    if (!(n.start >= 0 && n.start <= n.end && n.end <= length)) ok = false;
    if (n.type === 'object') for (const p of n.properties) if (!(p.keyStart >= 0 && p.keyStart <= p.keyEnd && p.keyEnd <= length && p.start <= p.end)) ok = false;
  });
  return ok;
}

/** Text made of the characters YAML and JSON care about, so random input reaches odd corners. */
const yamlish = fc
  .array(fc.constantFrom(' ', '  ', '\n', '\r\n', '- ', ': ', ':', '{', '}', '[', ']', ',', '"', "'", '#', '&a', '*a', '!t', '|', '>', '?', '---', 'a', 'key', '1', 'true', 'null', '\t', '\0', '\ufeff', '<<<<<<< x', '__proto__', '${X}', '{s}', 'é', '\ud83d'), { maxLength: 80 })
  .map((parts) => parts.join(''));

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

/** One random edit: delete a span, insert text, or duplicate a line. */
const mutation = fc.record({
  file: fc.constantFrom(...NAMES),
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'duplicate-line'),
  length: fc.nat({ max: 40 }),
  text: yamlish,
});

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

describe('definitions: properties', () => {
  it('the fast YAML path agrees with yaml whenever it accepts a text', () => {
    fc.assert(fc.property(fc.oneof(botText, yamlish), agrees), { numRuns: RUNS * 10 });
    for (const t of FILES.values()) assert.ok(parseYamlFast(t), 'the samples take the fast path');
  });

  it('the fast YAML path agrees with yaml on mutated sample files', () => {
    fc.assert(
      fc.property(mutation, (e) => {
        const t = FILES.get(e.file)!;
        const at = e.at % (t.length + 1);
        return agrees(e.kind === 'delete' ? t.slice(0, at) + t.slice(at + e.length) : t.slice(0, at) + e.text + t.slice(at));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('parsing any YAML-ish text never throws and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const doc = parseDocument('bot.yaml', text);
        assert.ok(rangesInside(doc.root, text.length));
        for (const f of doc.syntax) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.code} ${f.start}-${f.end}`);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('parsing any text as JSON(C) never throws and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.json(), fc.string()), fc.boolean(), (text, strict) => {
        const doc = parseDocument(strict ? 'bot.json' : 'bot.jsonc', text);
        assert.ok(rangesInside(doc.root, text.length));
        for (const f of doc.syntax) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length);
      }),
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
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (text) => {
        const doc = parseDocument('bot.json', text);
        if (doc.syntax.some((f) => f.code !== 'syntax/duplicate-key' && f.code !== 'syntax/reserved-key')) return;
        assert.deepEqual(toData(doc.root), JSON.parse(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated sample bot files never make validation or an editor feature throw', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat(), (edits, cursorSeed) => {
        const files = new Map(FILES);
        for (const e of edits) {
          const t = files.get(e.file)!;
          const at = e.at % (t.length + 1);
          let next: string;
          if (e.kind === 'delete') next = t.slice(0, at) + t.slice(at + e.length);
          else if (e.kind === 'insert') next = t.slice(0, at) + e.text + t.slice(at);
          else {
            const s = t.lastIndexOf('\n', at - 1) + 1;
            const end = t.indexOf('\n', at);
            const line = t.slice(s, end < 0 ? t.length : end + 1);
            next = t.slice(0, s) + line + t.slice(s);
          }
          files.set(e.file, next);
        }
        const ws = new BotWorkspace();
        for (const [p, t] of files) ws.setDocument(p, t);
        for (const [file, diags] of ws.getAllDiagnostics()) {
          const len = files.get(file)!.length;
          for (const d of diags) assert.ok(d.start >= 0 && d.start <= d.end && d.end <= len, `${d.code} ${d.start}-${d.end} in ${file} (${len})`);
        }
        const file = edits[0]!.file;
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
      }),
      { numRuns: RUNS },
    );
  });
});
