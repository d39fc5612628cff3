/**
 * What `botv` loads to start: each command group's module only for its own commands, and the
 * bundle (scripts/buildCli.mjs) loading no more than a command uses: `--version` the entry
 * alone, `--help` the commands but not the versioning core, `status` no format's analysis and
 * no other command's code, `validate` the analysis. And the code cache beside the bundle:
 * written by a first run, used by the next, and a damaged one is no harm.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { Command } from 'commander';
import { commandGroups, groupsFor } from '../../../server/src/cli/commands/index';
import { Cli } from '../../../server/src/cli/context';
import { bundle } from '../versioning/support/bundle';
import { copyFixture, tempDir } from '../versioning/support/workspace';

const io = { stdout: () => undefined, stderr: () => undefined, cwd: '/', env: {}, isTTY: false };

describe('botv start-up', function () {
  this.timeout(60_000);
  let cli: string;
  let hook: string;
  let out: string;

  before(async () => {
    cli = await bundle('server/src/cli/main.ts');
    // Records every file of the bundle the process reads (the loader reads each once).
    const dir = tempDir('botv-startup-');
    hook = join(dir, 'hook.cjs');
    out = join(dir, 'loaded.json');
    writeFileSync(
      hook,
      `const fs = require('fs'); const read = fs.readFileSync; const seen = [];
fs.readFileSync = function (p, ...a) { if (typeof p === 'string' && p.endsWith('.js')) seen.push(p); return read.call(this, p, ...a); };
process.on('exit', () => fs.writeFileSync(${JSON.stringify(out)}, JSON.stringify(seen)));`,
    );
  });

  /** The names of the bundle's files that `botv <args>` loads, in the fixture workspace. */
  function loads(root: string, ...args: string[]): string[] {
    const r = spawnSync(process.execPath, ['-r', hook, cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, BOTV_AUTHOR: 'Startup Tester', NO_COLOR: '1' } });
    assert.ok(r.status === 0 || r.status === 1, `botv ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    const bundleDir = join(dirname(cli), 'cli') + sep;
    return (JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((f) => f.startsWith(bundleDir)).map((f) => basename(f));
  }

  it('lists, for each command group, exactly the commands its module registers', () => {
    const seen = new Set<string>();
    for (const g of commandGroups) {
      const program = new Command();
      g.load().register(program, new Cli(io));
      assert.deepEqual(program.commands.map((c) => c.name()), [...g.commands], g.name);
      for (const c of g.commands) {
        assert.ok(!seen.has(c), `${c} is listed by two groups`);
        seen.add(c);
      }
    }
    assert.deepEqual(groupsFor(['--version']), []);
    assert.deepEqual(groupsFor(['status', 'x']).map((g) => g.name), ['versions']);
    assert.deepEqual(groupsFor(['help', 'promote']).map((g) => g.name), ['env']);
    assert.equal(groupsFor(['--help']).length, commandGroups.length);
    assert.equal(groupsFor(['stauts']).length, commandGroups.length, 'a mistyped command has every name to be matched against');
  });

  it('loads what each command uses: the entry for --version, no versioning core for --help, no analysis for status', () => {
    const root = copyFixture();
    const version = loads(root, '--version');
    assert.equal(version[0], 'main.js');
    assert.deepEqual(version.filter((f) => f.startsWith('lazy-')), [], `--version loads the entry alone: ${version.join(' ')}`);
    const help = loads(root, '--help');
    assert.ok(help.includes('lazy-cli-commands-versions.js') && help.includes('lazy-cli-commands-validate.js'), help.join(' '));
    assert.ok(!help.includes('lazy-versioning.js'), `--help loads the versioning core: ${help.join(' ')}`);
    const status = loads(root, 'status', 'shop-dev');
    assert.ok(status.includes('lazy-versioning.js'), status.join(' '));
    const heavy = status.filter((f) => /^lazy-(formats-.*-engine|yaml|fflate|cli-commands-(?!versions))/.test(f) || f === 'lazy-cli-commands-validateRun.js');
    assert.deepEqual(heavy, [], 'status loads no format analysis, full YAML parser, archive reader or other command');
    const validate = loads(root, 'validate');
    assert.ok(validate.includes('lazy-formats-native-engine.js'), validate.join(' '));
  });

  it('keeps a code cache beside the bundle, uses it, and runs on when it is damaged', () => {
    const root = copyFixture();
    const run = () => spawnSync(process.execPath, [cli, 'status', 'shop-dev', '--json'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(run().status, 0);
    const builds = join(dirname(cli), 'cli');
    const [build] = readdirSync(builds);
    const cacheDir = join(builds, build!, '.cache');
    const [node] = readdirSync(cacheDir);
    const cached = readdirSync(join(cacheDir, node!));
    assert.ok(cached.includes('lazy-versioning.js.v8'), cached.join(' '));
    for (const f of cached) writeFileSync(join(cacheDir, node!, f), 'not a code cache');
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).bot, 'shop-dev');
    assert.notEqual(readFileSync(join(cacheDir, node!, 'lazy-versioning.js.v8'), 'utf8'), 'not a code cache', 'a rejected cache is written again');
  });
});
