// The fast path of the JSON parser (parse/fastJson.ts) builds exactly the tree and findings
// of the scanner-driven parser for valid JSON — every JSON fixture of the repository, and
// texts made to be awkward — and gives up on anything else, which the other parser reads
// with its messages.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonFast } from '../../../server/src/definitions/parse/fastJson';
import { parseJsonc } from '../../../server/src/definitions/parse/jsonc';
import type { Node } from '../../../server/src/definitions/parse/tree';

const ROOT = join(__dirname, '../../..');

/** The tree as plain data: every node's type, span, value, keys and their spans. */
function plain(node: Node | null): unknown {
  if (!node) return null;
  switch (node.type) {
    case 'scalar':
      return [node.start, node.end, node.value, node.quoted];
    case 'opaque':
      return ['opaque', node.reason, node.start, node.end];
    case 'array':
      return [node.start, node.end, node.flow, node.items.map(plain)];
    case 'object':
      return [node.start, node.end, node.flow, node.properties.map((p) => [p.key, p.keyStart, p.keyEnd, p.start, p.end, p.value?.property === p, p.value?.parent === node, plain(p.value)])];
  }
}

/** The scanner-driven parse alone: parseJsonc tries the fast path first, which refuses a trailing comment (JSONC reads it, changing no offset before it). */
function slow(text: string) {
  const r = parseJsonc(`${text}\n//`, { strict: false });
  return { root: r.root, findings: r.findings.filter((f) => !/comment/i.test(f.message)) };
}

function jsonFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) jsonFiles(p, out);
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

describe('definitions: the fast JSON path', () => {
  it('builds the same tree and findings as the scanner for every JSON fixture and sample', () => {
    let checked = 0;
    for (const file of [...jsonFiles(join(ROOT, 'test', 'fixtures')), ...jsonFiles(join(ROOT, 'samples'))]) {
      const text = readFileSync(file, 'utf8');
      const fast = parseJsonFast(text);
      if (!fast) continue; // a fixture that is meant to be broken
      const s = slow(text);
      assert.deepEqual(plain(fast.root), plain(s.root), file);
      assert.deepEqual(fast.findings, s.findings, file);
      checked++;
    }
    assert.ok(checked > 100, `only ${checked} files checked`);
  });

  it('reads awkward valid JSON alike: escapes, numbers, nesting, many keys, a byte order mark', () => {
    const texts = [
      '{"a": "x\\"y\\\\z\\u00e9\\n\\t\\/", "b": -0.5e-3, "c": [true, false, null, [], {}], "d": {"e": [1, [2, [3]]]}}',
      '\ufeff {"a": 1}\n',
      '[' + Array.from({ length: 20 }, (_, i) => `{"k${i}": ${i}}`).join(', ') + ']',
      '{' + Array.from({ length: 20 }, (_, i) => `"k${i}": "v"`).join(',') + '}',
      '"just a string"',
      '12',
      '  [ 1 ,2 , 3 ]  ',
      '{"emoji": "\ud83d\ude00", "surrogate": "\\ud83d\\ude00"}',
    ];
    for (const text of texts) {
      const fast = parseJsonFast(text);
      assert.ok(fast, text);
      const s = slow(text);
      assert.deepEqual(plain(fast.root), plain(s.root), text);
      assert.deepEqual(fast.findings, s.findings, text);
    }
  });

  it('gives up on anything that is not plain valid JSON, so the scanner reports it', () => {
    for (const text of ['{"a": 1, "a": 2}', '{"b": {"x": 1, "x": 2}}', '{' + Array.from({ length: 20 }, (_, i) => `"k${i}": "v"`).join(',') + ', "k3": 0}', '{"__proto__": {"polluted": true}}', '', '   ', '{', '{"a": 1,}', '[1,]', '{"a" 1}', '{"a": 01}', '{"a": 1.}', '{"a": truex}', '{"a": "x\n"}', '{"a": "\\q"}', '// c\n{}', '{} {}', '{"a": 1} x', '{"a": \'x\'}', '[' .repeat(150) + ']'.repeat(150), '{"a": "\\u12"}', 'nul']) {
      assert.equal(parseJsonFast(text), undefined, JSON.stringify(text).slice(0, 60));
    }
    // What it gives up on is still read, with its findings.
    assert.deepEqual(parseJsonc('{"a": 1, "a": 2}', { strict: true }).findings.map((f) => f.code), ['syntax/duplicate-key']);
    assert.deepEqual(parseJsonc('{"__proto__": 1}', { strict: true }).findings.map((f) => f.code), ['syntax/reserved-key']);
    assert.deepEqual(parseJsonc('{"a": 1,}', { strict: true }).findings.map((f) => f.code), ['syntax/json']);
  });
});
