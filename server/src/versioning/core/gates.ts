/**
 * The gates of an environment change: which checks a version passes to enter an
 * environment (config `gates`), running them, and the refusal when one fails.
 *
 * The built-in gates ask the gate validator (server/src/formats/gate.ts): `validation`
 * counts every problem of the bot, `tests` only those in the bot's own test files (the
 * format says which files those are). They run once per change, whatever their number:
 * both read the same validation. Command gates run in a temporary folder of their own
 * (./gateCommand.ts). Gates run in order and stop at the first that fails, unless the
 * change is overridden (then every gate runs, and each failure is recorded).
 */
import { BotvError } from '../errors';
import { gatesFor } from '../store/gateConfig';
import type { Stored } from '../store/records';
import type { VersionRecord } from '../store/schema';
import type { BotInfo, GateCheck, GateOptions, GateOutcome, GatePlan, GateProblem, GateRun, GateSpec, GatesOutcome, StoreConfig } from '../types';
import type { Core } from './context';
import { runCommandGate } from './gateCommand';
import { refOf, type BotState } from './state';
import { readContents, versionFiles } from './trees';

/** The gates `bot` passes to enter `env`, in order. */
export function applicableGates(config: StoreConfig, env: string, bot: { id: string; format?: string }): GateSpec[] {
  return gatesFor(config, env, bot);
}

/** What a plan shows of a gate. */
export function gatePlan(spec: GateSpec): GatePlan {
  return spec.kind === 'command' ? { name: spec.name, kind: spec.kind, command: spec.run, timeoutSeconds: spec.timeoutSeconds } : { name: spec.name, kind: spec.kind };
}

