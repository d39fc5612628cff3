// Fuzzing the real server over stdio: random bot files, mutated sample files and
// sequences of incremental edits, each followed by a random editor request at a random
// position. Zero uncaught exceptions (no internal error answered, nothing logged as an
// error, the process alive) and zero hangs (every request answered within a deadline);
// diagnostics keep arriving for the latest version, and once the files are put back the
// workspace is clean again. BOTV_PROPERTY_RUNS scales the count (default 400 → 1,000 cases;
// BOTV_SOAK=1: 4,000 → 10,000).
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { botFile, mutate, mutation, toRangeEdits, yamlish } from '../support/fuzz';
import { TestClient } from '../support/lspClient';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'pizza-shop');
const SOAK = process.env.BOTV_SOAK === '1';
const RUNS = Math.round(Number(process.env.BOTV_PROPERTY_RUNS ?? (SOAK ? 4000 : 400)) * 2.5);
/** A file grown past this (edits accumulate over the run) goes back to its original text. */
const MAX_TEXT = 100_000;
/** A request not answered within this is a hang. */
const DEADLINE_MS = 5000;
const FILES = ['bot.yaml', 'intents/ordering.yaml', 'intents/support.yaml', 'flows/ordering.yaml', 'flows/support.yaml', 'responses/ordering.yaml', 'responses/support.yaml'].map((f) => `pizza-dev/${f}`);
/** Errors a request may answer by design: a refused rename, a cancelled or outdated request. */
const ALLOWED_ERRORS = new Set([-32803, -32800, -32801]);

const REQUESTS = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/prepareRename', 'textDocument/rename', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction'] as const;

const change = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), text: fc.oneof(botFile.map((b) => b.text), yamlish) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('mutate' as const), edits: fc.array(mutation, { minLength: 1, maxLength: 4 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edits' as const), edits: fc.array(mutation, { minLength: 1, maxLength: 8 }), notifications: fc.integer({ min: 1, max: 3 }) }) },
);
const step = fc.record({ file: fc.nat({ max: FILES.length - 1 }), change, request: fc.constantFrom(...REQUESTS), at: fc.nat() });

describe('language server: fuzzing over stdio', function () {
  this.timeout(SOAK ? 3_600_000 : 600_000);
  let root: string;
  let client: TestClient;
  const docs = new Map<string, { text: string; version: number; original: string }>();

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-fuzz-'));
    cpSync(SAMPLE, root, { recursive: true });
    client = await TestClient.start({ root });
    for (const f of FILES) {
      const text = readFileSync(join(root, f), 'utf8');
      docs.set(client.uri(f), { text, version: 1, original: text });
      await client.notify('textDocument/didOpen', { textDocument: { uri: client.uri(f), languageId: 'yaml', version: 1, text } });
    }
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it(`survives ${RUNS} random files and edit sequences with a request after each, answering every one in time`, async () => {
    let cases = 0;
    let slowest = 0;
    let refused = 0;
    const deadline = <T>(p: Promise<T>, what: string) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} was not answered within ${DEADLINE_MS} ms: a hang\nserver stderr:\n${client.stderr}`)), DEADLINE_MS))]);
    await fc.assert(
      fc.asyncProperty(step, async (s) => {
        const uri = client.uri(FILES[s.file]!);
        const doc = docs.get(uri)!;
        if (doc.text.length > MAX_TEXT) {
          // Repeated line duplications double a text; start this file afresh instead.
          doc.text = doc.original;
          await client.notify('textDocument/didChange', { textDocument: { uri, version: ++doc.version }, contentChanges: [{ text: doc.text }] });
        }
        if (s.change.kind === 'edits') {
          // Incremental changes, spread over a few notifications, each range in the text the previous left.
          const { edits, result } = toRangeEdits(doc.text, s.change.edits);
          const per = Math.ceil(edits.length / s.change.notifications);
          let text = doc.text;
          for (let i = 0; i < edits.length; i += per) {
            const contentChanges = edits.slice(i, i + per).map((e) => {
              const td = TextDocument.create(uri, 'yaml', 0, text);
              const range = { start: td.positionAt(e.start), end: td.positionAt(e.end) };
              text = text.slice(0, e.start) + e.text + text.slice(e.end);
              return { range, text: e.text };
            });
            await client.notify('textDocument/didChange', { textDocument: { uri, version: ++doc.version }, contentChanges });
          }
          assert.equal(text, result);
          doc.text = result;
        } else {
          doc.text = s.change.kind === 'replace' ? s.change.text : s.change.edits.reduce(mutate, doc.text);
          await client.notify('textDocument/didChange', { textDocument: { uri, version: ++doc.version }, contentChanges: [{ text: doc.text }] });
        }
        const position = TextDocument.create(uri, 'yaml', 0, doc.text).positionAt(s.at % (doc.text.length + 1));
        const params: Record<string, unknown> = { textDocument: { uri }, position };
        if (s.request === 'textDocument/references') params.context = { includeDeclaration: true };
        if (s.request === 'textDocument/rename') params.newName = 'renamed_x';
        if (s.request === 'textDocument/documentSymbol' || s.request === 'textDocument/foldingRange') delete params.position;
        if (s.request === 'textDocument/codeAction') {
          delete params.position;
          params.range = { start: { line: 0, character: 0 }, end: position };
          params.context = { diagnostics: client.diagnostics.get(uri)?.items ?? [] };
        }
        const started = Date.now();
        try {
          await deadline(client.request(s.request, params), s.request);
        } catch (e) {
          const code = (e as { code?: number }).code;
          if (code === undefined || !ALLOWED_ERRORS.has(code)) throw e;
          refused++;
        }
        slowest = Math.max(slowest, Date.now() - started);
        cases++;
        if (cases % 50 === 0) {
          // Diagnostics still arrive, for the version just sent.
          await client.until(() => client.diagnostics.get(uri)?.version === doc.version, `diagnostics for version ${doc.version} of ${FILES[s.file]}`, 20_000);
        }
        assert.equal(client.process.exitCode, null, `the server exited: ${client.stderr}`);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // Put every file back: the sample is clean, so every file's diagnostics must empty.
    for (const [uri, doc] of docs) {
      doc.text = doc.original;
      await client.notify('textDocument/didChange', { textDocument: { uri, version: ++doc.version }, contentChanges: [{ text: doc.text }] });
    }
    for (const [uri, doc] of docs) {
      await client.until(() => {
        const d = client.diagnostics.get(uri);
        return d?.version === doc.version && d.items.length === 0;
      }, `clean diagnostics for ${uri} once restored: ${JSON.stringify(client.diagnostics.get(uri))}`, 20_000);
    }
    const errors = client.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1);
    assert.deepEqual(errors.map((n) => (n.params as { message: string }).message), [], 'the server logged errors');
    assert.equal(client.stderr.trim(), '', 'the server wrote to stderr');
    assert.equal(client.process.exitCode, null);
    console.log(`      ${cases} cases, ${refused} refused by design (rename), 0 exceptions, slowest answer ${slowest} ms (a hang is ${DEADLINE_MS} ms)`);
  });
});
