/**
 * Concurrency: eight writers at once — seven `botv` command lines and one language server
 * driven over stdio — each saving a version of its own bot and pointing an environment at
 * it, again and again, all through the one store (one lock, shared objects, one records
 * tree). Nothing is lost: every version is listed with the number it was given, every
 * environment change is in the history, and each bot's latest version holds its writer's
 * last file. Default: 4 writes per writer; BOTV_SOAK=1: 200 (BOTV_CONCURRENT_WRITES sets
 * any count).
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentInfo, VersionInfo } from '../../../server/src/lsp/protocol';
import { TestClient } from '../../support/lspClient';
import { bundle } from './support/bundle';
import { copyFixture, open, put } from './support/workspace';

const SOAK = process.env.BOTV_SOAK === '1';
const WRITES = Number(process.env.BOTV_CONCURRENT_WRITES ?? (SOAK ? 200 : 4));
const CLI_WRITERS = 7;
const ENVS = ['development', 'staging'];

function botv(cli: string, root: string, author: string, args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args, '--root', root, '--json'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BOTV_AUTHOR: author, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${author}: botv ${args.join(' ')} exited ${code}: ${out}${err}`))));
  });
}

/** What one writer was told: the versions it saved and the environment changes it made. */
interface Told {
  author: string;
  bot: string;
  saved: Array<{ id: string; number: number }>;
  /** Environment changes it made, identified by (environment, version, time). */
  events: Array<{ environment: string; version: string; at: string }>;
  lastFile: string;
}

describe('concurrency', function () {
  this.timeout(SOAK ? 3_600_000 : 120_000);

  it(`8 writers at once (7 botv, 1 language server), ${WRITES} writes each: nothing lost`, async () => {
    const cli = await bundle('server/src/cli/main.ts');
    const root = copyFixture();
    // A bot per writer, all in one store: copies of shop-dev under their own ids.
    for (const bot of [...Array.from({ length: CLI_WRITERS }, (_, w) => `cli-${w}`), 'server']) {
      cpSync(join(root, 'shop-dev'), join(root, bot), { recursive: true });
      writeFileSync(join(root, bot, 'bot.yaml'), readFileSync(join(root, 'shop-dev', 'bot.yaml'), 'utf8').replace('id: shop-dev', `id: ${bot}`));
    }
    const server = await TestClient.start({ root, env: { BOTV_AUTHOR: 'server' } });
    const started = Date.now();
    try {
      const cliWriter = async (w: number): Promise<Told> => {
        const told: Told = { author: `cli-${w}`, bot: `cli-${w}`, saved: [], events: [], lastFile: '' };
        for (let i = 0; i < WRITES / 2; i++) {
          told.lastFile = `by/${i}.txt`;
          put(root, `${told.bot}/${told.lastFile}`, `${w} ${i}\n`);
          const s = (await botv(cli, root, told.author, ['save', told.bot, '--name', `${told.bot}-${i}`])) as { version: { id: string; number: number } };
          told.saved.push({ id: s.version.id, number: s.version.number });
          const c = (await botv(cli, root, told.author, ['env', 'set', told.bot, ENVS[i % 2]!, s.version.id])) as { changed: boolean; event: { environment: string; at: string } };
          assert.ok(c.changed, 'a new version changes the environment');
          told.events.push({ environment: c.event.environment, version: s.version.id, at: c.event.at });
        }
        return told;
      };
      const serverWriter = async (): Promise<Told> => {
        const told: Told = { author: 'server', bot: 'server', saved: [], events: [], lastFile: '' };
        for (let i = 0; i < WRITES / 2; i++) {
          told.lastFile = `by/${i}.txt`;
          put(root, `${told.bot}/${told.lastFile}`, `server ${i}\n`);
          const v = await server.request<VersionInfo>('botVersions/saveVersion', { bot: told.bot, name: `server-${i}` });
          told.saved.push({ id: v.id, number: v.number });
          const e = await server.request<EnvironmentInfo>('botVersions/setEnvironment', { bot: told.bot, environment: ENVS[i % 2]!, version: v.id });
          assert.ok(e.by === 'server' && e.version?.id === v.id && e.since, JSON.stringify(e));
          told.events.push({ environment: e.name, version: v.id, at: e.since });
        }
        return told;
      };
      const told = await Promise.all([...Array.from({ length: CLI_WRITERS }, (_, w) => cliWriter(w)), serverWriter()]);
      const seconds = (Date.now() - started) / 1000;
      assert.equal(server.process.exitCode, null, `the server died: ${server.stderr}`);

      const ws = await open(root);
      let versionCount = 0;
      let changes = 0;
      for (const t of told) {
        const versions = await ws.versions(t.bot);
        versionCount += versions.length;
        assert.deepEqual(
          versions.map((v) => `${v.number}:${v.id}`).sort(),
          t.saved.map((v) => `${v.number}:${v.id}`).sort(),
          `${t.bot}: every version saved is listed with its number, and nothing else`,
        );
        assert.deepEqual(t.saved.map((v) => v.number), Array.from({ length: WRITES / 2 }, (_, i) => i + 1), `${t.bot}: numbered 1, 2, … in order`);
        const history = await ws.environmentHistory(t.bot);
        for (const e of t.events) {
          assert.ok(history.some((h) => h.environment === e.environment && h.version.id === e.version && h.at === e.at && h.author === t.author), `${t.author}'s change of ${e.environment} to ${e.version} at ${e.at} is lost`);
        }
        assert.equal(history.length, t.events.length, `${t.bot}: every environment change is there, and nothing else`);
        changes += history.length;
        const entries = await ws.history(t.bot);
        assert.equal(entries.filter((h) => h.action === 'save').length, t.saved.length, `${t.bot}: the history lists every save`);
        assert.equal(entries.filter((h) => h.action === 'set').length, t.events.length, `${t.bot}: the history lists every environment change`);
        const latest = await ws.version(t.bot, 'latest');
        assert.ok(latest.tree.some((f) => f.path === t.lastFile), `${t.bot}: the writer's last file is in the latest version`);
      }
      const v = await ws.verify();
      assert.equal(v.ok, true, JSON.stringify(v.problems));
      const writes = told.reduce((n, t) => n + t.saved.length * 2, 0);
      console.log(`      ${told.length} writers × ${WRITES} writes = ${writes} writes in ${seconds.toFixed(1)} s: ${versionCount} versions and ${changes} environment changes, all present; 0 lost`);
    } finally {
      await server.stop();
    }
  });
});
