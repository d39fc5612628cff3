// Hostile input: the parser and the checks must survive it, in bounded time, and say
// something about each. Bounds are generous (this machine is shared); the figures that
// matter are printed by the bench.
import { strict as assert } from 'node:assert';
import { decodeBotFile, parseDocument, walk } from '../../../server/src/definitions/index';
import { createWorkspace } from '../../../server/src/formats/index';
import type { Node } from '../../../server/src/definitions/index';
import { parseYamlFull } from '../../../server/src/definitions/parse/yaml';

import { aliasBomb, deepFlow, HOSTILE_MANIFEST as MANIFEST, hugeScalar, manyKeysJson, manyKeysYaml } from '../../support/hostile';

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

/** Validates one manifest text as a whole bot; returns its codes. */
function validate(text: string, path = 'bot.yaml'): string[] {
  const ws = createWorkspace();
  ws.setDocument(path, text);
  return ws.getDiagnostics(path).map((d) => d.code);
}

function assertRangesInside(root: Node | null, length: number): void {
  walk(root, (n) => {
    assert.ok(n.start >= 0 && n.start <= n.end && n.end <= length, `node ${n.type} ${n.start}-${n.end} outside 0-${length}`);
    if (n.type === 'object') for (const p of n.properties) assert.ok(p.keyStart >= 0 && p.keyStart <= p.keyEnd && p.keyEnd <= length);
  });
}

