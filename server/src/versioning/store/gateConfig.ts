/**
 * `gates.before` of config.json: per environment, the checks a version must pass to enter it.
 *
 *   "before": {
 *     "staging": ["tests"],
 *     "production": [
 *       "validation",
 *       { "check": "tests", "failOn": "error" },
 *       { "name": "rasa test", "run": "rasa test --fail-on-prediction-errors", "timeout": 600, "formats": ["rasa"], "env": ["RASA_PRO_LICENSE"] }
 *     ]
 *   }
 *
 * A check is "validation" (the whole bot, as the language server checks it), "tests" (the
 * bot's own test files, checked against the bot) or a command. Read once per change of the
 * file and handed to the core as {@link GateSpec}s.
 */
import { BOT_ID } from '../../definitions/index';
import type { BuiltinGateSpec, CommandGateSpec, GateFailOn, GateSpec } from '../types';

/** How long a command gate may run when config.json gives no `timeout` (seconds). */
export const DEFAULT_GATE_TIMEOUT_SECONDS = 600;

/** The longest `timeout` a command gate may have (a day, in seconds). */
const MAX_GATE_TIMEOUT_SECONDS = 86_400;

const ENV_VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FORMAT_ID = /^[a-z0-9][a-z0-9-]*$/;

const isMap = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The name a command gate gets when config.json gives none: its command, cut short. */
function commandName(run: string): string {
  const one = run.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}

/** Reads `gates.before`; `fail` throws BAD_CONFIG with the message. */
export function normalizeGateChecks(raw: unknown, pipeline: readonly string[], fail: (what: string) => never): Record<string, GateSpec[]> {
  const out: Record<string, GateSpec[]> = {};
  if (raw === undefined || raw === null) return out;
  if (!isMap(raw)) fail('"gates.before" must map environments to the checks a version must pass to enter them, like { "production": ["validation", "tests", { "run": "rasa test", "timeout": 600 }] }');
  for (const [env, list] of Object.entries(raw as Record<string, unknown>)) {
    const at = `gates.before.${env}`;
    if (!pipeline.includes(env)) fail(`"${at}" names an environment that is not in the pipeline (${pipeline.join(', ')})`);
    if (!Array.isArray(list)) fail(`"${at}" must be a list of checks: "validation", "tests", or { "run": "<command>", "timeout": <seconds> }`);
    const specs: GateSpec[] = [];
    (list as unknown[]).forEach((item, i) => specs.push(readCheck(item, `gates.before.${env}[${i}]`, fail)));
    const names = new Set<string>();
    for (const s of specs) {
      if (names.has(s.name)) fail(`"${at}" has two checks named "${s.name}"; give one a "name" of its own`);
      names.add(s.name);
    }
    out[env] = specs;
  }
  return out;
}

