// Amazon Lex V2 exports from the shell: `botv bots` finds a folder export and a committed
// zip with their format, name and locales; `botv validate` exits 1 on an error and names a
// finding inside a zip as <zip>/<entry>; versions chosen locale by locale (`--locales`,
// `--locale fr_FR=v1`), shown with where each locale came from, compared and restored
// locale by locale; `botv export --zip` writes the zip Lex's console imports (Manifest.json
// at the top); and a save past Lex's 100 versions of a bot is warned of.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { runCli } from '../../../server/src/cli/program';
import { open, tempDir } from '../versioning/support/workspace';

const LEX = join(__dirname, '../../fixtures/lex-v2');
const FR = 'CafeOrders/BotLocales/fr_FR/Intents/CancelOrder/Intent.json';
const EN = 'CafeOrders/BotLocales/en_US/Intents/CancelOrder/Intent.json';

async function botv(cwd: string, ...args: string[]): Promise<{ code: number; out: string; json: any }> {
  const out: string[] = [];
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s), cwd, env: { BOTV_AUTHOR: 'Lex CLI', NO_COLOR: '1' }, isTTY: false };
  const code = await runCli(args, io);
  const text = out.join('');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { code, out: text, json };
}

function workspace(): string {
  const root = tempDir('botv-lex-cli-');
  cpSync(join(LEX, 'clean'), join(root, 'bots', 'cafe'), { recursive: true });
  mkdirSync(join(root, 'exports'), { recursive: true });
  cpSync(join(LEX, 'zip', 'CafeOrders-DRAFT-7XK2Q9B4ML-LexJson.zip'), join(root, 'exports', 'CafeOrders-DRAFT-7XK2Q9B4ML-LexJson.zip'));
  return root;
}

const addUtterance = (file: string, text: string) => {
  const j = JSON.parse(readFileSync(file, 'utf8'));
  j.sampleUtterances.push({ utterance: text });
  writeFileSync(file, JSON.stringify(j));
};

