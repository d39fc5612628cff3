/** A file's history, decided by the core and only translated by the language server. */
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gateValidator } from '../../../server/src/formats/gate';
import { VersioningService } from '../../../server/src/lsp/versioningService';
import { copyFixture, open, put } from './support/workspace';

describe('file history', () => {
  it('lists the versions that changed a file, newest first, a removed and re-added file at its return', async () => {
    const root = copyFixture();
    const ws = await open(root);
    const file = 'shop-dev/intents/greet.yaml';
    await ws.save('shop-dev'); // v1: the file as the fixture has it
    put(root, 'shop-dev/flows/main.yaml', 'flows: []\n');
    await ws.save('shop-dev'); // v2: another file changed
    put(root, file, 'intents: []\n');
    await ws.save('shop-dev'); // v3: changed
    rmSync(join(root, file));
    await ws.save('shop-dev'); // v4: removed
    put(root, file, 'intents: []\n');
    await ws.save('shop-dev'); // v5: back, as in v3

    const entries = await ws.fileHistory('shop-dev', 'intents/greet.yaml');
    assert.deepEqual(entries.map((e) => [e.version.label, e.change]), [
      ['v5', 'added'],
      ['v3', 'modified'],
      ['v1', 'added'],
    ]);
    assert.equal(entries[0]!.sha256, entries[1]!.sha256);
    assert.deepEqual(await ws.fileHistory('shop-dev', 'nowhere.yaml'), []);

    const service = new VersioningService({ roots: [root], validate: gateValidator } as ConstructorParameters<typeof VersioningService>[0]);
    await service.init();
    const viaServer = await service.handlers['botVersions/fileHistory']({ uri: pathToFileURL(join(root, file)).toString() });
    assert.deepEqual(viaServer && [viaServer.bot, viaServer.path, viaServer.versions.map((v) => v.label)], ['shop-dev', 'intents/greet.yaml', ['v5', 'v3', 'v1']]);
  });
});
