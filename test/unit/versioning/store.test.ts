import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../../server/src/versioning/store/canonical';
import { normalizeConfig } from '../../../server/src/versioning/store/config';
import { sha256 } from '../../../server/src/versioning/store/hash';
import { objectHint, parseObjectName, StoreLayout } from '../../../server/src/versioning/store/layout';
import { ObjectStore } from '../../../server/src/versioning/store/objects';
import { RecordStore } from '../../../server/src/versioning/store/records';
import { contentHash, TreeStore } from '../../../server/src/versioning/store/tree';
import { nodeFs } from '../../../server/src/versioning/fs/fsio';
import { isBotvError } from '../../../server/src/versioning/errors';
import type { FileEntry } from '../../../server/src/versioning/types';
import { tempDir } from './support/workspace';

describe('store primitives', () => {
  describe('canonical JSON', () => {
    it('sorts keys at every level so equal content gives equal bytes', () => {
      assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}\n');
      assert.equal(canonicalJson({ a: 1, skip: undefined }), '{"a":1}\n');
    });
  });

  describe('objects', () => {
    it('names an object by its SHA-256 and reads it back byte for byte', async () => {
      const root = tempDir();
      const objects = new ObjectStore(nodeFs, new StoreLayout(root));
      const data = new Uint8Array([0, 1, 2, 255, 10, 13]);
      const sha = await objects.put(data, 'x.yaml');
      assert.equal(sha, sha256(data));
      assert.deepEqual(Buffer.from(await objects.read(sha, 'x.yaml')), Buffer.from(data));
      assert.ok(readFileSync(join(root, '.botversions', 'objects', sha.slice(0, 2), `${sha.slice(2)}.x.yaml`)));
    });

    it('detects a flipped bit on read and names the file', async () => {
      const root = tempDir();
      const layout = new StoreLayout(root);
      const objects = new ObjectStore(nodeFs, layout);
      const sha = await objects.put(new TextEncoder().encode('hello world\n'), 'a.txt');
      const p = layout.object(sha, 'a.txt');
      const bytes = readFileSync(p);
      bytes[0] ^= 1;
      writeFileSync(p, bytes);
      await assert.rejects(objects.read(sha, 'a.txt'), (e) => isBotvError(e, 'CORRUPT') && e.message.includes(`.botversions/objects/${sha.slice(0, 2)}/${sha.slice(2)}.a.txt`));
    });

    it('reports a missing object with what to do', async () => {
      const objects = new ObjectStore(nodeFs, new StoreLayout(tempDir()));
      await assert.rejects(objects.read('a'.repeat(64), 'a.txt'), (e) => isBotvError(e, 'MISSING_OBJECT') && /botv verify/.test(e.message));
    });
  });

  it('hints at what an object holds, in safe lower-case names', () => {
    assert.equal(objectHint('intents/Order Pizza.YAML'), 'order-pizza.yaml');
    assert.equal(objectHint('.gitkeep'), 'gitkeep');
    assert.equal(objectHint('a/\u00e9t\u00e9.yaml'), 't-.yaml');
    assert.equal(objectHint('x'.repeat(60) + '.yaml').length, 40);
    assert.equal(objectHint('...'), 'file');
    assert.deepEqual(parseObjectName(`${'a'.repeat(62)}.x.yaml`), { rest: 'a'.repeat(62), hint: 'x.yaml' });
    assert.equal(parseObjectName(`${'a'.repeat(62)}.X`), null);
  });

  it('reads content stored under another hint (a renamed file)', async () => {
    const objects = new ObjectStore(nodeFs, new StoreLayout(tempDir()));
    const sha = await objects.put(new TextEncoder().encode('same'), 'old.yaml');
    assert.equal(new TextDecoder().decode(await objects.read(sha, 'new.yaml')), 'same');
  });

  describe('records', () => {
    it('names a record by the hash of its bytes and rejects one whose bytes changed', async () => {
      const root = tempDir();
      const records = new RecordStore(nodeFs, root);
      const dir = join(root, 'recs');
      const rec = { type: 'pin' as const, format: 1 as const, bot: 'b', version: 'c'.repeat(64), number: 3, pinned: true, at: '2024-01-01T00:00:00.000Z', author: 'A', nonce: 'n' };
      const enc = records.encode(dir, rec);
      await records.write([enc]);
      const file = join(dir, `${enc.id}.json`);
      assert.equal(sha256(readFileSync(file)), enc.id);
      const fresh = new RecordStore(nodeFs, root);
      assert.deepEqual((await fresh.list(dir, ['pin']))[0]!.record, rec);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"number":3', '"number":4'));
      const again = new RecordStore(nodeFs, root);
      await assert.rejects(again.list(dir, ['pin']), (e) => isBotvError(e, 'CORRUPT') && e.message.includes(`recs/${enc.id}.json`));
    });

    it('rejects a record of the wrong shape even when its name matches', async () => {
      const root = tempDir();
      const dir = join(root, 'recs');
      const bytes = Buffer.from('{"type":"pin","format":1}\n');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${sha256(bytes)}.json`), bytes);
      const { faults } = await new RecordStore(nodeFs, root).scan(dir, ['pin']);
      assert.equal(faults.length, 1);
      assert.equal(faults[0]!.code, 'BAD_RECORD');
    });
  });

  describe('trees', () => {
    const files = (n: number, salt = ''): FileEntry[] =>
      Array.from({ length: n }, (_, i) => ({ path: `f${String(i).padStart(3, '0')}.yaml`, sha256: sha256(`${i}${salt}`), size: i }));

    it('stores a small change as a delta against a full tree and resolves it back', async () => {
      const root = tempDir();
      const objects = new ObjectStore(nodeFs, new StoreLayout(root));
      const trees = new TreeStore(objects);
      const base = files(80);
      const t1 = await trees.encode(base, null);
      await objects.writeMany([{ sha: t1.sha, hint: 'tree', data: t1.data! }]);
      assert.equal(t1.sha, contentHash(base));
      const changed = base.map((f, i) => (i === 5 ? { ...f, sha256: sha256('changed'), size: 99 } : f)).filter((_, i) => i !== 7);
      changed.push({ path: 'new.yaml', sha256: sha256('new'), size: 3 });
      const t2 = await trees.encode(changed, t1.sha);
      assert.ok(t2.data!.length < 400, `delta is ${t2.data!.length} bytes`);
      await objects.writeMany([{ sha: t2.sha, hint: 'tree', data: t2.data! }]);
      const read = await new TreeStore(objects).read(t2.sha);
      assert.equal(read.full, false);
      assert.equal(contentHash(read.files), contentHash(changed));
    });

    it('starts a new full tree when a delta would list more than a quarter of the files', async () => {
      const objects = new ObjectStore(nodeFs, new StoreLayout(tempDir()));
      const trees = new TreeStore(objects);
      const t1 = await trees.encode(files(40), null);
      await objects.writeMany([{ sha: t1.sha, hint: 'tree', data: t1.data! }]);
      const t2 = await trees.encode(files(40, 'x'), t1.sha);
      assert.equal(t2.sha, contentHash(files(40, 'x')));
    });
  });

  describe('configuration', () => {
    it('applies defaults: the three-stage pipeline, gated before its last stage', () => {
      const c = normalizeConfig({}, 'config.json');
      assert.deepEqual(c.pipeline, ['development', 'staging', 'production']);
      assert.deepEqual(c.gates.validateBefore, ['production']);
      assert.deepEqual(c.gates.severities, {});
      assert.equal(c.retention.keep, null);
    });

    it('reads the gate severities', () => {
      const c = normalizeConfig({ gates: { severities: { 'unused/response': 'error', 'intent/too-few-utterances': 'off' } } }, 'config.json');
      assert.deepEqual(c.gates, { validateBefore: ['production'], severities: { 'unused/response': 'error', 'intent/too-few-utterances': 'off' }, before: {} });
    });

    it('names the bad field and says what to do', () => {
      for (const [raw, what] of [
        [{ pipeline: [] }, 'pipeline'],
        [{ pipeline: ['a', 'a'] }, 'twice'],
        [{ retention: { keep: 0 } }, 'retention.keep'],
        [{ gates: { validateBefore: ['qa'] } }, '"qa"'],
        [{ gates: { severities: ['unused/response'] } }, '"gates.severities" must be an object'],
        [{ gates: { severities: { unused: 'off' } } }, '"unused", which is not a diagnostic code'],
        [{ gates: { severities: { 'unused/response': 'loud' } } }, '"gates.severities.unused/response" is "loud"; it must be one of "error", "warning", "information", "hint", "off"'],
        [{ gates: { severity: {} } }, 'unknown gates setting "severity" (known: validateBefore, severities, before)'],
        [{ colour: 'blue' }, 'unknown setting "colour"'],
      ] as const) {
        assert.throws(
          () => normalizeConfig(raw, 'config.json'),
          (e) => isBotvError(e, 'BAD_CONFIG') && e.message.includes(what) && e.message.includes('Fix the file'),
        );
      }
    });
  });
});
