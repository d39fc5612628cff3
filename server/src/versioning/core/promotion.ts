/**
 * What a promotion (or a set) of an environment would do: the stage the version comes
 * from, the version that would enter, what the environment holds now and the gate check
 * it would run. {@link planPromotion} decides it from the bot's records and the
 * configuration alone; `promote` and `setEnvironment` carry the plan out, and the editor's
 * preview shows the same plan, so the two cannot disagree.
 */
import { BotvError, type BotvErrorCode } from '../errors';
import type { Stored } from '../store/records';
import type { EnvironmentRecord, VersionRecord } from '../store/schema';
import type { GateCheck, GateSpec, PromotionBlockReason, PromotionPreview, StoreConfig } from '../types';
import type { Core } from './context';
import { applicableGates, gateCheck, previewGates } from './gates';
import { resolveVersion } from './refs';
import { currentEvents, loadBotState, refById, refOf, type BotState } from './state';

/** Options of a plan: `version` plans a set; otherwise a promotion, from `from` or the stage before. */
export interface PromotionOptions {
  /** Promote from this earlier stage instead of the one just before. */
  from?: string;
  /** Allow `from` to skip stages. */
  skip?: boolean;
  /** Plan setting the environment to this version (a reference) instead of promoting. */
  version?: string;
  /** The bot's format, for gates that apply to some formats only (a gate limited to formats applies to none without it). */
  format?: string;
}

