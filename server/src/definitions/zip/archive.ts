// An export zip opened in memory: its entries judged once, each read on demand and checked.
import { crc32 } from './crc32';
import { locateData, readDirectory } from './directory';
import type { CentralRecord } from './directory';
import { inflateExactly } from './inflate';
import { classifyName } from './names';
import { DEFAULT_ZIP_LIMITS, formatSize, zipFinding } from './types';
import type { ZipEntry, ZipFinding, ZipLimits } from './types';

/** A zip read in place. `bytes` is the zip as given (what a version stores); never mutate it. */
export interface ZipArchive {
  readonly bytes: Uint8Array;
  /** The files that can be read, in the zip's order: no folders, junk, or refused entries. */
  readonly entries: readonly ZipEntry[];
  /** What is wrong with the zip; `read` adds to it when an entry's data turns out bad. */
  readonly findings: ZipFinding[];
  readonly limits: Readonly<ZipLimits>;
  /** The entry of that exact name, if it is one of `entries`. */
  get(name: string): ZipEntry | undefined;
  /** The entry's uncompressed bytes (a fresh copy), or undefined with a finding when they are bad. */
  read(name: string): Uint8Array | undefined;
}

interface Slot {
  readonly entry: ZipEntry;
  /** Where its local header starts. */
  readonly offset: number;
  /** Where its compressed bytes start and end. */
  readonly start: number;
  readonly end: number;
}

const AGAIN = 'Export the bot again from its console and commit the new zip.';
const NEVER_READ = 'it was not read';
const LFS_POINTER = new TextEncoder().encode('version https://git-lfs.github.com/spec/');
const SYMLINK = 0o120000;

/** Opens a zip held in memory; never throws for bad input, whose problems become findings. */
export function openZip(bytes: Uint8Array, limits?: Partial<ZipLimits>): ZipArchive {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const findings: ZipFinding[] = [];
  const dir = readDirectory(bytes, lim.maxEntries);
  if (dir.kind === 'corrupt') {
    const lfs = bytes.length < 1024 && LFS_POINTER.every((b, i) => bytes[i] === b);
    findings.push(
      lfs
        ? zipFinding('zip/corrupt', 'The file is a Git LFS pointer, not the zip itself: install Git LFS and run `git lfs pull` to fetch the zip.')
        : zipFinding('zip/corrupt', `The file cannot be read as a zip: ${dir.reason}. ${AGAIN}`),
    );
    return new Archive(bytes, [], findings, lim);
  }
  if (dir.kind === 'too-many') {
    findings.push(
      zipFinding(
        'zip/too-many-entries',
        `The zip has ${dir.count.toLocaleString('en-US')} entries, more than the ${lim.maxEntries.toLocaleString('en-US')} a bot export is allowed; ${NEVER_READ}. Check that it is a bot export, not an archive of something larger.`,
      ),
    );
    return new Archive(bytes, [], findings, lim);
  }
  const slots: Slot[] = [];
  const seen = new Set<string>();
  for (const rec of dir.records) {
    const entry = judge(rec, lim, seen, findings);
    if (!entry) continue;
    const at = locateData(bytes, rec, dir.dataLimit);
    if ('reason' in at) {
      findings.push(zipFinding('zip/corrupt', `${show(entry.name)} cannot be read: ${at.reason}. ${AGAIN}`, entry.name));
      continue;
    }
    slots.push({ entry, offset: rec.localOffset, start: at.start, end: at.end });
  }
  const kept = dropOverlaps(slots, findings);
  const total = kept.reduce((n, s) => n + s.entry.size, 0);
  if (total > lim.maxTotalSize) {
    findings.push(
      zipFinding(
        'zip/too-large',
        `The zip's entries hold ${formatSize(total)} uncompressed, over the ${formatSize(lim.maxTotalSize)} limit for one bot export; ${NEVER_READ}. Check that it is a bot export, and leave large media out of it.`,
      ),
    );
    return new Archive(bytes, [], findings, lim);
  }
  return new Archive(bytes, kept, findings, lim);
}

/** A name for messages: quoted, with NUL and other control characters visible. */
function show(name: string): string {
  return JSON.stringify(name);
}

