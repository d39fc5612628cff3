// The Rasa format: a Rasa 3.x project (Open Source or Pro/CALM) as it is in its repository —
// config.yml (or config/config.yml) beside a domain (domain.yml or a domain/ folder), with
// training data known by its keys anywhere in the project. Identity: `assistant_id`;
// locale: `language`. Generated folders (models/, .rasa/, results/, caches, virtualenvs) are
// never part of the bot. See docs/formats.md.
import type { BotFormat, BotIdentity, FolderProbe, ParsedDocument, Recognition } from '../../definitions/index';
import { RASA_CODES } from './codes';
import { complete } from './features/completion';
import { hover } from './features/hover';
import { findDefinition, findReferences } from './features/navigation';
import { prepareRename, rename } from './features/rename';
import { documentSymbols } from './features/symbols';
import { rasaEntities } from './entities';
import { extractRasaFacts } from './facts';
import { CONFIG_FILES } from './model';
import type { RasaDocument } from './model';
import { adoptRasaIdentity, readRasaIdentity } from './identity';
import { RasaSession } from './session';

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
    return readRasaIdentity(probe.read(recognition.marker), probe.dir === '' ? recognition.marker : `${probe.dir}/${recognition.marker}`);
  },

  adoptIdentity: (released, target) => adoptRasaIdentity(released, target),

  entities: (files) => rasaEntities(files),

  // Top-level generated folders of the project, and Python caches at any depth.
  skipsDir: (rel) => rel !== '' && (GENERATED.has(rel.split('/')[0]!) || rel.split('/').some((seg) => seg === '__pycache__')),

  isDefinitionFile: (rel) => /\.ya?ml$/i.test(rel),

  // Test stories (`rasa test`) and end-to-end tests (`rasa test e2e`).
  isTestFile: (rel) => /^(tests|e2e_tests)\//.test(rel) && /\.ya?ml$/i.test(rel),

  analyse(doc: ParsedDocument): RasaDocument {
    return { doc, facts: extractRasaFacts(doc), local: [...doc.syntax] };
  },

  open(dir: string) {
    return new RasaSession(rasaFormat, dir);
  },

  features: { complete, hover, findDefinition, findReferences, prepareRename, rename, documentSymbols },
};
