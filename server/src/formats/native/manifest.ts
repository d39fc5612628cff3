/**
 * The few manifest fields the store needs: `bot.id`, `bot.name` and `release.keep`, read
 * with the definitions library's parser (the one the language server uses: linear on a
 * 40,000-key mapping or a 5 MB scalar, where `yaml` takes most of a second) or
 * `jsonc-parser`, and the identity rewrite a release acceptance applies to the released
 * manifest, editing only those fields so that comments and formatting survive.
 */
import { applyEdits, modify, parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';
import type * as Yaml from 'yaml';
import { parseDocument as parseBotFile } from '../../definitions/parse/document';
import { LineIndex } from '../../definitions/parse/lines';
import type { Node } from '../../definitions/parse/tree';
import { BOT_ID } from '../../definitions/format';
import { MANIFEST_NAMES } from './model/builtins';

export { MANIFEST_NAMES };

/** `yaml`, loaded on first use: a manifest with an alias, or a release's rewrite (discovery reads plain manifests without it). */
let yamlLib: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlLib ??= require('yaml') as typeof Yaml);


/** What the store reads from a manifest. */
export interface ManifestIdentity {
  id: string | null;
  name: string | null;
  /** `bot.locales`, the tags that are strings. */
  locales: string[];
  /** The `release` section as plain data (undefined when absent). */
  release: unknown;
  /** Globs of files a release never overwrites. */
  keep: string[];
  /** Why the manifest could not be read, if it could not. */
  problem: string | null;
}

function isYaml(file: string): boolean {
  return file.endsWith('.yaml') || file.endsWith('.yml');
}

/**
 * Parses a manifest's text to plain data; returns the problem instead when it is not valid,
 * or when it is built to hurt a parser (an alias bomb, nesting deep enough to exhaust the
 * stack): one hostile manifest must not stop the other bots from being found.
 */
export function parseManifest(text: string, file: string, only?: readonly string[]): { data: unknown; problem: string | null } {
  try {
    return parseUnguarded(text, file, only);
  } catch (e) {
    const why = e instanceof RangeError ? 'it is nested too deeply to read' : e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { data: undefined, problem: `${file}: ${why}` };
  }
}

/** Syntax findings that make a manifest unreadable; the rest (a duplicate key, a NUL byte, an unknown tag) leave data to read, as they do for `yaml`. */
const UNREADABLE = new Set(['syntax/yaml', 'syntax/too-deep', 'syntax/complex-key', 'syntax/multiple-documents', 'syntax/merge-conflict', 'syntax/internal']);

/** Thrown when the tree holds an alias: `yaml` expands those (with its guard against alias bombs). */
class NeedsAliases extends Error {}

/**
 * Plain data from a parsed tree; the last of duplicate keys wins, and `__proto__` is an own
 * key, never a prototype. `only` keeps just those keys of this mapping (a 40,000-key section
 * the caller does not need is not copied).
 */
function plain(node: Node | null, only?: readonly string[]): unknown {
  if (!node) return null;
  switch (node.type) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map((n) => plain(n));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        if (only && !only.includes(p.key)) continue;
        Object.defineProperty(out, p.key, { value: plain(p.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'opaque':
      throw new NeedsAliases();
  }
}

function parseUnguarded(text: string, file: string, only?: readonly string[]): { data: unknown; problem: string | null } {
  if (isYaml(file)) {
    const parsed = parseBotFile(file, text);
    const bad = parsed.syntax.find((f) => f.severity === 'error' && UNREADABLE.has(f.code));
    if (bad) {
      if (bad.code === 'syntax/too-deep') return { data: undefined, problem: `${file}: it is nested too deeply to read` };
      const line = new LineIndex(text).positionAt(bad.start).line + 1;
      return { data: undefined, problem: `${file}:${line}: ${bad.message.split('\n')[0]}` };
    }
    try {
      return { data: parsed.root ? plain(parsed.root, only) : null, problem: null };
    } catch (e) {
      if (!(e instanceof NeedsAliases)) throw e;
    }
    const doc = yaml().parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      return { data: undefined, problem: `${file}:${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0]}` };
    }
    return { data: doc.toJS(), problem: null };
  }
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const line = text.slice(0, errors[0]!.offset).split('\n').length;
    return { data: undefined, problem: `${file}:${line}: not valid JSON` };
  }
  return { data, problem: null };
}

