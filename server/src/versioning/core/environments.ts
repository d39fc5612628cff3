/**
 * Environments: ordered slots that each point at one version. An environment's current
 * version is its latest event (by time, then id). Set points it anywhere; promote copies
 * the previous stage's version forward (skipping a stage only on explicit request);
 * rollback goes back to what it held before. Entering a gated environment runs its gates
 * first (validation, the bot's tests, commands: config `gates`); a failure refuses the
 * change unless it is overridden with a reason, or the gates are skipped with one, which
 * the event records with what each gate found.
 */
import { join } from 'node:path';
import { BotvError, isBotvError } from '../errors';
import type { Stored } from '../store/records';
import type { EnvironmentRecord, VersionRecord } from '../store/schema';
import type { BotInfo, EnvironmentChange, EnvironmentEvent, EnvironmentState, GateOptions, GateOutcome, GateProblem, GateSpec, GatesOutcome, StoreConfig, VersionRef } from '../types';
import type { Core } from './context';
import { nonce } from './deletion';
import { applicableGates, gatePlan, gateRefusal, runGates } from './gates';
import { blockedError, planPromotion, requireEnv, sourceStage } from './promotion';
import { resolveVersion } from './refs';
import { pendingSchedules, scheduleInfo } from './schedules';
import { currentEvents, environmentStack, loadBotState, nextTime, refById, refOf, type BotState } from './state';

/** The public form of an environment event. */
export function eventInfo(state: BotState, e: Stored<EnvironmentRecord>): EnvironmentEvent {
  const r = e.record;
  const out: EnvironmentEvent = {
    id: e.id,
    bot: r.bot,
    environment: r.environment,
    action: r.action,
    version: refById(state, r.version, r.number),
    previous: r.previous === null ? null : refById(state, r.previous, r.previousNumber ?? 0),
    at: r.at,
    author: r.author,
    gate: r.gate,
  };
  if (r.from !== undefined) out.from = r.from;
  if (r.skipped !== undefined) out.skipped = r.skipped;
  if (r.gates !== undefined) out.gates = r.gates;
  if (r.schedule !== undefined) out.schedule = r.schedule;
  return out;
}

/**
 * The state of every environment: the pipeline in order, then any no longer configured.
 * `bot` (its id and format) says which gates apply; `now` which schedules are due.
 */
export function environmentStates(state: BotState, config: StoreConfig, format?: string, now = Date.now()): EnvironmentState[] {
  const cur = currentEvents(state);
  const pending = pendingSchedules(state);
  const names = [...config.pipeline, ...[...cur.keys()].filter((e) => !config.pipeline.includes(e)).sort()];
  return names.map((name) => {
    const e = cur.get(name);
    const index = config.pipeline.indexOf(name);
    return {
      name,
      index,
      inPipeline: index >= 0,
      version: e ? e.record.number : null,
      versionId: e ? e.record.version : null,
      label: e ? refById(state, e.record.version, e.record.number).label : null,
      since: e ? e.record.at : null,
      by: e ? e.record.author : null,
      lastAction: e ? e.record.action : null,
      gated: applicableGates(config, name, { id: state.bot, ...(format !== undefined ? { format } : {}) }).length > 0,
      promotesFrom: sourceStage(config, name),
      rollbackTo: e ? rollbackTarget(state, name, e.record.version) : null,
      gates: index >= 0 ? applicableGates(config, name, { id: state.bot, ...(format !== undefined ? { format } : {}) }).map(gatePlan) : [],
      schedules: pending.filter((s) => s.record.environment === name).map((s) => scheduleInfo(state, s, now)),
    };
  });
}

/** What a rollback without a target returns to: the newest earlier version on the environment's stack that is still stored. */
function rollbackTarget(state: BotState, env: string, current: string): VersionRef | null {
  const stack = environmentStack(state, env);
  for (let k = stack.length - 2; k >= 0; k--) {
    const v = state.byId.get(stack[k]!);
    if (v && v.id !== current) return refOf(state, v);
  }
  return null;
}

