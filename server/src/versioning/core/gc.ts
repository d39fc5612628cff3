/**
 * gc: removes objects no version needs (contents of deleted versions, leftovers of
 * interrupted saves), version records whose deletion mark is written, and temporaries
 * older than a minute. It runs under the lock and refuses to run on a store with damaged
 * records, since it could not know what they need.
 *
 * In a store shared through git, run gc after merging: an object that only another
 * clone's unmerged version needs looks unused here (see docs/store.md).
 */
import { join } from 'node:path';
import { BotvError, errnoOf, ioError } from '../errors';
import { forgetDirs, isTempName } from '../fs/atomic';
import { parseObjectName } from '../store/layout';
import type { GcResult } from '../types';
import type { Core } from './context';
import type { MarkRecord, VersionRecord } from '../store/schema';

const TEMP_AGE_MS = 60_000;

async function list(core: Core, dir: string) {
  try {
    return await core.fs.readdir(dir);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return [];
    throw ioError('list', dir, e);
  }
}

/** Removes what no record needs. */
export async function gc(core: Core): Promise<GcResult> {
  return core.write('gc', async () => {
    const result: GcResult = { removedObjects: 0, freedBytes: 0, removedTemporary: 0, keptObjects: 0 };
    const now = Date.now();
    const removeTemp = async (path: string) => {
      try {
        const st = await core.fs.lstat(path);
        if (now - st.mtimeMs < TEMP_AGE_MS) return;
        await core.fs.unlink(path);
        result.removedTemporary++;
      } catch (e) {
        if (errnoOf(e) !== 'ENOENT') throw ioError('remove', path, e);
      }
    };

    const needed = new Set<string>();
    for (const b of await list(core, core.layout.bots)) {
      if (b.kind !== 'dir') continue;
      const vdir = core.layout.botDir(b.name, 'versions');
      const mdir = core.layout.botDir(b.name, 'marks');
      const vs = await core.records.scan<VersionRecord>(vdir, ['version'], true);
      const ms = await core.records.scan<MarkRecord>(mdir, ['restore', 'pin', 'deletion'], true);
      const faults = [...vs.faults, ...ms.faults];
      if (faults.length > 0) {
        throw new BotvError('CORRUPT', `gc stopped before removing anything: ${faults[0]!.message} Run \`botv verify\` and repair the store first.`);
      }
      const deleted = new Set(ms.records.filter((m) => m.record.type === 'deletion').map((m) => m.record.version));
      for (const v of vs.records) {
        if (deleted.has(v.id)) {
          await core.records.remove(vdir, v.id);
          continue;
        }
        let tree;
        try {
          tree = await core.trees.read(v.record.tree);
        } catch (e) {
          throw new BotvError('CORRUPT', `gc stopped before removing anything: ${b.name} v${v.record.number}: ${e instanceof Error ? e.message : String(e)}`);
        }
        needed.add(tree.sha);
        needed.add(tree.baseSha);
        for (const f of tree.files) needed.add(f.sha256);
      }
      for (const kind of ['versions', 'environments', 'marks', 'schedules'] as const) {
        for (const f of await list(core, core.layout.botDir(b.name, kind))) if (isTempName(f.name)) await removeTemp(join(core.layout.botDir(b.name, kind), f.name));
      }
    }
    for (const f of await list(core, core.layout.releases)) if (isTempName(f.name)) await removeTemp(join(core.layout.releases, f.name));
    for (const dir of [core.layout.store, core.layout.local, core.layout.journals, join(core.layout.local, 'cache')]) {
      for (const f of await list(core, dir)) if (isTempName(f.name)) await removeTemp(join(dir, f.name));
    }

    for (const fan of await list(core, core.layout.objects)) {
      const fanPath = join(core.layout.objects, fan.name);
      if (fan.kind !== 'dir') {
        if (isTempName(fan.name)) await removeTemp(fanPath);
        continue;
      }
      let remaining = 0;
      for (const f of await list(core, fanPath)) {
        const p = join(fanPath, f.name);
        if (isTempName(f.name)) {
          await removeTemp(p);
          continue;
        }
        const parsed = parseObjectName(f.name);
        if (!parsed || needed.has(fan.name + parsed.rest)) {
          remaining++;
          if (parsed) result.keptObjects++;
          continue;
        }
        try {
          const st = await core.fs.lstat(p);
          await core.fs.unlink(p);
          result.removedObjects++;
          result.freedBytes += st.size;
        } catch (e) {
          if (errnoOf(e) !== 'ENOENT') throw ioError('remove', p, e);
        }
      }
      if (remaining === 0) await core.fs.rmdir(fanPath).catch(() => undefined);
    }
    forgetDirs(core.fs);
    return result;
  });
}
