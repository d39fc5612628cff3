// A typing storm: 1,000 edits in 10 s to one document. Validation is coalesced, only the
// latest version's diagnostics end up published, and the server's memory stays flat.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClient } from '../support/lspClient';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'pizza-shop');
const EDITS = Number(process.env.BOTV_STORM_EDITS ?? 1000);
const SECONDS = 10;

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

describe('language server: a typing storm', function () {
  this.timeout(120_000);
  let root: string;
  let client: TestClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'botv-storm-'));
    cpSync(SAMPLE, root, { recursive: true });
    client = await TestClient.start({ root });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it(`coalesces ${EDITS} edits in ${SECONDS} s, publishes the last version's diagnostics, and keeps memory flat`, async () => {
    const rel = 'pizza-dev/flows/support.yaml';
    const uri = client.uri(rel);
    const text = readFileSync(join(root, rel), 'utf8');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    // A request answered after the open is the point from which memory is measured.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 10 } });
    const before = rssKb(client.process.pid!);
    let published = 0;
    client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      client.diagnostics.set(p.uri, { version: p.version, items: p.diagnostics as never });
      if (p.uri === uri) published++;
    });
    const start = Date.now();
    let version = 1;
    for (let i = 0; i < EDITS; i++) {
      version++;
      // Every other edit breaks a reference, so each version has its own diagnostics.
      const next = i % 2 === 0 ? text.replace('say: farewell', `say: farewell_${i}`) : text;
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: next }] });
      const due = start + ((i + 1) * SECONDS * 1000) / EDITS;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const last = await client.until(() => {
      const d = client.diagnostics.get(uri);
      return d?.version === version ? d : undefined;
    }, `diagnostics for the last version (${version})`);
    // The last edit restored the clean text, so the last publish must say so.
    assert.equal(last.items.length, 0, JSON.stringify(last.items));
    const after = rssKb(client.process.pid!);
    console.log(`      ${EDITS} edits in ${((Date.now() - start) / 1000).toFixed(1)} s: ${published} publishes; RSS ${Math.round(before / 1024)} → ${Math.round(after / 1024)} MB`);
    assert.ok(published < EDITS / 5, `published ${published} times for ${EDITS} edits: validation is not coalesced`);
    assert.ok(after - before < 100 * 1024, `memory grew from ${before} kB to ${after} kB`);
  });
});
