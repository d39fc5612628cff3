// The Dialogflow ES format: an agent as the console exports it (Export and Import → Export
// as ZIP) — agent.json (with `language`) and package.json at the top, flat intents/ and
// entities/ — as a folder or as the committed zip. The export names no agent, so the folder
// or the zip names it. See docs/formats.md.
import type { BotFormat, BotIdentity, EditorFeatures, FolderProbe, ParsedDocument, Recognition } from '../../definitions/index';
import { ES_CODES } from './codes';
import type * as Engine from './engine';
import type * as Adopt from './adopt';
import { readEsIdentity } from './identity';
import { placeOf } from './names';

/** The analysis, rules, editor features and semantic diff (./engine.ts), loaded on first use. */
let loaded: typeof Engine | undefined;
const engine = (): typeof Engine => (loaded ??= require('./engine') as typeof Engine);
let adoptModule: typeof Adopt | undefined;
const adopt = (): typeof Adopt => (adoptModule ??= require('./adopt') as typeof Adopt);

const features: EditorFeatures = {
  complete: (...a) => engine().complete(...a),
  hover: (...a) => engine().hover(...a),
  findDefinition: (...a) => engine().findDefinition(...a),
  findReferences: (...a) => engine().findReferences(...a),
  prepareRename: (...a) => engine().prepareRename(...a),
  rename: (...a) => engine().rename(...a),
  documentSymbols: (...a) => engine().documentSymbols(...a),
};

/** Folders only a Dialogflow CX package has: an agent.json beside one of them is CX's. */
const CX_DIRS = ['flows/', 'entityTypes/', 'playbooks/', 'transitionRouteGroups/', 'webhooks/', 'testCases/', 'generators/'];

export const dialogflowEsFormat: BotFormat = {
  id: 'dialogflow-es',
  label: 'Dialogflow ES',
  markers: ['agent.json', 'package.json', 'intents/', 'entities/', ...CX_DIRS],
  codes: ES_CODES,
  zips: true,

  recognise(probe: FolderProbe): Recognition | undefined {
    if (!probe.hasFile('agent.json') || CX_DIRS.some((d) => probe.hasDir(d))) return undefined;
    const intents = probe.hasDir('intents/');
    const entities = probe.hasDir('entities/');
    if ((intents || entities) && (probe.hasFile('package.json') || entities)) return { marker: 'agent.json' };
    return undefined;
  },

  identity(probe: FolderProbe, recognition: Recognition): BotIdentity {
    return readEsIdentity(probe.read(recognition.marker));
  },

  adoptIdentity: (released, target) => adopt().adoptEsIdentity(released, target),

  entities: (files) => engine().esEntities(files),

  skipsDir: () => false,

  isDefinitionFile: (rel) => /\.json$/i.test(rel),

  // Training phrases, entries and small talk are files per language; intents hold every language's responses and are shared.
  localeOf: (rel) => placeOf(rel).lang,

  analyse: (doc: ParsedDocument) => engine().analyse(doc),

  open(dir: string) {
    return new (engine().EsSession)(dialogflowEsFormat, dir);
  },

  features,
};