interface Change {
  action: EnvironmentRecord['action'];
  from?: string;
  skipped?: string[];
}

/** What a change of an environment would do, decided from the bot's records and the configuration. */
interface Decision {
  target: Stored<VersionRecord>;
  change: Change;
  /** The gates it runs (none when the environment already holds the target). */
  gates: GateSpec[];
  /** The environment already holds the target: nothing is written. */
  unchanged: boolean;
}

type Decide = (state: BotState, config: StoreConfig, bot: BotInfo) => Decision;

/** How a change runs: its gates' options, and for a scheduled promotion the schedule and the version it was made for. */
export interface ChangeOptions extends GateOptions {
  schedule?: string;
  /** Refuse with CHANGED_DURING_OPERATION unless the change would put this version in. */
  expect?: { version: string; why: (state: BotState, found: Stored<VersionRecord>) => string };
}

/** The result of a change that writes nothing: the environment already holds the version. */
function unchangedResult(core: Core, bot: BotInfo, state: BotState, config: StoreConfig, env: string): EnvironmentChange {
  const cur = currentEvents(state).get(env)!;
  return { event: eventInfo(state, cur), environment: environmentStates(state, config, bot.format, core.now()).find((s) => s.name === env)!, problems: [], changed: false };
}

/** Writes the event of a change (under the lock). */
async function writeEvent(
  core: Core,
  bot: BotInfo,
  state: BotState,
  config: StoreConfig,
  env: string,
  v: Stored<VersionRecord>,
  change: Change,
  gates: { gate: GateOutcome; outcome?: GatesOutcome; problems: GateProblem[] },
  schedule: string | undefined,
): Promise<EnvironmentChange> {
  const cur = currentEvents(state).get(env);
  const rec: EnvironmentRecord = {
    type: 'environment',
    format: 1,
    bot: bot.id,
    environment: env,
    action: change.action,
    version: v.id,
    number: v.record.number,
    previous: cur ? cur.record.version : null,
    previousNumber: cur ? cur.record.number : null,
    gate: gates.gate,
    at: nextTime(core, state),
    author: core.author(),
    nonce: nonce(),
  };
  if (change.from !== undefined) rec.from = change.from;
  if (change.skipped !== undefined && change.skipped.length > 0) rec.skipped = change.skipped;
  if (gates.outcome) rec.gates = gates.outcome;
  if (schedule !== undefined) rec.schedule = schedule;
  const enc = core.records.encode(core.layout.botDir(bot.id, 'environments'), rec);
  await core.records.write([enc]);
  const stored = { id: enc.id, record: rec };
  state.events.push(stored);
  state.maxAt = rec.at;
  return { event: eventInfo(state, stored), environment: environmentStates(state, config, bot.format, core.now()).find((s) => s.name === env)!, problems: gates.problems, changed: true };
}

