// Loads a fixture folder (test/fixtures/definitions/<name>) into a workspace and turns its
// diagnostics into the plain records that expected.json holds.
import { createWorkspace } from '../../../../server/src/formats/index';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BotWorkspace } from '../../../../server/src/definitions/index';
import type { ValidationOptions } from '../../../../server/src/definitions/index';
import { lineIndexOf } from '../../../../server/src/definitions/features/lines';

export const FIXTURES = join(__dirname, '../../../fixtures/definitions');

/** One expected diagnostic: where (1-based line) and what text it covers, and its code. */
export interface ExpectedDiagnostic {
  file: string;
  line: number;
  code: string;
  severity: string;
  text: string;
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name !== 'expected.json' && name !== 'options.json') out.push(p);
  }
  return out.sort();
}

export function fixtureOptions(dir: string): ValidationOptions {
  let raw: { protectedBots?: Record<string, string[]>; [k: string]: unknown } = {};
  try {
    raw = JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8'));
  } catch {
    // no options
  }
  const { protectedBots, ...rest } = raw;
  const options: ValidationOptions = { ...(rest as ValidationOptions) };
  if (protectedBots) options.protectedBots = new Map(Object.entries(protectedBots).map(([k, v]) => [k, new Set(v)]));
  return options;
}

/** Loads a fixture; paths in the workspace are relative to the fixture folder. */
export function loadFixture(dir: string): BotWorkspace {
  const ws = createWorkspace(fixtureOptions(dir));
  for (const f of files(dir)) ws.setDocumentBytes(relative(dir, f).split('\\').join('/'), readFileSync(f));
  return ws;
}

/** The workspace's diagnostics as expected.json records, in a stable order. */
export function actualDiagnostics(ws: BotWorkspace): ExpectedDiagnostic[] {
  const out: ExpectedDiagnostic[] = [];
  for (const [file, diags] of ws.getAllDiagnostics()) {
    const doc = ws.getDocument(file)!;
    for (const d of diags) {
      let text = doc.text.slice(d.start, d.end);
      if (text.length > 80) text = text.slice(0, 80) + '…';
      out.push({ file, line: lineIndexOf(doc).positionAt(d.start).line + 1, code: d.code, severity: d.severity, text });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.text < b.text ? -1 : 1)));
}
