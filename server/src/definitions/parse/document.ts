// One parsed bot file: text, tree and syntax findings. Parsed once per change and shared
// by validation and every editor feature.
import type { Finding } from '../types';
import { scanHazards } from './hazards';
import { parseJsonc } from './jsonc';
import { LineIndex } from './lines';
import type { Node } from './tree';
import { parseYaml } from './yaml';

/** `text`: a file a format reads as text (Python code, a prompt's .txt, a Lex test set's .csv): never parsed as data, its hazards (merge markers, control characters) still found. */
export type DocumentFormat = 'yaml' | 'json' | 'jsonc' | 'text';

export interface ParsedDocument {
  /** The path as the caller named it ('/'-separated). */
  path: string;
  text: string;
  format: DocumentFormat;
  root: Node | null;
  /** Syntax-level findings (parse errors, hazards); shape and meaning are checked later. */
  syntax: Finding[];
  /** Bumped by the caller's version when it has one; features may use it to cache. */
  version: number;
}

/** The format a path is parsed as: .json strict JSON, .jsonc JSON with comments, .py, .txt, .md and .csv text, else YAML. */
export function formatOf(path: string): DocumentFormat {
  const p = path.toLowerCase();
  if (p.endsWith('.json')) return 'json';
  if (p.endsWith('.jsonc')) return 'jsonc';
  if (p.endsWith('.py') || p.endsWith('.txt') || p.endsWith('.md') || p.endsWith('.csv')) return 'text';
  return 'yaml';
}

/** Parses one bot file. `extra` carries findings from decoding (invalid UTF-8). Never throws. */
export function parseDocument(path: string, text: string, version = 0, extra: Finding[] = []): ParsedDocument {
  const format = formatOf(path);
  const hazards = scanHazards(text);
  let parsed: { root: Node | null; findings: Finding[] };
  try {
    parsed = format === 'text' ? { root: null, findings: [] } : format === 'yaml' ? parseYaml(text, !hazards.unusual) : parseJsonc(text, { strict: format === 'json' });
  } catch (e) {
    // Both parsers are built not to throw; should one still do so, the file stays usable.
    parsed = {
      root: null,
      findings: [{ start: 0, end: 0, severity: 'error', code: 'syntax/internal', message: `The file could not be read (${(e as Error).message}). Please report this with the file.` }],
    };
  }
  let findings = parsed.findings;
  if (hazards.conflictLines.size > 0) {
    // A conflict marker makes the parser complain all over its line; the marker finding says it better.
    const lines = new LineIndex(text);
    findings = findings.filter((f) => f.code !== 'syntax/yaml' || !hazards.conflictLines.has(lines.positionAt(f.start).line));
  }
  const syntax = [...extra, ...hazards.findings, ...findings];
  const len = text.length;
  for (const f of syntax) {
    f.start = Math.max(0, Math.min(f.start, len));
    f.end = Math.max(f.start, Math.min(f.end, len));
  }
  for (const f of syntax) {
    if (f.related) for (const r of f.related) if (r.file === '') r.file = path;
  }
  return { path, text, format, root: parsed.root, syntax, version };
}
