/** SHA-256 helpers: every object and record in the store is named by the digest of its bytes. */
import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256 of `data`. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** True for a full lowercase hex SHA-256 digest. */
export function isSha256(s: unknown): s is string {
  return typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);
}

/** Number of hex digits shown for ids in human output. */
export const SHORT_ID = 8;

/** The short form of an id shown to people. */
export function shortId(id: string): string {
  return id.slice(0, SHORT_ID);
}
