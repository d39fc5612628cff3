// The JSON Schema in schemas/bot.schema.json is the one description of the format: the
// shape check interprets it, completion and hover read its descriptions, and other
// editors use the same file.
import botSchema from '../../../../../schemas/bot.schema.json';
import type { PathSegment } from '../../../definitions/parse/tree';

/** The subset of draft-07 the format uses (a test keeps the file within it). */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  patternErrorMessage?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minProperties?: number;
  maxProperties?: number;
  minimum?: number;
  maximum?: number;
  oneOf?: SchemaNode[];
  definitions?: Record<string, SchemaNode>;
  /** Which diagnostic code a failed pattern gets (default shape/bad-name). */
  'x-code'?: string;
  /** The message for a failed minProperties/maxProperties. */
  'x-message'?: string;
}

export const BOT_SCHEMA = botSchema as unknown as SchemaNode;

const resolved = new WeakMap<SchemaNode, SchemaNode>();

/** Follows `$ref` (within this file), keeping the referring node's own annotations. */
export function resolve(s: SchemaNode): SchemaNode {
  if (!s.$ref) return s;
  const cached = resolved.get(s);
  if (cached) return cached;
  const name = s.$ref.replace('#/definitions/', '');
  const target = resolve(BOT_SCHEMA.definitions?.[name] ?? {});
  const { $ref: _ignored, ...own } = s;
  const merged = { ...target, ...own };
  resolved.set(s, merged);
  return merged;
}

const types = new WeakMap<SchemaNode, string[] | null>();

/** The types a schema accepts; undefined when it accepts anything. (Worked out once per schema node: the shape check asks for every node of every file.) */
export function typesOf(s: SchemaNode): string[] | undefined {
  let t = types.get(s);
  if (t === undefined) types.set(s, (t = typesOfUncached(s) ?? null));
  return t ?? undefined;
}

function typesOfUncached(s: SchemaNode): string[] | undefined {
  const r = resolve(s);
  if (r.type) return Array.isArray(r.type) ? r.type : [r.type];
  if (r.oneOf) {
    const all = new Set<string>();
    for (const b of r.oneOf) {
      const t = typesOf(b);
      if (!t) return undefined;
      for (const x of t) all.add(x);
    }
    return [...all];
  }
  if (r.enum) return [...new Set(r.enum.map((v) => (v === null ? 'null' : typeof v)))];
  if (r.const !== undefined) return [r.const === null ? 'null' : typeof r.const];
  return undefined;
}

/** The branch of a oneOf that describes values of a type (objects, for keys). */
export function branchFor(s: SchemaNode, type: string): SchemaNode {
  const r = resolve(s);
  if (!r.oneOf) return r;
  for (const b of r.oneOf) {
    const t = typesOf(b);
    if (!t || t.includes(type) || (type === 'number' && t.includes('integer'))) return resolve(b);
  }
  return r;
}

/** The schema of the value of a property, or undefined when the key is not allowed. */
export function propertySchema(obj: SchemaNode, key: string): SchemaNode | undefined {
  const o = branchFor(obj, 'object');
  const p = o.properties?.[key];
  if (p) return resolve(p);
  if (o.additionalProperties && typeof o.additionalProperties === 'object') return resolve(o.additionalProperties);
  return undefined;
}

/** The schema at a path of keys and indexes from the root of a bot file. */
export function schemaAt(path: readonly PathSegment[]): SchemaNode | undefined {
  let s: SchemaNode | undefined = BOT_SCHEMA;
  for (const seg of path) {
    if (!s) return undefined;
    if (typeof seg === 'number') {
      const a: SchemaNode = branchFor(s, 'array');
      s = a.items ? resolve(a.items) : undefined;
    } else s = propertySchema(s, seg);
  }
  return s;
}
