// Test helpers of the PolyAI format: a folder's findings as expected.json holds them.
import { loadFolder } from '../../../../server/src/definitions/index';
import { createWorkspace } from '../../../../server/src/formats/index';

export interface Expected {
  code: string;
  file: string;
  line: number;
  severity: string;
  text: string;
}

export const order = (a: Expected, b: Expected) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.text < b.text ? -1 : 1));

/** Every finding of every bot under `root`: code, file relative to the project, 1-based line, severity, source text (cut at 80 characters). */
export async function polyFindings(root: string): Promise<{ bots: { format: string; dir: string; id?: string; locales: string[] }[]; found: Expected[] }> {
  const ws = createWorkspace();
  await loadFolder(ws, root);
  const prefix = root.replace(/\\/g, '/');
  const bots = ws.getBots().map((b) => ({ format: b.format, dir: b.dir.slice(prefix.length), ...(b.id ? { id: b.id } : {}), locales: b.locales }));
  const found: Expected[] = [];
  for (const [file, diags] of ws.getAllDiagnostics()) {
    const doc = ws.getDocument(file)!;
    const bot = ws.botOf(file)!;
    for (const d of diags) {
      let text = doc.text.slice(d.start, d.end);
      if (text.length > 80) text = `${text.slice(0, 80)}…`;
      found.push({ code: d.code, file: file.slice(bot.dir.length + 1), line: doc.text.slice(0, d.start).split('\n').length, severity: d.severity, text });
    }
  }
  return { bots, found: found.sort(order) };
}
