// `botv diff --semantic` and the `semantic` member of `botv diff --json`: what changed in
// bot terms between two versions, or a version and the working copy, as a reviewer pastes
// it into a pull request; formatting, key order, comments and moves are no change.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/program';
import { copyFixture, put } from '../versioning/support/workspace';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function botv(root: string, ...args: string[]): Promise<Run> {
  return run(root, false, args);
}

async function run(root: string, isTTY: boolean, args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), cwd: root, env: { BOTV_AUTHOR: 'Reviewer' }, isTTY };
  const code = await runCli(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

const read = (root: string, rel: string) => readFileSync(join(root, ...rel.split('/')), 'utf8');

describe('botv diff --semantic', function () {
  this.timeout(60_000);
  let root: string;

  before(async () => {
    root = copyFixture();
    assert.equal((await botv(root, 'save', 'shop-dev')).code, 0);
    // v2: an utterance added and one removed (the rest reordered and restyled), a new intent in a new file,
    // the response moved to another file, the bot renamed, a comment added.
    put(root, 'shop-dev/intents/greet.yaml', 'intents:\n  - name: Greet   # the welcome\n    utterances:\n      en-US:\n        - good morning\n        - hello\n        - good evening\n');
    put(root, 'shop-dev/intents/thanks.yaml', 'intents:\n  - name: Thanks\n    utterances: { en-US: [thank you, "thanks!"] }\nresponses:\n  hello:\n    en-US: Hello! How can I help?\n');
    put(root, 'shop-dev/flows/main.yaml', read(root, 'shop-dev/flows/main.yaml').replace(/^responses:[\s\S]*?\n\n/, ''));
    put(root, 'shop-dev/bot.yaml', read(root, 'shop-dev/bot.yaml').replace('name: Shop (development)', 'name: Shop (dev)'));
    assert.equal((await botv(root, 'save', 'shop-dev')).code, 0);
  });


  it('prints the changes grouped by kind, one marked line each, and a total', async () => {
    const r = await botv(root, 'diff', 'shop-dev', 'v1', 'v2', '--semantic');
    assert.equal(r.code, 0, r.err);
    assert.equal(
      r.out,
      [
        'Settings',
        '~ bot.name: Shop (development) → Shop (dev)  bot.yaml',
        'Intents',
        '+ Thanks  intents/thanks.yaml',
        'Utterances',
        '+ Greet › "good evening" (en-US)',
        '- Greet › "hi there" (en-US)',
        '+ Thanks › "thank you" (en-US)',
        '+ Thanks › "thanks!" (en-US)',
        'v1 → v2 of shop-dev: 6 changes in bot terms (4 added, 1 removed, 1 modified) in 4 files',
        '',
      ].join('\n'),
    );
    // On a terminal: added green, removed red, the ~ of a modification yellow, kinds bold, files and the total dim.
    const tty = (await run(root, true, ['diff', 'shop-dev', 'v1', 'v2', '--semantic'])).out;
    assert.match(tty, /^\u001b\[1mIntents\u001b\[22m$/m);
    assert.match(tty, /^\u001b\[32m\+ Thanks\u001b\[39m\u001b\[2m {2}intents\/thanks\.yaml\u001b\[22m$/m);
    assert.match(tty, /^\u001b\[31m- Greet › "hi there" \(en-US\)\u001b\[39m$/m);
    assert.match(tty, /^\u001b\[33m~\u001b\[39m bot\.name: /m);
  });

  it('always puts the changes in --json, with the contract fields', async () => {
    for (const extra of [[], ['--semantic'], ['--name-only']]) {
      const r = await botv(root, 'diff', 'shop-dev', 'v1', 'v2', '--json', ...extra);
      assert.equal(r.code, 0, r.err);
      const json = JSON.parse(r.out);
      assert.deepEqual(
        json.files.map((f: { path: string; change: string }) => [f.path, f.change]),
        [
          ['bot.yaml', 'modified'],
          ['flows/main.yaml', 'modified'],
          ['intents/greet.yaml', 'modified'],
          ['intents/thanks.yaml', 'added'],
        ],
      );
      assert.deepEqual(json.semantic, {
        changes: [
          { kind: 'setting', name: 'bot.name', change: 'modified', file: 'bot.yaml', detail: 'Shop (development) → Shop (dev)' },
          { kind: 'intent', name: 'Thanks', change: 'added', file: 'intents/thanks.yaml' },
          { kind: 'utterance', name: 'good evening', change: 'added', parent: 'Greet', locale: 'en-US', file: 'intents/greet.yaml' },
          { kind: 'utterance', name: 'hi there', change: 'removed', parent: 'Greet', locale: 'en-US', file: 'intents/greet.yaml' },
          { kind: 'utterance', name: 'thank you', change: 'added', parent: 'Thanks', locale: 'en-US', file: 'intents/thanks.yaml' },
          { kind: 'utterance', name: 'thanks!', change: 'added', parent: 'Thanks', locale: 'en-US', file: 'intents/thanks.yaml' },
        ],
        unreadable: [],
      });
      assert.equal('hunks' in json.files[0], extra.length === 0 || extra[0] === '--semantic', `hunks with ${extra.join(' ')}`);
    }
  });

  it('compares with the working copy, and says when the files differ in formatting only', async () => {
    put(root, 'shop-dev/intents/greet.yaml', 'intents:\n  - utterances: { en-US: [hello, good evening, good morning] }\n    name: Greet\n');
    let r = await botv(root, 'diff', 'shop-dev', 'v2', '--semantic');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, "No changes in bot terms between v2 and working copy of shop-dev (1 file differs: formatting, order, comments, moves between files, or files outside the bot's definitions).\n");
    r = await botv(root, 'diff', 'shop-dev', 'v2', '--json');
    assert.deepEqual(JSON.parse(r.out).semantic.changes, []);
    put(root, 'shop-dev/intents/greet.yaml', 'intents:\n  - name: Greet\n    utterances: { en-US: [hello, hello, good morning] }\n');
    r = await botv(root, 'diff', 'shop-dev', 'v2', '--semantic');
    assert.equal(r.out, ['Utterances', '- Greet › "good evening" (en-US)', '+ Greet › "hello" (en-US)', 'v2 → working copy of shop-dev: 2 changes in bot terms (1 added, 1 removed, 0 modified) in 1 file', ''].join('\n'));
    r = await botv(root, 'diff', 'shop-dev', 'v2', 'v2', '--semantic');
    assert.equal(r.out, 'No differences between v2 and v2 of shop-dev.\n');
  });

  it('names a file that does not parse, and keeps the exit codes', async () => {
    put(root, 'shop-dev/intents/greet.yaml', 'intents: [\n  - : : :\n');
    let r = await botv(root, 'diff', 'shop-dev', 'v2', '--semantic');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^! intents\/greet\.yaml does not parse cleanly on one side; it is compared as far as it parses$/m);
    assert.deepEqual(JSON.parse((await botv(root, 'diff', 'shop-dev', 'v2', '--json')).out).semantic.unreadable, ['intents/greet.yaml']);
    r = await botv(root, 'diff', 'shop-dev', 'v9', '--semantic');
    assert.equal(r.code, 2);
    r = await botv(root, 'diff', 'shop-dev', 'v9', '--semantic', '--json');
    assert.equal(r.code, 2);
    assert.equal(JSON.parse(r.out).error.code, 'NO_VERSION');
  });
});
