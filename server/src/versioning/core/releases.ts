/**
 * Releases: a version of bot A offered to bot B. It waits in B until accepted or
 * rejected. Accepting replaces B's working copy with the released files, except that B
 * keeps its own `bot.id`, `bot.name` and `release` section (rewritten into the released
 * manifest, comments intact) and every file matching B's `release.keep` globs (neither
 * overwritten, deleted, nor added from A); then a version is saved in B whose origin
 * names the release. That version is the acceptance: there is no separate record to
 * disagree with it.
 */
import picomatch from 'picomatch';
import { join } from 'node:path';
import { markerCovers, type BotFormat } from '../../definitions/index';
import { formatById } from '../../formats/registry';
import { BotvError, errnoOf, ioError, isBotvError } from '../errors';
import { sha256, shortId } from '../store/hash';
import { objectHint } from '../store/layout';
import type { Stored } from '../store/records';
import type { RejectionRecord, ReleaseRecord } from '../store/schema';
import type { AcceptResult, BotInfo, FileEntry, ReleaseInfo } from '../types';
import type { Core } from './context';
import { nonce } from './deletion';
import { journalRecord, checkPlan, runJournal, workingFolder } from './journal';
import { resolveVersion } from './refs';
import { byTime, baseVersion, loadBotState, nextTime, refById, refOf, releaseStatus, type BotState } from './state';
import { readContents, scanBot, versionFiles } from './trees';
import { addToState, autoSave, infoOf, planChanges, prepareVersion } from './versions';

/** The public form of a release, given the target bot's state. */
export function releaseInfo(target: BotState, source: BotState | null, r: Stored<ReleaseRecord>): ReleaseInfo {
  const rec = r.record;
  const st = releaseStatus(target, r.id);
  const out: ReleaseInfo = {
    id: r.id,
    shortId: shortId(r.id),
    fromBot: rec.fromBot,
    fromVersion: source ? refById(source, rec.fromVersion, rec.fromNumber) : { id: rec.fromVersion, number: rec.fromNumber, label: `v${rec.fromNumber}` },
    toBot: rec.toBot,
    name: rec.name,
    description: rec.description,
    createdAt: rec.at,
    author: rec.author,
    status: st.status,
  };
  if (st.version) {
    out.acceptedVersion = refOf(target, st.version);
    out.resolvedAt = st.version.record.at;
    out.resolvedBy = st.version.record.author;
  } else if (st.rejection) {
    out.resolvedAt = st.rejection.record.at;
    out.resolvedBy = st.rejection.record.author;
    out.reason = st.rejection.record.reason;
  }
  return out;
}

/** Offers a version of `fromBot` to `toBot` as a pending release. */
export async function createRelease(
  core: Core,
  fromBot: string,
  ref: string,
  toBot: string,
  opts: { name?: string; description?: string } = {},
): Promise<ReleaseInfo> {
  return core.write(`release ${fromBot} ${ref} to ${toBot}`, async () => {
    const a = await core.bot(fromBot);
    const b = await core.bot(toBot);
    if (a.id === b.id) throw new BotvError('BAD_ARGUMENT', `A release goes from one bot to another; ${a.id} cannot release to itself. To go back to an old version, use \`botv restore\`.`);
    const sa = await loadBotState(core, a.id);
    const sb = await loadBotState(core, b.id);
    const v = resolveVersion(sa, ref);
    const label = refOf(sa, v).label;
    const dup = sb.releasesIn.find((r) => r.record.fromVersion === v.id && releaseStatus(sb, r.id).status === 'pending');
    if (dup) {
      throw new BotvError('BAD_ARGUMENT', `${a.id} ${label} already waits in ${b.id} as release ${shortId(dup.id)}. Accept it (\`botv release accept ${b.id} ${shortId(dup.id)}\`) or reject it first.`);
    }
    const t1 = nextTime(core, sa);
    const t2 = nextTime(core, sb);
    const rec: ReleaseRecord = {
      type: 'release',
      format: 1,
      fromBot: a.id,
      fromVersion: v.id,
      fromNumber: v.record.number,
      toBot: b.id,
      name: opts.name?.trim() || `${a.id} ${label}${v.record.name ? ` (${v.record.name})` : ''}`,
      description: opts.description ?? v.record.description,
      at: t1 > t2 ? t1 : t2,
      author: core.author(),
      nonce: nonce(),
    };
    const enc = core.records.encode(core.layout.releases, rec);
    await core.records.write([enc]);
    const stored = { id: enc.id, record: rec };
    sb.releasesIn.push(stored);
    return releaseInfo(sb, sa, stored);
  });
}