describe('botv on Amazon Lex V2 exports', function () {
  this.timeout(120_000);

  it('lists the folder export and the zip with their format, name and locales', async () => {
    const root = workspace();
    const r = await botv(root, 'bots', '--json');
    assert.equal(r.code, 0, r.out);
    assert.deepEqual(
      r.json.bots.map((b: any) => [b.id, b.name, b.format, b.dir, b.locales]),
      [
        ['cafeorders', 'CafeOrders', 'lex-v2', 'bots/cafe', ['en_US', 'fr_FR']],
        ['cafeorders-draft-7xk2q9b4ml-lexjson', 'CafeOrders', 'lex-v2', 'exports/CafeOrders-DRAFT-7XK2Q9B4ML-LexJson.zip', ['en_US', 'fr_FR']],
      ],
    );
  });

  it('validates with honest exit codes, a finding inside a zip named <zip>/<entry>', async () => {
    const root = workspace();
    assert.equal((await botv(root, 'validate')).code, 0);
    const broken = join(LEX, 'broken', 'unknown-slot-in-utterance');
    const files: Record<string, Uint8Array> = {};
    for (const rel of ['Manifest.json', 'ShopBot/Bot.json', 'ShopBot/BotLocales/en_US/BotLocale.json', 'ShopBot/BotLocales/en_US/Intents/BuyItem/Intent.json', 'ShopBot/BotLocales/en_US/Intents/BuyItem/Slots/Item/Slot.json', 'ShopBot/BotLocales/en_US/SlotTypes/ItemType/SlotType.json']) {
      files[rel] = new Uint8Array(readFileSync(join(broken, rel)));
    }
    writeFileSync(join(root, 'exports', 'ShopBot-LexJson.zip'), zipSync(files));
    const r = await botv(root, 'validate', '--json');
    assert.equal(r.code, 1, r.out);
    const found = JSON.stringify(r.json);
    assert.match(found, /exports\/ShopBot-LexJson\.zip\/ShopBot\/BotLocales\/en_US\/Intents\/BuyItem\/Intent\.json/);
    assert.match(found, /lex-v2\/unknown-slot-in-utterance/);
  });

  it('saves locale by locale, shows where each locale came from, compares and restores one locale', async () => {
    const root = workspace();
    const bot = join(root, 'bots', 'cafe');
    const v1 = await botv(root, 'save', 'cafeorders', '--name', 'both');
    assert.equal(v1.code, 0, v1.out);
    assert.match(v1.out, /en_US from the working copy, fr_FR from the working copy/);
    const frV1 = readFileSync(join(bot, FR), 'utf8');
    addUtterance(join(bot, FR), 'Annulez tout');
    addUtterance(join(bot, EN), 'Scrap that order');
    const only = await botv(root, 'save', 'cafeorders', '--locales', 'en_US', '--name', 'english only');
    assert.equal(only.code, 0, only.out);
    const v3 = await botv(root, 'save', 'cafeorders', '--locale', 'fr_FR=v1', '--name', 'french as v1');
    assert.equal(v3.code, 0, v3.out);
    const show = await botv(root, 'show', 'cafeorders', '3');
    assert.match(show.out, /locales +en_US from the working copy, fr_FR from v1/);
    const shown = await botv(root, 'show', 'cafeorders', '2', '--locale', 'fr_FR', '--json');
    assert.deepEqual(shown.json.tree, [], 'v2 holds no fr_FR');
    assert.equal((await botv(root, 'cat', 'cafeorders', '3', FR)).out.replace(/\n$/, ''), frV1);
    // Compared in one locale: what changed in en_US only.
    const d = await botv(root, 'diff', 'cafeorders', '1', '2', '--semantic', '--locale', 'en_US', '--json');
    assert.equal(d.code, 0, d.out);
    assert.deepEqual(d.json.semantic.changes.map((c: any) => [c.kind, c.change, c.locale, c.name]), [['utterance', 'added', 'en_US', 'Scrap that order']]);
    assert.deepEqual(d.json.files.map((f: any) => f.path), [EN]);
    // One locale restored.
    const r = await botv(root, 'restore', 'cafeorders', '1', '--locale', 'fr_FR', '--json');
    assert.equal(r.code, 0, r.out);
    assert.equal(readFileSync(join(bot, FR), 'utf8'), frV1);
    assert.match(readFileSync(join(bot, EN), 'utf8'), /Scrap that order/);
    const bad = await botv(root, 'save', 'cafeorders', '--locale', 'fr_FR');
    assert.equal(bad.code, 2);
    assert.match(bad.out, /--locale fr_FR: write <locale>=<version>/);
  });

  it('exports a version as the zip Lex imports: Manifest.json at the top, exactly the version\'s locales', async () => {
    const root = workspace();
    assert.equal((await botv(root, 'save', 'cafeorders', '--locales', 'fr_FR')).code, 0);
    const out = join(tempDir('botv-lex-export-'), 'build');
    const r = await botv(root, 'export', 'cafeorders', '1', '--env', 'production', '--out', out, '--zip', '--json');
    assert.equal(r.code, 0, r.out);
    const entries = unzipSync(readFileSync(join(out, r.json.zip.path)));
    const names = Object.keys(entries).sort();
    assert.ok(names.includes('Manifest.json') && names.includes('CafeOrders/Bot.json'), names.join(', '));
    assert.ok(names.some((n) => n.startsWith('CafeOrders/BotLocales/fr_FR/')) && !names.some((n) => n.includes('/en_US/')), 'only fr_FR');
    // The committed zip exports its entries at the top too.
    const z = await botv(root, 'save', 'cafeorders-draft-7xk2q9b4ml-lexjson');
    assert.equal(z.code, 0, z.out);
    const zout = join(tempDir('botv-lex-export-'), 'build');
    const zr = await botv(root, 'export', 'cafeorders-draft-7xk2q9b4ml-lexjson', '1', '--env', 'production', '--out', zout, '--zip', '--json');
    assert.equal(zr.code, 0, zr.out);
    assert.ok('Manifest.json' in unzipSync(readFileSync(join(zout, zr.json.zip.path))));
  });

  it('warns when a bot has more versions than Lex keeps (100)', async () => {
    const root = workspace();
    const ws = await open(root);
    for (let i = 0; i < 100; i++) await ws.save('cafeorders', { allowUnchanged: true });
    const r = await botv(root, 'save', 'cafeorders', '--locales', 'en_US');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /warning: cafeorders has 101 versions; Amazon Lex V2 keeps at most 100 versions of a bot/);
  });
});
