// A CX agent edited file by file: after each edit — a phrase made a duplicate of another
// intent's and back, a route's target broken and fixed, an intent's display name changed, a
// file broken and mended, a file added and removed — the diagnostics of every file are those
// of a workspace built from scratch with the same files (the session patches its model and
// keeps the checks of unchanged files, and must never keep a stale one).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { loadFolder } from '../../../../server/src/definitions/index';
import type { BotWorkspace } from '../../../../server/src/definitions/index';
import { createWorkspace } from '../../../../server/src/formats/index';

const ROOT = join(__dirname, '../../../fixtures/dialogflow-cx/clean').replace(/\\/g, '/');

function snapshot(ws: BotWorkspace): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [file, diags] of ws.getAllDiagnostics()) out[file.slice(ROOT.length + 1)] = diags.map((d) => `${d.code}@${d.start}-${d.end}: ${d.message}`);
  return out;
}

describe('dialogflow-cx: edits, one after the other', function () {
  this.timeout(60_000);

  it('gives after each edit the diagnostics of a workspace built from scratch', async () => {
    const ws = createWorkspace();
    await loadFolder(ws, ROOT);
    const texts = new Map(ws.paths().map((p) => [p, ws.getDocument(p)!.text]));
    ws.getAllDiagnostics();
    const help = `${ROOT}/intents/help/trainingPhrases/en.json`;
    const yes = `${ROOT}/intents/confirm.yes/trainingPhrases/en.json`;
    const ask = `${ROOT}/flows/Track Parcel/pages/Ask Number.json`;
    const meta = `${ROOT}/intents/help/help.json`;
    const extra = `${ROOT}/intents/help/trainingPhrases/fr.json`;
    const edits: [string, (t: string) => string | undefined][] = [
      [help, (t) => t.replace('"text": "help"', '"text": "yes"')],
      [yes, (t) => t.replace('"text": "correct"', '"text": "I need assistance"')],
      [help, () => texts.get(help)!],
      [ask, (t) => t.replace('"targetPage": "> Show Status"', '"targetPage": "> Show Statu"')],
      [ask, (t) => t.replace('"targetPage": "> Show Statu"', '"targetPage": "> Show Status"')],
      [ask, (t) => `  ${t}`],
      [meta, (t) => t.replace('"displayName": "help"', '"displayName": "assist"')],
      [meta, () => texts.get(meta)!],
      [yes, (t) => t.slice(0, 40)],
      [yes, () => texts.get(yes)!],
      [extra, () => '{ "trainingPhrases": [ { "parts": [ { "text": "aide" } ], "languageCode": "fr" } ] }'],
      [extra, () => undefined],
    ];
    const current = new Map(texts);
    for (const [file, edit] of edits) {
      const next = edit(current.get(file) ?? '');
      if (next === undefined) {
        ws.removeDocument(file);
        current.delete(file);
      } else {
        ws.setDocument(file, next);
        current.set(file, next);
      }
      const fresh = createWorkspace();
      for (const [p, t] of current) fresh.setDocument(p, t);
      assert.deepEqual(snapshot(ws), snapshot(fresh), `after editing ${file.slice(ROOT.length + 1)}`);
    }
  });
});
