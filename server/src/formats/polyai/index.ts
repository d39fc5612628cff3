// The PolyAI ADK format: a project as `poly pull` lays it out — project.yaml (project_id,
// account_id, region) beside agent_settings/, config/ or the generated _gen/, with the other
// resource folders (topics/, flows/, functions/, voice/, chat/, test_suite/). Identity: `project_name`,
// else `project_id`; languages from agent_settings/languages.yaml. _gen/ is generated state:
// versioned (`poly push` needs it as its base) but never checked nor compared. See
// docs/formats.md.
import type { BotFormat, BotIdentity, EditorFeatures, FolderProbe, ParsedDocument, Recognition } from '../../definitions/index';
import { POLYAI_CODES } from './codes';
import { POLY_ENVIRONMENTS } from './paths';
import type * as Engine from './engine';
import type * as Identity from './identity';

let loaded: typeof Engine | undefined;
const engine = (): typeof Engine => (loaded ??= require('./engine') as typeof Engine);
let identityModule: typeof Identity | undefined;
const identity = (): typeof Identity => (identityModule ??= require('./identity') as typeof Identity);

const features: EditorFeatures = {
  complete: (...a) => engine().complete(...a),
  hover: (...a) => engine().hover(...a),
  findDefinition: (...a) => engine().findDefinition(...a),
  findReferences: (...a) => engine().findReferences(...a),
  documentSymbols: (...a) => engine().documentSymbols(...a),
};

/**
 * Folders beside project.yaml that make it a PolyAI project (a project.yaml alone could be any
 * tool's): the ADK's generated _gen/ and the folders of the settings a project always has. Not
 * topics/ or flows/: a folder marker is looked at again whenever a file comes or goes under it,
 * and those hold hundreds.
 */
const RESOURCE_DIRS = ['agent_settings/', 'config/', '_gen/'];

/** Python's caches and environments, and the test runner's. */
const GENERATED = new Set(['__pycache__', '.venv', 'venv', '.pytest_cache', '.mypy_cache', '.ruff_cache']);

export const polyFormat: BotFormat = {
  id: 'polyai',
  label: 'PolyAI',
  markers: ['project.yaml', 'agent_settings/languages.yaml', ...RESOURCE_DIRS],
  codes: POLYAI_CODES,
  // Sandbox → Pre-release → Live: a workspace of PolyAI projects promotes through these.
  environments: POLY_ENVIRONMENTS,

  recognise(probe: FolderProbe): Recognition | undefined {
    if (!probe.hasFile('project.yaml')) return undefined;
    return RESOURCE_DIRS.some((d) => probe.hasDir(d)) ? { marker: 'project.yaml' } : undefined;
  },

  identity(probe: FolderProbe, recognition: Recognition): BotIdentity {
    return identity().readPolyIdentity(probe, probe.dir === '' ? recognition.marker : `${probe.dir}/${recognition.marker}`);
  },

  adoptIdentity: () => identity().adoptPolyIdentity(),

  resolveExport: (files, env) => engine().resolvePolyExport(files, env),

  entities: (files) => engine().polyEntities(files),

  // Python's caches at any depth; _gen/ is the ADK's generated state, versioned but not modelled.
  skipsDir: (rel) => rel !== '' && rel.split('/').some((seg) => GENERATED.has(seg)),

  isDefinitionFile: (rel) => /\.(ya?ml|json|py)$/i.test(rel) || /(^|\/)rules\.txt$/.test(rel),

  // test_suite/<case>.yaml: what the `tests` gate checks.
  isTestFile: (rel) => /^test_suite\/[^/]+\.ya?ml$/i.test(rel),

  analyse: (doc: ParsedDocument) => engine().analyse(doc),

  open(dir: string) {
    return new (engine().PolySession)(polyFormat, dir);
  },

  features,
};
