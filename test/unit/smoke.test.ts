import { strict as assert } from 'node:assert';
import { parse } from 'yaml';

describe('toolchain', () => {
  it('loads TypeScript tests', () => {
    const doc: { a: number } = parse('a: 1');
    assert.equal(doc.a, 1);
  });
});