/** Releases into and out of a bot, newest first. */
export async function listReleases(core: Core, botId: string, opts: { direction?: 'in' | 'out' | 'both'; pendingOnly?: boolean } = {}): Promise<ReleaseInfo[]> {
  const bot = await core.bot(botId);
  const state = await loadBotState(core, bot.id);
  const dir = opts.direction ?? 'both';
  const states = new Map<string, BotState>([[bot.id, state]]);
  const stateOf = async (id: string): Promise<BotState | null> => {
    if (!states.has(id)) {
      try {
        states.set(id, await loadBotState(core, id));
      } catch (e) {
        // Damage is reported, never hidden: a release list missing entries would look whole.
        if (isBotvError(e, 'CORRUPT')) throw e;
        return null;
      }
    }
    return states.get(id)!;
  };
  const out: ReleaseInfo[] = [];
  const list = [...(dir !== 'out' ? state.releasesIn : []), ...(dir !== 'in' ? state.releasesOut.filter((r) => r.record.toBot !== bot.id) : [])];
  for (const r of list.sort(byTime).reverse()) {
    const target = r.record.toBot === bot.id ? state : await stateOf(r.record.toBot);
    const source = r.record.fromBot === bot.id ? state : await stateOf(r.record.fromBot);
    if (!target) continue;
    const info = releaseInfo(target, source, r);
    if (!opts.pendingOnly || info.status === 'pending') out.push(info);
  }
  return out;
}

/** Finds a release into `state`'s bot by id prefix, or `latest` (the newest pending one). */
function resolveRelease(state: BotState, ref: string): Stored<ReleaseRecord> {
  const r = ref.trim().toLowerCase();
  if (state.releasesIn.length === 0) throw new BotvError('NO_RELEASE', `${state.bot} has no releases. Create one with \`botv release create <bot> <version> --to ${state.bot}\`.`);
  if (r === 'latest') {
    const pending = state.releasesIn.filter((x) => releaseStatus(state, x.id).status === 'pending');
    if (pending.length === 0) throw new BotvError('NO_RELEASE', `${state.bot} has no pending release. See \`botv release list ${state.bot}\`.`);
    return pending[pending.length - 1]!;
  }
  if (!/^[0-9a-f]{4,64}$/.test(r)) throw new BotvError('BAD_ARGUMENT', `"${ref}" is not a release reference. Use an id prefix of at least 4 hex digits (see \`botv release list ${state.bot}\`) or "latest".`);
  const list = state.releasesIn.filter((x) => x.id.startsWith(r));
  if (list.length === 1) return list[0]!;
  if (list.length === 0) throw new BotvError('NO_RELEASE', `${state.bot} has no release "${ref}". See \`botv release list ${state.bot}\`.`);
  throw new BotvError('AMBIGUOUS_RELEASE', `"${ref}" matches ${list.length} releases of ${state.bot}: ${list.map((x) => shortId(x.id)).join(', ')}. Give more digits.`);
}

function alreadyResolved(state: BotState, rel: Stored<ReleaseRecord>): BotvError {
  const st = releaseStatus(state, rel.id);
  const when = st.version ? ` as ${refOf(state, st.version).label} on ${st.version.record.at}` : st.rejection ? ` on ${st.rejection.record.at} by ${st.rejection.record.author}` : '';
  return new BotvError('RELEASE_RESOLVED', `Release ${shortId(rel.id)} to ${state.bot} was already ${st.status}${when}. Create a new release to offer it again.`, { status: st.status });
}

