/**
 * A writer process for the crash and concurrency tests (bundled and spawned by them).
 *
 *   worker mixed <root> <seed>            random saves, promotions, rollbacks, restores,
 *                                         releases, gc and retention until killed
 *   worker restore <root> <a> <b>         restores versions a and b in turn until killed
 *   worker concurrent <root> <name> <n>   n saves and environment sets, printing JSON lines
 *
 * Refusals a random sequence runs into (nothing to roll back, no pending release…) are
 * expected; any other error ends the process with status 3 and the message on stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBotvError, openWorkspace, type Workspace } from '../../../../server/src/versioning/index';

const EXPECTED = new Set(['NOTHING_TO_ROLL_BACK', 'EMPTY_ENVIRONMENT', 'NO_RELEASE', 'RELEASE_RESOLVED', 'BAD_ARGUMENT', 'NO_VERSION', 'VERSION_IN_USE', 'GATE_REFUSED']);

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

async function tolerate(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (isBotvError(e) && EXPECTED.has(e.code)) return;
    throw e;
  }
}

async function mixed(ws: Workspace, root: string, seed: number): Promise<never> {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  for (let i = 0; ; i++) {
    const r = rand();
    if (r < 0.35) {
      const dir = join(root, 'shop-dev', 'data');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `f${Math.floor(rand() * 5)}.txt`), `${seed}-${i}-${rand()}\n`.repeat(1 + Math.floor(rand() * 50)));
      await ws.save('shop-dev');
    } else if (r < 0.45) {
      await tolerate(ws.setEnvironment('shop-dev', 'development', 'latest'));
    } else if (r < 0.55) {
      await tolerate(ws.promote('shop-dev', pick(['staging', 'production'])));
    } else if (r < 0.63) {
      await tolerate(ws.rollback('shop-dev', pick(['development', 'staging', 'production'])));
    } else if (r < 0.73) {
      const versions = await ws.versions('shop-dev');
      if (versions.length > 0) await tolerate(ws.restore('shop-dev', pick(versions).id));
    } else if (r < 0.8) {
      await tolerate(ws.createRelease('shop-dev', 'latest', 'shop-prod'));
    } else if (r < 0.87) {
      await tolerate(ws.acceptRelease('shop-prod', 'latest'));
    } else if (r < 0.93) {
      await tolerate(ws.applyRetention('shop-dev', { keep: 8 }));
    } else {
      await ws.gc();
    }
    process.stdout.write('.');
  }
}

async function restores(ws: Workspace, a: string, b: string): Promise<never> {
  for (let i = 0; ; i++) {
    await ws.restore('shop-dev', i % 2 === 0 ? a : b);
    process.stdout.write('.');
  }
}

async function concurrent(ws: Workspace, root: string, name: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const dir = join(root, 'shop-dev', 'by', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${i}.txt`), `${name} ${i}\n`);
    const s = await ws.save('shop-dev', { name: `${name}-${i}` });
    process.stdout.write(JSON.stringify({ saved: s.version.id, created: s.created }) + '\n');
    const c = await ws.setEnvironment('shop-dev', pick2(i), s.version.id);
    process.stdout.write(JSON.stringify({ event: c.event.id, changed: c.changed }) + '\n');
  }
}

function pick2(i: number): string {
  return i % 2 === 0 ? 'development' : 'staging';
}

async function main(): Promise<void> {
  const [mode, root, ...rest] = process.argv.slice(2);
  const ws = await openWorkspace(root!, { author: `worker-${process.pid}`, lockTimeoutMs: 60_000 });
  process.stdout.write('ready\n');
  if (mode === 'mixed') await mixed(ws, root!, Number(rest[0]));
  else if (mode === 'restore') await restores(ws, rest[0]!, rest[1]!);
  else if (mode === 'concurrent') await concurrent(ws, root!, rest[0]!, Number(rest[1]));
  else throw new Error(`unknown mode ${mode}`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(3);
});
