/**
 * Scheduled promotions: `botv promote <bot> <env> --at <time>` records a schedule (a
 * record, shared through git like every other); `botv schedule run`, meant for a CI cron,
 * carries out those that are due, gates included. A schedule names the version its source
 * stage held when it was made; when it is due and the source holds another, it is refused
 * rather than applied to something nobody scheduled. Every end is recorded: the promotion's
 * event names the schedule it carried out, a cancellation record says it was cancelled,
 * refused (and why: the source moved, a gate failed) or not needed (the environment held
 * the version already). A schedule is pending until one of those exists; after a merge that
 * brings two, the earlier by (time, id) is its end, on every clone alike.
 */
import { BotvError, isBotvError } from '../errors';
import { shortId } from '../store/hash';
import type { Stored } from '../store/records';
import type { CancellationRecord, EnvironmentRecord, ScheduleRecord } from '../store/schema';
import type { EnvironmentChange, GateOptions, GatesOutcome, ScheduleInfo, ScheduleOutcome } from '../types';
import type { Core } from './context';
import { nonce } from './deletion';
import { blockedError, planPromotion } from './promotion';
import { byTime, currentEvents, loadBotState, nextTime, refById, type BotState } from './state';

/** How a schedule ended, if it did: the earlier of the event that carried it out and a cancellation. */
export function scheduleEnd(state: BotState, s: Stored<ScheduleRecord>): { event: Stored<EnvironmentRecord> } | { cancellation: Stored<CancellationRecord> } | null {
  const event = state.events.find((e) => e.record.schedule === s.id);
  const cancellation = state.cancellations.find((c) => c.record.schedule === s.id);
  if (event && (!cancellation || byTime(event, cancellation) <= 0)) return { event };
  if (cancellation) return { cancellation };
  return null;
}

/** Schedules no event carried out and no cancellation ended, soonest first. */
export function pendingSchedules(state: BotState): Stored<ScheduleRecord>[] {
  return state.schedules.filter((s) => scheduleEnd(state, s) === null).sort((a, b) => (a.record.due !== b.record.due ? (a.record.due < b.record.due ? -1 : 1) : byTime(a, b)));
}

/** The public form of a schedule. */
export function scheduleInfo(state: BotState, s: Stored<ScheduleRecord>, now: number): ScheduleInfo {
  const r = s.record;
  const end = scheduleEnd(state, s);
  const info: ScheduleInfo = {
    id: s.id,
    shortId: shortId(s.id),
    bot: r.bot,
    environment: r.environment,
    from: r.from,
    version: refById(state, r.version, r.number),
    due: r.due,
    createdAt: r.at,
    author: r.author,
    status: 'pending',
    isDue: false,
  };
  if (r.skipped) info.skipped = r.skipped;
  if (r.note) info.note = r.note;
  if (!end) {
    info.isDue = Date.parse(r.due) <= now;
  } else if ('event' in end) {
    info.status = 'done';
    info.resolvedAt = end.event.record.at;
    info.resolvedBy = end.event.record.author;
    info.event = end.event.id;
  } else {
    const c = end.cancellation.record;
    info.status = c.outcome;
    info.resolvedAt = c.at;
    info.resolvedBy = c.author;
    info.reason = c.reason;
    if (c.gates) info.gates = c.gates;
  }
  return info;
}

/** The schedule `ref` names: an id prefix (4+ hex digits) or `next` (the soonest pending one). */
function resolveSchedule(state: BotState, ref: string): Stored<ScheduleRecord> {
  const r = ref.trim().toLowerCase();
  if (r === 'next') {
    const next = pendingSchedules(state)[0];
    if (!next) throw new BotvError('NO_SCHEDULE', `${state.bot} has no pending scheduled promotion. Schedule one with \`botv promote ${state.bot} <environment> --at <time>\`.`);
    return next;
  }
  if (!/^[0-9a-f]{4,64}$/.test(r)) throw new BotvError('BAD_ARGUMENT', `"${ref}" names no schedule: give its id (4 or more hex digits, as \`botv schedule list\` shows it) or "next".`);
  const list = state.schedules.filter((s) => s.id.startsWith(r));
  if (list.length === 1) return list[0]!;
  if (list.length === 0) throw new BotvError('NO_SCHEDULE', `${state.bot} has no scheduled promotion "${ref}". See \`botv schedule list ${state.bot} --all\`.`);
  throw new BotvError('AMBIGUOUS_SCHEDULE', `"${ref}" matches ${list.length} schedules of ${state.bot}: ${list.map((s) => shortId(s.id)).join(', ')}. Give more digits.`);
}

/** Reads a time as people give it (ISO 8601; without a zone it is UTC), or throws BAD_ARGUMENT. */
export function parseScheduleTime(text: string): number {
  const t = text.trim();
  if (!/^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/i.test(t)) {
    throw new BotvError('BAD_ARGUMENT', `"${text}" is not a time Bot Versions reads: give an ISO 8601 time such as 2025-07-01T06:00:00Z (UTC) or 2025-07-01T08:00+02:00.`);
  }
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(t) || !/[T ]/.test(t) ? t : `${t}Z`;
  const ms = Date.parse(zoned.replace(' ', 'T'));
  if (Number.isNaN(ms)) throw new BotvError('BAD_ARGUMENT', `"${text}" is not a valid time (check the day and month).`);
  return ms;
}