/** The entry a record describes, or undefined when it is left out (with a finding unless it is junk or a folder). */
function judge(rec: CentralRecord, lim: ZipLimits, seen: Set<string>, findings: ZipFinding[]): ZipEntry | undefined {
  if (rec.name === undefined) {
    const lossy = new TextDecoder().decode(rec.rawName);
    findings.push(zipFinding('zip/unsafe-name', `Entry ${show(lossy)} is refused: its name is marked UTF-8 but is not valid UTF-8; ${NEVER_READ}. ${AGAIN}`, lossy));
    return undefined;
  }
  const name = rec.name;
  const kind = classifyName(name);
  if (kind.kind === 'unsafe') {
    findings.push(
      zipFinding(
        'zip/unsafe-name',
        `Entry ${show(name)} is refused: ${kind.reason}; ${NEVER_READ}. A bot export holds only relative, '/'-separated names: export the bot again, or re-create the zip with a tool that writes such names.`,
        name,
      ),
    );
    return undefined;
  }
  if (kind.kind !== 'file') return undefined;
  if (rec.unixType === SYMLINK) {
    findings.push(zipFinding('zip/unsafe-name', `Entry ${show(name)} is refused: it is a symbolic link, which a bot export never holds; ${NEVER_READ}. Zip the file it points to instead.`, name));
    return undefined;
  }
  if (seen.has(name)) {
    findings.push(
      zipFinding(
        'zip/duplicate-entry',
        `${show(name)} is in the zip more than once; only the first copy is read, and tools that unpack the zip may take another. Re-create the zip with one copy of each file.`,
        name,
      ),
    );
    return undefined;
  }
  seen.add(name);
  if ((rec.flags & 0x41) !== 0 || rec.method === 99) {
    findings.push(zipFinding('zip/encrypted', `${show(name)} is password-protected and cannot be read. Export the bot again without a password (the bot is stored and compared as it is exported).`, name));
    return undefined;
  }
  if (rec.method !== 0 && rec.method !== 8) {
    findings.push(
      zipFinding(
        'zip/unsupported-method',
        `${show(name)} is compressed with method ${rec.method} (${METHODS[rec.method] ?? 'unknown'}); only stored and deflate entries can be read. Re-create the zip with ordinary (deflate) compression.`,
        name,
      ),
    );
    return undefined;
  }
  if (rec.size > lim.maxEntrySize) {
    findings.push(
      zipFinding(
        'zip/entry-too-large',
        `${show(name)} is ${formatSize(rec.size)} uncompressed, over the ${formatSize(lim.maxEntrySize)} limit for one file of a bot export; ${NEVER_READ}. Leave large media out of the export.`,
        name,
      ),
    );
    return undefined;
  }
  if (rec.method === 0 && rec.size !== rec.compressedSize) {
    findings.push(zipFinding('zip/size-mismatch', `${show(name)} is stored uncompressed, yet its header declares ${rec.size} bytes uncompressed and ${rec.compressedSize} stored; ${NEVER_READ}. ${AGAIN}`, name));
    return undefined;
  }
  if (rec.size > lim.ratioMinSize && rec.size > lim.maxRatio * rec.compressedSize) {
    const ratio = Math.round(rec.size / Math.max(1, rec.compressedSize));
    findings.push(
      zipFinding(
        'zip/suspicious-ratio',
        `${show(name)} would inflate ${ratio.toLocaleString('en-US')}:1 (${formatSize(rec.size)} from ${formatSize(rec.compressedSize)}), ` +
          `beyond the ${lim.maxRatio}:1 that real files stay under; it looks like a zip bomb and ${NEVER_READ}. ` +
          'If the file is genuine, re-create the zip without it.',
        name,
      ),
    );
    return undefined;
  }
  return { name, size: rec.size, compressedSize: rec.compressedSize, method: rec.method === 0 ? 'stored' : 'deflate', crc32: rec.crc32 };
}

const METHODS: Record<number, string> = { 1: 'shrink', 6: 'implode', 9: 'deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd' };

/** Drops entries whose bytes overlap an earlier entry's: honest zips never share bytes, some zip bombs do. */
function dropOverlaps(slots: Slot[], findings: ZipFinding[]): Slot[] {
  const byOffset = [...slots].sort((a, b) => a.offset - b.offset);
  const dropped = new Set<Slot>();
  let last: Slot | undefined;
  for (const s of byOffset) {
    if (last && s.offset < last.end) {
      dropped.add(s);
      findings.push(
        zipFinding(
          'zip/corrupt',
          `${show(s.entry.name)} shares its bytes with ${show(last.entry.name)}, which honest zips never do (some zip bombs do); ${NEVER_READ}. ${AGAIN}`,
          s.entry.name,
        ),
      );
      continue;
    }
    last = s;
  }
  return slots.filter((s) => !dropped.has(s));
}

class Archive implements ZipArchive {
  readonly entries: readonly ZipEntry[];
  private readonly index = new Map<string, Slot>();
  private readonly failed = new Set<string>();

  constructor(
    readonly bytes: Uint8Array,
    slots: readonly Slot[],
    readonly findings: ZipFinding[],
    readonly limits: Readonly<ZipLimits>,
  ) {
    this.entries = slots.map((s) => s.entry);
    for (const s of slots) this.index.set(s.entry.name, s);
  }

  get(name: string): ZipEntry | undefined {
    return this.index.get(name)?.entry;
  }

  read(name: string): Uint8Array | undefined {
    const slot = this.index.get(name);
    if (!slot || this.failed.has(name)) return undefined;
    const { entry } = slot;
    const data = this.bytes.subarray(slot.start, slot.end);
    let out: Uint8Array;
    if (entry.method === 'stored') {
      out = new Uint8Array(data); // a copy: on a Node Buffer, slice() would share memory
    } else {
      const r = inflateExactly(data, entry.size);
      if (!r.ok) {
        const code = r.problem === 'corrupt' ? 'zip/corrupt' : 'zip/size-mismatch';
        const stop = r.problem === 'too-long' ? '; reading stopped there' : '';
        return this.fail(name, code, `${show(name)} cannot be read: ${r.detail}${stop}. The zip is damaged or crafted: ${AGAIN}`);
      }
      out = r.bytes;
    }
    if (crc32(out) !== entry.crc32) {
      return this.fail(name, 'zip/corrupt', `${show(name)} cannot be read: its bytes do not match their CRC-32 checksum, so the zip is damaged. ${AGAIN}`);
    }
    return out;
  }

  private fail(name: string, code: 'zip/corrupt' | 'zip/size-mismatch', message: string): undefined {
    this.failed.add(name);
    this.findings.push(zipFinding(code, message, name));
    return undefined;
  }
}
