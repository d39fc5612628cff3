// Code actions: the quick fixes of the diagnostics that overlap a range, for every format.
import type { CodeAction, WorkspaceView } from './types';

/** Quick fixes for the problems overlapping [start, end] of a file. */
export function codeActions(ws: WorkspaceView, file: string, start: number, end: number): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of ws.getDiagnostics(file)) {
    if (!d.fixes || d.end < start || d.start > end) continue;
    for (const f of d.fixes) out.push({ ...f, diagnostic: d });
  }
  return out;
}