/** Reads the identity fields of a manifest. */
export function readIdentity(text: string, file: string): ManifestIdentity {
  const { data, problem } = parseManifest(text, file, ['bot', 'release']);
  const out: ManifestIdentity = { id: null, name: null, locales: [], release: undefined, keep: [], problem };
  if (problem) return out;
  const root = data as { bot?: { id?: unknown; name?: unknown; locales?: unknown }; release?: { keep?: unknown } } | null;
  const bot = root && typeof root === 'object' ? root.bot : undefined;
  if (bot && typeof bot === 'object') {
    if (typeof bot.id === 'string') out.id = bot.id;
    if (typeof bot.name === 'string') out.name = bot.name;
    if (Array.isArray(bot.locales)) out.locales = bot.locales.filter((l): l is string => typeof l === 'string');
  }
  if (root && typeof root === 'object' && 'release' in root) {
    out.release = root.release;
    const keep = root.release?.keep;
    if (Array.isArray(keep)) out.keep = keep.filter((k): k is string => typeof k === 'string');
  }
  if (out.id === null) out.problem = `${file}: bot.id is missing; add "bot: { id: my-bot }"`;
  else if (!BOT_ID.test(out.id)) out.problem = `${file}: bot.id "${out.id}" must be lowercase letters, digits and "-", starting with a letter or digit`;
  return out;
}

/** The identity a release target keeps: its own id, name and release section. */
export interface KeptIdentity {
  id: string;
  name: string | null;
  release: unknown;
}

/** How to write `value` where a YAML scalar of `type` was, keeping its quoting when possible. */
function renderYamlScalar(value: string, type: string | undefined): string {
  if (type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  const plainSafe =
    /^[A-Za-z0-9][A-Za-z0-9 ()._/,-]*$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+(e[-+]?[0-9]+)?)$/i.test(value) &&
    !value.endsWith(' ');
  if (type === 'PLAIN' && plainSafe) return value;
  return JSON.stringify(value);
}

const YAML_OUT = { flowCollectionPadding: false, lineWidth: 0 } as const;

function rewriteYaml(text: string, keep: KeptIdentity): string {
  const doc = yaml().parseDocument(text, { uniqueKeys: false });
  const data = (doc.toJS() ?? {}) as { bot?: { id?: unknown; name?: unknown }; release?: unknown };
  // Scalars that exist are replaced in place, so nothing else of the file moves.
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let structural = false;
  const fields: Array<['id' | 'name', string | null]> = [
    ['id', keep.id],
    ['name', keep.name],
  ];
  for (const [field, want] of fields) {
    const node = doc.getIn(['bot', field], true);
    const current = data.bot?.[field];
    if (want === null) {
      if (current !== undefined) structural = true;
    } else if (current !== want) {
      if (yaml().isScalar(node) && node.range) edits.push({ start: node.range[0], end: node.range[1], text: renderYamlScalar(want, node.type) });
      else structural = true;
    }
  }
  if (!isDeepStrictEqual(data.release, keep.release)) structural = true;
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (!structural) return out;
  // Adding or removing keys, or a different release section: edit through the document API.
  const doc2 = yaml().parseDocument(out, { uniqueKeys: false });
  const d2 = (doc2.toJS() ?? {}) as { bot?: { id?: unknown; name?: unknown }; release?: unknown };
  if (d2.bot?.id !== keep.id) doc2.setIn(['bot', 'id'], keep.id);
  if (keep.name === null) {
    if (d2.bot?.name !== undefined) doc2.deleteIn(['bot', 'name']);
  } else if (d2.bot?.name !== keep.name) doc2.setIn(['bot', 'name'], keep.name);
  if (keep.release === undefined) {
    if (d2.release !== undefined) doc2.delete('release');
  } else if (!isDeepStrictEqual(d2.release, keep.release)) {
    doc2.set('release', doc2.createNode(keep.release));
  }
  return doc2.toString(YAML_OUT);
}

/**
 * Rewrites a released manifest so that it carries the target bot's identity. Only the
 * fields that differ are touched — scalars in place, keys through the YAML document API
 * or jsonc-parser edits — so every comment and the layout of the rest stay as released.
 */
export function rewriteIdentity(text: string, file: string, keep: KeptIdentity): { text: string } | { problem: string } {
  const { data, problem } = parseManifest(text, file);
  if (problem) return { problem };
  if (isYaml(file)) return { text: rewriteYaml(text, keep) };
  const current = (data ?? {}) as { bot?: { id?: unknown; name?: unknown }; release?: unknown };
  const fmt = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: text.includes('\r\n') ? '\r\n' : '\n' } };
  let out = text;
  if (current.bot?.id !== keep.id) out = applyEdits(out, modify(out, ['bot', 'id'], keep.id, fmt));
  if (current.bot?.name !== (keep.name ?? undefined)) out = applyEdits(out, modify(out, ['bot', 'name'], keep.name ?? undefined, fmt));
  if (!isDeepStrictEqual(current.release, keep.release)) out = applyEdits(out, modify(out, ['release'], keep.release, fmt));
  return { text: out };
}
