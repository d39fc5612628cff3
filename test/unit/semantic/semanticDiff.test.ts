import { strict as assert } from 'node:assert';
import { semanticDiff } from '../../../server/src/formats/native/semanticDiff';

const manifest = `bot:
  id: demo
  name: Demo
  locales: [en-US]
include: [intents/*.yaml]
variables:
  API_URL:
    default: https://staging.example.com
`;
const intents = `intents:
  - name: OrderPizza
    utterances:
      en-US: [order a pizza, I want a pizza]
    slots:
      - name: size
        type: PizzaSize
  - name: Goodbye
    utterances:
      en-US: [bye, see you]
`;

function files(entries: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(entries));
}

describe('semanticDiff', () => {
  it('reports nothing when an intent only moves to another file', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const moved = intents.split('  - name: Goodbye');
    const after = files({
      'bot.yaml': manifest,
      'intents/a.yaml': moved[0]!,
      'intents/b.yaml': `intents:\n  - name: Goodbye${moved[1]}`,
    });
    assert.deepEqual(semanticDiff(before, after).changes, []);
  });

  it('counts utterances added and removed per locale', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const after = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents.replace('[bye, see you]', '[bye, goodbye, ciao]') });
    const { changes } = semanticDiff(before, after);
    assert.deepEqual(
      changes.map((c) => [c.kind, c.name, c.change, c.detail, c.locale]),
      [
        ['intent', 'Goodbye', 'edited', '', null],
        ['utterance', 'Goodbye', 'edited', '+2 −1', 'en-US'],
      ],
    );
  });

  it('names added and removed entities, and what changed in a slot, a variable and the bot', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const after = files({
      'bot.yaml': manifest.replace('name: Demo', 'name: Demo Bot') + 'responses:\n  bye:\n    en-US: [Bye!]\n',
      'intents/a.yaml': intents.replace('type: PizzaSize', 'type: Topping').replace(/  - name: Goodbye[\s\S]*$/, ''),
    });
    const got = semanticDiff(before, after).changes.map((c) => `${c.change} ${c.kind} ${c.name}${c.detail ? ` (${c.detail})` : ''}`);
    assert.deepEqual(got.sort(), [
      'added response bye',
      'edited bot name (Demo → Demo Bot)',
      'edited intent OrderPizza',
      'edited slot OrderPizza.size (type PizzaSize → Topping)',
      'removed intent Goodbye',
    ]);
  });

  it('treats a file it cannot parse as unreadable rather than failing', () => {
    const before = files({ 'bot.yaml': manifest, 'intents/a.yaml': intents });
    const after = files({ 'bot.yaml': manifest, 'intents/a.yaml': 'intents: [\n  - : : :\n' });
    const diff = semanticDiff(before, after);
    assert.deepEqual(diff.unreadable, ['intents/a.yaml']);
  });

  it('reports per-environment variable changes', () => {
    const before = files({ 'bot.yaml': manifest });
    const after = files({ 'bot.yaml': manifest.replace('    default: https://staging.example.com', '    default: https://staging.example.com\n    environments: { production: https://api.example.com }') });
    assert.deepEqual(semanticDiff(before, after).changes.map((c) => [c.kind, c.name, c.detail]), [['variable', 'API_URL', 'production added']]);
  });
});
