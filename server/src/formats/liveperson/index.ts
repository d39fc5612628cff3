// The LivePerson Conversation Builder format: a bot is one exported JSON file, under any name,
// several to a folder, known by its top-level keys (`bot` and `conversationMessage`, the keys
// before them an export's) — never by its name alone, so an export saved as bot.json is a
// LivePerson bot and no native manifest. Identity: `bot.name` (the date and time an import
// appends left out), else `bot.id`; locale: `bot.language`. See docs/formats.md.
import type { BotFormat, BotIdentity, EditorFeatures, FolderProbe, ParsedDocument, Recognition } from '../../definitions/index';
import { LIVEPERSON_CODES } from './codes';
import type * as Engine from './engine';
import type * as Identity from './identity';
import type { LivePersonDocument } from './model';
import { skimExport } from './recognise';

/**
 * The analysis, rules, editor features and semantic diff (./engine.ts), and the reading of a
 * bot's identity (./identity.ts), loaded on first use: recognition is all that the store needs
 * of a bot it does not version.
 */
let loaded: typeof Engine | undefined;
const engine = (): typeof Engine => (loaded ??= require('./engine') as typeof Engine);
let identityModule: typeof Identity | undefined;
const identity = (): typeof Identity => (identityModule ??= require('./identity') as typeof Identity);

const features: EditorFeatures = {
  hover: (...a) => engine().hover(...a),
  findDefinition: (...a) => engine().findDefinition(...a),
  findReferences: (...a) => engine().findReferences(...a),
  documentSymbols: (...a) => engine().documentSymbols(...a),
};

export const livePersonFormat: BotFormat = {
  id: 'liveperson',
  label: 'LivePerson Conversation Builder',
  // A bot is never a folder: only files are recognised, by their content.
  markers: [],
  fileMarkers: ['*.json'],
  codes: LIVEPERSON_CODES,

  recogniseFile(name: string, text: string, partial: boolean): Recognition | undefined | 'more' {
    const answer = skimExport(text, partial);
    return answer === 'yes' ? { marker: name } : answer === 'more' ? 'more' : undefined;
  },

  recognise: (_probe: FolderProbe) => undefined,

  identity(probe: FolderProbe, recognition: Recognition): BotIdentity {
    return identity().readLivePersonIdentity(probe.read(recognition.marker), probe.dir);
  },

  adoptIdentity: (released, target) => identity().adoptLivePersonIdentity(released, target),

  entities: (files) => engine().livePersonEntities(files),

  skipsDir: () => false,

  isDefinitionFile: (rel) => /\.json$/i.test(rel),

  analyse: (doc: ParsedDocument): LivePersonDocument => engine().analyse(doc),

  open(dir: string) {
    return new (engine().LivePersonSession)(livePersonFormat, dir);
  },

  features,
};
