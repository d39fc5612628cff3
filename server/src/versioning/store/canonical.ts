/**
 * Canonical JSON: keys sorted at every level, no spaces, one trailing newline. The bytes
 * of a record depend only on its content, so a record's name (the hash of its bytes) does
 * too: two clones that write the same record write the same file, and git sees no conflict.
 */

function sortValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortValue);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortValue(x);
    }
    return out;
  }
  return v;
}

/** The canonical text of a JSON value. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortValue(v)) + '\n';
}

/** The canonical UTF-8 bytes of a JSON value. */
export function canonicalBytes(v: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(v));
}
