// The semantic diff speaks Rasa: an added example, a changed response variation, a new
// story are named as such; moving an intent's examples to another file, YAML quoting and
// block style, comments and key order are no change; examples compare as a multiset.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { semanticChanges } from '../../../../server/src/formats/index';

const CLEAN = join(__dirname, '../../../fixtures/rasa/clean');

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.set(relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const summary = (before: Map<string, string>, after: Map<string, string>) =>
  semanticChanges('rasa', before, after).changes.map((c) => `${c.change} ${c.kind} ${c.parent ? `${c.parent} › ` : ''}${c.name}`);

describe('rasa: semantic diff', () => {
  const base = files(CLEAN);

  it('names an added example, a changed response and a new story in Rasa terms', () => {
    const after = new Map(base);
    after.set('data/nlu.yml', base.get('data/nlu.yml')!.replace('      - hello Ledger\n', '      - hello Ledger\n      - good day to you\n'));
    after.set('domain.yml', base.get('domain.yml')!.replace('Goodbye, and thanks for banking with us.', 'Goodbye, and thank you for banking with us.'));
    after.set('data/stories.yml', `${base.get('data/stories.yml')!}\n  - story: say thanks\n    steps:\n      - intent: thank\n      - action: utter_youre_welcome\n`);
    assert.deepEqual(summary(base, after).sort(), ['added story say thanks', 'added utterance greet › good day to you', 'modified response utter_goodbye'].sort());
  });

  it('sees no change in moved examples, quoting, block style, comments and key order', () => {
    const after = new Map(base);
    // greet's examples move to a file of their own, as a flow-style list of quoted texts.
    const nlu = base.get('data/nlu.yml')!;
    const greet = /  - intent: greet\n    examples: \|\n((?:      - .*\n)+)/.exec(nlu)!;
    const examples = greet[1]!.trim().split('\n').map((l) => l.replace(/^\s*- /, ''));
    after.set('data/nlu.yml', nlu.replace(greet[0], ''));
    after.set('data/greetings.yml', `# moved here\nversion: "3.1"\nnlu:\n  - examples: |\n${examples.map((e) => `      - ${e}`).reverse().join('\n')}\n    intent: greet\n`);
    after.set('domain.yml', `# a comment\n${base.get('domain.yml')!.replace("- text: \"You're welcome!\"", "- text: 'You''re welcome!'")}`);
    assert.deepEqual(summary(base, after), []);
  });

  it('counts a repeated example as a change (a multiset), and a config setting by name', () => {
    const after = new Map(base);
    after.set('data/nlu.yml', base.get('data/nlu.yml')!.replace('      - hey there\n', '      - hey there\n      - hey there\n'));
    after.set('config.yml', base.get('config.yml')!.replace('    epochs: 100\n    constrain_similarities: true', '    epochs: 200\n    constrain_similarities: true'));
    assert.deepEqual(summary(base, after).sort(), ['added utterance greet › hey there', 'modified setting pipeline'].sort());
  });
});