/** The target bot's identity as its marker file says it now: its keep globs, and the marker's text for the format to rewrite the release with. */
async function targetIdentity(core: Core, b: BotInfo, format: BotFormat): Promise<{ keep: string[]; markerText: string }> {
  const path = join(b.path, ...b.manifest.split('/'));
  let markerText: string;
  try {
    markerText = new TextDecoder().decode(await core.fs.readFile(path));
  } catch (e) {
    throw ioError('read', path, e);
  }
  const probe = { dir: b.dir, hasFile: (m: string) => m === b.manifest, hasDir: () => false, read: (m: string) => (m === b.manifest ? markerText : undefined) };
  const ident = format.identity(probe, { marker: b.manifest });
  if (ident.problem) throw new BotvError('BAD_MANIFEST', `${ident.problem}. Fix ${b.dir}/${b.manifest} before accepting a release.`);
  return { keep: ident.keep, markerText };
}

/** Accepts a pending release into `botId`. */
export async function acceptRelease(core: Core, botId: string, ref: string, opts: { name?: string; description?: string } = {}): Promise<AcceptResult> {
  return core.write(`accept release ${ref} into ${botId}`, async () => {
    const b = await core.bot(botId);
    const sb = await loadBotState(core, b.id);
    const rel = resolveRelease(sb, ref);
    if (releaseStatus(sb, rel.id).status !== 'pending') throw alreadyResolved(sb, rel);
    const sa = rel.record.fromBot === b.id ? sb : await loadBotState(core, rel.record.fromBot);
    const source = sa.byId.get(rel.record.fromVersion);
    if (!source) {
      throw new BotvError('NO_VERSION', `Release ${shortId(rel.id)} carries ${rel.record.fromBot} v${rel.record.fromNumber}, which is no longer in the store. Reject it (\`botv release reject ${b.id} ${shortId(rel.id)}\`) and release again.`);
    }
    const format = core.formats.find((f) => f.id === b.format) ?? formatById(b.format);
    if (!format) throw new BotvError('BAD_MANIFEST', `${b.id} is a ${b.format} bot, a format this version of Bot Versions does not know. Update Bot Versions.`);
    // A bot that is one file takes the released version's one file under its own name. A
    // committed export zip takes it whole: its identity is inside it, as the platform exported
    // it. A file known by its content (a LivePerson export) keeps its identity inside it.
    const oneFile = b.file !== undefined;
    const zipped = oneFile && /\.zip$/i.test(b.file!);
    const ident = zipped ? { keep: [], markerText: '' } : await targetIdentity(core, b, format);
    const keep = !oneFile && ident.keep.length > 0 ? picomatch(ident.keep, { dot: true }) : () => false;
    let released = await versionFiles(core, source);
    if (oneFile) {
      if (released.length !== 1) {
        throw new BotvError(
          'BAD_MANIFEST',
          `Release ${shortId(rel.id)} (${rel.record.fromBot} v${rel.record.fromNumber}) holds ${released.length} files, and ${b.id} is one file (${b.file}): it takes a version of one file. Reject the release.`,
        );
      }
      released = [{ ...released[0]!, path: b.file! }];
    }

    // The released files that carry an identity (the format's markers), rewritten to carry B's.
    const markerFiles = zipped ? [] : oneFile ? released : released.filter((f) => format.markers.some((m) => markerCovers(m, f.path)));
    const markerTexts = new Map([...(await readContents(core, markerFiles))].map(([p, d]) => [p, new TextDecoder().decode(d)]));
    const adopted = zipped ? { rewritten: new Map<string, string>() } : format.adoptIdentity(markerTexts, { id: b.id, marker: b.manifest, markerText: ident.markerText });
    if ('problem' in adopted) {
      throw new BotvError('BAD_MANIFEST', `Release ${shortId(rel.id)} (${rel.record.fromBot} v${rel.record.fromNumber}) cannot become ${b.id}: ${adopted.problem}. Reject the release, fix the bot it came from and release again.`);
    }
    const rewrittenFiles = new Map<string, { entry: FileEntry; data: Uint8Array }>();
    for (const [path, text] of adopted.rewritten) {
      const data = new TextEncoder().encode(text);
      rewrittenFiles.set(path, { entry: { path, sha256: sha256(data), size: data.length }, data });
    }

    const scan = await scanBot(core, b);
    const keptFiles = scan.files.filter((f) => keep(f.path));
    const incoming = released.filter((f) => !keep(f.path)).map((f) => rewrittenFiles.get(f.path)?.entry ?? f);
    const target = [...incoming, ...keptFiles].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    const plan = planChanges(scan.files, target, keep);
    await checkPlan(core.fs, b.path, plan.writes, plan.removes, `accept release ${shortId(rel.id)} into ${b.id}`);
    // Only now that the plan is safe: a refused release leaves not even an object behind.
    await core.objects.writeMany([...rewrittenFiles.values()].map((r) => ({ sha: r.entry.sha256, hint: objectHint(r.entry.path), data: r.data })));

    const saved = await autoSave(core, b, sb, scan.files, scan.contents, 'release-accept', `Before accepting release ${shortId(rel.id)}`);
    const contents = new Map<string, Uint8Array>([...rewrittenFiles].map(([p, r]) => [p, r.data]));
    for (const f of keptFiles) {
      const c = scan.contents.get(f.path);
      if (c) contents.set(f.path, c);
    }
    const { enc, objects } = await prepareVersion(
      core,
      b,
      sb,
      target,
      contents,
      {
        origin: { kind: 'released', release: rel.id, fromBot: rel.record.fromBot, fromVersion: source.id, fromNumber: source.record.number },
        parent: baseVersion(sb)?.id ?? null,
        name: opts.name ?? rel.record.name,
        description: opts.description ?? rel.record.description,
      },
      nextTime(core, sb),
    );
    // The objects first; the version record is the acceptance's commit point, written by the journal.
    await core.objects.writeMany(objects);
    await runJournal(core, {
      format: 1,
      bot: b.id,
      botDir: workingFolder(b),
      operation: 'release-accept',
      writes: plan.writes,
      removes: plan.removes,
      records: [journalRecord(core, enc)],
    });
    await core.pinBot(b);
    const v = addToState(sb, enc);
    return {
      release: releaseInfo(sb, sa, rel),
      version: await infoOf(core, sb, v),
      autoSaved: saved ? await infoOf(core, sb, saved) : null,
      written: plan.writes.map((w) => w.path),
      removed: plan.removes,
      kept: keptFiles.map((f) => f.path),
    };
  });
}

/** Rejects a pending release into `botId`. */
export async function rejectRelease(core: Core, botId: string, ref: string, opts: { reason?: string } = {}): Promise<ReleaseInfo> {
  return core.write(`reject release ${ref} of ${botId}`, async () => {
    const b = await core.bot(botId);
    const sb = await loadBotState(core, b.id);
    const rel = resolveRelease(sb, ref);
    if (releaseStatus(sb, rel.id).status !== 'pending') throw alreadyResolved(sb, rel);
    const rec: RejectionRecord = {
      type: 'rejection',
      format: 1,
      release: rel.id,
      bot: b.id,
      reason: opts.reason?.trim() ?? '',
      at: nextTime(core, sb),
      author: core.author(),
      nonce: nonce(),
    };
    const enc = core.records.encode(core.layout.releases, rec);
    await core.records.write([enc]);
    sb.rejections.push({ id: enc.id, record: rec });
    let sa: BotState | null = null;
    try {
      sa = rel.record.fromBot === b.id ? sb : await loadBotState(core, rel.record.fromBot);
    } catch (e) {
      if (errnoOf(e)) throw e;
    }
    return releaseInfo(sb, sa, rel);
  });
}
