import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseFromWebview } from '../../../client/src/panel/messages';

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 10_000);
const TYPES = ['ready', 'refresh', 'selectBot', 'promote', 'rollback', 'setVersion', 'compare', 'acceptRelease', 'rejectRelease', 'cancelSchedule', 'showGateOutput'];

describe('Environments panel: messages from the webview', () => {
  it(`never throws on ${RUNS} random and malformed messages, and passes on only well-formed ones`, () => {
    const anyMessage = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.oneof(fc.constantFrom(...TYPES, '__proto__', 'constructor', 'eval'), fc.string()) }, { requiredKeys: [] }),
      fc.record({
        type: fc.constantFrom(...TYPES),
        environment: fc.oneof(fc.string(), fc.anything()),
        bot: fc.oneof(fc.string(), fc.anything()),
        release: fc.oneof(fc.string(), fc.anything()),
        schedule: fc.oneof(fc.string(), fc.anything()),
        extra: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(anyMessage, (raw) => {
        const m = parseFromWebview(raw);
        if (m === undefined) return;
        // Whatever passes is exactly a known message with safe names and nothing else.
        assert.ok(TYPES.includes(m.type));
        for (const [k, v] of Object.entries(m)) {
          if (k === 'type') continue;
          assert.equal(typeof v, 'string');
          assert.match(v as string, /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/);
        }
        assert.ok(Object.keys(m).length <= 2);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses names that could be paths or markup', () => {
    for (const bad of ['../x', '/etc/passwd', '<img src=x>', 'a b', '', 'x'.repeat(200)]) {
      assert.equal(parseFromWebview({ type: 'promote', environment: bad }), undefined, bad);
    }
    assert.deepEqual(parseFromWebview({ type: 'promote', environment: 'staging', evil: 1 }), { type: 'promote', environment: 'staging' });
  });

  it('takes a schedule by its id and a gate output by its environment, and nothing else', () => {
    const id = 'ab'.repeat(32);
    assert.deepEqual(parseFromWebview({ type: 'cancelSchedule', schedule: id }), { type: 'cancelSchedule', schedule: id });
    assert.equal(parseFromWebview({ type: 'cancelSchedule', environment: 'production' }), undefined);
    assert.equal(parseFromWebview({ type: 'cancelSchedule', schedule: '../' + id }), undefined);
    assert.deepEqual(parseFromWebview({ type: 'showGateOutput', environment: 'production' }), { type: 'showGateOutput', environment: 'production' });
  });
});
