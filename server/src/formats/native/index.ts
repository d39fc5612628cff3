// The native format: a folder with a manifest (bot.yaml, bot.json or bot.jsonc) and the
// YAML/JSON files its include globs name (docs/format.md). The first format of the registry:
// a folder with a manifest is a native bot, whatever else it holds.
import type { BotFormat, BotIdentity, FolderProbe, Recognition } from '../../definitions/format';
import type { EditorFeatures } from '../../definitions/features/types';
import type { ParsedDocument } from '../../definitions/parse/document';
import { NATIVE_CODES } from './codes';
import type * as Engine from './engine';
import { readIdentity, rewriteIdentity } from './manifest';
import type { NativeDocument } from './model/bot';
import { isNativeDefinitionFile, MANIFEST_NAMES } from './model/builtins';

/**
 * The analysis, rules, editor features and semantic diff (./engine.ts), loaded on first use:
 * recognition, identity and the files of a bot are all that discovery and the store need.
 */
let loaded: typeof Engine | undefined;
const engine = (): typeof Engine => (loaded ??= require('./engine') as typeof Engine);

const features: EditorFeatures = {
  complete: (...a) => engine().complete(...a),
  hover: (...a) => engine().hover(...a),
  findDefinition: (...a) => engine().findDefinition(...a),
  findReferences: (...a) => engine().findReferences(...a),
  prepareRename: (...a) => engine().prepareRename(...a),
  rename: (...a) => engine().rename(...a),
  documentSymbols: (...a) => engine().documentSymbols(...a),
};

export const nativeFormat: BotFormat = {
  id: 'native',
  label: 'Bot Versions',
  markers: MANIFEST_NAMES,
  codes: NATIVE_CODES,

  recognise(probe: FolderProbe): Recognition | undefined {
    const present = MANIFEST_NAMES.filter((m) => probe.hasFile(m));
    if (present.length === 0) return undefined;
    return present.length > 1 ? { marker: present[0]!, ignored: present.slice(1) } : { marker: present[0]! };
  },

  identity(probe: FolderProbe, recognition: Recognition): BotIdentity {
    const file = probe.dir === '' ? recognition.marker : `${probe.dir}/${recognition.marker}`;
    const text = probe.read(recognition.marker);
    if (text === undefined) return { locales: [], keep: [], problem: `${file} could not be read` };
    const ident = readIdentity(text, file);
    const out: BotIdentity = { locales: ident.locales, keep: ident.keep };
    if (ident.id !== null) out.id = ident.id;
    if (ident.name !== null) out.name = ident.name;
    if (ident.problem) out.problem = ident.problem;
    return out;
  },

  adoptIdentity(released, target) {
    const manifest = MANIFEST_NAMES.find((m) => released.has(m));
    if (!manifest) return { problem: 'it has no bot manifest (bot.yaml, bot.json or bot.jsonc) at its top level' };
    const own = readIdentity(target.markerText, target.marker);
    if (own.problem) return { problem: own.problem };
    const rewrite = rewriteIdentity(released.get(manifest)!, manifest, { id: target.id, name: own.name, release: own.release });
    if ('problem' in rewrite) return { problem: `its manifest cannot be read (${rewrite.problem})` };
    return { rewritten: new Map([[manifest, rewrite.text]]) };
  },

  // Nested bots are left out of their parent by the engine; a native bot skips no folder of its own.
  skipsDir: () => false,

  isDefinitionFile: (rel) => isNativeDefinitionFile(rel),

  // A native bot has no test files of its own.
  isTestFile: () => false,

  analyse: (doc: ParsedDocument): NativeDocument => engine().analyse(doc),

  resolveExport: (files, env) => engine().resolveNativeExport(files, env),

  open(dir: string) {
    return new (engine().NativeSession)(nativeFormat, dir);
  },

  features,

  entities: (files) => engine().nativeEntities(files),
};

export { BUILTIN_SLOT_TYPES, EVENTS, MANIFEST_NAMES } from './model/builtins';
