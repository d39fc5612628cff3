/**
 * Durability order, shown with strace on Linux: while `botv` saves, promotes, releases and
 * restores, every file it makes visible — object, record, journal, store file — was written
 * under a temporary name, flushed (fsync), renamed into place, and its folder flushed after
 * the rename. A version record becomes visible only after every object it names is renamed
 * and its folder flushed; a journal is durable before the working copy is touched, and a
 * working file (written under a temporary name and renamed) is flushed with its folder
 * before the journal that can replay it is removed. Without strace the test fails and says how to install it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { openWorkspace } from '../../../server/src/versioning/index';
import { bundle } from './support/bundle';
import { requireStrace, traceRun, type Syscall } from './support/strace';
import { copyFixture, put } from './support/workspace';

type Kind = 'object' | 'record' | 'journal' | 'store file' | 'working file' | 'cache';

function kindOf(rel: string): Kind {
  if (rel.startsWith('.botversions/objects/')) return 'object';
  if (/^\.botversions\/(bots\/[a-z0-9-]+\/(versions|environments|marks)|releases)\/[0-9a-f]{64}\.json$/.test(rel)) return 'record';
  if (rel.startsWith('.botversions/local/journal/')) return 'journal';
  if (rel.startsWith('.botversions/local/cache/')) return 'cache';
  if (rel.startsWith('.botversions/')) return 'store file';
  return 'working file';
}

interface Visible {
  kind: Kind;
  rel: string;
  rename: Syscall;
  /** The flush of its folder after the rename. */
  dirSync: Syscall;
}

/** Checks the order for every file the run made visible; returns them. */
async function checkOrder(root: string, calls: Syscall[], what: string): Promise<Visible[]> {
  const visible: Visible[] = [];
  const renames = calls.filter((c) => c.name.startsWith('rename') && c.ret === 0 && basename(c.paths[0] ?? '').startsWith('.botv-tmp-'));
  const relOf = (p: string) => relative(root, p).split('\\').join('/');
  // Each journal's life: from its rename into place to its removal.
  const journals = renames
    .filter((r) => kindOf(relOf(r.paths[1]!)) === 'journal')
    .map((r) => ({ appeared: r.end, removed: calls.find((c) => c.name.startsWith('unlink') && c.ret === 0 && c.paths[c.paths.length - 1] === r.paths[1] && c.start > r.end)?.start ?? Infinity }));
  for (const j of journals) assert.ok(j.removed < Infinity, `${what}: a journal was left behind`);
  for (const r of renames) {
    const [tmp, final] = r.paths as [string, string];
    const rel = relOf(final);
    const kind = kindOf(rel);
    if (kind === 'cache') continue; // a hint, written without flushes on purpose (docs/store.md)
    const where = `${what}: ${rel}`;
    const flushes = (path: string, after: number) => calls.find((c) => (c.name === 'fsync' || c.name === 'fdatasync') && c.paths[0] === path && c.ret === 0 && c.start > after);
    const writes = calls.filter((c) => c.name.includes('write') && c.paths[0] === tmp && c.start < r.start);
    const syncs = calls.filter((c) => (c.name === 'fsync' || c.name === 'fdatasync') && c.paths[0] === tmp && c.ret === 0);
    let size = 0;
    try {
      size = statSync(final).size;
    } catch {
      // removed again later in the same command (a temporary lock or a journal)
    }
    if (size > 0) assert.ok(writes.length > 0, `${where}: no write to ${basename(tmp)} before its rename`);
    // A file renamed while a journal names it (a restore's or a release acceptance's working
    // files and records) is committed by the journal: it may be flushed after its rename,
    // with its folder, as long as both come before the journal is removed.
    const journal = journals.find((j) => j.appeared < r.start && r.start < j.removed);
    if (kind === 'working file') assert.ok(journal, `${where}: a working file was replaced outside a journal`);
    if (journal) {
      const flush = flushes(final, r.end);
      assert.ok(flush, `${where}: not flushed after its rename`);
      const dirSync = flushes(dirname(final), r.end);
      assert.ok(dirSync, `${where}: its folder was not flushed after the rename`);
      assert.ok(flush.end < journal.removed, `${where}: the journal was removed before the file was flushed`);
      assert.ok(dirSync.end < journal.removed, `${where}: the journal was removed before the file's folder was flushed`);
      visible.push({ kind, rel, rename: r, dirSync });
      continue;
    }
    const lastWrite = Math.max(-1, ...writes.map((w) => w.end));
    const flush = syncs.find((s) => s.start > lastWrite && s.end < r.start);
    assert.ok(flush, `${where}: ${basename(tmp)} was not flushed after its last write and before its rename (writes end at line ${lastWrite}, flushes at ${syncs.map((s) => `${s.start}-${s.end}`).join(', ') || 'none'}, rename at ${r.start})`);
    const dirSync = calls.find((c) => (c.name === 'fsync' || c.name === 'fdatasync') && c.paths[0] === dirname(final) && c.ret === 0 && c.start > r.end);
    assert.ok(dirSync, `${where}: its folder was not flushed after the rename`);
    visible.push({ kind, rel, rename: r, dirSync });
  }

  // A version record appears only once every object it names is durable.
  const ws = await openWorkspace(root);
  const objects = visible.filter((v) => v.kind === 'object');
  for (const rec of visible.filter((v) => v.kind === 'record' && v.rel.includes('/versions/'))) {
    const id = basename(rec.rel, '.json');
    const bot = rec.rel.split('/')[2]!;
    let needed: string[];
    try {
      const record = JSON.parse(readFileSync(join(root, rec.rel), 'utf8')) as { tree: string };
      needed = [record.tree, ...(await ws.version(bot, id)).tree.map((f) => f.sha256)];
    } catch {
      continue; // deleted later in the same command (retention)
    }
    for (const sha of needed) {
      for (const o of objects.filter((x) => x.rel.startsWith(`.botversions/objects/${sha.slice(0, 2)}/${sha.slice(2)}`))) {
        assert.ok(o.rename.end < rec.rename.start, `${what}: ${rec.rel} appeared before its object ${o.rel}`);
        assert.ok(o.dirSync.end < rec.rename.start, `${what}: ${rec.rel} appeared before the folder of ${o.rel} was flushed`);
      }
    }
  }
  // A journal is durable before the first working file changes.
  for (const j of visible.filter((v) => v.kind === 'journal')) {
    for (const w of visible.filter((v) => v.kind === 'working file')) {
      assert.ok(j.dirSync.end < w.rename.start, `${what}: ${w.rel} was replaced before the journal was durable`);
    }
  }
  return visible;
}

