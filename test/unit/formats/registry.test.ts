// The registry of formats, the format folders and the docs say the same: every folder under
// server/src/formats/ is one line of the registry, every format has its row in
// docs/diagnostics.md, and every code a format reports falls under a prefix that row gives.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_CODES } from '../../../server/src/definitions/index';
import { CODES, FORMATS } from '../../../server/src/formats/index';

const ROOT = join(__dirname, '../../..');
const FORMATS_DIR = join(ROOT, 'server/src/formats');

/** The rows of the formats table in docs/diagnostics.md: format id → code prefixes. */
function documentedFormats(): Map<string, string[]> {
  const text = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');
  const rows = new Map<string, string[]>();
  for (const m of text.matchAll(/^\| (`[a-z0-9-]+`|every format) \| [^|]+ \| (.+) \|$/gm)) {
    const id = m[1]!.replace(/`/g, '');
    rows.set(id, [...m[2]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!));
  }
  return rows;
}

const covered = (code: string, prefixes: readonly string[]): boolean => prefixes.some((p) => (p.endsWith('/') ? code.startsWith(p) : code === p));

describe('formats: the registry', () => {
  it('lists every format folder once, and nothing else', () => {
    const folders = readdirSync(FORMATS_DIR).filter((f) => statSync(join(FORMATS_DIR, f)).isDirectory());
    const ids = FORMATS.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length, 'a format id appears twice in the registry');
    // A folder is named after its format (lex-v2/, dialogflow-cx/, …).
    assert.deepEqual([...folders].sort(), [...ids].sort());
  });

  it('has a row in docs/diagnostics.md for every format, and every code under one of its prefixes', () => {
    const rows = documentedFormats();
    assert.deepEqual([...rows.keys()].sort(), ['every format', ...FORMATS.map((f) => f.id)].sort());
    for (const code of Object.keys(ENGINE_CODES)) assert.ok(covered(code, rows.get('every format')!), `${code} is an engine code but the table's first row does not name it`);
    for (const f of FORMATS) {
      for (const code of Object.keys(f.codes)) {
        assert.ok(covered(code, rows.get(f.id)!), `${code} (${f.id}) is under none of the prefixes docs/diagnostics.md gives for ${f.id}`);
        assert.ok(!(code in ENGINE_CODES), `${code} (${f.id}) is also an engine code`);
      }
      // Formats other than the native one prefix every code with their id, as FORMATS.md asks.
      if (f.id !== 'native') for (const code of Object.keys(f.codes)) assert.ok(code.startsWith(`${f.id}/`), `${code} should start with ${f.id}/`);
    }
  });

  it('gives each code one owner: no two formats define the same code', () => {
    const owners = new Map<string, string>();
    for (const f of FORMATS) {
      for (const code of Object.keys(f.codes)) {
        assert.ok(!owners.has(code), `${code} is defined by ${owners.get(code)} and ${f.id}`);
        owners.set(code, f.id);
      }
    }
    assert.equal(Object.keys(CODES).length, owners.size + Object.keys(ENGINE_CODES).length);
  });

  it('says which markers make a bot, and every format recognises nothing in an empty folder', () => {
    const empty = { dir: '', hasFile: () => false, hasDir: () => false, read: () => undefined };
    for (const f of FORMATS) {
      // A format whose bots are files known by their content (LivePerson) names those files instead.
      assert.ok(f.markers.length > 0 || (f.fileMarkers?.length ?? 0) > 0, `${f.id} has no markers`);
      if (f.fileMarkers?.length) assert.ok(f.recogniseFile, `${f.id} names file markers but recognises no file`);
      if (f.recogniseFile) assert.equal(f.recogniseFile('empty.json', '', false), undefined, `${f.id} recognises an empty file`);
      assert.equal(f.recognise(empty), undefined, `${f.id} recognises an empty folder`);
    }
  });
});
