/**
 * Hostile records: versions whose paths would escape the bot, reach into .git or the
 * store, collide on case-insensitive or Windows file systems, or write through a link out
 * of the bot. Restore and release accept both refuse every one before writing anything:
 * the working copy, the store (apart from its machine-local folder) and everything
 * outside stay exactly as they were, down to their times.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError, type Workspace } from '../../../server/src/versioning/index';
import { listing, listingChanges } from '../../support/listing';
import { aliasBomb, hostileCorpus } from '../../support/hostile';
import { craftVersion } from './support/craft';
import { copyFixture, open, put, tempDir } from './support/workspace';

const MANIFEST = { 'bot.yaml': 'bot: {id: shop-dev}\n' };

/** Each hostile version: its files beside a manifest, and what must be set up on disk first. */
interface Case {
  files: Record<string, string>;
  /** Prepares the target bot's folder (links out of the bot); returns a folder outside that must stay empty. */
  setup?: (botDir: string) => string;
}

const linkOut = (name: string) => (botDir: string) => {
  const outside = tempDir('botv-outside-');
  symlinkSync(outside, join(botDir, name));
  return outside;
};

const CASES: Record<string, Case> = {
  'a parent path (../x)': { files: { '../escaped.txt': 'x' } },
  'a deep parent path (a/../../x)': { files: { 'a/../../escaped.txt': 'x' } },
  'an absolute path (/etc/x)': { files: { '/etc/botv-escaped': 'x' } },
  'a drive path (C:\\x)': { files: { 'C:\\escaped.txt': 'x' } },
  'a drive path with a slash (c:/x)': { files: { 'c:/escaped.txt': 'x' } },
  'backslashes (a\\..\\..\\x)': { files: { 'a\\..\\..\\escaped.txt': 'x' } },
  'a .git path (.git/hooks/x)': { files: { '.git/hooks/post-checkout': '#!/bin/sh\necho owned\n' } },
  'a .git path in another case (.GIT/hooks/x)': { files: { '.GIT/hooks/pre-commit': '#!/bin/sh\n' } },
  'a path into the store (.botversions/x)': { files: { '.botversions/config.json': '{}' } },
  'a NUL byte': { files: { 'a\u0000b.txt': 'x' } },
  'a control character': { files: { 'a\u0007b.txt': 'x' } },
  'names differing only in case': { files: { 'Notes.txt': 'a', 'notes.txt': 'b' } },
  'folders differing only in case': { files: { 'Intents/a.yaml': 'a', 'intents/b.yaml': 'b' } },
  'names differing only in Unicode form': { files: { 'caf\u00e9.txt': 'a', 'cafe\u0301.txt': 'b' } },
  'names differing only in a case folding (ſ and s)': { files: { '\u017f.txt': 'a', 's.txt': 'b' } },
  'a name both a file and a folder': { files: { 'x': 'a', 'x/y': 'b' } },
  'a Windows reserved name (aux.yaml)': { files: { 'aux.yaml': 'x' } },
  'a Windows reserved name (CON)': { files: { 'flows/CON': 'x' } },
  'a Windows reserved name (com1.txt)': { files: { 'com1.txt': 'x' } },
  'a character Windows refuses': { files: { 'what?.yaml': 'x' } },
  'a trailing dot': { files: { 'notes.': 'x' } },
  'a folder that is a link out of the bot': { files: { 'linked/evil.yaml': 'x' }, setup: linkOut('linked') },
  'a file that is a link out of the bot': { files: { 'evil.yaml': 'x' }, setup: (botDir) => {
    const outside = tempDir('botv-outside-');
    symlinkSync(join(outside, 'target.yaml'), join(botDir, 'evil.yaml'));
    return outside;
  } },
};

/** Everything under the workspace and beside it, except the store's machine-local folder (lock, caches). */
function state(root: string): Map<string, string> {
  const all = listing(join(root, '..'));
  for (const p of [...all.keys()]) if (p.includes('/.botversions/local')) all.delete(p);
  return all;
}

