// The native format: a folder with a manifest (bot.yaml, bot.json or bot.jsonc) and the
// YAML/JSON files its include globs name (docs/format.md). The first format of the registry:
// a folder with a manifest is a native bot, whatever else it holds.
import type { BotFormat, BotIdentity, FolderProbe, Recognition } from '../../definitions/format';
import type { ParsedDocument } from '../../definitions/parse/document';
import { NATIVE_CODES } from './codes';
import { nativeEntities } from './entities';
import { complete } from './features/completion';
import { hover } from './features/hover';
import { findDefinition, findReferences } from './features/navigation';
import { prepareRename, rename } from './features/rename';
import { documentSymbols } from './features/symbols';
import { readIdentity, rewriteIdentity } from './manifest';
import type { NativeDocument } from './model/bot';
import { MANIFEST_NAMES } from './model/builtins';
import { extractFacts } from './model/facts';
import { validateShape } from './schema/validate';
import { resolveNativeExport } from './variables';
import { isNativeDefinitionFile, NativeSession } from './session';

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

  analyse(doc: ParsedDocument): NativeDocument {
    const local = [...doc.syntax];
    // Mid-merge text parses into nonsense; the conflict markers are the one thing to say.
    if (!doc.syntax.some((f) => f.code === 'syntax/merge-conflict')) validateShape(doc.root, doc.text, local);
    return { doc, facts: extractFacts(doc), local };
  },

  resolveExport: (files, env) => resolveNativeExport(files, env),

  open(dir: string) {
    return new NativeSession(nativeFormat, dir);
  },

  features: { complete, hover, findDefinition, findReferences, prepareRename, rename, documentSymbols },

  entities: nativeEntities,
};

export { BOT_SCHEMA } from './schema/schema';
export { BUILTIN_SLOT_TYPES, EVENTS, MANIFEST_NAMES } from './model/builtins';
