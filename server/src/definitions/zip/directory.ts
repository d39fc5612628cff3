// The zip's structure, read strictly and within the bytes given: the end record (ZIP64
// too), the central directory's records, and where each entry's data lies. Nothing here
// inflates or allocates by a size the file declares; every offset is checked first.
import { decodeName } from './names';

/** One central-directory record, before any judgement of its name or sizes. */
export interface CentralRecord {
  readonly rawName: Uint8Array;
  /** Undefined when the name claims UTF-8 and is not. */
  readonly name: string | undefined;
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  /** The Unix file type bits (0o170000 of the mode) when a Unix tool wrote the entry, else 0. */
  readonly unixType: number;
}

/** The central directory, or why it cannot be read. */
export type Directory =
  | { readonly kind: 'ok'; readonly records: CentralRecord[]; readonly dataLimit: number }
  | { readonly kind: 'too-many'; readonly count: number }
  | { readonly kind: 'corrupt'; readonly reason: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u8(p: number): number {
    return this.view.getUint8(p);
  }
  u16(p: number): number {
    return this.view.getUint16(p, true);
  }
  u32(p: number): number {
    return this.view.getUint32(p, true);
  }
  /** A little-endian 64-bit number, or NaN past 2^53 (no real zip gets there). */
  u64(p: number): number {
    const hi = this.u32(p + 4);
    return hi >= 0x200000 ? NaN : hi * 0x1_0000_0000 + this.u32(p);
  }
}

const corrupt = (reason: string): Directory => ({ kind: 'corrupt', reason });

/** Finds the end-of-central-directory record: the one whose comment ends the file, else the last one. */
function findEnd(r: Reader): number {
  const len = r.bytes.length;
  let loose = -1;
  for (let e = len - 22; e >= 0 && e >= len - 22 - 0xffff; e--) {
    if (r.u32(e) !== EOCD) continue;
    const end = e + 22 + r.u16(e + 20);
    if (end === len) return e;
    if (end < len && loose < 0) loose = e;
  }
  return loose;
}

/** Reads the central directory's records, stopping at the first sign of damage. */
export function readDirectory(bytes: Uint8Array, maxEntries: number): Directory {
  if (bytes.length < 22) return corrupt(bytes.length === 0 ? 'the file is empty' : 'the file is too short to be a zip');
  const r = new Reader(bytes);
  const e = findEnd(r);
  if (e < 0) return corrupt('it has no end-of-central-directory record, so it is not a zip or was cut short');
  let disk = r.u16(e + 4);
  let cdDisk = r.u16(e + 6);
  let count = r.u16(e + 10);
  let cdSize = r.u32(e + 12);
  let cdOffset = r.u32(e + 16);
  let dataLimit = e;
  const saturated = count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff;
  const z = e >= 20 && r.u32(e - 20) === ZIP64_LOCATOR ? r.u64(e - 12) : NaN;
  if (z >= 0 && z + 56 <= e - 20 && r.u32(z) === ZIP64_EOCD) {
    disk = r.u32(z + 16);
    cdDisk = r.u32(z + 20);
    count = r.u64(z + 32);
    cdSize = r.u64(z + 40);
    cdOffset = r.u64(z + 48);
    dataLimit = z;
  } else if (saturated) {
    return corrupt('it is a ZIP64 zip whose ZIP64 end record is missing or out of place');
  }
  if (disk !== 0 || cdDisk !== 0) return corrupt('it is one part of a zip split across several files');
  if (!Number.isFinite(count + cdSize + cdOffset)) return corrupt('its end record declares impossible sizes');
  if (count > maxEntries) return { kind: 'too-many', count };
  if (cdOffset + cdSize > dataLimit) return corrupt('its central directory lies past the end of the file (the file was probably cut short)');
  if (count * 46 > cdSize) return corrupt('its central directory is too small for the entries it declares');
  const cdEnd = cdOffset + cdSize;
  const records: CentralRecord[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdEnd || r.u32(p) !== CENTRAL) return corrupt(`central-directory record ${i + 1} of ${count} is damaged`);
    const nameLen = r.u16(p + 28);
    const extraLen = r.u16(p + 30);
    const next = p + 46 + nameLen + extraLen + r.u16(p + 32);
    if (next > cdEnd) return corrupt(`central-directory record ${i + 1} of ${count} runs past the directory`);
    const flags = r.u16(p + 8);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const extra = bytes.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    let size = r.u32(p + 24);
    let compressedSize = r.u32(p + 20);
    let localOffset = r.u32(p + 42);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const z = zip64Field(extra);
      let q = 0;
      const take = (): number => {
        const v = z && q + 8 <= z.byteLength ? new Reader(z).u64(q) : NaN;
        q += 8;
        return v;
      };
      if (size === 0xffffffff) size = take();
      if (compressedSize === 0xffffffff) compressedSize = take();
      if (localOffset === 0xffffffff) localOffset = take();
      if (!Number.isFinite(size + compressedSize + localOffset)) {
        return corrupt(`central-directory record ${i + 1} of ${count} lacks the ZIP64 sizes it refers to`);
      }
    }
    const madeByUnix = r.u8(p + 5) === 3;
    records.push({
      rawName,
      name: decodeName(rawName, (flags & 0x800) !== 0, extra),
      flags,
      method: r.u16(p + 10),
      crc32: r.u32(p + 16),
      compressedSize,
      size,
      localOffset,
      unixType: madeByUnix ? (r.u32(p + 38) >>> 16) & 0o170000 : 0,
    });
    p = next;
  }
  return { kind: 'ok', records, dataLimit: Math.min(dataLimit, cdOffset) };
}

/** The body of the ZIP64 extended-information extra field (0x0001), if present. */
function zip64Field(extra: Uint8Array): Uint8Array | undefined {
  const r = new Reader(extra);
  for (let p = 0; p + 4 <= extra.length; ) {
    const len = r.u16(p + 2);
    if (p + 4 + len > extra.length) return undefined;
    if (r.u16(p) === 0x0001) return extra.subarray(p + 4, p + 4 + len);
    p += 4 + len;
  }
  return undefined;
}

/** Where an entry's compressed bytes lie, after checking its local header agrees with the central one. */
export function locateData(bytes: Uint8Array, rec: CentralRecord, dataLimit: number): { start: number; end: number } | { reason: string } {
  const r = new Reader(bytes);
  const off = rec.localOffset;
  if (off + 30 > dataLimit || r.u32(off) !== LOCAL) return { reason: 'its local header is missing or out of place' };
  const nameLen = r.u16(off + 26);
  const start = off + 30 + nameLen + r.u16(off + 28);
  const end = start + rec.compressedSize;
  if (end > dataLimit) return { reason: 'its data runs past the end of the entries (the file was probably cut short)' };
  const localName = bytes.subarray(off + 30, off + 30 + nameLen);
  if (localName.length !== rec.rawName.length || localName.some((b, i) => b !== rec.rawName[i])) {
    return { reason: 'its local header names another file than the central directory does (tools would disagree on what the zip holds)' };
  }
  if ((r.u16(off + 6) & 1) !== (rec.flags & 1)) return { reason: 'its local and central headers disagree on encryption' };
  return { start, end };
}
