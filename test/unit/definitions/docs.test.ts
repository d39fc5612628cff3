// The docs stay true: every code is documented with its default severity, and the
// format's whole-bot example validates.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, createWorkspace } from '../../../server/src/formats/index';

const DOCS = join(__dirname, '../../../docs');

describe('definitions: docs', () => {
  it('docs/diagnostics.md documents every code with its default severity, and no other', () => {
    const text = readFileSync(join(DOCS, 'diagnostics.md'), 'utf8');
    const documented = new Map<string, string>();
    for (const m of text.matchAll(/^### `([^`]+)`\n\n\*\*(\w+)\*\*/gm)) documented.set(m[1]!, m[2]!);
    const expected = new Map(Object.entries(CODES).map(([code, [severity]]) => [code, severity]));
    assert.deepEqual(documented, expected);
  });

  it('docs/format.md\'s whole-bot example is a valid bot', () => {
    const text = readFileSync(join(DOCS, 'format.md'), 'utf8');
    const example = /## A whole bot in one file\n\n```yaml\n([\s\S]*?)```/.exec(text)![1]!;
    const ws = createWorkspace();
    ws.setDocument('bot.yaml', example);
    // Its include globs name folders the example does not have.
    assert.deepEqual(ws.getDiagnostics('bot.yaml').map((d) => d.code).filter((c) => c !== 'include/no-match'), []);
  });
});