/** Why a planned change cannot happen, as the error the change itself throws. */
export interface PromotionBlock {
  reason: Exclude<PromotionBlockReason, 'unchanged'>;
  code: BotvErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** A planned change of one environment. */
export interface PromotionPlan {
  bot: string;
  environment: string;
  action: 'promote' | 'set';
  /** The stage the version comes from (a promotion), or null (a set). */
  from: string | null;
  /** Stages between `from` and the environment (a promotion that skips them). */
  skipped: string[];
  /** The version that would enter, when one can. */
  incoming: Stored<VersionRecord> | null;
  /** The environment's latest event (what it holds now), if any. */
  current: Stored<EnvironmentRecord> | null;
  /** Whether the environment is gated (config `gates.validateBefore` or `gates.before`). */
  gated: boolean;
  /** True when the environment already holds `incoming`: the change writes nothing. */
  unchanged: boolean;
  /** Why the change is refused, or null. */
  blocked: PromotionBlock | null;
  /** What the built-in gates ask the validator for `incoming`; null when no built-in gate will run. */
  gate: GateCheck | null;
  /** Every gate the change will run on `incoming`, in order (empty when it writes nothing or is blocked). */
  gates: GateSpec[];
}

/** The pipeline position of `env`; throws UNKNOWN_ENVIRONMENT naming the pipeline. */
export function requireEnv(config: StoreConfig, bot: string, env: string): number {
  const i = config.pipeline.indexOf(env);
  if (i < 0) {
    throw new BotvError(
      'UNKNOWN_ENVIRONMENT',
      `"${env}" is not an environment of this workspace. The pipeline is ${config.pipeline.join(' → ')} (set in .botversions/config.json).`,
      { pipeline: config.pipeline, bot },
    );
  }
  return i;
}

/** The validator check the built-in gates of `env` run, or null when `env` has no built-in gate for the bot. */
export function gateCheckFor(config: StoreConfig, env: string, bot: { id: string; format?: string } = { id: '' }): GateCheck | null {
  return applicableGates(config, env, bot).some((g) => g.kind !== 'command') ? gateCheck(config, env) : null;
}

/**
 * The stage a promotion into `env` takes its version from by default: the one before it
 * in the pipeline, or null for the first stage (and for an environment not in it).
 */
export function sourceStage(config: StoreConfig, env: string): string | null {
  const i = config.pipeline.indexOf(env);
  return i > 0 ? config.pipeline[i - 1]! : null;
}

/**
 * Plans setting or promoting `env` of the bot whose records `state` holds. Pure: it reads
 * only its arguments. Names that are not environments, and a `version` that resolves to
 * no version, throw (they are bad arguments); a state that forbids the change is returned
 * as `blocked`.
 */
export function planPromotion(state: BotState, config: StoreConfig, env: string, opts: PromotionOptions = {}): PromotionPlan {
  const bot = state.bot;
  const i = requireEnv(config, bot, env);
  const current = currentEvents(state).get(env) ?? null;
  const plan: PromotionPlan = {
    bot,
    environment: env,
    action: opts.version !== undefined ? 'set' : 'promote',
    from: null,
    skipped: [],
    incoming: null,
    current,
    gated: applicableGates(config, env, { id: bot, ...(opts.format !== undefined ? { format: opts.format } : {}) }).length > 0,
    unchanged: false,
    blocked: null,
    gate: null,
    gates: [],
  };
  const block = (reason: PromotionBlock['reason'], code: BotvErrorCode, message: string, details?: Record<string, unknown>): PromotionPlan => {
    plan.blocked = { reason, code, message, ...(details ? { details } : {}) };
    return plan;
  };

  if (opts.version !== undefined) {
    plan.incoming = resolveVersion(state, opts.version);
  } else {
    const from = opts.from ?? sourceStage(config, env);
    if (from === null) {
      return block('first-stage', 'BAD_ARGUMENT', `${env} is the first stage of the pipeline; nothing comes before it. Point it at a version with \`botv env set ${bot} ${env} <version>\`.`);
    }
    plan.from = from;
    const j = requireEnv(config, bot, from);
    if (j >= i) {
      return block('not-forward', 'BAD_ARGUMENT', `Promotion goes forward: ${from} does not come before ${env} in ${config.pipeline.join(' → ')}. To point ${env} at any version, use \`botv env set\`.`);
    }
    plan.skipped = config.pipeline.slice(j + 1, i);
    if (plan.skipped.length > 0 && !opts.skip) {
      return block(
        'skip-not-allowed',
        'SKIP_NOT_ALLOWED',
        `Promoting ${bot} from ${from} to ${env} skips ${plan.skipped.join(', ')}. Skip only on purpose (a hotfix): ask for it explicitly.`,
        { skipped: plan.skipped },
      );
    }
    const src = currentEvents(state).get(from);
    if (!src) {
      return block('empty-source', 'EMPTY_ENVIRONMENT', `${from} of ${bot} holds no version, so there is nothing to promote. Point it at one first: \`botv env set ${bot} ${from} <version>\`.`);
    }
    const v = state.byId.get(src.record.version);
    if (!v) return block('missing-version', 'NO_VERSION', `${from} holds v${src.record.number}, which is no longer in the store. Point ${from} at an existing version first.`);
    plan.incoming = v;
  }
  plan.unchanged = current !== null && current.record.version === plan.incoming.id;
  if (!plan.unchanged) {
    plan.gates = applicableGates(config, env, { id: bot, ...(opts.format !== undefined ? { format: opts.format } : {}) });
    plan.gate = plan.gates.some((g) => g.kind !== 'command') ? gateCheck(config, env) : null;
  }
  return plan;
}

/** The error a blocked plan's change throws. */
export function blockedError(b: PromotionBlock): BotvError {
  return new BotvError(b.code, b.message, b.details);
}

/** What promoting (or, with `version`, setting) `env` would do, with the gate's verdict, writing nothing. */
export async function previewPromotion(core: Core, botId: string, env: string, opts: PromotionOptions = {}): Promise<PromotionPreview> {
  const bot = await core.bot(botId);
  const config = await core.config();
  const state = await loadBotState(core, bot.id);
  const plan = planPromotion(state, config, env, { ...opts, format: bot.format });
  const { gates, gate } = plan.incoming && !plan.blocked ? await previewGates(core, bot, plan.incoming, env, config, plan.gates) : { gates: [], gate: { checked: false, errors: 0, warnings: 0, problems: [] } };
  let blocked: PromotionPreview['blocked'] = null;
  if (plan.blocked) blocked = { reason: plan.blocked.reason, message: plan.blocked.message };
  else if (plan.unchanged && plan.incoming) blocked = { reason: 'unchanged', message: `${env} of ${bot.id} already holds ${refOf(state, plan.incoming).label}.` };
  return {
    bot: bot.id,
    environment: env,
    action: plan.action,
    from: plan.from,
    skipped: plan.skipped,
    incoming: plan.incoming ? refOf(state, plan.incoming) : null,
    current: plan.current ? refById(state, plan.current.record.version, plan.current.record.number) : null,
    gated: plan.gated,
    gate,
    gates,
    blocked,
  };
}
