// The semantic diff that reads only the files that differ (and the files both sides hold
// alike that may share an identity with them) gives what reading both sides whole gives, to
// the order of the changes and the file each names: Rasa projects (a small generated one,
// the valid fixtures) changed in one or a few files at a time — lines copied within a file
// and from other files, items copied from other files (an example or a story that then
// exists twice, once in a file that did not change), lines deleted, a word changed to
// another name, a character typed (a backslash, a quote), a file added, removed or renamed,
// the config moved.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { diffEntities } from '../../../server/src/definitions/index';
import { semanticChanges } from '../../../server/src/formats/index';
import { rasaEntities } from '../../../server/src/formats/rasa/entities';
import { generateLargeRasaProject } from '../../../bench/generate-rasa';

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 150);

function folder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) visit(p);
      else if (/\.ya?ml$/.test(n)) out.set(relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  visit(dir);
  return out;
}

const FIXTURES = join(__dirname, '../../fixtures/rasa');
const PROJECTS: Map<string, string>[] = [generateLargeRasaProject({ examples: 4, stories: 40 }), folder(join(FIXTURES, 'clean')), folder(join(FIXTURES, 'split/services/assistant')), folder(join(FIXTURES, 'calm'))];
const WORDS = [...new Set(PROJECTS.flatMap((p) => [...p.values()].join('\n').match(/[A-Za-z_][A-Za-z0-9_/]*/g) ?? []))];

const whole = (before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>) => diffEntities(rasaEntities(before), rasaEntities(after));

const edit = fc.record({
  file: fc.nat(),
  other: fc.nat(),
  from: fc.nat(),
  to: fc.nat(),
  word: fc.nat({ max: WORDS.length - 1 }),
  kind: fc.constantFrom('copy-line', 'copy-line-from-other-file', 'copy-item-from-other-file', 'delete-line', 'change-last-word', 'type-character', 'add-file', 'remove-file', 'rename-file', 'move-config'),
  char: fc.constantFrom('\\', '"', "'", ':', '-', ' ', '\n', 'x', '#'),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(files: Map<string, string>, e: Edit): void {
  const paths = [...files.keys()].sort();
  const file = paths[e.file % paths.length]!;
  const text = files.get(file)!;
  const lines = text.split('\n');
  const pick = (n: number, list: readonly unknown[] = lines): number => n % Math.max(1, list.length);
  const other = files.get(paths[e.other % paths.length]!)!.split('\n');
  switch (e.kind) {
    case 'copy-line':
      lines.splice(pick(e.to), 0, lines[pick(e.from)]!);
      break;
    case 'copy-line-from-other-file':
      lines.splice(pick(e.to), 0, other[pick(e.from, other)]!);
      break;
    case 'copy-item-from-other-file': {
      // An item of a file beside it (an intent with its first example, a story's head) at the end of this one.
      const folder = file.slice(0, file.lastIndexOf('/') + 1);
      const siblings = paths.filter((p) => p !== file && p.startsWith(folder) && !p.slice(folder.length).includes('/'));
      if (!siblings.length) return;
      const source = files.get(siblings[e.other % siblings.length]!)!.split('\n');
      const starts = source.map((l, i) => [l, i] as const).filter(([l]) => /^ {2}- (intent|story|rule|synonym):/.test(l));
      if (!starts.length) return;
      const [, i] = starts[pick(e.from, starts)]!;
      lines.push(...source.slice(i, i + 3));
      break;
    }
    case 'delete-line':
      lines.splice(pick(e.from), 1);
      break;
    case 'change-last-word':
      lines[pick(e.from)] = lines[pick(e.from)]!.replace(/[A-Za-z_][A-Za-z0-9_/]*(?=\W*$)/, WORDS[e.word]!);
      break;
    case 'type-character': {
      const at = e.from % (text.length + 1);
      files.set(file, text.slice(0, at) + e.char + text.slice(at));
      return;
    }
    case 'add-file':
      files.set(`data/extra_${e.to % 3}.yml`, `version: "3.1"\nnlu:\n  - intent: ${WORDS[e.word]}\n    examples: |\n${lines.filter((l) => l.startsWith('      - ')).slice(0, 3).join('\n')}\n`);
      return;
    case 'remove-file':
      files.delete(file);
      return;
    case 'rename-file':
      files.delete(file);
      files.set(file.replace(/\.ya?ml$/, e.to % 2 ? '.yaml' : '_moved.yml'), text);
      return;
    case 'move-config': {
      const config = files.get('config.yml');
      if (config === undefined) return;
      files.delete('config.yml');
      files.set('config/config.yml', config);
      return;
    }
  }
  files.set(file, lines.join('\n'));
}

describe('semantic diff: only the files that differ', function () {
  this.timeout(300_000);

  it('gives what comparing both sides whole gives, after edits of one file or a few', () => {
    fc.assert(
      fc.property(fc.nat({ max: PROJECTS.length - 1 }), fc.array(edit, { maxLength: 4 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (project, setup, edits) => {
        // Both sides may hold what the project does not: a copy of an item in another file, a broken line.
        const before = new Map(PROJECTS[project]!);
        for (const e of setup) apply(before, e);
        const after = new Map(before);
        for (const e of edits) apply(after, e);
        const diff = semanticChanges('rasa', before, after);
        assert.deepEqual(diff.changes, whole(before, after));
        assert.deepEqual(semanticChanges('rasa', after, before).changes, whole(after, before));
      }),
      { numRuns: Math.max(20, RUNS) },
    );
  });

  it('reads a file that did not change when it holds the same example: the change names the file the whole comparison names', () => {
    const base = PROJECTS[0]!;
    const billing = base.get('data/nlu/billing.yml')!;
    const example = /\n {6}- ([^\n]+)\n/.exec(billing)![1]!;
    // Before: the example under its intent in billing.yml, and a copy of it in cards.yml; after: billing.yml's is gone.
    const before = new Map(base);
    before.set('data/nlu/cards.yml', `${base.get('data/nlu/cards.yml')!}\n  - intent: billing_check_invoice\n    examples: |\n      - ${example}\n`);
    const after = new Map(before);
    after.set('data/nlu/billing.yml', billing.replace(`      - ${example}\n`, ''));
    const changes = semanticChanges('rasa', before, after).changes;
    assert.deepEqual(changes, whole(before, after));
    // The multiset keeps the first copy it meets, billing.yml's, and finds cards.yml's one over.
    assert.deepEqual(changes.map((c) => `${c.change} ${c.kind} ${c.parent} ${c.name} ${c.file}`), [`removed utterance billing_check_invoice ${example} data/nlu/cards.yml`]);
  });
});