function readCheck(item: unknown, at: string, fail: (what: string) => never): GateSpec {
  if (item === 'validation' || item === 'tests') return { kind: item, name: item, failOn: item === 'tests' ? 'warning' : 'error', bots: null, formats: null };
  if (typeof item === 'string') fail(`"${at}" is "${item}"; a check is "validation", "tests", or an object like { "run": "<command>", "timeout": <seconds> }`);
  if (!isMap(item)) fail(`"${at}" must be "validation", "tests", or an object like { "run": "<command>", "timeout": <seconds> }`);
  const o = item as Record<string, unknown>;
  const scope = readScope(o, at, fail);
  if (o.run !== undefined) {
    for (const k of Object.keys(o)) if (!['run', 'name', 'timeout', 'env', 'bots', 'formats'].includes(k)) fail(`"${at}" has the unknown setting "${k}" (a command check knows run, name, timeout, env, bots, formats)`);
    if (typeof o.run !== 'string' || o.run.trim() === '') fail(`"${at}.run" must be the command line to run, like "rasa test --fail-on-prediction-errors"`);
    if (/[\0\r\n]/.test(o.run as string)) fail(`"${at}.run" must be one line (write a script for more, and run the script)`);
    let timeoutSeconds = DEFAULT_GATE_TIMEOUT_SECONDS;
    if (o.timeout !== undefined) {
      if (typeof o.timeout !== 'number' || !Number.isFinite(o.timeout) || o.timeout <= 0 || o.timeout > MAX_GATE_TIMEOUT_SECONDS) {
        fail(`"${at}.timeout" must be a number of seconds, more than 0 and at most ${MAX_GATE_TIMEOUT_SECONDS} (a day)`);
      }
      timeoutSeconds = o.timeout as number;
    }
    const env: string[] = [];
    if (o.env !== undefined) {
      if (!Array.isArray(o.env) || !o.env.every((x) => typeof x === 'string' && ENV_VAR.test(x))) fail(`"${at}.env" must be a list of environment variable names to pass to the command, like ["RASA_PRO_LICENSE"]`);
      env.push(...(o.env as string[]));
    }
    const spec: CommandGateSpec = { kind: 'command', name: scope.name ?? commandName(o.run as string), run: (o.run as string).trim(), timeoutSeconds, env, bots: scope.bots, formats: scope.formats };
    return spec;
  }
  if (o.check !== 'validation' && o.check !== 'tests') {
    fail(`"${at}" must have "run" (a command) or "check": "validation" or "tests"`);
  }
  for (const k of Object.keys(o)) if (!['check', 'name', 'failOn', 'bots', 'formats'].includes(k)) fail(`"${at}" has the unknown setting "${k}" (a built-in check knows check, name, failOn, bots, formats)`);
  const kind = o.check as 'validation' | 'tests';
  let failOn: GateFailOn = kind === 'tests' ? 'warning' : 'error';
  if (o.failOn !== undefined) {
    if (o.failOn !== 'error' && o.failOn !== 'warning') fail(`"${at}.failOn" must be "error" (errors fail the check) or "warning" (warnings too)`);
    failOn = o.failOn as GateFailOn;
  }
  const spec: BuiltinGateSpec = { kind, name: scope.name ?? kind, failOn, bots: scope.bots, formats: scope.formats };
  return spec;
}

function readScope(o: Record<string, unknown>, at: string, fail: (what: string) => never): { name?: string; bots: string[] | null; formats: string[] | null } {
  const out: { name?: string; bots: string[] | null; formats: string[] | null } = { bots: null, formats: null };
  if (o.name !== undefined) {
    if (typeof o.name !== 'string' || o.name.trim() === '' || o.name.length > 80 || /[\0-\x1f]/.test(o.name)) fail(`"${at}.name" must be a short one-line name (at most 80 characters)`);
    out.name = (o.name as string).trim();
  }
  if (o.bots !== undefined) {
    if (!Array.isArray(o.bots) || o.bots.length === 0 || !o.bots.every((x) => typeof x === 'string' && BOT_ID.test(x))) fail(`"${at}.bots" must be a non-empty list of bot ids the check applies to`);
    out.bots = o.bots as string[];
  }
  if (o.formats !== undefined) {
    if (!Array.isArray(o.formats) || o.formats.length === 0 || !o.formats.every((x) => typeof x === 'string' && FORMAT_ID.test(x))) fail(`"${at}.formats" must be a non-empty list of formats the check applies to, like ["rasa"]`);
    out.formats = o.formats as string[];
  }
  return out;
}

/**
 * The gates a version of a bot passes to enter `env`, in order: the built-in validation
 * first when `gates.validateBefore` names the environment (and `gates.before` does not list
 * it already), then `gates.before`'s checks that apply to the bot. `bot` is the bot's id and
 * format; a format not given matches no check limited to formats.
 */
export function gatesFor(config: { gates: { validateBefore: readonly string[]; before: Readonly<Record<string, readonly GateSpec[]>> } }, env: string, bot: { id: string; format?: string }): GateSpec[] {
  const listed = config.gates.before[env] ?? [];
  const out: GateSpec[] = [];
  if (config.gates.validateBefore.includes(env) && !listed.some((s) => s.kind === 'validation')) {
    out.push({ kind: 'validation', name: listed.some((s) => s.name === 'validation') ? 'validation (validateBefore)' : 'validation', failOn: 'error', bots: null, formats: null });
  }
  for (const s of listed) {
    if (s.bots && !s.bots.includes(bot.id)) continue;
    if (s.formats && (bot.format === undefined || !s.formats.includes(bot.format))) continue;
    out.push(s);
  }
  return out;
}
