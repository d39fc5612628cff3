// Code actions: the quick fixes of the diagnostics that overlap a range.
import type { BotWorkspace } from '../../../definitions/model/workspace';
import type { Diagnostic, Fix } from '../../../definitions/types';

export interface CodeAction extends Fix {
  /** The diagnostic this action fixes. */
  diagnostic: Diagnostic;
}

/** Quick fixes for the problems overlapping [start, end] of a file. */
export function codeActions(ws: BotWorkspace, file: string, start: number, end: number): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of ws.getDiagnostics(file)) {
    if (!d.fixes || d.end < start || d.start > end) continue;
    for (const f of d.fixes) out.push({ ...f, diagnostic: d });
  }
  return out;
}
