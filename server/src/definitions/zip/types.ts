// The plain data of the zip reader: entries, findings, limits and the finding codes.
import type { Severity } from '../types';

/** One file of a zip, as its central directory describes it. Folder entries are dropped. */
export interface ZipEntry {
  /** The name as stored, decoded: relative, '/'-separated, never ending in '/'. */
  readonly name: string;
  /** Uncompressed size in bytes, as the central directory declares it. */
  readonly size: number;
  /** Compressed size in bytes. */
  readonly compressedSize: number;
  /** 'stored' (no compression) or 'deflate'; other methods are refused with a finding. */
  readonly method: 'stored' | 'deflate';
  /** CRC-32 of the uncompressed bytes, as declared; equal sizes and CRCs mean "very likely unchanged". */
  readonly crc32: number;
}

/** Limits that keep a hostile or broken zip from costing more than a bot export can. */
export interface ZipLimits {
  /** Most records in the central directory, folders and junk included. */
  maxEntries: number;
  /** Most uncompressed bytes of one entry. */
  maxEntrySize: number;
  /** Most uncompressed bytes of all entries read together. */
  maxTotalSize: number;
  /** Highest uncompressed : compressed ratio of an entry larger than `ratioMinSize`. */
  maxRatio: number;
  /** Entries of this many uncompressed bytes or fewer are never judged by their ratio. */
  ratioMinSize: number;
}

const MIB = 1024 * 1024;

/** The default limits (see index.ts for why these numbers). */
export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 20_000,
  maxEntrySize: 64 * MIB,
  maxTotalSize: 512 * MIB,
  maxRatio: 200,
  ratioMinSize: MIB,
});

/** Every finding code of the zip reader, its default severity and a one-line meaning. */
export const ZIP_CODES = {
  'zip/corrupt': ['error', 'The zip, or one entry of it, cannot be read: cut short, damaged, not a zip, or bytes shared by two entries.'],
  'zip/encrypted': ['error', 'A password-protected entry; it cannot be read.'],
  'zip/unsupported-method': ['error', 'An entry compressed with a method other than stored or deflate.'],
  'zip/unsafe-name': ['error', 'An entry name with `..`, `.`, an absolute path, a drive letter, `\\`, NUL or an empty part, or a symbolic link.'],
  'zip/duplicate-entry': ['warning', 'Two entries with the same name; only the first is read.'],
  'zip/too-many-entries': ['error', 'More entries than a bot export has; the zip is not read.'],
  'zip/entry-too-large': ['error', 'An entry larger than the per-entry limit; it is not read.'],
  'zip/too-large': ['error', 'Entries larger in total than the limit; the zip is not read.'],
  'zip/suspicious-ratio': ['error', 'An entry that would inflate far more than real files do (a zip bomb); it is not read.'],
  'zip/size-mismatch': ['error', 'An entry that inflates to another size than its header declares; it is not read.'],
} as const satisfies Record<string, readonly [Severity, string]>;

/** A finding code of the zip reader. */
export type ZipCode = keyof typeof ZIP_CODES;

/** A problem with the zip or one of its entries: what is wrong and what to do. */
export interface ZipFinding {
  readonly code: ZipCode;
  readonly severity: Severity;
  /** The entry concerned, by its decoded name, when there is one. */
  readonly entry?: string;
  readonly message: string;
}

/** Makes a finding with the code's default severity. */
export function zipFinding(code: ZipCode, message: string, entry?: string): ZipFinding {
  const severity = ZIP_CODES[code][0];
  return entry === undefined ? { code, severity, message } : { code, severity, entry, message };
}

/** Sizes for messages: "1,024 bytes", "3.5 MiB". */
export function formatSize(n: number): string {
  if (n < 1024 * 10) return `${n.toLocaleString('en-US')} bytes`;
  if (n < MIB) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  if (n < 1024 * MIB) return `${(n / MIB).toFixed(1).replace(/\.0$/, '')} MiB`;
  return `${(n / (1024 * MIB)).toFixed(1).replace(/\.0$/, '')} GiB`;
}
