// Findings become diagnostics: severities settled (overrides, off), the file filled in to
// fixes and related places, spans kept inside the text; then a file's list is put in order
// and capped. A diagnostic equal to the last one made at its place keeps its identity (see
// reuseDiagnostics), so that callers can tell an unchanged list by `===`.
import { defaultSeverity } from '../codes';
import type { CodeTable } from '../format';
import type { ResolvedOptions } from '../options';
import type { Diagnostic, Finding } from '../types';

const RANK = { error: 0, warning: 1, information: 2, hint: 3 };

export class Settler {
  constructor(
    private readonly options: ResolvedOptions,
    private readonly codes?: CodeTable,
  ) {}

  /** The diagnostics of findings of `file` (whose text is `len` long); codes switched off are dropped. */
  settle(file: string, findings: readonly Finding[], len: number): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const f of findings) {
      const override = this.options.severities[f.code];
      if (override === 'off') continue;
      const severity = override ?? f.severity ?? defaultSeverity(f.code, this.codes);
      // Every span is kept inside the text, whatever a check computed.
      const start = Math.max(0, Math.min(f.start, len));
      // Written out rather than spread: thousands are made at once, and a spread of an
      // object of unknown shape is slow in V8 until it has warmed up.
      const d: Diagnostic = { start, end: Math.max(start, Math.min(f.end, len)), code: f.code, message: f.message, file, severity };
      if (f.related) d.related = f.related.some((r) => r.file === '') ? f.related.map((r) => (r.file === '' ? { ...r, file } : r)) : f.related;
      if (f.fixes) d.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => (e.file === '' ? { ...e, file } : e)) }));
      if (f.tags) d.tags = f.tags;
      out.push(d);
    }
    return out;
  }

  /** One file's list: the diagnostics of every part, in order, capped. */
  finish(file: string, parts: readonly (readonly Diagnostic[] | undefined)[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const part of parts) if (part) for (const d of part) out.push(d);
    out.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const max = this.options.maxProblemsPerFile;
    if (out.length <= max) return out;
    const kept = [...out].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start).slice(0, max);
    kept.sort((a, b) => a.start - b.start || a.end - b.end);
    kept.push({
      file,
      start: 0,
      end: 0,
      severity: 'information',
      code: 'limit/too-many-problems',
      message: `${out.length - max} more problems in this file are not shown (at most ${max} are). Fix these first.`,
    });
    return kept;
  }
}

/** Whether two lists hold the same objects in the same order. */
export function sameItems<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two diagnostics say the same thing at the same place (fixes and related places included). */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (a === b) return true;
  if (a.start !== b.start || a.end !== b.end || a.code !== b.code || a.message !== b.message || a.severity !== b.severity || a.file !== b.file) return false;
  if ((a.tags?.join() ?? '') !== (b.tags?.join() ?? '')) return false;
  const ra = a.related ?? [];
  const rb = b.related ?? [];
  if (ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    if (x.file !== y.file || x.start !== y.start || x.end !== y.end || x.message !== y.message) return false;
  }
  // Fixes are rare and small: compare them whole.
  if (!!a.fixes !== !!b.fixes) return false;
  return !a.fixes || JSON.stringify(a.fixes) === JSON.stringify(b.fixes);
}

/** How far ahead in the old list a fresh finding is looked for (keeps a large change linear). */
const LOOKAHEAD = 8;

/**
 * `fresh` with each diagnostic replaced by the equal one of `old` where there is one (matched
 * in order), and `old` itself when nothing changed: unchanged diagnostics keep their identity.
 */
export function reuseDiagnostics(old: readonly Diagnostic[] | undefined, fresh: Diagnostic[]): Diagnostic[] {
  if (!old || !old.length) return fresh;
  let same = old.length === fresh.length;
  let j = 0;
  for (let i = 0; i < fresh.length; i++) {
    // Both lists come in report order: walk them together, skipping findings that went away.
    let k = j;
    while (k < old.length && k < j + LOOKAHEAD && !sameDiagnostic(old[k]!, fresh[i]!)) k++;
    if (k < old.length && k < j + LOOKAHEAD) {
      fresh[i] = old[k]!;
      if (k !== i) same = false;
      j = k + 1;
    } else same = false;
  }
  return same ? (old as Diagnostic[]) : fresh;
}
