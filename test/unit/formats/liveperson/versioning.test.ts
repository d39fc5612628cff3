// LivePerson bots in the store, on the sample (a development bot and its production twin,
// each one JSON file): found with their names, ids and languages; a release from development
// to production keeps production's identity — bot.id, bot.name, chatBotId on every record,
// its domains and platforms — and takes everything else, the file written under production's
// own name; the export is the JSON as it was exported; the semantic diff of two versions is in
// Conversation Builder's terms.
import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { semanticChanges } from '../../../../server/src/formats/index';
import { open, tempDir } from '../../versioning/support/workspace';

const SAMPLE = join(__dirname, '../../../../samples/liveperson-support');

describe('liveperson: versions, releases and export', function () {
  this.timeout(60_000);

  it('finds both bots, releases development into production keeping production\'s identity, and exports the JSON as it is', async () => {
    const root = join(tempDir('botv-lp-'), 'sample');
    cpSync(SAMPLE, root, { recursive: true });
    // Production is on a channel and has a domain of its own.
    const prodPath = join(root, 'support-prod.json');
    const prod = JSON.parse(readFileSync(prodPath, 'utf8'));
    prod.platforms = [{ id: 'p-1', chatbotId: prod.bot.id, integrationType: 'HTMLCLIENT', platform: 'HTMLCLIENT', status: 'ACTIVE' }];
    prod.associatedDomains[0].name = 'Harbor Bikes Intents (production)';
    writeFileSync(prodPath, JSON.stringify(prod, null, 2));
    const ws = await open(root);
    const { bots, problems } = await ws.bots();
    assert.deepEqual(problems, []);
    assert.deepEqual(
      bots.map((b) => [b.id, b.name, b.format, b.dir, b.locales]),
      [
        ['harbor-bikes-support', 'Harbor Bikes Support', 'liveperson', 'support-prod.json', ['en-US']],
        ['harbor-bikes-support-development', 'Harbor Bikes Support - Development', 'liveperson', 'support-dev.json', ['en-US']],
      ],
    );
    const dev = await ws.save('harbor-bikes-support-development');
    await ws.save('harbor-bikes-support');
    const rel = await ws.createRelease('harbor-bikes-support-development', String(dev.version.number), 'harbor-bikes-support');
    const accepted = await ws.acceptRelease('harbor-bikes-support', rel.id);
    assert.deepEqual(accepted.written, ['support-prod.json']);
    assert.deepEqual(readdirSync(root).filter((f) => f.endsWith('.json')).sort(), ['support-dev.json', 'support-prod.json']);
    const after = JSON.parse(readFileSync(prodPath, 'utf8'));
    const devBot = JSON.parse(readFileSync(join(root, 'support-dev.json'), 'utf8'));
    assert.equal(after.bot.id, prod.bot.id);
    assert.equal(after.bot.name, 'Harbor Bikes Support');
    assert.deepEqual(after.platforms, prod.platforms);
    assert.deepEqual(after.associatedDomains, prod.associatedDomains);
    const chatBotIds = new Set<string>();
    JSON.stringify(after, (k, v) => ((k === 'chatBotId' || k === 'chatbotId') && chatBotIds.add(v), v));
    assert.deepEqual([...chatBotIds], [prod.bot.id], 'every record carries production\'s chatBotId');
    // Everything else is development's.
    const starter = (b: typeof after) => b.conversationMessage.find((m: { name: string }) => m.name === 'Welcome - User Says').pattern;
    assert.deepEqual(starter(after), starter(devBot));
    assert.equal(after.globalFunctions.methods, devBot.globalFunctions.methods);
    // The semantic diff of production's two versions: the release's changes, none of the identity's.
    const texts = await ws.diffTexts('harbor-bikes-support', '1', '2');
    const changes = semanticChanges('liveperson', texts.before, texts.after).changes.map((c) => `${c.change} ${c.kind} ${c.parent ? `${c.parent} / ` : ''}${c.name}`);
    assert.deepEqual(changes, ['added pattern Welcome - User Says / good (morning|afternoon)', 'modified interaction Opening Hours / Hours Answer']);
    // The export is the file as it is.
    const out = join(tempDir('botv-lp-out-'), 'build');
    const exported = await ws.exportVersion('harbor-bikes-support', '2', 'production', out);
    assert.deepEqual(exported.files.map((f) => f.path), ['support-prod.json']);
    assert.equal(readFileSync(join(out, 'support-prod.json'), 'utf8'), readFileSync(prodPath, 'utf8'));
  });

  it('validates a stored version at the gate as the one file it is', async () => {
    const { validateVersion } = await import('../../../../server/src/formats/index');
    const text = readFileSync(join(SAMPLE, 'support-dev.json'), 'utf8');
    assert.deepEqual(validateVersion(new Map([['support-dev.json', text]]), {}, 'liveperson'), []);
    const broken = text.replace(/"nextMessageId": "[0-9a-f]{40}"/, '"nextMessageId": "0000000000000000000000000000000000000000"');
    assert.deepEqual(validateVersion(new Map([['support-dev.json', broken]]), {}, 'liveperson').map((d) => d.code), ['liveperson/unknown-interaction']);
  });
});
