/**
 * The workspace configuration, `.botversions/config.json`: the only file of the store
 * that people edit and that changes in place. Comments are allowed (JSONC).
 */
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { BOT_ID, type PlainScalar } from '../../definitions/index';
import { pathProblem } from '../workingcopy/paths';
import { relative } from 'node:path';
import { BotvError, errnoOf, ioError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import type { StoreFs } from '../fs/fsio';
import type { GateSeverity, StoreConfig } from '../types';
import { normalizeGateChecks } from './gateConfig';
import type { StoreLayout } from './layout';
import { join } from 'node:path';

/** The pipeline when the configuration names none. */
export const DEFAULT_PIPELINE = ['development', 'staging', 'production'];

/** How many distinct versions of each environment's past retention keeps for rollback. */
export const DEFAULT_KEEP_ENVIRONMENT_HISTORY = 10;

/** After how many days unused a version is stale (Amazon Lex marks versions inactive after 180). */
export const DEFAULT_STALE_AFTER_DAYS = 180;

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A diagnostic code: a group and a name, e.g. `intent/too-few-utterances`. */
const DIAGNOSTIC_CODE = /^[A-Za-z][A-Za-z0-9]*\/[A-Za-z0-9][A-Za-z0-9-]*$/;

const GATE_SEVERITIES: readonly GateSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The configuration written into a new store; `pipeline`: the one its bots' platform uses, when they share one. */
export function defaultConfigText(pipeline: readonly string[] = DEFAULT_PIPELINE): string {
  return (
    JSON.stringify(
      {
        pipeline,
        protected: [],
        retention: { keep: null },
        gates: { validateBefore: [pipeline[pipeline.length - 1]] },
      },
      null,
      2,
    ) + '\n'
  );
}

const GITIGNORE = `# Written by Bot Versions: this machine's lock, journals and caches stay out of git.
local/
.botv-tmp-*
`;

const GITATTRIBUTES = `# Written by Bot Versions: store files are byte-exact; git must never convert line endings.
* -text
`;

/** Validates a parsed configuration and applies defaults (`defaultPipeline` when it names none); throws BAD_CONFIG naming the field. */
export function normalizeConfig(raw: unknown, file: string, defaultPipeline: readonly string[] = DEFAULT_PIPELINE): StoreConfig {
  const fail = (what: string): never => {
    throw new BotvError('BAD_CONFIG', `${file}: ${what}. Fix the file and try again.`, { file });
  };
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('the file must hold a JSON object');
  const o = raw as Record<string, unknown>;
  const known = new Set(['pipeline', 'protected', 'retention', 'gates', 'bots', 'values', '$schema']);
  for (const k of Object.keys(o)) if (!known.has(k)) fail(`unknown setting "${k}" (known: pipeline, protected, retention, gates, bots, values)`);

  let pipeline = [...defaultPipeline];
  if (o.pipeline !== undefined) {
    const p = o.pipeline;
    if (!Array.isArray(p) || p.length === 0 || !p.every((x) => typeof x === 'string' && ENV_NAME.test(x))) {
      fail('"pipeline" must be a non-empty list of environment names made of letters, digits, "-", "_" or ".", e.g. ["development", "staging", "production"]');
    }
    if (new Set(p as string[]).size !== (p as string[]).length) fail('"pipeline" names an environment twice');
    pipeline = p as string[];
  }

  let prot: string[] = [];
  if (o.protected !== undefined) {
    if (!Array.isArray(o.protected) || !o.protected.every((x) => typeof x === 'string')) fail('"protected" must be a list of bot ids');
    prot = o.protected as string[];
  }

  let keep: number | null = null;
  let keepEnvironmentHistory = DEFAULT_KEEP_ENVIRONMENT_HISTORY;
  let staleAfterDays = DEFAULT_STALE_AFTER_DAYS;
  if (o.retention !== undefined && o.retention !== null) {
    const r = o.retention as Record<string, unknown>;
    if (typeof r !== 'object' || Array.isArray(r)) fail('"retention" must be an object like { "keep": 50 }');
    for (const k of Object.keys(r)) if (k !== 'keep' && k !== 'keepEnvironmentHistory' && k !== 'staleAfterDays') fail(`unknown retention setting "${k}" (known: keep, keepEnvironmentHistory, staleAfterDays)`);
    if (r.keep !== undefined && r.keep !== null) {
      if (!Number.isSafeInteger(r.keep) || (r.keep as number) < 1) fail('"retention.keep" must be a whole number of versions, 1 or more, or null to keep all');
      keep = r.keep as number;
    }
    if (r.keepEnvironmentHistory !== undefined) {
      if (!Number.isSafeInteger(r.keepEnvironmentHistory) || (r.keepEnvironmentHistory as number) < 0) fail('"retention.keepEnvironmentHistory" must be a whole number, 0 or more');
      keepEnvironmentHistory = r.keepEnvironmentHistory as number;
    }
    if (r.staleAfterDays !== undefined) {
      if (typeof r.staleAfterDays !== 'number' || !Number.isFinite(r.staleAfterDays) || r.staleAfterDays <= 0) fail('"retention.staleAfterDays" must be a number of days, more than 0');
      staleAfterDays = r.staleAfterDays as number;
    }
  }

  let validateBefore = [pipeline[pipeline.length - 1]!];
  const severities: Record<string, GateSeverity> = {};
  let before: StoreConfig['gates']['before'] = {};
  if (o.gates !== undefined && o.gates !== null) {
    const g = o.gates as Record<string, unknown>;
    if (typeof g !== 'object' || Array.isArray(g)) fail('"gates" must be an object like { "validateBefore": ["production"] }');
    for (const k of Object.keys(g)) if (k !== 'validateBefore' && k !== 'severities' && k !== 'before') fail(`unknown gates setting "${k}" (known: validateBefore, severities, before)`);
    if (g.validateBefore !== undefined) {
      const v = g.validateBefore;
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) fail('"gates.validateBefore" must be a list of environment names');
      for (const e of v as string[]) if (!pipeline.includes(e)) fail(`"gates.validateBefore" names "${e}", which is not in the pipeline (${pipeline.join(', ')})`);
      validateBefore = v as string[];
    }
    if (g.severities !== undefined && g.severities !== null) {
      const sv = g.severities as Record<string, unknown>;
      if (typeof sv !== 'object' || Array.isArray(sv)) fail('"gates.severities" must be an object mapping diagnostic codes to severities, like { "unused/response": "error" }');
      for (const [code, sev] of Object.entries(sv)) {
        if (!DIAGNOSTIC_CODE.test(code)) fail(`"gates.severities" names "${code}", which is not a diagnostic code (codes look like "unused/response"; docs/diagnostics.md lists them)`);
        if (typeof sev !== 'string' || !(GATE_SEVERITIES as readonly string[]).includes(sev)) {
          fail(`"gates.severities.${code}" is ${JSON.stringify(sev)}; it must be one of ${GATE_SEVERITIES.map((x) => `"${x}"`).join(', ')}`);
        }
        severities[code] = sev as GateSeverity;
      }
    }
    before = normalizeGateChecks(g.before, pipeline, fail);
  }
  const bots: Record<string, { id: string }> = {};
  if (o.bots !== undefined && o.bots !== null) {
    const b = o.bots as Record<string, unknown>;
    if (typeof b !== 'object' || Array.isArray(b)) fail('"bots" must be an object mapping bot folders to ids, like { "services/rasa": { "id": "support" } }');
    const byId = new Map<string, string>();
    for (const [dir, v] of Object.entries(b)) {
      if (dir !== '.' && pathProblem(dir)) fail(`"bots" names the folder "${dir}": ${pathProblem(dir)}; use a folder relative to the workspace, "/"-separated ("." for the workspace itself)`);
      const id = (v as { id?: unknown } | null)?.id;
      if (typeof v !== 'object' || v === null || Array.isArray(v) || typeof id !== 'string' || !BOT_ID.test(id)) {
        fail(`"bots.${dir}" must be { "id": "<id>" } with an id of lowercase letters, digits and "-", starting with a letter or digit`);
      }
      for (const k of Object.keys(v as object)) if (k !== 'id') fail(`unknown setting "bots.${dir}.${k}" (known: id)`);
      const other = byId.get(id as string);
      if (other !== undefined) fail(`"bots" gives the id "${id}" to both "${other}" and "${dir}"; a bot id names one bot`);
      byId.set(id as string, dir);
      bots[dir] = { id: id as string };
    }
  }
  const values: StoreConfig['values'] = {};
  if (o.values !== undefined && o.values !== null) {
    const isMap = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
    if (!isMap(o.values)) fail('"values" must be an object: bot id → environment → file → key path → value, like { "shop": { "production": { "endpoints.yml": { "action_endpoint.url": "https://actions.example.com/webhook" } } } }');
    for (const [bot, envs] of Object.entries(o.values as Record<string, unknown>)) {
      if (!BOT_ID.test(bot)) fail(`"values" names "${bot}", which is no bot id (lowercase letters, digits and "-")`);
      if (!isMap(envs)) fail(`"values.${bot}" must map environments to files`);
      values[bot] = {};
      for (const [env, files] of Object.entries(envs as Record<string, unknown>)) {
        if (!pipeline.includes(env)) fail(`"values.${bot}" names the environment "${env}", which is not in the pipeline (${pipeline.join(', ')})`);
        if (!isMap(files)) fail(`"values.${bot}.${env}" must map files of the bot to key paths and values`);
        values[bot]![env] = {};
        for (const [file, keys] of Object.entries(files as Record<string, unknown>)) {
          const why = pathProblem(file);
          if (why) fail(`"values.${bot}.${env}" names the file "${file}": ${why}; use a path relative to the bot folder, "/"-separated`);
          if (!isMap(keys)) fail(`"values.${bot}.${env}.${file}" must map key paths (like "action_endpoint.url") to values`);
          for (const [key, v] of Object.entries(keys as Record<string, unknown>)) {
            if (!/^[^.\s][^\s]*$/.test(key) || key.split('.').some((seg) => seg === '')) fail(`"values.${bot}.${env}.${file}" has the key path "${key}"; write keys joined by ".", like "action_endpoint.url"`);
            if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) fail(`"values.${bot}.${env}.${file}.${key}" must be a text, a number, true, false or null`);
          }
          values[bot]![env]![file] = keys as Record<string, PlainScalar>;
        }
      }
    }
  }
  return { pipeline, protected: prot, retention: { keep, keepEnvironmentHistory, staleAfterDays }, gates: { validateBefore, severities, before }, bots, values };
}