/** Records a promotion of `env` to carry out at `at` (ms since the epoch); the plan is made now, the gates run when it is due. */
export async function schedulePromotion(core: Core, botId: string, env: string, opts: { at: number; from?: string; skip?: boolean; note?: string }): Promise<ScheduleInfo> {
  return core.write(`schedule ${botId} ${env}`, async () => {
    const bot = await core.bot(botId);
    const config = await core.config();
    const state = await loadBotState(core, bot.id);
    const now = core.now();
    if (opts.at <= now) {
      throw new BotvError('BAD_ARGUMENT', `${new Date(opts.at).toISOString()} is not in the future (it is ${new Date(now).toISOString()} now). Promote now without --at, or give a later time.`);
    }
    const plan = planPromotion(state, config, env, { from: opts.from, skip: opts.skip, format: bot.format });
    if (plan.blocked) throw blockedError(plan.blocked);
    if (plan.unchanged) {
      throw new BotvError('BAD_ARGUMENT', `${env} of ${bot.id} already holds v${plan.incoming!.record.number}, which ${plan.from} holds: there is nothing to schedule.`);
    }
    const v = plan.incoming!;
    const rec: ScheduleRecord = {
      type: 'schedule',
      format: 1,
      bot: bot.id,
      environment: env,
      from: plan.from!,
      version: v.id,
      number: v.record.number,
      due: new Date(opts.at).toISOString(),
      at: nextTime(core, state),
      author: core.author(),
      nonce: nonce(),
    };
    if (plan.skipped.length > 0) rec.skipped = plan.skipped;
    if (opts.note?.trim()) rec.note = opts.note.trim();
    const enc = core.records.encode(core.layout.botDir(bot.id, 'schedules'), rec);
    await core.records.write([enc]);
    const stored = { id: enc.id, record: rec };
    state.schedules.push(stored);
    state.maxAt = rec.at;
    return scheduleInfo(state, stored, now);
  });
}

/** The schedules of a bot (every bot when `botId` is undefined): pending ones, soonest first, or with `all` every one, newest first. */
export async function listSchedules(core: Core, botId: string | undefined, opts: { all?: boolean } = {}): Promise<ScheduleInfo[]> {
  const ids = botId !== undefined ? [(await core.bot(botId)).id] : (await core.discover()).bots.map((b) => b.id);
  const now = core.now();
  const out: ScheduleInfo[] = [];
  for (const id of ids) {
    const state = await loadBotState(core, id);
    const list = opts.all ? [...state.schedules].sort(byTime).reverse() : pendingSchedules(state);
    for (const s of list) out.push(scheduleInfo(state, s, now));
  }
  if (!opts.all) out.sort((a, b) => (a.due !== b.due ? (a.due < b.due ? -1 : 1) : a.id < b.id ? -1 : 1));
  return out;
}

/** Writes the end of a schedule that was not carried out (under the lock). */
async function endSchedule(core: Core, state: BotState, s: Stored<ScheduleRecord>, outcome: CancellationRecord['outcome'], reason: string, gates?: GatesOutcome): Promise<void> {
  const rec: CancellationRecord = {
    type: 'cancellation',
    format: 1,
    bot: state.bot,
    schedule: s.id,
    outcome,
    reason,
    at: nextTime(core, state),
    author: core.author(),
    nonce: nonce(),
  };
  if (gates) rec.gates = gates;
  const enc = core.records.encode(core.layout.botDir(state.bot, 'schedules'), rec);
  await core.records.write([enc]);
  state.cancellations.push({ id: enc.id, record: rec });
  state.maxAt = rec.at;
}

/** Cancels a pending schedule; the reason is recorded. */
export async function cancelSchedule(core: Core, botId: string, ref: string, opts: { reason?: string } = {}): Promise<ScheduleInfo> {
  return core.write(`cancel a schedule of ${botId}`, async () => {
    const bot = await core.bot(botId);
    const state = await loadBotState(core, bot.id);
    const s = resolveSchedule(state, ref);
    const info = scheduleInfo(state, s, core.now());
    if (info.status !== 'pending') {
      throw new BotvError('SCHEDULE_RESOLVED', `The promotion of ${bot.id} ${info.version.label} to ${info.environment} scheduled for ${info.due} was already ${info.status === 'done' ? 'carried out' : info.status}${info.resolvedAt ? ` (${info.resolvedAt}, ${info.resolvedBy})` : ''}. Schedule a new one if you need it.`, { status: info.status });
    }
    await endSchedule(core, state, s, 'cancelled', opts.reason?.trim() || 'cancelled');
    return scheduleInfo(state, s, core.now());
  });
}

