// Findings of a check that depend on one file alone (its parse, its role, where it is), kept
// per version of the file: an edit of one file of a large project runs such a check on that
// file only. The findings are reported as they were made (settling reads them, it never
// changes them).
import type { Finding } from '../../../definitions/index';
import type { RasaDocument } from '../model';
import type { RasaRuleContext } from './types';

export type FileMemo = WeakMap<RasaDocument, { key: string; findings: Finding[] }>;

/**
 * Reports the findings `compute` makes for `file`, worked out again only when its parse or
 * `key` (what else they depend on: the file's role, its path in the project) changed.
 */
export function reportPerFile(ctx: RasaRuleContext, memo: FileMemo, file: string, doc: RasaDocument, key: string, compute: (report: (f: Finding) => void) => void): void {
  let hit = memo.get(doc);
  if (!hit || hit.key !== key) {
    const findings: Finding[] = [];
    compute((f) => findings.push(f));
    memo.set(doc, (hit = { key, findings }));
  }
  for (const f of hit.findings) ctx.report(file, f);
}