const sameGates = (a: readonly GateSpec[], b: readonly GateSpec[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Carries out a change of `env`, running its gates first. The change is decided from the
 * records without the store's lock; when gates are to run they run without it too (a test
 * suite may take minutes; the store's writers must not wait that long) but holding the
 * bot's gate lock, so that two changes of one bot never run gates at once. Then, under the
 * store's lock, the change is decided again from the records as they are now: if it would
 * now put in another version (the stage it promotes from moved) or run other gates (the
 * configuration changed), it is refused and nothing is written; else the event is written
 * with what the gates found.
 */
async function changeEnvironment(core: Core, botId: string, env: string, purpose: string, decide: Decide, opts: ChangeOptions): Promise<EnvironmentChange> {
  // Refused before anything is decided or run, as every write is.
  core.assertWritable(purpose);
  const bot = await core.bot(botId);
  const skip = opts.skipGates?.reason?.trim();
  if (opts.skipGates && !skip) throw new BotvError('BAD_ARGUMENT', `Skipping the gates of ${env} needs a reason, which the history records: --skip-gates --reason "<why>".`);
  const expect = (state: BotState, d: Decision) => {
    if (opts.expect && d.target.id !== opts.expect.version) throw new BotvError('CHANGED_DURING_OPERATION', opts.expect.why(state, d.target), { environment: env });
    // A schedule cancelled (or carried out elsewhere) meanwhile is not carried out here.
    const s = opts.schedule;
    if (s !== undefined && (state.cancellations.some((c) => c.record.schedule === s) || state.events.some((e) => e.record.schedule === s))) {
      throw new BotvError('CHANGED_DURING_OPERATION', `The scheduled promotion of ${bot.id} into ${env} ended (it was cancelled, or carried out elsewhere) while it was being carried out; nothing was written.`, { environment: env, schedule: s });
    }
  };
  const first = decide(await loadBotState(core, bot.id), await core.config(), bot);
  if (first.unchanged || first.gates.length === 0 || skip) {
    // No gate to run: decided and written in one step under the lock.
    return core.write(purpose, async () => {
      const config = await core.config();
      const state = await loadBotState(core, bot.id);
      const d = decide(state, config, bot);
      expect(state, d);
      if (d.unchanged) return unchangedResult(core, bot, state, config, env);
      if (d.gates.length > 0 && !skip) {
        throw new BotvError('CHANGED_DURING_OPERATION', `The gates of ${env} changed in .botversions/config.json while ${bot.id} was being changed; nothing was written. Try again.`, { environment: env });
      }
      const outcome = skip && d.gates.length > 0 ? { runs: [], skipped: { reason: skip } } : undefined;
      return writeEvent(core, bot, state, config, env, d.target, d.change, { gate: { checked: false, errors: 0, warnings: 0 }, ...(outcome ? { outcome } : {}), problems: [] }, opts.schedule);
    });
  }

  const lock = await core.sideLock(join(core.layout.local, 'gates', `${bot.id}.lock`), `${purpose} (gates)`).catch((e: unknown) => {
    if (!isBotvError(e, 'LOCKED')) throw e;
    const owner = (e.details?.owner ?? null) as { pid?: number; host?: string; purpose?: string; since?: string } | null;
    throw new BotvError(
      'LOCKED',
      `Another change of ${bot.id} is running its gates${owner ? ` (process ${owner.pid} on ${owner.host}: ${owner.purpose}, since ${owner.since})` : ''}. Wait for it to finish, then try again.`,
      { owner },
    );
  });
  try {
    // Again, holding the gate lock: a change that ran gates just before may have moved things.
    let config = await core.config();
    let state = await loadBotState(core, bot.id);
    const d = decide(state, config, bot);
    expect(state, d);
    if (d.unchanged) return await core.write(purpose, async () => unchangedResult(core, bot, await loadBotState(core, bot.id), await core.config(), env));
    const result = await runGates(core, bot, state, d.target, env, config, d.gates, opts);
    const reason = opts.override?.reason?.trim();
    if (result.failed && !reason) throw gateRefusal(bot, state, d.target, env, result);
    return await core.write(purpose, async () => {
      config = await core.config();
      state = await loadBotState(core, bot.id);
      const now = decide(state, config, bot);
      expect(state, now);
      if (now.target.id !== d.target.id) {
        throw new BotvError(
          'CHANGED_DURING_OPERATION',
          `While the gates of ${env} checked ${refOf(state, d.target).label}, ${now.change.from ?? 'the source'} came to hold ${refOf(state, now.target).label} instead; nothing was written. Promote again to check ${refOf(state, now.target).label}.`,
          { environment: env, checked: d.target.id, now: now.target.id },
        );
      }
      if (now.unchanged) return unchangedResult(core, bot, state, config, env);
      if (!sameGates(now.gates, d.gates)) {
        throw new BotvError('CHANGED_DURING_OPERATION', `The gates of ${env} changed in .botversions/config.json while they ran; nothing was written. Promote again to run the new gates.`, { environment: env });
      }
      const gate: GateOutcome = { ...result.gate };
      if (result.failed) gate.override = { reason: reason! };
      return writeEvent(core, bot, state, config, env, now.target, now.change, { gate, outcome: result.outcome, problems: result.problems }, opts.schedule);
    });
  } finally {
    await lock.release().catch(() => undefined);
  }
}

/** Points an environment at a version. */
export async function setEnvironment(core: Core, botId: string, env: string, ref: string, opts: GateOptions = {}): Promise<EnvironmentChange> {
  return changeEnvironment(
    core,
    botId,
    env,
    `set ${botId} ${env}`,
    (state, config, bot) => {
      const plan = planPromotion(state, config, env, { version: ref, format: bot.format });
      return { target: plan.incoming!, change: { action: 'set' }, gates: plan.gates, unchanged: plan.unchanged };
    },
    opts,
  );
}

/** Promotes into `env` the version of the stage before it, or of `from` (skipping needs `skip`). */
export async function promote(core: Core, botId: string, env: string, opts: ChangeOptions & { from?: string; skip?: boolean } = {}): Promise<EnvironmentChange> {
  return changeEnvironment(
    core,
    botId,
    env,
    `promote ${botId} ${env}`,
    (state, config, bot) => {
      const plan = planPromotion(state, config, env, { from: opts.from, skip: opts.skip, format: bot.format });
      if (plan.blocked) throw blockedError(plan.blocked);
      return { target: plan.incoming!, change: { action: 'promote', from: plan.from!, skipped: plan.skipped }, gates: plan.gates, unchanged: plan.unchanged };
    },
    opts,
  );
}

/** Points an environment back at what it held before, or at `to`. */
export async function rollback(core: Core, botId: string, env: string, opts: GateOptions & { to?: string } = {}): Promise<EnvironmentChange> {
  return changeEnvironment(
    core,
    botId,
    env,
    `rollback ${botId} ${env}`,
    (state, config, bot) => {
      requireEnv(config, bot.id, env);
      const stack = environmentStack(state, env);
      const cur = currentEvents(state).get(env);
      if (!cur) throw new BotvError('NOTHING_TO_ROLL_BACK', `${env} of ${bot.id} has never held a version; there is nothing to roll back.`);
      let target: Stored<VersionRecord> | undefined;
      if (opts.to !== undefined) {
        target = resolveVersion(state, opts.to);
        if (target.id === cur.record.version) {
          throw new BotvError('NOTHING_TO_ROLL_BACK', `${env} of ${bot.id} already holds ${refOf(state, target).label}.`);
        }
      } else {
        const back = rollbackTarget(state, env, cur.record.version);
        target = back ? state.byId.get(back.id) : undefined;
        if (!target) {
          throw new BotvError(
            'NOTHING_TO_ROLL_BACK',
            `${env} of ${bot.id} has held only ${refById(state, cur.record.version, cur.record.number).label}${stack.length > 1 ? ' among versions still in the store' : ''}; there is nothing before it. Choose a version with --to <version>.`,
          );
        }
      }
      // Going back to a version this environment held before needs no gate: it entered once.
      const heldBefore = state.events.some((e) => e.record.environment === env && e.record.version === target!.id);
      return { target, change: { action: 'rollback' }, gates: heldBefore ? [] : applicableGates(config, env, bot), unchanged: false };
    },
    opts,
  );
}

/** The current state of a bot's environments. */
export async function environments(core: Core, botId: string): Promise<EnvironmentState[]> {
  const bot = await core.bot(botId);
  const config = await core.config();
  return environmentStates(await loadBotState(core, bot.id), config, bot.format, core.now());
}

/** Events of one environment (or all), newest first. */
export async function environmentHistory(core: Core, botId: string, env?: string): Promise<EnvironmentEvent[]> {
  const bot = await core.bot(botId);
  const state = await loadBotState(core, bot.id);
  return state.events
    .filter((e) => env === undefined || e.record.environment === env)
    .map((e) => eventInfo(state, e))
    .reverse();
}
