// A PolyAI project's identity: project.yaml's `project_name` (else `project_id`) as the bot
// id, made a valid id, and as its name; its languages from agent_settings/languages.yaml (the
// default first). A release into a project keeps what makes it that project on the platform:
// its project.yaml (project, account, region), its _gen/ (the base of its last pull, which
// `poly push` compares with) and its real-time configuration (per environment, never
// promoted).
import { parseDocument, toBotId } from '../../definitions/index';
import type { AdoptedIdentity, BotIdentity, FolderProbe } from '../../definitions/index';
import { arr, str, val } from './facts';

/** Files a release into a PolyAI project never overwrites. */
export const POLY_KEEP = ['project.yaml', '_gen/**', 'real_time_configuration/**'];

export function readPolyIdentity(probe: FolderProbe, file: string): BotIdentity {
  const text = probe.read('project.yaml');
  if (text === undefined) return { locales: [], keep: POLY_KEEP, problem: `${file} could not be read` };
  const root = parseDocument('project.yaml', text).root;
  const name = str(val(root, 'project_name'))?.text;
  const projectId = str(val(root, 'project_id'))?.text;
  const out: BotIdentity = { locales: [], keep: POLY_KEEP };
  const id = toBotId(name ?? '') || toBotId(projectId ?? '');
  if (id) out.id = id;
  if (name ?? projectId) out.name = (name ?? projectId)!;
  const langs = probe.read('agent_settings/languages.yaml');
  if (langs !== undefined) {
    const l = parseDocument('languages.yaml', langs).root;
    const d = str(val(l, 'default_language'))?.text;
    out.locales = [...(d ? [d] : []), ...(arr(val(l, 'additional_languages'))?.items ?? []).map((i) => str(i)?.text).filter((x): x is string => !!x)];
  }
  return out;
}

/** Nothing in the released files carries the target's identity: project.yaml is kept whole (POLY_KEEP). */
export function adoptPolyIdentity(): AdoptedIdentity {
  return { rewritten: new Map() };
}