/** What the core tells the gate validator: the store's pipeline and severities. */
export function gateCheck(config: StoreConfig, env: string): GateCheck {
  return { environment: env, pipeline: config.pipeline, severities: config.gates.severities };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The first problems, one per line, as `file:line:col: severity code: message`. */
function problemLines(problems: readonly GateProblem[]): string {
  const shown = problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
  const lines = shown.slice(0, 20).map((p) => `${p.file}:${p.line + 1}:${p.character + 1}: ${p.severity} ${p.code}: ${p.message}`);
  if (shown.length > 20) lines.push(`… and ${shown.length - 20} more`);
  return lines.join('\n');
}

/** Validates a version's files once per change; both built-in gates read it. */
class Validation {
  private problems: Promise<GateProblem[]> | undefined;
  constructor(
    private readonly core: Core,
    private readonly bot: BotInfo,
    private readonly v: Stored<VersionRecord>,
    private readonly check: GateCheck,
  ) {}
  get available(): boolean {
    return this.core.validate !== undefined;
  }
  all(): Promise<GateProblem[]> {
    return (this.problems ??= (async () => {
      const contents = await readContents(this.core, await versionFiles(this.core, this.v));
      return this.core.validate!(this.bot, contents, this.check);
    })());
  }
}

/** Runs a built-in gate; undefined when there is no validator to ask (nothing is checked, as before gates ran commands). */
async function runBuiltin(core: Core, bot: BotInfo, v: Stored<VersionRecord>, spec: GateSpec & { kind: 'validation' | 'tests' }, validation: Validation): Promise<{ run: GateRun; problems: GateProblem[] } | undefined> {
  if (!validation.available) return undefined;
  const started = Date.now();
  let problems = await validation.all();
  const base = { name: spec.name, kind: spec.kind, content: v.record.content };
  if (spec.kind === 'tests') {
    const format = core.formats.find((f) => f.id === bot.format);
    const isTest = format?.isTestFile?.bind(format);
    const tests = isTest ? (await versionFiles(core, v)).filter((f) => isTest(f.path)) : [];
    if (tests.length === 0) {
      const why = isTest ? `${bot.id} has no test files` : `bots of ${format?.label ?? bot.format} have no test files Bot Versions reads`;
      return { run: { ...base, verdict: 'passed', summary: `no test files: ${why}`, durationMs: Date.now() - started, errors: 0, warnings: 0 }, problems: [] };
    }
    problems = problems.filter((p) => isTest!(p.file));
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const failed = errors > 0 || (spec.failOn === 'warning' && warnings > 0);
  const summary = errors + warnings === 0 ? (spec.kind === 'tests' ? 'the tests check out against the bot' : 'no errors or warnings') : [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  const run: GateRun = { ...base, verdict: failed ? 'failed' : 'passed', summary, durationMs: Date.now() - started, errors, warnings };
  const output = problemLines(problems);
  if (output) run.output = output;
  return { run, problems };
}

/** What the gates of a change found. */
export interface GatesResult {
  outcome: GatesOutcome;
  /** The summary every event carries: the validation's counts (or the tests', when only they ran). */
  gate: GateOutcome;
  /** The validator's problems behind `gate`. */
  problems: GateProblem[];
  /** The first gate that failed, if any. */
  failed: GateRun | undefined;
}

/**
 * Runs `specs` on `v` entering `env`, in order, without the store's lock. Stops at the first
 * failure unless `opts.override` is given. Throws NOT_APPROVED (before anything runs) for
 * a command `opts.approve` refuses, and CANCELLED when `opts.signal` aborts.
 */
export async function runGates(core: Core, bot: BotInfo, state: BotState, v: Stored<VersionRecord>, env: string, config: StoreConfig, specs: readonly GateSpec[], opts: GateOptions): Promise<GatesResult> {
  for (const s of specs) {
    if (s.kind === 'command' && opts.approve && !opts.approve(gatePlan(s))) {
      throw new BotvError('NOT_APPROVED', `The gate "${s.name}" of ${env} runs the command \`${s.run}\`, which was not approved, so no gate ran and nothing was written. Approve the command, then promote again.`, {
        gate: gatePlan(s),
      });
    }
  }
  const validation = new Validation(core, bot, v, gateCheck(config, env));
  const runs: GateRun[] = [];
  let gate: GateOutcome = { checked: false, errors: 0, warnings: 0 };
  let problems: GateProblem[] = [];
  let gateFrom: GateSpec['kind'] | null = null;
  let failed: GateRun | undefined;
  const cancelled = () =>
    new BotvError('CANCELLED', `The promotion of ${bot.id} ${refOf(state, v).label} into ${env} was cancelled while its gates ran; nothing was written.`, { environment: env, gates: runs });
  for (const [index, spec] of specs.entries()) {
    if (opts.signal?.aborted) throw cancelled();
    const plan = gatePlan(spec);
    opts.progress?.({ kind: 'start', bot: bot.id, environment: env, gate: plan, index, total: specs.length });
    let run: GateRun;
    if (spec.kind === 'command') {
      const r = await runCommandGate(core, bot, state, v, env, config, spec, {
        ...(opts.signal ? { signal: opts.signal } : {}),
        onLine: (line, elapsedMs) => opts.progress?.({ kind: 'output', bot: bot.id, environment: env, gate: spec.name, line, elapsedMs }),
      });
      if (r.cancelled) throw cancelled();
      run = r;
    } else {
      const r = await runBuiltin(core, bot, v, spec, validation);
      if (!r) continue;
      run = r.run;
      // The summary on every event: the validation's counts, else the tests'.
      if (gateFrom === null || (gateFrom === 'tests' && spec.kind === 'validation')) {
        gate = { checked: true, errors: run.errors ?? 0, warnings: run.warnings ?? 0 };
        problems = r.problems;
        gateFrom = spec.kind;
      }
    }
    runs.push(run);
    opts.progress?.({ kind: 'end', bot: bot.id, environment: env, run, index, total: specs.length });
    if (run.verdict === 'failed') {
      failed ??= run;
      if (!opts.override) break;
    }
  }
  return { outcome: { runs }, gate, problems, failed };
}

/** The refusal of a change whose gate failed: which gate, what it found, its output, and the ways on. */
export function gateRefusal(bot: BotInfo, state: BotState, v: Stored<VersionRecord>, env: string, result: GatesResult): BotvError {
  const label = refOf(state, v).label;
  const f = result.failed!;
  const ways = `Fix the version and save a new one, or enter anyway: --override "<reason>" runs the gates and records their failures, --skip-gates --reason "<reason>" runs none; either reason is recorded.`;
  let message: string;
  if (f.kind === 'validation' && f.errors) {
    // As the gate has always said it.
    const list = result.problems
      .filter((p) => p.severity === 'error')
      .slice(0, 20)
      .map((p) => `  ${p.file}:${p.line + 1}:${p.character + 1}: ${p.code}: ${p.message}`)
      .join('\n');
    message = `${bot.id} ${label} cannot enter ${env}: validation found ${plural(f.errors, 'error')}.\n${list}${f.errors > 20 ? `\n  … and ${f.errors - 20} more` : ''}\n${ways}`;
  } else {
    const what = f.kind === 'command' ? `\n  $ ${f.command}` : '';
    const out = f.output ? `\n${f.output.split('\n').map((l) => `  │ ${l}`).join('\n')}` : '';
    message = `${bot.id} ${label} cannot enter ${env}: the gate "${f.name}" failed (${f.summary}).${what}${out}\n${ways}`;
  }
  return new BotvError('GATE_REFUSED', message, { problems: result.problems, environment: env, version: v.id, gate: f.name, gates: result.outcome.runs });
}

/** A one-line account of what gates found, for the history and the CLI: "validation passed, rasa test failed (exit code 1)". */
export function gatesSummary(g: GatesOutcome): string {
  if (g.skipped) return `gates skipped: ${g.skipped.reason}`;
  return g.runs.map((r) => (r.verdict === 'passed' ? `${r.name} passed` : `${r.name} failed (${r.summary})`)).join(', ');
}

/**
 * What a preview shows of `specs`: the built-in gates with their verdict on `v` (they only
 * read), the commands with what they would run (a preview runs none), and the summary of
 * the validation, as the change itself would record it.
 */
export async function previewGates(
  core: Core,
  bot: BotInfo,
  v: Stored<VersionRecord>,
  env: string,
  config: StoreConfig,
  specs: readonly GateSpec[],
): Promise<{ gates: Array<GatePlan & { run?: GateRun }>; gate: GateOutcome & { problems: GateProblem[] } }> {
  const validation = new Validation(core, bot, v, gateCheck(config, env));
  const gates: Array<GatePlan & { run?: GateRun }> = [];
  let gate: GateOutcome & { problems: GateProblem[] } = { checked: false, errors: 0, warnings: 0, problems: [] };
  let gateFrom: GateSpec['kind'] | null = null;
  for (const spec of specs) {
    const plan: GatePlan & { run?: GateRun } = gatePlan(spec);
    if (spec.kind !== 'command') {
      const r = await runBuiltin(core, bot, v, spec, validation);
      if (r) {
        plan.run = r.run;
        if (gateFrom === null || (gateFrom === 'tests' && spec.kind === 'validation')) {
          gate = { checked: true, errors: r.run.errors ?? 0, warnings: r.run.warnings ?? 0, problems: r.problems };
          gateFrom = spec.kind;
        }
      }
    }
    gates.push(plan);
  }
  return { gates, gate };
}
