// The Rasa format: a Rasa 3.x project (Open Source or Pro/CALM) as it is in its repository —
// config.yml (or config/config.yml) beside a domain (domain.yml or a domain/ folder), with
// training data known by its keys anywhere in the project. Identity: `assistant_id`;
// locale: `language`. Generated folders (models/, .rasa/, results/, caches, virtualenvs) are
// never part of the bot. See docs/formats.md.
import type { BotFormat, BotIdentity, EditorFeatures, FolderProbe, ParsedDocument, Recognition } from '../../definitions/index';
import { RASA_CODES } from './codes';
import type * as Engine from './engine';
import type * as Identity from './identity';
import { CONFIG_FILES } from './model';
import type { RasaDocument } from './model';

/**
 * The analysis, rules, editor features and semantic diff (./engine.ts), and the reading of
 * a project's identity (./identity.ts, which reads config.yml's facts), loaded on first use:
 * recognition and the files of a bot are all that the store needs of a Rasa project it does
 * not version.
 */
let loaded: typeof Engine | undefined;
const engine = (): typeof Engine => (loaded ??= require('./engine') as typeof Engine);
let identityModule: typeof Identity | undefined;
const identity = (): typeof Identity => (identityModule ??= require('./identity') as typeof Identity);

const features: EditorFeatures = {
  complete: (...a) => engine().complete(...a),
  hover: (...a) => engine().hover(...a),
  findDefinition: (...a) => engine().findDefinition(...a),
  findReferences: (...a) => engine().findReferences(...a),
  prepareRename: (...a) => engine().prepareRename(...a),
  rename: (...a) => engine().rename(...a),
  documentSymbols: (...a) => engine().documentSymbols(...a),
};

/** Folders Rasa writes (models, caches, test results) and Python's caches and environments. */
const GENERATED = new Set(['models', '.rasa', 'results', 'nlu_comparison_results', 'converted_data', '__pycache__', '.venv', 'venv', '.ipynb_checkpoints', '.pytest_cache', '.mypy_cache', '.ruff_cache']);

export const rasaFormat: BotFormat = {
  id: 'rasa',
  label: 'Rasa',
  markers: [...CONFIG_FILES, 'domain.yml', 'domain.yaml', 'domain/'],
  codes: RASA_CODES,

  recognise(probe: FolderProbe): Recognition | undefined {
    const config = CONFIG_FILES.find((c) => probe.hasFile(c));
    if (!config) return undefined;
    const domain = probe.hasFile('domain.yml') || probe.hasFile('domain.yaml') || probe.hasDir('domain/');
    return domain ? { marker: config } : undefined;
  },

  identity(probe: FolderProbe, recognition: Recognition): BotIdentity {
    return identity().readRasaIdentity(probe.read(recognition.marker), probe.dir === '' ? recognition.marker : `${probe.dir}/${recognition.marker}`);
  },

  adoptIdentity: (released, target) => identity().adoptRasaIdentity(released, target),

  entities: (files) => engine().rasaEntities(files),

  entityFiles: (files) => engine().rasaEntityFiles(files),

  // Top-level generated folders of the project, and Python caches at any depth.
  skipsDir: (rel) => rel !== '' && (GENERATED.has(rel.split('/')[0]!) || rel.split('/').some((seg) => seg === '__pycache__')),

  isDefinitionFile: (rel) => /\.ya?ml$/i.test(rel),

  // Test stories (`rasa test`) and end-to-end tests (`rasa test e2e`).
  isTestFile: (rel) => /^(tests|e2e_tests)\//.test(rel) && /\.ya?ml$/i.test(rel),

  analyse: (doc: ParsedDocument): RasaDocument => engine().analyse(doc),

  open(dir: string) {
    return new (engine().RasaSession)(rasaFormat, dir);
  },

  features,
};
