// A file that comes or goes under a folder marker (one more file in a bot's flows/, a folder
// another format's recognition looks at) re-recognises the folder, and when the folder stays
// the bot it was, nothing moves between bots: the bot is told of an ordinary change and builds
// its model on the next request, not once per file while a project loads file by file.
import { strict as assert } from 'node:assert';
import { BotWorkspace } from '../../../server/src/definitions/index';
import type { BotFormat, BotModel, BotSession, SessionHost } from '../../../server/src/definitions/index';
import { nativeFormat } from '../../../server/src/formats/native/index';

let builds = 0;

class CountingSession implements BotSession {
  lastFiles: string[] = [];
  private current: BotModel | undefined;
  constructor(
    readonly format: BotFormat,
    readonly dir: string,
  ) {}
  invalidate(): void {
    this.current = undefined;
  }
  optionsChanged(): void {}
  model(host: SessionHost): BotModel | undefined {
    if (this.current) return this.current;
    builds++;
    const files = [...host.paths()].filter((p) => p.startsWith(`${this.dir}/`) && host.ownerOf(p) === this).sort();
    this.lastFiles = files;
    return (this.current = { format: 'polyai', dir: this.dir, manifest: `${this.dir}/project.yaml`, files, docs: new Map(files.map((f) => [f, host.document(f)!])), locales: [], extraManifests: [], defs: new Map(), refs: [], refsByKey: new Map() });
  }
  diagnostics() {
    return [];
  }
}

const folderFormat: BotFormat = {
  ...nativeFormat,
  id: 'polyai',
  label: 'Folder test format',
  markers: ['project.yaml', 'settings/', 'flows/'],
  codes: {},
  recognise: (probe) => (probe.hasFile('project.yaml') && probe.hasDir('settings/') ? { marker: 'project.yaml' } : undefined),
  identity: () => ({ locales: [], keep: [] }),
  isDefinitionFile: (rel) => /\.yaml$/.test(rel),
  analyse: (doc) => ({ doc, facts: { defs: [], refs: [] }, local: [] }),
  open(dir) {
    return new CountingSession(folderFormat, dir);
  },
};

describe('definitions: files under folder markers', () => {
  it('builds a bot\'s model once while its files load one by one under a folder marker, and still sees every file', () => {
    const ws = new BotWorkspace([folderFormat]);
    ws.setDocument('agent/project.yaml', 'a: 1\n');
    ws.setDocument('agent/settings/x.yaml', 'a: 1\n');
    builds = 0;
    for (let i = 0; i < 200; i++) ws.setDocument(`agent/flows/f${i}/step.yaml`, 'a: 1\n');
    assert.ok(builds <= 1, `the model was built ${builds} times while 200 files loaded`);
    const [bot] = ws.getBots();
    assert.equal(bot!.files.length, 202);
    // A folder that stops being a bot is still seen at once.
    ws.removeDocument('agent/settings/x.yaml');
    assert.deepEqual(ws.getBots(), []);
    ws.setDocument('agent/settings/x.yaml', 'a: 1\n');
    assert.equal(ws.getBots()[0]!.files.length, 202);
    ws.removeDocument('agent/flows/f0/step.yaml');
    assert.equal(ws.getBots()[0]!.files.length, 201);
  });
});
