/**
 * Variables for export: `variables:` sections may sit in any definition file of a bot;
 * a variable's value for an environment is its `environments.<env>` override, else its
 * `default`. `${NAME}` in string values is replaced, scalar by scalar, leaving the rest
 * of each file byte for byte as it was.
 */
import { visit as visitJson } from 'jsonc-parser';
import { isMap, isPair, isScalar, parseDocument, visit as visitYaml, type Scalar } from 'yaml';
import { parseManifest } from './manifest';

const REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** True for the definition files whose strings carry variables. */
export function isDefinitionFile(path: string): boolean {
  return /\.(ya?ml|jsonc?)$/i.test(path);
}

/** The variables defined across a bot's files, resolved for one environment (undefined: no value). */
export function collectVariables(files: Map<string, string>, env: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const [path, text] of files) {
    if (!isDefinitionFile(path)) continue;
    const { data } = parseManifest(text, path);
    const vars = (data as { variables?: unknown } | null)?.variables;
    if (!vars || typeof vars !== 'object' || Array.isArray(vars)) continue;
    for (const [name, def] of Object.entries(vars as Record<string, unknown>)) {
      const d = def as { default?: unknown; environments?: Record<string, unknown> } | null;
      const v = d?.environments && typeof d.environments === 'object' && env in d.environments ? d.environments[env] : d?.default;
      out.set(name, v === undefined || v === null ? undefined : String(v));
    }
  }
  return out;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function apply(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Substitutes `${NAME}` in one file's string values; reports names with no value. */
export function substitute(path: string, text: string, vars: Map<string, string | undefined>): { text: string; used: Set<string>; missing: Set<string> } {
  const used = new Set<string>();
  const missing = new Set<string>();
  const replace = (s: string): string =>
    s.replace(REF, (whole, name: string) => {
      const v = vars.get(name);
      if (v === undefined) {
        missing.add(name);
        return whole;
      }
      used.add(name);
      return v;
    });
  const edits: Edit[] = [];
  if (/\.ya?ml$/i.test(path)) {
    const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
    if (doc.errors.length > 0) return { text, used, missing };
    visitYaml(doc, {
      Pair(_, pair, path2) {
        // The variables section defines values; it is not where they are used.
        if (path2.length === 1 && isMap(path2[0]) && isPair(pair) && isScalar(pair.key) && pair.key.value === 'variables') return visitYaml.SKIP;
        return undefined;
      },
      Scalar(key, node: Scalar) {
        if (key === 'key' || typeof node.value !== 'string' || !node.range || !node.value.includes('${')) return;
        const next = replace(node.value);
        if (next === node.value) return;
        const [start, end] = node.range;
        const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
        if (block && !next.includes('\n')) {
          edits.push({ start, end, text: replace(text.slice(start, end)) });
        } else {
          // A double-quoted YAML scalar is a JSON string: valid wherever a value may be.
          edits.push({ start, end, text: JSON.stringify(next) });
        }
      },
    });
  } else {
    visitJson(
      text,
      {
        onLiteralValue(value: unknown, offset, length, _l, _c, pathSupplier) {
          if (typeof value !== 'string' || !value.includes('${')) return;
          if (pathSupplier()[0] === 'variables') return;
          const next = replace(value);
          if (next !== value) edits.push({ start: offset, end: offset + length, text: JSON.stringify(next) });
        },
      },
      { allowTrailingComma: true },
    );
  }
  return { text: apply(text, edits), used, missing };
}

/**
 * A native bot's files resolved for one environment: `${NAME}` in every definition file's
 * strings replaced by the variable's value there (`environments.<env>`, else `default`).
 */
export function resolveNativeExport(files: ReadonlyMap<string, Uint8Array>, env: string): { files: Map<string, Uint8Array>; used: string[]; missing: string[] } {
  const texts = new Map<string, string>();
  for (const [path, data] of files) if (isDefinitionFile(path)) texts.set(path, new TextDecoder().decode(data));
  const vars = collectVariables(texts, env);
  const used = new Set<string>();
  const missing: string[] = [];
  const out = new Map<string, Uint8Array>();
  for (const [path, data] of files) {
    const text = texts.get(path);
    if (text === undefined) {
      out.set(path, data);
      continue;
    }
    const r = substitute(path, text, vars);
    for (const u of r.used) used.add(u);
    for (const m of r.missing) missing.push(`${path}: \${${m}}`);
    out.set(path, r.text === text ? data : new TextEncoder().encode(r.text));
  }
  return { files: out, used: [...used].sort(), missing };
}
