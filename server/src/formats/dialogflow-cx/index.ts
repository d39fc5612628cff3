// The Dialogflow CX format: an agent's JSON package as the console exports it, or as its Git
// integration pushes it — agent.json (with `defaultLanguageCode` and `startFlow` or
// `startPlaybook`) beside flows/, intents/, entityTypes/, webhooks/, transitionRouteGroups/,
// testCases/, playbooks/, generators/ — as a folder or as a committed export zip. Names in
// file and folder names are percent-encoded display names (names.ts). See docs/formats.md.
import type { BotFormat, BotIdentity, EditorFeatures, FolderProbe, ParsedDocument, Recognition } from '../../definitions/index';
import { CX_CODES } from './codes';
import type * as Engine from './engine';
import type * as Adopt from './adopt';
import { readCxIdentity } from './identity';
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

/** The folders of a package beside agent.json; any one of them (but intents/ alone, which ES has too) makes the folder a CX agent. */
const CX_DIRS = ['flows/', 'entityTypes/', 'playbooks/', 'transitionRouteGroups/', 'webhooks/', 'testCases/', 'generators/', 'tools/', 'generativeSettings/'];

export const dialogflowCxFormat: BotFormat = {
  id: 'dialogflow-cx',
  label: 'Dialogflow CX',
  markers: ['agent.json', 'package.json', 'entities/', 'intents/', ...CX_DIRS],
  codes: CX_CODES,
  zips: true,
  exclusiveRepository:
    "the agent is at the top of this git repository, and Dialogflow CX's Git integration removes every file of its branch that is not agent JSON on each push from the console: .botversions/, and every version saved in it, would go with the next push. " +
    'If the console pushes to this repository, point its Git integration at a branch or repository of its own and keep the Bot Versions workspace elsewhere: a repository that holds the agent in a sub-folder (merged or pulled from the console\'s branch, or as a submodule). ' +
    'If the console does not push here, nothing is at risk. See "Dialogflow CX" in docs/formats.md.',

  recognise(probe: FolderProbe): Recognition | undefined {
    if (!probe.hasFile('agent.json')) return undefined;
    if (CX_DIRS.some((d) => probe.hasDir(d))) return { marker: 'agent.json' };
    // An agent of intents alone: CX when nothing says Dialogflow ES (package.json, entities/).
    if (probe.hasDir('intents/') && !probe.hasFile('package.json') && !probe.hasDir('entities/')) return { marker: 'agent.json' };
    return undefined;
  },

  identity(probe: FolderProbe, recognition: Recognition): BotIdentity {
    return readCxIdentity(probe.read(recognition.marker), probe.dir);
  },

  adoptIdentity: (released, target) => adopt().adoptCxIdentity(released, target),

  entities: (files) => engine().cxEntities(files),

  entityFiles: (files) => engine().cxEntityFiles(files),

  // A package holds nothing generated.
  skipsDir: () => false,

  isDefinitionFile: (rel) => /\.json$/i.test(rel),

  // Training phrases, entity entries, excluded phrases and generative settings are files per
  // language; pages and flows hold every language's messages and are shared.
  localeOf: (rel) => placeOf(rel).lang,

  // The console's own test cases.
  isTestFile: (rel) => /^testCases\/[^/]+\.json$/i.test(rel),

  analyse: (doc: ParsedDocument) => engine().analyse(doc),

  open(dir: string) {
    return new (engine().CxSession)(dialogflowCxFormat, dir);
  },

  features,
};
