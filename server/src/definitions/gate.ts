// Validation of a stored version (the promotion gate) and of files on disk (the CLI):
// the same engine, with positions as zero-based lines and characters.
import { isArchiveName } from './archive';
import type { BotFormat } from './format';
import { BotWorkspace } from './model/workspace';
import type { ValidationOptions } from './options';
import type { Diagnostic, Severity } from './types';
import { lineIndexOf, rangeOf } from './features/lines';
import type { Range } from './parse/lines';

/** A diagnostic placed by line and character (0-based, as in LSP). */
export interface PositionedDiagnostic {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
}

/** Places a workspace diagnostic by line and character, naming its file as `name` says. */
export function positionDiagnostic(ws: BotWorkspace, d: Diagnostic, name: (file: string) => string = (f) => f): PositionedDiagnostic {
  const doc = ws.getDocument(d.file);
  return { file: name(d.file), range: rangeOf(doc && lineIndexOf(doc), d.start, d.end), severity: d.severity, code: d.code, message: d.message };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Sorts positioned diagnostics by file, then position. */
export function sortPositioned(list: PositionedDiagnostic[]): PositionedDiagnostic[] {
  return list.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      RANK[a.severity] - RANK[b.severity],
  );
}

/**
 * Validates the files of one bot given by path relative to the bot folder (a stored
 * version: bot.yaml, intents/a.yaml, …), bytes or text, as a bot of one of `formats`.
 * Used to gate promotion.
 */
export function validateBotFiles(
  formats: readonly BotFormat[],
  files: ReadonlyMap<string, Uint8Array | string>,
  options: ValidationOptions = {},
): PositionedDiagnostic[] {
  const ws = new BotWorkspace(formats, options);
  for (const [path, content] of files) {
    const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
    if (typeof content !== 'string' && isArchiveName(formats, p)) ws.setArchive(p, content);
    else if (typeof content === 'string') ws.setDocument(p, content);
    else ws.setDocumentBytes(p, content);
  }
  const out: PositionedDiagnostic[] = [];
  // The bot is at the top of the files, or in the one zip they are (a committed export).
  const zips = [...files.keys()].filter((p) => isArchiveName(formats, p));
  // Or it is the one file they are, when that file is a bot by itself (a LivePerson export).
  const only = files.size === 1 ? [...files.keys()][0]!.replace(/\\/g, '/').replace(/^\.\//, '') : undefined;
  const atTop = (dir: string) => dir === '' || dir === only || (files.size === 1 && zips.length === 1 && (dir === zips[0] || dir.startsWith(`${zips[0]}/`)));
  if (!ws.getBots().some((b) => atTop(b.dir))) {
    out.push({
      file: formats[0]?.markers[0] ?? '',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'error',
      code: 'bot/missing-section',
      message: `These files form no bot at the top of the bot folder: it holds none of ${formats
        .flatMap((f) => [...f.markers.filter((m) => !m.endsWith('/')), ...(f.fileMarkers ?? []).map((m) => `${m} that is a bot by its content`)])
        .join(', ')}. Add the manifest or the platform's marker file.`,
    });
  }
  for (const [, diags] of ws.getAllDiagnostics()) for (const d of diags) out.push(positionDiagnostic(ws, d));
  return sortPositioned(out);
}
