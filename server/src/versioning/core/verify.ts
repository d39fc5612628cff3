/**
 * verify: reads the whole store and names every fault — objects whose bytes do not match
 * their names, damaged or misplaced records, versions whose trees or files are missing,
 * references to versions that never existed — and, as warnings, what a crash or a merge
 * leaves that the next write or `gc` tidies (temporaries, interrupted restores, a dead
 * holder's lock, an environment still pointing at a deleted version).
 */
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { BOT_ID } from '../../definitions/index';
import { isBotvError, errnoOf } from '../errors';
import { isTempName } from '../fs/atomic';
import { sha256 } from '../store/hash';
import { objectHint, parseObjectName, recordHashOf, TREE_HINT } from '../store/layout';
import type { Stored } from '../store/records';
import type { CancellationRecord, EnvironmentRecord, MarkRecord, RejectionRecord, ReleaseRecord, ScheduleMarkRecord, ScheduleRecord, VersionRecord } from '../store/schema';
import { contentHash } from '../store/tree';
import type { VerifyProblem, VerifyResult } from '../types';
import type { Core } from './context';

const BOT_DIRS = ['versions', 'environments', 'marks', 'schedules'] as const;

/** The record types each folder of a bot holds. */
const TYPES_OF = {
  versions: ['version'],
  environments: ['environment'],
  marks: ['restore', 'pin', 'deletion'],
  schedules: ['schedule', 'cancellation'],
} as const;

async function list(core: Core, dir: string): Promise<Array<{ name: string; kind: string }>> {
  try {
    return await core.fs.readdir(dir);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return [];
    throw e;
  }
}

