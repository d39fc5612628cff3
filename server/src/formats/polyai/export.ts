// A version exported for one of PolyAI's environments: `poly push` takes the project folder
// as it is (FORMATS.md §12), so no file changes; the values the files already hold for that
// environment — each API integration's `environments.<env>` and each SMS template's
// `env_phone_numbers.<env>` — are what the export uses, and one the files lack for it is
// missing (the export refuses it, as the agent would call nothing there).
import { parseDocument } from '../../definitions/index';
import { arr, obj, str, val } from './facts';
import { POLY_ENVIRONMENTS } from './paths';


/** The key an environment has in sms_templates.yaml (`pre_release`), and in api_integrations.yaml (`pre-release`). */
const smsKey = (env: string) => env.replace(/-/g, '_');

export interface EnvironmentValue {
  /** `config/api_integrations.yaml: crm.base_url`. */
  name: string;
  value: string | undefined;
}

/** The values the files hold for one environment, by file and resource. */
export function valuesFor(files: ReadonlyMap<string, string>, env: string): EnvironmentValue[] {
  const out: EnvironmentValue[] = [];
  const api = files.get('config/api_integrations.yaml');
  if (api !== undefined) {
    for (const item of arr(val(parseDocument('api_integrations.yaml', api).root, 'api_integrations'))?.items ?? []) {
      const name = str(val(item, 'name'))?.text ?? '?';
      const envs = obj(val(item, 'environments'));
      const mine = val(envs, env) ?? val(envs, smsKey(env));
      const auth = str(val(mine, 'auth_type'))?.text;
      const url = str(val(mine, 'base_url'))?.text;
      out.push({ name: `config/api_integrations.yaml: ${name}.environments.${env}.base_url`, value: mine ? (url ?? (auth === 'none' ? '' : undefined)) : undefined });
    }
  }
  const sms = files.get('config/sms_templates.yaml');
  if (sms !== undefined) {
    for (const item of arr(val(parseDocument('sms_templates.yaml', sms).root, 'sms_templates'))?.items ?? []) {
      const name = str(val(item, 'name'))?.text ?? '?';
      const numbers = obj(val(item, 'env_phone_numbers'));
      const n = val(numbers, smsKey(env)) ?? val(numbers, env);
      const value = n && n.type === 'scalar' && n.value !== null ? String(n.value) : undefined;
      out.push({ name: `config/sms_templates.yaml: ${name}.env_phone_numbers.${smsKey(env)}`, value });
    }
  }
  return out;
}

/** The export for `env`: the files unchanged; for PolyAI's own environments, the values used and missing there. */
export function resolvePolyExport(files: ReadonlyMap<string, Uint8Array>, env: string): { files: Map<string, Uint8Array>; used: string[]; missing: string[] } {
  const out = { files: new Map(files), used: [] as string[], missing: [] as string[] };
  if (!(POLY_ENVIRONMENTS as readonly string[]).includes(env)) return out;
  const texts = new Map<string, string>();
  for (const key of ['config/api_integrations.yaml', 'config/sms_templates.yaml']) {
    const data = files.get(key);
    if (data) texts.set(key, new TextDecoder().decode(data));
  }
  for (const v of valuesFor(texts, env)) (v.value === undefined ? out.missing : out.used).push(v.value === undefined ? `${v.name} (none for ${env})` : `${v.name} = ${v.value}`);
  return out;
}
