// Every finding of every bot under a folder, as the fixture tests of the formats compare them:
// code, file relative to its bot, 1-based line, severity and the source text at the finding.
import { loadFolder } from '../../../../server/src/definitions/index';
import { createWorkspace } from '../../../../server/src/formats/index';

export interface Finding {
  code: string;
  file: string;
  line: number;
  severity: string;
  text: string;
}

export const byPlace = (a: Finding, b: Finding): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : 1));

export async function findings(root: string): Promise<{ bots: { format: string; dir: string; id?: string; locales: string[] }[]; found: Finding[] }> {
  const ws = createWorkspace();
  await loadFolder(ws, root);
  const bots = ws.getBots().map((b) => ({ format: b.format, dir: b.dir.slice(root.replace(/\\/g, '/').length + 1), ...(b.id ? { id: b.id } : {}), locales: b.locales }));
  const found: Finding[] = [];
  for (const [file, diags] of ws.getAllDiagnostics()) {
    const doc = ws.getDocument(file);
    const bot = ws.botOf(file);
    for (const d of diags) {
      const rel = bot ? file.slice(bot.dir.length + 1) : file;
      const line = doc ? doc.text.slice(0, d.start).split('\n').length : 1;
      found.push({ code: d.code, file: rel, line, severity: d.severity, text: doc ? doc.text.slice(d.start, d.end) : '' });
    }
  }
  return { bots, found: found.sort(byPlace) };
}