/** Checks the whole store. */
export async function verify(core: Core): Promise<VerifyResult> {
  await core.caughtUp();
  const problems: VerifyProblem[] = [];
  const rel = (p: string) => relative(core.root, p).split('\\').join('/');
  const err = (code: string, file: string, message: string) => problems.push({ severity: 'error', code, file, message });
  const warn = (code: string, file: string, message: string) => problems.push({ severity: 'warning', code, file, message });
  const checked = { objects: 0, records: 0, versions: 0 };

  try {
    await core.config();
  } catch (e) {
    err('BAD_CONFIG', rel(core.layout.config), isBotvError(e) ? e.message : String(e));
  }

  // Objects: every byte checked against its name.
  const objects = new Map<string, number>();
  for (const fan of await list(core, core.layout.objects)) {
    const fanPath = join(core.layout.objects, fan.name);
    if (fan.kind !== 'dir' || !/^[0-9a-f]{2}$/.test(fan.name)) {
      if (isTempName(fan.name)) warn('TEMPORARY', rel(fanPath), `${rel(fanPath)} is a temporary left by an interrupted write; \`botv gc\` removes it.`);
      else warn('STRAY_FILE', rel(fanPath), `${rel(fanPath)} is not part of the store's layout; move it out of .botversions/objects.`);
      continue;
    }
    for (const f of await list(core, fanPath)) {
      const p = join(fanPath, f.name);
      if (isTempName(f.name)) {
        warn('TEMPORARY', rel(p), `${rel(p)} is a temporary left by an interrupted write; \`botv gc\` removes it.`);
        continue;
      }
      const parsed = parseObjectName(f.name);
      if (f.kind !== 'file' || !parsed) {
        warn('STRAY_FILE', rel(p), `${rel(p)} is not an object of the store; move it out of .botversions/objects.`);
        continue;
      }
      checked.objects++;
      const name = fan.name + parsed.rest;
      try {
        const data = await core.fs.readFile(p);
        const actual = sha256(data);
        if (actual !== name) err('CORRUPT', rel(p), `${rel(p)} is damaged: its content hashes to ${actual.slice(0, 12)}…, not to its name. Restore it from git (\`git checkout -- ${rel(p)}\`) or a backup.`);
        else objects.set(name, data.length);
      } catch (e) {
        err('UNREADABLE', rel(p), `${rel(p)} cannot be read (${errnoOf(e) ?? String(e)}).`);
      }
    }
  }

  // Records of each bot.
  const versions = new Map<string, Stored<VersionRecord>>();
  const events: Stored<EnvironmentRecord>[] = [];
  const marks: Stored<MarkRecord>[] = [];
  const scheduleMarks: Stored<ScheduleMarkRecord>[] = [];
  const checkFolder = async (dir: string) => {
    for (const f of await list(core, dir)) {
      const p = join(dir, f.name);
      if (isTempName(f.name)) warn('TEMPORARY', rel(p), `${rel(p)} is a temporary left by an interrupted write; \`botv gc\` removes it.`);
      else if (!recordHashOf(f.name) || f.kind !== 'file') warn('STRAY_FILE', rel(p), `${rel(p)} is not a record of the store; move it out of .botversions.`);
    }
  };
  for (const b of await list(core, core.layout.bots)) {
    const botPath = join(core.layout.bots, b.name);
    if (b.kind !== 'dir' || !BOT_ID.test(b.name)) {
      warn('STRAY_FILE', rel(botPath), `${rel(botPath)} is not a bot folder of the store; move it out of .botversions/bots.`);
      continue;
    }
    for (const sub of await list(core, botPath)) {
      if (!(BOT_DIRS as readonly string[]).includes(sub.name)) warn('STRAY_FILE', rel(join(botPath, sub.name)), `${rel(join(botPath, sub.name))} is not part of the store's layout.`);
    }
    for (const kind of BOT_DIRS) {
      const dir = core.layout.botDir(b.name, kind);
      await checkFolder(dir);
      const { records, faults } = await core.records.scan(dir, TYPES_OF[kind], true);
      for (const f of faults) err(f.code, rel(f.path), f.message);
      checked.records += records.length;
      for (const r of records) {
        const rec = r.record as { bot: string };
        if (rec.bot !== b.name) {
          err('MISPLACED_RECORD', rel(join(dir, `${r.id}.json`)), `${rel(join(dir, `${r.id}.json`))} belongs to bot "${rec.bot}" but sits in the folder of "${b.name}". Move it to .botversions/bots/${rec.bot}/${kind}/.`);
          continue;
        }
        if (kind === 'versions') versions.set(r.id, r as Stored<VersionRecord>);
        else if (kind === 'environments') events.push(r as Stored<EnvironmentRecord>);
        else if (kind === 'schedules') scheduleMarks.push(r as Stored<ScheduleMarkRecord>);
        else marks.push(r as Stored<MarkRecord>);
      }
    }
  }
  await checkFolder(core.layout.releases);
  const relScan = await core.records.scan<ReleaseRecord | RejectionRecord>(core.layout.releases, ['release', 'rejection'], true);
  for (const f of relScan.faults) err(f.code, rel(f.path), f.message);
  checked.records += relScan.records.length;

  const deleted = new Map<string, string>();
  for (const m of marks) if (m.record.type === 'deletion') deleted.set(m.record.version, m.record.bot);
  const vfile = (v: Stored<VersionRecord>) => rel(join(core.layout.botDir(v.record.bot, 'versions'), `${v.id}.json`));

  // Each version: its tree resolves, matches its content hash, and every file is present.
  for (const v of versions.values()) {
    checked.versions++;
    const r = v.record;
    const label = `${r.bot} v${r.number} (${v.id.slice(0, 8)})`;
    if (deleted.has(v.id)) {
      warn('DELETED_VERSION_PRESENT', vfile(v), `${label} was deleted but its record is still present; \`botv gc\` removes it.`);
      continue;
    }
    try {
      const tree = await core.trees.read(r.tree);
      if (contentHash(tree.files) !== r.content) err('CORRUPT', vfile(v), `${label}: its tree ${core.objects.display(r.tree, TREE_HINT)} does not match the content hash the record carries.`);
      if (tree.files.length !== r.files || tree.files.reduce((n, f) => n + f.size, 0) !== r.bytes) err('CORRUPT', vfile(v), `${label}: its file count or size does not match its tree.`);
      for (const f of tree.files) {
        const size = objects.get(f.sha256);
        if (size === undefined) err('MISSING_OBJECT', vfile(v), `${label}: the content of ${f.path} (${core.objects.display(f.sha256, objectHint(f.path))}) is missing or damaged.`);
        else if (size !== f.size) err('CORRUPT', vfile(v), `${label}: ${f.path} should be ${f.size} bytes but its object holds ${size}.`);
      }
    } catch (e) {
      err(isBotvError(e) ? e.code : 'UNREADABLE', vfile(v), `${label}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (r.parent && !versions.has(r.parent) && !deleted.has(r.parent)) {
      warn('DANGLING_PARENT', vfile(v), `${label}: its parent ${r.parent.slice(0, 8)} is not in the store (a clone that has not been merged yet?).`);
    }
  }

  // References from events, marks and releases.
  const known = (id: string) => versions.has(id) || deleted.has(id);
  const latest = new Map<string, Stored<EnvironmentRecord>>();
  for (const e of events.sort((a, b) => (a.record.at < b.record.at ? -1 : a.record.at > b.record.at ? 1 : a.id < b.id ? -1 : 1))) {
    latest.set(`${e.record.bot}\u0000${e.record.environment}`, e);
    if (!known(e.record.version)) {
      err('DANGLING_REFERENCE', rel(join(core.layout.botDir(e.record.bot, 'environments'), `${e.id}.json`)), `The ${e.record.action} of ${e.record.bot} ${e.record.environment} names v${e.record.number} (${e.record.version.slice(0, 8)}), which is not in the store.`);
    }
  }
  for (const e of latest.values()) {
    if (deleted.has(e.record.version) && !versions.has(e.record.version)) {
      warn('ENVIRONMENT_HOLDS_DELETED', rel(join(core.layout.botDir(e.record.bot, 'environments'), `${e.id}.json`)), `${e.record.bot} ${e.record.environment} holds v${e.record.number}, which was deleted (two clones merged?). Point it at another version with \`botv env set\`.`);
    }
  }
  for (const m of marks) {
    if (m.record.type !== 'deletion' && !known(m.record.version)) {
      warn('DANGLING_REFERENCE', rel(join(core.layout.botDir(m.record.bot, 'marks'), `${m.id}.json`)), `A ${m.record.type} mark of ${m.record.bot} names v${m.record.number} (${m.record.version.slice(0, 8)}), which is not in the store.`);
    }
  }
  // Schedules: a pending one must carry a version that exists; a cancellation, a schedule.
  const schedules = new Map(scheduleMarks.filter((r) => r.record.type === 'schedule').map((r) => [r.id, r as Stored<ScheduleRecord>]));
  const ended = new Set<string>();
  for (const e of events) if (e.record.schedule) ended.add(e.record.schedule);
  for (const r of scheduleMarks) {
    const file = rel(join(core.layout.botDir(r.record.bot, 'schedules'), `${r.id}.json`));
    if (r.record.type === 'cancellation') {
      const c = r.record as CancellationRecord;
      ended.add(c.schedule);
      if (!schedules.has(c.schedule)) warn('DANGLING_REFERENCE', file, `A cancellation of ${c.bot} names schedule ${c.schedule.slice(0, 8)}, which is not in the store.`);
    }
  }
  for (const [id, s] of schedules) {
    if (!ended.has(id) && !versions.has(s.record.version)) {
      err('DANGLING_REFERENCE', rel(join(core.layout.botDir(s.record.bot, 'schedules'), `${id}.json`)), `The pending promotion of ${s.record.bot} to ${s.record.environment} scheduled for ${s.record.due} carries v${s.record.number} (${s.record.version.slice(0, 8)}), which is not in the store. Cancel it with \`botv schedule cancel ${s.record.bot} ${id.slice(0, 8)}\`.`);
    }
  }

  const releases = new Map(relScan.records.filter((r) => r.record.type === 'release').map((r) => [r.id, r as Stored<ReleaseRecord>]));
  const accepted = new Set<string>();
  for (const v of versions.values()) if (v.record.origin.kind === 'released') accepted.add(v.record.origin.release);
  for (const m of marks) if (m.record.type === 'deletion' && m.record.origin.kind === 'released') accepted.add(m.record.origin.release);
  const rejected = new Set(relScan.records.filter((r) => r.record.type === 'rejection').map((r) => (r.record as RejectionRecord).release));
  for (const [id, r] of releases) {
    const pending = !accepted.has(id) && !rejected.has(id);
    if (pending && !versions.has(r.record.fromVersion)) {
      err('DANGLING_REFERENCE', rel(join(core.layout.releases, `${id}.json`)), `Pending release ${id.slice(0, 8)} to ${r.record.toBot} carries ${r.record.fromBot} v${r.record.fromNumber}, which is not in the store. Reject it with \`botv release reject ${r.record.toBot} ${id.slice(0, 8)}\`.`);
    }
  }
  for (const r of relScan.records) {
    if (r.record.type === 'rejection' && !releases.has(r.record.release)) {
      warn('DANGLING_REFERENCE', rel(join(core.layout.releases, `${r.id}.json`)), `A rejection names release ${r.record.release.slice(0, 8)}, which is not in the store.`);
    }
  }

  // Local state a crash leaves behind.
  for (const j of await list(core, core.layout.journals)) {
    if (j.name.endsWith('.json')) warn('INTERRUPTED', rel(join(core.layout.journals, j.name)), `A restore or release acceptance of ${j.name.slice(0, -5)} was interrupted; the next write (any botv command that changes something) finishes it.`);
  }
  try {
    const lock = JSON.parse(new TextDecoder().decode(await core.fs.readFile(core.layout.lock))) as { pid?: number; host?: string };
    let alive = true;
    if (lock.host === hostname() && typeof lock.pid === 'number') {
      try {
        process.kill(lock.pid, 0);
      } catch (e) {
        alive = errnoOf(e) === 'EPERM';
      }
    }
    if (!alive) warn('STALE_LOCK', rel(core.layout.lock), `The store lock is held by process ${lock.pid}, which has ended; the next write recovers it.`);
  } catch {
    // No lock, or unreadable: writers judge it by its age.
  }

  return { ok: !problems.some((p) => p.severity === 'error'), checked, problems };
}