/**
 * Carries out every pending schedule that is due (of one bot, or of every bot), soonest
 * first: a promotion with its gates, refused — and the refusal recorded — when the source
 * no longer holds the version the schedule was made for, when it is blocked, or when a gate
 * fails; not needed when the environment holds the version already. Errors other than
 * those (a damaged store, a lock held too long) stop the run and are thrown.
 */
export async function runSchedules(
  core: Core,
  opts: GateOptions & { bot?: string; dryRun?: boolean; promote: (botId: string, env: string, o: { from: string; skip: boolean; schedule: string; expect: { version: string; why: (state: BotState) => string } } & GateOptions) => Promise<EnvironmentChange> },
): Promise<ScheduleOutcome[]> {
  const ids = opts.bot !== undefined ? [(await core.bot(opts.bot)).id] : (await core.discover()).bots.map((b) => b.id);
  const now = core.now();
  const due: Array<{ bot: string; s: Stored<ScheduleRecord> }> = [];
  for (const id of ids) {
    const state = await loadBotState(core, id);
    for (const s of pendingSchedules(state)) if (Date.parse(s.record.due) <= now) due.push({ bot: id, s });
  }
  due.sort((a, b) => (a.s.record.due !== b.s.record.due ? (a.s.record.due < b.s.record.due ? -1 : 1) : byTime(a.s, b.s)));
  const out: ScheduleOutcome[] = [];
  for (const { bot, s } of due) {
    if (opts.signal?.aborted) break;
    const r = s.record;
    const label = `v${r.number}`;
    const moved = (state: BotState) => {
      const holds = currentEvents(state).get(r.from);
      const what = holds ? `holds ${refById(state, holds.record.version, holds.record.number).label}` : 'holds no version';
      return `${r.from} ${what} now, not ${refById(state, r.version, r.number).label} that the promotion to ${r.environment} was scheduled for (by ${r.author}, ${r.at}); it was not carried out. Schedule the promotion again if ${r.environment} should take what ${r.from} holds.`;
    };
    const refuse = async (outcome: CancellationRecord['outcome'], reason: string, gates?: GatesOutcome): Promise<ScheduleOutcome> => {
      if (!opts.dryRun) {
        await core.write(`end a schedule of ${bot}`, async () => {
          const state = await loadBotState(core, bot);
          if (scheduleEnd(state, state.schedules.find((x) => x.id === s.id)!) === null) await endSchedule(core, state, s, outcome, reason, gates);
        });
      }
      const state = await loadBotState(core, bot);
      return { schedule: scheduleInfo(state, state.schedules.find((x) => x.id === s.id) ?? s, core.now()), outcome: outcome === 'unneeded' ? 'unneeded' : 'refused', reason };
    };
    // What the promotion would do now: refused before any gate runs when it is not what was scheduled.
    const state = await loadBotState(core, bot);
    const config = await core.config();
    let plan;
    try {
      plan = planPromotion(state, config, r.environment, { from: r.from, skip: (r.skipped ?? []).length > 0, format: (await core.bot(bot)).format });
    } catch (e) {
      if (!isBotvError(e)) throw e;
      out.push(await refuse('refused', `${e.message}`));
      continue;
    }
    if (plan.blocked && plan.blocked.reason !== 'empty-source') {
      out.push(await refuse('refused', blockedError(plan.blocked).message));
      continue;
    }
    if (!plan.incoming || plan.incoming.id !== r.version) {
      out.push(await refuse('refused', moved(state)));
      continue;
    }
    if (plan.unchanged) {
      out.push(await refuse('unneeded', `${r.environment} already held ${label} when the promotion was due.`));
      continue;
    }
    if (opts.dryRun) {
      out.push({ schedule: scheduleInfo(state, s, now), outcome: 'promoted', reason: 'would be promoted (dry run: nothing ran)' });
      continue;
    }
    try {
      const change = await opts.promote(bot, r.environment, {
        from: r.from,
        skip: (r.skipped ?? []).length > 0,
        schedule: s.id,
        expect: { version: r.version, why: moved },
        ...(opts.progress ? { progress: opts.progress } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.approve ? { approve: opts.approve } : {}),
      });
      const after = await loadBotState(core, bot);
      if (!change.changed) {
        out.push(await refuse('unneeded', `${r.environment} already held ${label} when the promotion was due.`));
        continue;
      }
      out.push({ schedule: scheduleInfo(after, after.schedules.find((x) => x.id === s.id) ?? s, core.now()), outcome: 'promoted', change });
    } catch (e) {
      if (isBotvError(e, 'GATE_REFUSED')) {
        const runs = (e.details?.gates ?? []) as GatesOutcome['runs'];
        out.push(await refuse('refused', `the gate "${String(e.details?.gate)}" failed: ${runs.find((x) => x.name === e.details?.gate)?.summary ?? 'see its output'}`, { runs }));
      } else if (isBotvError(e, 'CHANGED_DURING_OPERATION')) {
        out.push(await refuse('refused', e.message));
      } else if (isBotvError(e, 'CANCELLED')) {
        break;
      } else {
        throw e;
      }
    }
  }
  return out;
}