/**
 * The text of config.json with the bot folder `dir` recorded as `id` (and any other folder
 * recorded for that id removed: the bot moved), every comment and the rest of the layout kept.
 */
export function pinBotText(text: string, dir: string, id: string): string {
  const fmt = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: text.includes('\r\n') ? '\r\n' : '\n' } };
  const data = (parse(text, [], { allowTrailingComma: true }) ?? {}) as { bots?: Record<string, { id?: unknown }> };
  let out = text;
  for (const [other, v] of Object.entries(data.bots ?? {})) {
    if (other !== dir && v?.id === id) out = applyEdits(out, modify(out, ['bots', other], undefined, fmt));
  }
  return applyEdits(out, modify(out, ['bots', dir], { id }, fmt));
}

/** Reads the configuration; a workspace without one gets the defaults. */
export async function readConfig(fs: StoreFs, layout: StoreLayout, defaultPipeline?: readonly string[]): Promise<StoreConfig> {
  const file = relative(layout.root, layout.config).split('\\').join('/');
  let text: string;
  try {
    text = new TextDecoder().decode(await fs.readFile(layout.config));
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return normalizeConfig({}, file, defaultPipeline);
    throw ioError('read', layout.config, e);
  }
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const e = errors[0]!;
    const line = text.slice(0, e.offset).split('\n').length;
    throw new BotvError('BAD_CONFIG', `${file}:${line}: ${printParseErrorCode(e.error)}. Fix the JSON and try again.`, { file });
  }
  return normalizeConfig(raw, file);
}

async function writeIfMissing(fs: StoreFs, path: string, text: string): Promise<void> {
  try {
    await fs.lstat(path);
  } catch (e) {
    if (errnoOf(e) !== 'ENOENT') throw ioError('inspect', path, e);
    await writeFileAtomic(fs, path, new TextEncoder().encode(text));
  }
}

/** Writes `.botversions/.gitignore` if missing, before anything is put in `local/`. */
export async function ensureGitignore(fs: StoreFs, layout: StoreLayout): Promise<void> {
  await writeIfMissing(fs, join(layout.store, '.gitignore'), GITIGNORE);
}

/** Creates the store's fixed files if they are missing (on the first write). */
export async function initStore(fs: StoreFs, layout: StoreLayout, pipeline?: readonly string[]): Promise<void> {
  await writeIfMissing(fs, layout.config, defaultConfigText(pipeline));
  await writeIfMissing(fs, join(layout.store, '.gitignore'), GITIGNORE);
  await writeIfMissing(fs, join(layout.store, '.gitattributes'), GITATTRIBUTES);
}