describe('definitions: hostile input', () => {
  it('never expands a billion-laughs alias bomb', () => {
    const { value, ms } = timed(() => validate(aliasBomb()));
    assert.ok(ms < 5000, `${ms} ms`);
    assert.ok(value.includes('syntax/alias'));
  });

  it('cuts 10,000-deep nesting in YAML (flow and block) and JSON without overflowing the stack', () => {
    const flow = timed(() => parseDocument('bot.yaml', 'a: ' + '['.repeat(10000) + ']'.repeat(10000)));
    assert.ok(flow.value.syntax.some((f) => f.code === 'syntax/too-deep'));
    const block = timed(() => parseDocument('bot.yaml', '- '.repeat(10000) + 'x\n'));
    assert.ok(block.value.syntax.some((f) => f.code === 'syntax/too-deep'));
    const maps = timed(() => parseDocument('bot.yaml', Array.from({ length: 10000 }, (_, i) => ' '.repeat(i % 200) + `k${i}:`).join('\n')));
    assertRangesInside(maps.value.root, maps.value.text.length);
    const json = timed(() => parseDocument('bot.json', '{"a":' + '['.repeat(10000) + ']'.repeat(10000) + '}'));
    assert.ok(json.value.syntax.some((f) => f.code === 'syntax/too-deep'));
    for (const t of [flow, block, maps, json]) assert.ok(t.ms < 5000, `${t.ms} ms`);
    assert.ok(validate(deepFlow()).includes('syntax/too-deep'));
  });

  it('checks a 40,000-key mapping, with duplicate keys, in linear time (YAML and JSON)', () => {
    const y = timed(() => validate(manyKeysYaml()));
    assert.ok(y.ms < 10000, `${y.ms} ms`);
    assert.equal(y.value.filter((c) => c === 'syntax/duplicate-key').length, 1);
    const j = timed(() => validate(manyKeysJson(), 'bot.json'));
    assert.ok(j.ms < 10000, `${j.ms} ms`);
    assert.equal(j.value.filter((c) => c === 'syntax/duplicate-key').length, 1);
  });

  it('handles a 5 MB scalar, and says it is too long', () => {
    const r = timed(() => validate(hugeScalar()));
    assert.ok(r.ms < 5000, `${r.ms} ms`);
    assert.deepEqual(r.value, ['shape/too-long']);
  });

  it('reports NUL bytes, a BOM, invalid UTF-8 and merge-conflict markers', () => {
    assert.ok(validate(MANIFEST + 'x\u0000: 1\n').includes('syntax/control-character'));
    assert.deepEqual(validate('\ufeff' + MANIFEST), ['syntax/bom']);
    const bytes = new Uint8Array([...Buffer.from(MANIFEST + '# caf'), 0xe9, 0xff, 0x0a]);
    const decoded = decodeBotFile(bytes);
    assert.deepEqual(decoded.findings.map((f) => [f.code, decoded.text.slice(f.start, f.end)]), [
      ['syntax/invalid-utf8', '\ufffd'],
      ['syntax/invalid-utf8', '\ufffd'],
    ]);
    const ws = createWorkspace();
    ws.setDocumentBytes('bot.yaml', bytes);
    assert.deepEqual(ws.getDiagnostics('bot.yaml').map((d) => d.code), ['syntax/invalid-utf8', 'syntax/invalid-utf8']);
    const conflict = validate(MANIFEST + '<<<<<<< ours\nrelease: { keep: [a] }\n=======\nrelease: { keep: [b] }\n>>>>>>> theirs\n');
    assert.deepEqual(conflict.filter((c) => c !== 'syntax/duplicate-key'), ['syntax/merge-conflict', 'syntax/merge-conflict', 'syntax/merge-conflict']);
  });

  it('keeps exact ranges in CRLF files', () => {
    const text = (MANIFEST + 'flows:\n  - name: f\n    trigger: { event: welcome }\n    steps:\n      - say: nowhere\n').replace(/\n/g, '\r\n');
    const ws = createWorkspace();
    ws.setDocument('bot.yaml', text);
    const d = ws.getDiagnostics('bot.yaml').find((x) => x.code === 'ref/unknown-response')!;
    assert.equal(text.slice(d.start, d.end), 'nowhere');
  });

  it('cannot pollute prototypes with __proto__ keys, and reports them', () => {
    for (const [path, text] of [
      ['bot.yaml', MANIFEST + '__proto__: { polluted: true }\nresponses:\n  __proto__: { en-US: [x] }\n'],
      ['bot.json', '{"bot": {"id": "h", "locales": ["en-US"]}, "__proto__": {"polluted": true}, "variables": {"__proto__": "x"}}'],
    ] as const) {
      const codes = validate(text, path);
      assert.ok(codes.includes('syntax/reserved-key'), codes.join());
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    }
  });

  it('ignores custom tags with a warning', () => {
    assert.deepEqual(validate(MANIFEST + 'release: !include { keep: [a] }\n'), ['syntax/unknown-tag']);
  });

  it('parses a 2 MB bot file at under 500 ms per MB of CPU time (asserted with a 2× margin)', () => {
    // CPU time, not wall time: the machine is shared, and waiting for a core is not parsing.
    let text = MANIFEST + 'intents:\n';
    for (let i = 0; i < 700; i++) {
      text += `  - name: Intent${i}\n    utterances:\n      en-US:\n`;
      for (let j = 0; j < 40; j++) text += `        - please book a table for ${j} people at restaurant number ${i}\n`;
    }
    const mb = text.length / 1024 / 1024;
    parseDocument('bot.yaml', text.slice(0, 100_000)); // warm up the parser
    const before = process.cpuUsage().user;
    const value = parseDocument('bot.yaml', text);
    const ms = (process.cpuUsage().user - before) / 1000;
    assert.equal(value.syntax.length, 0);
    assert.ok(mb > 1.5 && ms / mb < 1000, `${(ms / mb).toFixed(0)} ms per MB`);
    // Files the fast path declines go to yaml's own parser: that path is bounded too.
    const before2 = process.cpuUsage().user;
    const full = parseYamlFull(text);
    const ms2 = (process.cpuUsage().user - before2) / 1000;
    assert.equal(full.findings.length, 0);
    assert.ok(ms2 / mb < 1000, `${(ms2 / mb).toFixed(0)} ms per MB with yaml's parser`);
  });
});
