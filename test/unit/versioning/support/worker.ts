/**
 * A writer process for the crash test (bundled and spawned by it): it restores two
 * versions in turn until it is killed, so that kills land in the middle of working-copy
 * writes.
 *
 *   worker restore <root> <a> <b>
 *
 * Any error ends the process with status 3 and the message on stderr.
 */
import { openWorkspace, type Workspace } from '../../../../server/src/versioning/index';

async function restores(ws: Workspace, a: string, b: string): Promise<never> {
  for (let i = 0; ; i++) {
    await ws.restore('shop-dev', i % 2 === 0 ? a : b);
    process.stdout.write('.');
  }
}

async function main(): Promise<void> {
  const [mode, root, ...rest] = process.argv.slice(2);
  const ws = await openWorkspace(root!, { author: `worker-${process.pid}`, lockTimeoutMs: 60_000 });
  process.stdout.write('ready\n');
  if (mode === 'restore') await restores(ws, rest[0]!, rest[1]!);
  else throw new Error(`unknown mode ${mode}`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(3);
});