describe('durability order (strace)', function () {
  this.timeout(120_000);
  let cli: string;

  before(async function () {
    if (process.platform !== 'linux') {
      console.log('      (strace runs on Linux only: the durability order is shown there)');
      this.skip();
    }
    requireStrace();
    cli = await bundle('server/src/cli/main.ts');
  });

  it('every object, record and journal is written, flushed, renamed, then its folder flushed; working files are flushed before their journal goes', async () => {
    const root = realpathSync(copyFixture());
    for (let i = 0; i < 20; i++) put(root, `shop-dev/intents/generated-${i}.yaml`, `intents:\n  - name: Generated${i}\n`);
    const env = { ...process.env, BOTV_AUTHOR: 'Durability Test', NO_COLOR: '1' };
    const steps: Array<{ args: string[]; expect: Kind[]; before?: () => void }> = [
      { args: ['save', 'shop-dev'], expect: ['object', 'record', 'store file'] },
      { args: ['save', 'shop-dev'], expect: ['object', 'record'], before: () => put(root, 'shop-dev/intents/generated-3.yaml', 'intents: []\n') },
      { args: ['env', 'set', 'shop-dev', 'development', 'latest'], expect: ['record'] },
      { args: ['promote', 'shop-dev', 'staging'], expect: ['record'] },
      { args: ['release', 'create', 'shop-dev', 'latest', '--to', 'shop-prod'], expect: ['record'] },
      { args: ['release', 'accept', 'shop-prod', 'latest'], expect: ['object', 'record', 'journal', 'working file'] },
      { args: ['restore', 'shop-dev', '1'], expect: ['journal', 'record', 'working file'] },
      { args: ['pin', 'shop-dev', '1'], expect: ['record'] },
    ];
    const counts = new Map<Kind, number>();
    for (const s of steps) {
      s.before?.();
      const what = `botv ${s.args.join(' ')}`;
      const r = traceRun(process.execPath, [cli, ...s.args, '--root', root, '--json'], { cwd: root, env });
      assert.equal(r.status, 0, `${what} failed: ${r.stdout}${r.stderr}`);
      const visible = await checkOrder(root, r.calls, what);
      for (const k of s.expect) assert.ok(visible.some((v) => v.kind === k), `${what}: no ${k} was seen being written (is strace tracing it?)`);
      for (const v of visible) counts.set(v.kind, (counts.get(v.kind) ?? 0) + 1);
    }
    console.log(`      ${steps.length} commands traced; in order: ${[...counts].map(([k, n]) => `${n} ${k}s`).join(', ')}`);
  });
});
