import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import fc from 'fast-check';
import { lineHunks } from '../../../server/src/versioning/core/diff';
import { EXPORT_MANIFEST, isBotvError, WORKING } from '../../../server/src/versioning/index';
import { copyFixture, open, put, tempDir } from './support/workspace';

describe('diff', () => {
  it('lists added, removed and modified files with line hunks', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    put(root, 'shop-dev/intents/greet.yaml', 'intents:\n  - name: Greet\n    utterances:\n      en-US: [hello, hi there, good evening]\n');
    put(root, 'shop-dev/new.yaml', 'a: 1\n');
    put(root, 'shop-dev/pic.bin', new Uint8Array([0, 159, 146, 150]));
    rmSync(join(root, 'shop-dev/secrets/keys.yaml'));
    await ws.save('shop-dev');
    const d = await ws.diff('shop-dev', '1', '2');
    assert.deepEqual(d.files.map((f) => [f.path, f.change]), [
      ['intents/greet.yaml', 'modified'],
      ['new.yaml', 'added'],
      ['pic.bin', 'added'],
      ['secrets/keys.yaml', 'removed'],
    ]);
    const greet = d.files[0]!;
    assert.deepEqual(greet.hunks![0]!.lines, [' intents:', '   - name: Greet', '     utterances:', '-      en-US: [hello, hi there, good morning]', '+      en-US: [hello, hi there, good evening]']);
    assert.equal(d.files[2]!.binary, true);
    assert.deepEqual(d.stats, { added: 2, removed: 1, modified: 1, insertions: 2, deletions: 2 });
    const names = await ws.diff('shop-dev', '1', '2', { hunks: false });
    assert.equal(names.files[0]!.hunks, undefined);
  });

  it('compares a version with the working copy', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    assert.deepEqual((await ws.diff('shop-dev', '1')).files, []);
    put(root, 'shop-dev/flows/main.yaml', 'flows: []\n');
    const d = await ws.diff('shop-dev', 'latest', WORKING);
    assert.deepEqual(d.to, { kind: 'working' });
    assert.deepEqual(d.files.map((f) => f.path), ['flows/main.yaml']);
    const back = await ws.diff('shop-dev', WORKING, '1');
    assert.equal(back.files[0]!.insertions, d.files[0]!.deletions);
  });
});

describe('line hunks', () => {
  it('turn the old text into the new one when applied (random edits)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(40), fc.constantFrom('insert', 'delete', 'change')), { maxLength: 5 }),
        fc.boolean(),
        fc.nat(4),
        (lines, edits, finalNewline, context) => {
          const a = lines.join('\n') + (finalNewline ? '\n' : '');
          const out: string[] = [...lines];
          for (const [i, kind] of edits) {
            const at = out.length === 0 ? 0 : i % out.length;
            if (kind === 'insert') out.splice(at, 0, 'x');
            else if (kind === 'delete') out.splice(at, 1);
            else out[at] = 'y';
          }
          const b = out.join('\n') + (finalNewline ? '\n' : '');
          const hunks = lineHunks('f', a, b, context)!;
          const patched = applyPatch(a, { oldFileName: 'f', newFileName: 'f', oldHeader: undefined, newHeader: undefined, hunks });
          assert.equal(patched, b);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('export', () => {
  it('substitutes variables for the environment, leaving the rest byte for byte', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    const out = join(tempDir(), 'deploy');
    const r = await ws.exportVersion('shop-dev', '1', 'production', out);
    const manifest = readFileSync(join(out, 'bot.yaml'), 'utf8');
    assert.match(manifest, /url: "https:\/\/api\.shop\.example\.com\/lookup"/);
    assert.match(manifest, /default: https:\/\/staging\.shop\.example\.com/, 'the variables section itself is left alone');
    assert.equal(manifest.replace('"https://api.shop.example.com/lookup"', '${API_URL}/lookup'), readFileSync(join(root, 'shop-dev/bot.yaml'), 'utf8'));
    assert.deepEqual(r.variables, ['API_URL']);
    assert.equal(readFileSync(join(out, 'intents/greet.yaml'), 'utf8'), readFileSync(join(root, 'shop-dev/intents/greet.yaml'), 'utf8'));
    const desc = JSON.parse(readFileSync(join(out, EXPORT_MANIFEST), 'utf8'));
    assert.equal(desc.hash, r.hash);
    const staging = await ws.exportVersion('shop-dev', '1', 'staging', join(tempDir(), 'staging'));
    assert.notEqual(staging.hash, r.hash);
    const again = await ws.exportVersion('shop-dev', '1', 'production', out);
    assert.equal(again.hash, r.hash, 'the same version and environment hash alike, and an earlier export is replaced');
    assert.deepEqual(readdirSync(join(out, '..')), ['deploy']);
  });

  it('escapes values inside JSON strings', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('json-bot');
    const out = join(tempDir(), 'x');
    await ws.exportVersion('json-bot', '1', 'production', out);
    const data = JSON.parse(readFileSync(join(out, 'bot.json'), 'utf8').replace(/^\s*\/\/.*$/m, ''));
    assert.equal(data.functions[0].url, 'https://example.com/ping?q=say "hi"');
  });

  it('refuses unresolved variables, unknown environments and folders holding other files', async () => {
    const root = copyFixture();
    put(root, 'shop-dev/flows/extra.yaml', 'functions:\n  - name: f\n    url: ${NOPE}/x\n');
    const ws = await open(root);
    await ws.save('shop-dev');
    const out = join(tempDir(), 'x');
    await assert.rejects(ws.exportVersion('shop-dev', '1', 'production', out), (e) => isBotvError(e, 'UNRESOLVED_VARIABLES') && e.message.includes('flows/extra.yaml: ${NOPE}'));
    assert.ok(!existsSync(out));
    await assert.rejects(ws.exportVersion('shop-dev', '1', 'qa', out), (e) => isBotvError(e, 'UNKNOWN_ENVIRONMENT'));
    await ws.save('shop-prod');
    const busy = tempDir();
    put(busy, 'keep.txt', 'x');
    await assert.rejects(ws.exportVersion('shop-prod', '1', 'production', busy), (e) => isBotvError(e, 'OUTPUT_NOT_EMPTY'));
    await assert.rejects(ws.exportVersion('shop-prod', '1', 'production', join(root, 'shop-prod', 'out')), (e) => isBotvError(e, 'BAD_ARGUMENT'));
  });
});
