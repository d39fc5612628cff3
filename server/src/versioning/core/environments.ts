/**
 * Environments: ordered slots that each point at one version. An environment's current
 * version is its latest event (by time, then id). Set points it anywhere; promote copies
 * the previous stage's version forward (skipping a stage only on explicit request);
 * rollback goes back to what it held before. Entering a gated environment runs the gate
 * validator first; errors refuse the change unless overridden with a reason, which the
 * event records.
 */
import { BotvError } from '../errors';
import type { Stored } from '../store/records';
import type { EnvironmentRecord, VersionRecord } from '../store/schema';
import type { BotInfo, EnvironmentChange, EnvironmentEvent, EnvironmentState, GateCheck, GateOutcome, GateProblem, StoreConfig, VersionRef } from '../types';
import type { Core } from './context';
import { nonce } from './deletion';
import { blockedError, gateCheckFor, planPromotion, requireEnv, sourceStage, validateForGate } from './promotion';
import { resolveVersion } from './refs';
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
  return out;
}

/** The state of every environment: the pipeline in order, then any no longer configured. */
export function environmentStates(state: BotState, config: StoreConfig): EnvironmentState[] {
  const cur = currentEvents(state);
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
      gated: config.gates.validateBefore.includes(name),
      promotesFrom: sourceStage(config, name),
      rollbackTo: e ? rollbackTarget(state, name, e.record.version) : null,
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

/** Runs the gate `check` (null: none) for `v` entering `env`; throws GATE_REFUSED on errors without an override. */
async function runGate(
  core: Core,
  bot: BotInfo,
  state: BotState,
  env: string,
  v: Stored<VersionRecord>,
  override: { reason: string } | undefined,
  check: GateCheck | null,
): Promise<{ gate: GateOutcome; problems: GateProblem[] }> {
  if (!check) return { gate: { checked: false, errors: 0, warnings: 0 }, problems: [] };
  const { checked, errors, warnings, problems } = await validateForGate(core, bot, v, check);
  const gate: GateOutcome = { checked, errors, warnings };
  if (errors > 0) {
    const reason = override?.reason?.trim();
    if (!reason) {
      const label = refOf(state, v).label;
      const list = problems
        .filter((p) => p.severity === 'error')
        .slice(0, 20)
        .map((p) => `  ${p.file}:${p.line + 1}:${p.character + 1}: ${p.code}: ${p.message}`)
        .join('\n');
      throw new BotvError(
        'GATE_REFUSED',
        `${bot.id} ${label} cannot enter ${env}: validation found ${errors} error${errors === 1 ? '' : 's'}.\n${list}${errors > 20 ? `\n  … and ${errors - 20} more` : ''}\nFix them and save a new version, or override with --override "<reason>".`,
        { problems, environment: env, version: v.id },
      );
    }
    gate.override = { reason };
  }
  return { gate, problems };
}

interface Change {
  action: EnvironmentRecord['action'];
  from?: string;
  skipped?: string[];
}

async function record(
  core: Core,
  bot: BotInfo,
  state: BotState,
  config: StoreConfig,
  env: string,
  v: Stored<VersionRecord>,
  change: Change,
  override: { reason: string } | undefined,
  check: GateCheck | null,
): Promise<EnvironmentChange> {
  const cur = currentEvents(state).get(env);
  if (cur && cur.record.version === v.id && change.action !== 'rollback') {
    return { event: eventInfo(state, cur), environment: environmentStates(state, config).find((s) => s.name === env)!, problems: [], changed: false };
  }
  const { gate, problems } = await runGate(core, bot, state, env, v, override, check);
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
    gate,
    at: nextTime(core, state),
    author: core.author(),
    nonce: nonce(),
  };
  if (change.from !== undefined) rec.from = change.from;
  if (change.skipped !== undefined && change.skipped.length > 0) rec.skipped = change.skipped;
  const enc = core.records.encode(core.layout.botDir(bot.id, 'environments'), rec);
  await core.records.write([enc]);
  const stored = { id: enc.id, record: rec };
  state.events.push(stored);
  state.maxAt = rec.at;
  return { event: eventInfo(state, stored), environment: environmentStates(state, config).find((s) => s.name === env)!, problems, changed: true };
}

/** Points an environment at a version. */
export async function setEnvironment(core: Core, botId: string, env: string, ref: string, opts: { override?: { reason: string } } = {}): Promise<EnvironmentChange> {
  return core.write(`set ${botId} ${env}`, async () => {
    const bot = await core.bot(botId);
    const config = await core.config();
    const state = await loadBotState(core, bot.id);
    const plan = planPromotion(state, config, env, { version: ref });
    return record(core, bot, state, config, env, plan.incoming!, { action: 'set' }, opts.override, plan.gate);
  });
}

/** Promotes into `env` the version of the stage before it, or of `from` (skipping needs `skip`). */
export async function promote(
  core: Core,
  botId: string,
  env: string,
  opts: { from?: string; skip?: boolean; override?: { reason: string } } = {},
): Promise<EnvironmentChange> {
  return core.write(`promote ${botId} ${env}`, async () => {
    const bot = await core.bot(botId);
    const config = await core.config();
    const state = await loadBotState(core, bot.id);
    const plan = planPromotion(state, config, env, { from: opts.from, skip: opts.skip });
    if (plan.blocked) throw blockedError(plan.blocked);
    return record(core, bot, state, config, env, plan.incoming!, { action: 'promote', from: plan.from!, skipped: plan.skipped }, opts.override, plan.gate);
  });
}

/** Points an environment back at what it held before, or at `to`. */
export async function rollback(core: Core, botId: string, env: string, opts: { to?: string; override?: { reason: string } } = {}): Promise<EnvironmentChange> {
  return core.write(`rollback ${botId} ${env}`, async () => {
    const bot = await core.bot(botId);
    const config = await core.config();
    requireEnv(config, bot.id, env);
    const state = await loadBotState(core, bot.id);
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
    return record(core, bot, state, config, env, target, { action: 'rollback' }, opts.override, heldBefore ? null : gateCheckFor(config, env));
  });
}

/** The current state of a bot's environments. */
export async function environments(core: Core, botId: string): Promise<EnvironmentState[]> {
  const bot = await core.bot(botId);
  const config = await core.config();
  return environmentStates(await loadBotState(core, bot.id), config);
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
