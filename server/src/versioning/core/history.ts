/**
 * A bot's history of every action — saves, restores, deletions, pins, environment
 * changes, releases — derived from its records rather than kept as a second log, so it
 * can never disagree with what the store holds, and a merge of two clones merges it too.
 */
import { shortId } from '../store/hash';
import type { FileHistoryEntry, HistoryEntry } from '../types';
import type { Core } from './context';
import { gatesSummary } from './gates';
import { holders, loadBotState, pinnedIds, refById, releaseStatus, versionInfo } from './state';
import { staleIds } from './usage';
import { versionFiles } from './trees';

/** Every action on a bot, newest first; `env` keeps only that environment's changes. */
export async function history(core: Core, botId: string, opts: { env?: string; limit?: number } = {}): Promise<HistoryEntry[]> {
  const bot = await core.bot(botId);
  const s = await loadBotState(core, bot.id);
  const out: HistoryEntry[] = [];
  const push = (e: HistoryEntry) => out.push(e);
  const ref = (id: string, n: number) => refById(s, id, n);

  if (opts.env === undefined) {
    for (const v of s.versions) {
      const r = v.record;
      const me = ref(v.id, r.number);
      const o = r.origin;
      switch (o.kind) {
        case 'saved':
          push({ id: v.id, at: r.at, author: r.author, bot: bot.id, action: 'save', summary: `saved ${me.label} "${r.name}"${r.forced ? ` (forced: ${r.forced.reason})` : ''}`, version: me });
          break;
        case 'restored':
          push({ id: v.id, at: r.at, author: r.author, bot: bot.id, action: 'save', summary: `saved ${me.label} "${r.name}", after restoring ${ref(o.from, o.fromNumber).label}`, version: me });
          break;
        case 'auto-saved':
          push({ id: v.id, at: r.at, author: r.author, bot: bot.id, action: 'auto-save', summary: `saved the working copy as ${me.label} before ${o.before === 'restore' ? 'a restore' : 'accepting a release'}`, version: me });
          break;
        case 'copied':
          push({ id: v.id, at: r.at, author: r.author, bot: bot.id, action: 'copy', summary: `saved ${me.label} as a copy of ${ref(o.from, o.fromNumber).label}`, version: me });
          break;
        case 'released':
          push({ id: v.id, at: r.at, author: r.author, bot: bot.id, action: 'release-accept', summary: `accepted release ${shortId(o.release)} of ${o.fromBot} v${o.fromNumber} as ${me.label}`, version: me, release: o.release });
          break;
      }
    }
    for (const m of s.marks) {
      const r = m.record;
      const me = ref(r.version, r.number);
      if (r.type === 'restore') push({ id: m.id, at: r.at, author: r.author, bot: bot.id, action: 'restore', summary: `restored the working copy to ${me.label}`, version: me });
      else if (r.type === 'pin') push({ id: m.id, at: r.at, author: r.author, bot: bot.id, action: r.pinned ? 'pin' : 'unpin', summary: `${r.pinned ? 'pinned' : 'unpinned'} ${me.label}`, version: me });
      else push({ id: m.id, at: r.at, author: r.author, bot: bot.id, action: 'delete', summary: `deleted v${r.number} "${r.name}"${r.reason === 'retention' ? ' (retention)' : ''}`, version: { id: r.version, number: r.number, label: `v${r.number}` } });
    }
    for (const rel of s.releasesOut) {
      const r = rel.record;
      push({ id: rel.id, at: r.at, author: r.author, bot: bot.id, action: 'release-create', summary: `released ${ref(r.fromVersion, r.fromNumber).label} to ${r.toBot} (release ${shortId(rel.id)})`, version: ref(r.fromVersion, r.fromNumber), release: rel.id });
    }
    for (const rel of s.releasesIn) {
      if (rel.record.fromBot === bot.id) continue;
      const r = rel.record;
      const st = releaseStatus(s, rel.id).status;
      push({ id: rel.id, at: r.at, author: r.author, bot: bot.id, action: 'release-create', summary: `received release ${shortId(rel.id)} of ${r.fromBot} v${r.fromNumber} (${st})`, release: rel.id });
    }
    for (const rj of s.rejections) {
      const r = rj.record;
      push({ id: rj.id, at: r.at, author: r.author, bot: bot.id, action: 'release-reject', summary: `rejected release ${shortId(r.release)}${r.reason ? `: ${r.reason}` : ''}`, release: r.release });
    }
  }
  for (const e of s.events) {
    const r = e.record;
    if (opts.env !== undefined && r.environment !== opts.env) continue;
    const me = ref(r.version, r.number);
    const prev = r.previous ? ` (was ${ref(r.previous, r.previousNumber ?? 0).label})` : '';
    const gate = r.gate.override ? `, gate overridden: ${r.gate.override.reason}` : '';
    const gates = r.gates && (r.gates.skipped || r.gates.runs.length > 0) ? `; ${gatesSummary(r.gates)}` : '';
    const sched = r.schedule ? s.schedules.find((x) => x.id === r.schedule) : undefined;
    const scheduled = sched ? ` as scheduled by ${sched.record.author} for ${sched.record.due}` : r.schedule ? ' as scheduled' : '';
    let summary: string;
    if (r.action === 'promote') summary = `promoted ${me.label} from ${r.from} to ${r.environment}${r.skipped ? `, skipping ${r.skipped.join(', ')}` : ''}${prev}${scheduled}${gate}${gates}`;
    else if (r.action === 'rollback') summary = `rolled ${r.environment} back to ${me.label}${prev}${gate}${gates}`;
    else summary = `set ${r.environment} to ${me.label}${prev}${gate}${gates}`;
    const entry: HistoryEntry = { id: e.id, at: r.at, author: r.author, bot: bot.id, action: r.action, summary, version: me, environment: r.environment };
    if (r.gates) entry.gates = r.gates;
    if (r.schedule) entry.schedule = r.schedule;
    push(entry);
  }
  for (const sc of s.schedules) {
    const r = sc.record;
    if (opts.env !== undefined && r.environment !== opts.env) continue;
    const me = ref(r.version, r.number);
    push({ id: sc.id, at: r.at, author: r.author, bot: bot.id, action: 'schedule', summary: `scheduled the promotion of ${me.label} from ${r.from} to ${r.environment} for ${r.due}${r.note ? `: ${r.note}` : ''}`, version: me, environment: r.environment, schedule: sc.id });
  }
  for (const c of s.cancellations) {
    const r = c.record;
    const sc = s.schedules.find((x) => x.id === r.schedule);
    if (opts.env !== undefined && sc?.record.environment !== opts.env) continue;
    const what = sc ? `the promotion of ${ref(sc.record.version, sc.record.number).label} to ${sc.record.environment} scheduled for ${sc.record.due}` : `scheduled promotion ${shortId(r.schedule)}`;
    const verb = r.outcome === 'cancelled' ? 'cancelled' : r.outcome === 'refused' ? 'refused' : 'did not need';
    const entry: HistoryEntry = { id: c.id, at: r.at, author: r.author, bot: bot.id, action: 'schedule-cancel', summary: `${verb} ${what}: ${r.reason}${r.gates ? `; ${gatesSummary(r.gates)}` : ''}`, schedule: r.schedule };
    if (sc) {
      entry.version = ref(sc.record.version, sc.record.number);
      entry.environment = sc.record.environment;
    }
    if (r.gates) entry.gates = r.gates;
    push(entry);
  }
  out.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : -1));
  return opts.limit !== undefined ? out.slice(0, opts.limit) : out;
}

/**
 * The versions that changed one file of a bot (`path` relative to the bot folder), newest
 * first. Versions are taken in the store's order (time, then id); a version changed the
 * file when it holds it and the version before it held other content or none (so a file
 * removed and added back again is listed at its return). Versions that do not hold the
 * file are not listed: there is nothing of it to show.
 */
export async function fileHistory(core: Core, botId: string, path: string): Promise<FileHistoryEntry[]> {
  const bot = await core.bot(botId);
  const state = await loadBotState(core, bot.id);
  const config = await core.config();
  const held = holders(state, config);
  const pinned = pinnedIds(state);
  const stale = staleIds(state, config, core.now());
  const out: FileHistoryEntry[] = [];
  let before: string | undefined;
  for (const v of state.versions) {
    const entry = (await versionFiles(core, v)).find((f) => f.path === path);
    if (entry && entry.sha256 !== before) {
      out.push({ version: versionInfo(state, v, held, pinned, stale), change: before === undefined ? 'added' : 'modified', sha256: entry.sha256, size: entry.size });
    }
    before = entry?.sha256;
  }
  return out.reverse();
}
