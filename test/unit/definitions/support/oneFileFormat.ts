// A format whose bots are one JSON file known by its content, as the seam's tests use it:
// a file is one of its bots when its first key is "bot" or "hash" and it has a top-level
// "conversationMessage" key (a LivePerson export's shape, read crudely). Its session models
// the one file and reports nothing; a release into one of its bots keeps the target's
// "name". The tests of the seam run with it, apart from any real format.
import type { BotFormat, BotModel, BotSession, Diagnostic, SessionHost } from '../../../../server/src/definitions/index';
import { nativeFormat } from '../../../../server/src/formats/native/index';

class OneFileSession implements BotSession {
  lastFiles: string[] = [];
  constructor(
    readonly format: BotFormat,
    readonly dir: string,
  ) {}
  invalidate(): void {}
  optionsChanged(): void {}
  model(host: SessionHost): BotModel | undefined {
    if (!host.has(this.dir) || host.ownerOf(this.dir) !== this) return undefined;
    const doc = host.document(this.dir)!;
    const name = /"name"\s*:\s*"([^"]*)"/.exec(host.text(this.dir))?.[1];
    this.lastFiles = [this.dir];
    return { format: 'liveperson', dir: this.dir, manifest: this.dir, ...(name ? { id: name } : {}), files: [this.dir], docs: new Map([[this.dir, doc]]), locales: ['en-US'], extraManifests: [], defs: new Map(), refs: [], refsByKey: new Map() };
  }
  diagnostics(): Diagnostic[] {
    return [];
  }
}

/** Calls of recogniseFile, with how much text each was given (to tell a beginning from the whole). */
export const recognitions: { name: string; length: number; partial: boolean }[] = [];

export const oneFileFormat: BotFormat = {
  id: 'liveperson',
  label: 'One-file test format',
  markers: [],
  codes: {},
  fileMarkers: ['*.json'],
  recogniseFile(name, text, partial) {
    recognitions.push({ name, length: text.length, partial });
    const first = /^\s*\{\s*"([^"]*)"/.exec(text);
    if (!first) return partial && /^\s*\{?\s*$/.test(text) ? 'more' : undefined;
    if (first[1] !== 'bot' && first[1] !== 'hash') return undefined;
    if (/\n {2}"conversationMessage"\s*:/.test(text)) return { marker: name };
    return partial ? 'more' : undefined;
  },
  recognise: () => undefined,
  identity(probe, recognition) {
    const text = probe.read(recognition.marker);
    const name = text && /"name"\s*:\s*"([^"]*)"/.exec(text)?.[1];
    return name ? { id: name, name, locales: ['en-US'], keep: [] } : { locales: [], keep: [], problem: `${probe.dir} names no bot` };
  },
  adoptIdentity(released, target) {
    const own = /"name"\s*:\s*"([^"]*)"/.exec(target.markerText)?.[1];
    const out = new Map<string, string>();
    for (const [path, text] of released) out.set(path, own ? text.replace(/("name"\s*:\s*)"[^"]*"/, `$1"${own}"`) : text);
    return { rewritten: out };
  },
  skipsDir: () => false,
  isDefinitionFile: (rel) => /\.json$/i.test(rel),
  analyse: (doc) => ({ doc, facts: { defs: [], refs: [] }, local: [...doc.syntax] }),
  open(dir) {
    return new OneFileSession(oneFileFormat, dir);
  },
};

/** The formats the seam's tests run with: the native format first, as in the registry, then the one-file one. */
export const WITH_ONE_FILE: readonly BotFormat[] = [nativeFormat, oneFileFormat];

/** An export of the test format: a bot named `name`, with `extra` lines inside the object. */
export function exportJson(name: string, extra = ''): string {
  return `{\n  "hash": "-1",\n  "bot": {\n    "id": "0f1e",\n    "name": "${name}",\n    "language": "en-US"\n  },\n  "responder": [],${extra}\n  "conversationMessage": [],\n  "groups": []\n}\n`;
}