async function assertRefused(root: string, attempt: Promise<unknown>, outside: string | undefined, what: string): Promise<void> {
  const before = state(root);
  await assert.rejects(attempt, (e) => {
    assert.ok(isBotvError(e, 'UNSAFE_PATH'), `${what}: ${String(e)}`);
    assert.match(e.message, /nothing was written/);
    return true;
  });
  assert.deepEqual(listingChanges(before, state(root)), [], `${what}: something was written`);
  assert.ok(!existsSync(join(root, '.botversions', 'local', 'journal')) || readdirSync(join(root, '.botversions', 'local', 'journal')).length === 0, 'no journal');
  assert.ok(!existsSync('/etc/botv-escaped'));
  if (outside) assert.deepEqual(readdirSync(outside), [], `${what}: written through the link`);
}

async function withVersion(files: Record<string, string>): Promise<{ root: string; ws: Workspace; id: string }> {
  const root = copyFixture();
  const ws = await open(root);
  await ws.save('shop-dev');
  await ws.save('shop-prod');
  const id = await craftVersion(root, 'shop-dev', 99, { ...MANIFEST, ...files });
  return { root, ws, id };
}

describe('hostile records', () => {
  for (const [what, c] of Object.entries(CASES)) {
    it(`restore refuses a version with ${what}, before writing anything`, async () => {
      const { root, ws, id } = await withVersion(c.files);
      const outside = c.setup?.(join(root, 'shop-dev'));
      await assertRefused(root, ws.restore('shop-dev', id.slice(0, 8)), outside, `restore, ${what}`);
      assert.equal((await ws.versions('shop-dev')).length, 2, 'no auto-save either');
    });

    it(`release accept refuses a version with ${what}, before writing anything`, async () => {
      const { root, ws, id } = await withVersion(c.files);
      const release = await ws.createRelease('shop-dev', id.slice(0, 8), 'shop-prod');
      const outside = c.setup?.(join(root, 'shop-prod'));
      await assertRefused(root, ws.acceptRelease('shop-prod', release.id), outside, `release accept, ${what}`);
      assert.equal((await ws.releases('shop-prod'))[0]!.status, 'pending');
      assert.equal((await ws.versions('shop-prod')).length, 1, 'no auto-save either');
    });
  }

  it('refuses a folder in the way of a file rather than deleting it', async () => {
    const root = copyFixture();
    const ws = await open(root);
    await ws.save('shop-dev');
    await craftVersion(root, 'shop-dev', 2, { ...MANIFEST, 'intents': 'now a file' });
    mkdirSync(join(root, 'shop-dev', 'intents', 'sub'), { recursive: true });
    writeFileSync(join(root, 'shop-dev', 'intents', 'sub', 'keep.yaml'), 'x');
    await assertRefused(root, ws.restore('shop-dev', '2'), undefined, 'a folder in the way');
  });
});

describe('hostile manifests', () => {
  for (const [i, c] of hostileCorpus().entries()) {
    it(`a bot whose manifest holds ${c.name} stops nothing but itself`, async () => {
      const root = copyFixture();
      put(root, `hostile/${c.file}`, typeof c.content === 'string' ? c.content : Buffer.from(c.content));
      const ws = await open(root);
      const { bots, problems } = await ws.bots();
      assert.deepEqual(bots.map((b) => b.id).filter((id) => id !== 'hostile'), ['json-bot', 'shop-dev', 'shop-prod'], `case ${i}`);
      for (const p of problems) assert.ok(p.message.length > 20 && p.dirs.includes('hostile'), JSON.stringify(p));
      await ws.save('shop-dev');
      if (bots.some((b) => b.id === 'hostile')) await ws.save('hostile');
    });
  }

  it('release accept refuses a released manifest built to hurt the parser, before writing anything', async () => {
    const { root, ws } = await withVersion({});
    const id = await craftVersion(root, 'shop-dev', 100, { 'bot.yaml': aliasBomb() });
    const release = await ws.createRelease('shop-dev', id.slice(0, 8), 'shop-prod');
    const before = state(root);
    await assert.rejects(ws.acceptRelease('shop-prod', release.id), (e) => isBotvError(e, 'BAD_MANIFEST') && /Reject the release/.test(e.message));
    assert.deepEqual(listingChanges(before, state(root)), []);
  });
});
