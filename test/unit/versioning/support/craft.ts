/** Writes hand-made (hostile or damaged) versions straight into a store, with valid hashes. */
import { nodeFs } from '../../../../server/src/versioning/fs/fsio';
import { canonicalBytes } from '../../../../server/src/versioning/store/canonical';
import { sha256 } from '../../../../server/src/versioning/store/hash';
import { objectHint, StoreLayout, TREE_HINT } from '../../../../server/src/versioning/store/layout';
import { ObjectStore } from '../../../../server/src/versioning/store/objects';
import { RecordStore } from '../../../../server/src/versioning/store/records';
import type { VersionRecord } from '../../../../server/src/versioning/store/schema';
import { contentHash } from '../../../../server/src/versioning/store/tree';

/** Stores a version of `bot` numbered `number` whose files are `files` (path → content), paths unchecked. */
export async function craftVersion(root: string, bot: string, number: number, files: Record<string, string>): Promise<string> {
  const layout = new StoreLayout(root);
  const objects = new ObjectStore(nodeFs, layout);
  const entries = [];
  for (const [path, text] of Object.entries(files)) {
    const data = new TextEncoder().encode(text);
    entries.push({ path, sha256: await objects.put(data, objectHint(path)), size: data.length });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  const tree = canonicalBytes({ format: 1, files: entries.map((e) => [e.path, e.sha256, e.size]) });
  const treeSha = await objects.put(tree, TREE_HINT);
  const record: VersionRecord = {
    type: 'version',
    format: 1,
    bot,
    number,
    name: 'crafted',
    description: '',
    parent: null,
    tree: treeSha,
    content: contentHash(entries),
    files: entries.length,
    bytes: entries.reduce((n, e) => n + e.size, 0),
    origin: { kind: 'saved' },
    at: '2030-01-01T00:00:00.000Z',
    author: 'Mallory',
    nonce: sha256(String(Math.random())).slice(0, 16),
  };
  const records = new RecordStore(nodeFs, root);
  const enc = records.encode(layout.botDir(bot, 'versions'), record);
  await records.write([enc]);
  return enc.id;
}
