// Bots whose files give no lasting id keep their history: the id comes from config.json,
// else the bot's files, else its folder; the first version of such a bot records its folder
// and id in config.json (comments kept); an id that appears later in the files (`rasa
// train` writes an assistant_id) or a folder that moves does not start a new history; and a
// release into a Rasa project keeps the project's own assistant_id, endpoints and credentials.
import { strict as assert } from 'node:assert';
import { cpSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { get, open, put, REPO, tempDir } from './support/workspace';

const CLEAN = join(REPO, 'test', 'fixtures', 'rasa', 'clean');

/** A workspace with a copy of the clean Rasa fixture at `dir`, its assistant_id removed. */
function rasaWorkspace(dir: string): string {
  const root = tempDir('botv-ids-');
  cpSync(CLEAN, join(root, dir), { recursive: true });
  put(root, `${dir}/config.yml`, get(root, `${dir}/config.yml`).replace(/^assistant_id: .*\n/m, ''));
  return root;
}

describe('bot ids that last', function () {
  this.timeout(30_000);

  it('takes a Rasa project without assistant_id by its folder, and records the id on its first version', async () => {
    const root = rasaWorkspace('assistants/ledger');
    put(root, '.botversions/config.json', '{\n  // the team pipeline\n  "pipeline": ["development", "production"]\n}\n');
    const ws = await open(root);
    const { bots } = await ws.bots();
    assert.deepEqual(bots.map((b) => [b.id, b.format, b.dir, b.idSource, b.name]), [['ledger', 'rasa', 'assistants/ledger', 'folder', 'ledger']]);
    await ws.save('ledger');
    const config = get(root, '.botversions/config.json');
    assert.match(config, /\/\/ the team pipeline/, 'comments are kept');
    assert.deepEqual(JSON.parse(config.replace(/^\s*\/\/.*$/m, '')).bots, { 'assistants/ledger': { id: 'ledger' } });
    assert.equal((await ws.bots()).bots[0]!.idSource, 'config');
  });

  it('keeps the id when rasa train writes an assistant_id into config.yml', async () => {
    const root = rasaWorkspace('ledger');
    const ws = await open(root);
    await ws.save('ledger');
    put(root, 'ledger/config.yml', `assistant_id: 20261204-101010-brisk-otter\n${get(root, 'ledger/config.yml')}`);
    const { bots } = await ws.bots();
    assert.deepEqual(bots.map((b) => [b.id, b.idSource]), [['ledger', 'config']]);
    assert.equal((await ws.versions('ledger')).length, 1);
  });

  it('follows a folder that moved, and records the new folder with the next version', async () => {
    const root = rasaWorkspace('assistants/ledger');
    let ws = await open(root);
    await ws.save('ledger', { name: 'before the move' });
    renameSync(join(root, 'assistants'), join(root, 'services'));
    ws = await open(root);
    const { bots, problems } = await ws.bots();
    assert.deepEqual(bots.map((b) => [b.id, b.dir, b.idSource]), [['ledger', 'services/ledger', 'moved']]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'MOVED');
    assert.match(problems[0]!.message, /services\/ledger is taken to be ledger, whose folder was assistants\/ledger/);
    assert.deepEqual((await ws.versions('ledger')).map((v) => v.name), ['before the move']);
    put(root, 'services/ledger/data/nlu.yml', `${get(root, 'services/ledger/data/nlu.yml')}\n`);
    await ws.save('ledger');
    assert.deepEqual(JSON.parse(get(root, '.botversions/config.json')).bots, { 'services/ledger': { id: 'ledger' } });
    const after = await ws.bots();
    assert.deepEqual(after.bots.map((b) => [b.id, b.idSource]), [['ledger', 'config']]);
    assert.deepEqual(after.problems, []);
  });

  it('says which is which when a moved folder cannot be told apart from a new bot', async () => {
    const root = rasaWorkspace('old/ledger');
    let ws = await open(root);
    await ws.save('ledger');
    // Renamed, and another project appears: either could be the one that moved.
    renameSync(join(root, 'old', 'ledger'), join(root, 'old', 'savings'));
    cpSync(join(root, 'old', 'savings'), join(root, 'other', 'teller'), { recursive: true });
    ws = await open(root);
    const { bots, problems } = await ws.bots();
    assert.deepEqual(bots.map((b) => [b.id, b.idSource]).sort(), [['savings', 'folder'], ['teller', 'folder']]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'MOVED');
    assert.match(problems[0]!.message, /ledger \(was old\/ledger\) is no longer where .* say which is which under "bots"/);
    // Saying so adopts the history.
    put(root, '.botversions/config.json', JSON.stringify({ bots: { 'old/savings': { id: 'ledger' } } }));
    assert.deepEqual((await ws.bots()).bots.map((b) => [b.id, b.idSource]).sort(), [['ledger', 'config'], ['teller', 'folder']]);
    assert.equal((await ws.versions('ledger')).length, 1);
  });

  it('a release into a Rasa twin keeps the twin\'s assistant_id, endpoints and credentials', async () => {
    const root = tempDir('botv-ids-');
    cpSync(CLEAN, join(root, 'dev'), { recursive: true });
    cpSync(CLEAN, join(root, 'prod'), { recursive: true });
    put(root, 'dev/config.yml', get(root, 'dev/config.yml').replace(/^assistant_id: .*$/m, 'assistant_id: ledger-dev'));
    put(root, 'prod/config.yml', get(root, 'prod/config.yml').replace(/^assistant_id: .*$/m, 'assistant_id: "ledger-prod"  # the live one'));
    put(root, 'prod/endpoints.yml', 'action_endpoint:\n  url: "https://actions.example.com/webhook"\n');
    put(root, 'dev/data/nlu.yml', get(root, 'dev/data/nlu.yml').replace('      - hello Ledger\n', '      - hello Ledger\n      - good day\n'));
    const ws = await open(root);
    await ws.save('ledger-prod');
    const v = await ws.save('ledger-dev');
    const release = await ws.createRelease('ledger-dev', String(v.version.number), 'ledger-prod');
    await ws.acceptRelease('ledger-prod', release.id);
    assert.match(get(root, 'prod/data/nlu.yml'), /- good day/);
    // The value is the twin's, written as the twin writes it; the line around it comes with the release.
    assert.match(get(root, 'prod/config.yml'), /^assistant_id: "ledger-prod"$/m);
    assert.equal(get(root, 'prod/config.yml').replace(/^assistant_id: .*$/m, ''), get(root, 'dev/config.yml').replace(/^assistant_id: .*$/m, ''));
    assert.equal(get(root, 'prod/endpoints.yml'), 'action_endpoint:\n  url: "https://actions.example.com/webhook"\n');
    assert.deepEqual((await ws.bots()).bots.map((b) => b.id), ['ledger-dev', 'ledger-prod']);
  });
});
