// The server reads the client's `botVersions.*` settings defensively: anything malformed
// falls back to the default instead of breaking validation or the outline.
import { strict as assert } from 'node:assert';
import { DEFAULT_MAX_ITEMS, readSettings } from '../../../server/src/lsp/settings';

describe('language server settings', () => {
  it('defaults everything when the client sends nothing or nonsense', () => {
    for (const raw of [undefined, null, 42, 'x', [], {}]) {
      const s = readSettings(raw);
      assert.equal(s.validationEnabled, true);
      assert.equal(s.scope, 'openFiles');
      assert.equal(s.maxItemsComputed, DEFAULT_MAX_ITEMS);
      assert.deepEqual(s.validation, {});
    }
  });

  it('takes maxItemsComputed when it is a count, 0 meaning no limit', () => {
    assert.equal(readSettings({ maxItemsComputed: 0 }).maxItemsComputed, 0);
    assert.equal(readSettings({ maxItemsComputed: 120.7 }).maxItemsComputed, 120);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '100', null]) {
      assert.equal(readSettings({ maxItemsComputed: bad }).maxItemsComputed, DEFAULT_MAX_ITEMS, String(bad));
    }
  });

  it('keeps only known severities and sane thresholds', () => {
    const s = readSettings({ validation: { minUtterances: 3.9, nearDuplicateThreshold: 2, severity: { 'ref/unknown-response': 'warning', 'x/y': 'loud' }, scope: 'workspace' } });
    assert.equal(s.validation.minUtterances, 3);
    assert.equal(s.validation.nearDuplicateThreshold, undefined);
    assert.deepEqual(s.validation.severities, { 'ref/unknown-response': 'warning' });
    assert.equal(s.scope, 'workspace');
  });
});
