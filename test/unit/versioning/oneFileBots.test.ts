// Bots that are one file known by its content (a LivePerson export) in the store: found
// wherever they are, several to a folder and under any name, a bot.json among them; a
// version holds the file alone, restored byte for byte; discovery reads the beginning of a
// candidate file and no more when that tells, and nothing again while the file is unchanged;
// a release into such a bot takes the released file under the target's own name with the
// target's identity. Run with a test format (definitions/support/oneFileFormat.ts).
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFs, type StoreFs } from '../../../server/src/versioning/fs/fsio';
import { exportJson, WITH_ONE_FILE } from '../definitions/support/oneFileFormat';
import { get, open, put, tempDir } from './support/workspace';

const manifest = (id: string) => `bot:\n  id: ${id}\n  name: Shop\n  locales: [en-US]\ninclude: [intents/*.yaml]\n`;

/** The real file system, counting whole-file reads and beginnings read, by file name. */
function countingFs(): { fs: StoreFs; whole: Map<string, number>; heads: Map<string, number> } {
  const whole = new Map<string, number>();
  const heads = new Map<string, number>();
  const bump = (m: Map<string, number>, p: string) => m.set(p.slice(p.replace(/\\/g, '/').lastIndexOf('/') + 1), (m.get(p.slice(p.replace(/\\/g, '/').lastIndexOf('/') + 1)) ?? 0) + 1);
  const fs: StoreFs = {
    ...nodeFs,
    readFile: (p) => (bump(whole, p), nodeFs.readFile(p)),
    readHead: (p, max) => (bump(heads, p), nodeFs.readHead!(p, max)),
  };
  return { fs, whole, heads };
}

describe('bots that are one file, in the store', function () {
  this.timeout(30_000);

  it('finds every such file as a bot, a bot.json among them, and versions the file alone', async () => {
    const root = tempDir('botv-onefile-');
    put(root, 'bots/Support Bot.json', exportJson('support'));
    put(root, 'bots/sales.json', exportJson('sales'));
    put(root, 'bots/package.json', '{\n  "name": "tooling"\n}\n');
    put(root, 'lp/bot.json', exportJson('faq'));
    put(root, 'shop/bot.yaml', manifest('shop'));
    put(root, 'shop/exports/inner.json', exportJson('inner'));
    const ws = await open(root, { formats: WITH_ONE_FILE });
    const { bots, problems } = await ws.bots();
    assert.deepEqual(problems, []);
    assert.deepEqual(
      bots.map((b) => [b.id, b.format, b.dir, b.file, b.manifest]),
      [
        ['faq', 'liveperson', 'lp/bot.json', 'bot.json', 'bot.json'],
        ['sales', 'liveperson', 'bots/sales.json', 'sales.json', 'sales.json'],
        ['shop', 'native', 'shop', undefined, 'bot.yaml'],
        ['support', 'liveperson', 'bots/Support Bot.json', 'Support Bot.json', 'Support Bot.json'],
      ],
      'a file inside a bot folder is that bot\'s file',
    );
    const v1 = await ws.save('support');
    assert.deepEqual((await ws.version('support', String(v1.version.number))).tree.map((f) => f.path), ['Support Bot.json']);
    const before = readFileSync(join(root, 'bots', 'Support Bot.json'));
    writeFileSync(join(root, 'bots', 'Support Bot.json'), exportJson('support', '\n  "menus": [],'));
    assert.equal((await ws.workingCopyStatus('support')).clean, false);
    await ws.restore('support', String(v1.version.number));
    assert.deepEqual(readFileSync(join(root, 'bots', 'Support Bot.json')), before);
    assert.deepEqual(readdirSync(join(root, 'bots')).sort(), ['Support Bot.json', 'package.json', 'sales.json']);
    const shop = await ws.save('shop');
    assert.deepEqual((await ws.version('shop', String(shop.version.number))).tree.map((f) => f.path), ['bot.yaml', 'exports/inner.json']);
    // The semantic diff's texts of such a bot are the file itself.
    await ws.save('support');
    const texts = await ws.diffTexts('support', '1', 'working');
    assert.deepEqual([...texts.before.keys()], ['Support Bot.json']);
  });

  it('reads the beginning of a candidate file when that tells, and nothing again while it is unchanged', async () => {
    const root = tempDir('botv-onefile-');
    // A large JSON file that is no bot: its first key says so.
    put(root, 'data/large.json', `{\n  "rows": [${Array.from({ length: 40_000 }, (_, i) => i).join(', ')}]\n}\n`);
    // A large bot: the beginning cannot tell (its conversationMessage key comes late), so it is read whole.
    put(root, 'bots/big.json', exportJson('big', `\n  "menus": [${Array.from({ length: 40_000 }, () => '"x"').join(', ')}],`));
    const counted = countingFs();
    const ws = await open(root, { formats: WITH_ONE_FILE, fs: counted.fs });
    assert.deepEqual((await ws.bots()).bots.map((b) => b.id), ['big']);
    assert.equal(counted.whole.get('large.json'), undefined, 'a large file that is no bot is not read whole');
    assert.equal(counted.heads.get('large.json'), 1);
    assert.ok((counted.whole.get('big.json') ?? 0) >= 1);
    const reads = (counted.whole.get('big.json') ?? 0) + (counted.heads.get('big.json') ?? 0) + (counted.heads.get('large.json') ?? 0);
    await ws.bots();
    assert.equal((counted.whole.get('big.json') ?? 0) + (counted.heads.get('big.json') ?? 0) + (counted.heads.get('large.json') ?? 0), reads, 'unchanged files are not read again');
  });

  it('releases one such bot into another: the released file under the target\'s name, with its identity', async () => {
    const root = tempDir('botv-onefile-');
    put(root, 'bots/dev.json', exportJson('dev', '\n  "menus": ["new"],'));
    put(root, 'bots/prod.json', exportJson('prod'));
    const ws = await open(root, { formats: WITH_ONE_FILE });
    const v = await ws.save('dev');
    await ws.save('prod');
    const rel = await ws.createRelease('dev', String(v.version.number), 'prod');
    const accepted = await ws.acceptRelease('prod', rel.id);
    assert.deepEqual(accepted.written, ['prod.json']);
    assert.deepEqual(readdirSync(join(root, 'bots')).sort(), ['dev.json', 'prod.json']);
    assert.equal(get(root, 'bots/prod.json'), exportJson('prod', '\n  "menus": ["new"],'));
  });
});
