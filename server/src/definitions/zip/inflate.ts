// Inflating one entry into exactly the size its header declares, never further.
//
// fflate's streaming `Inflate` is fed the compressed bytes a slice at a time. DEFLATE
// expands at most 1032:1, so a slice of k bytes yields at most about 1 KiB·k: slices are
// sized to the bytes still allowed (at least 4 KiB, at most 64 KiB), and inflating stops
// at the first byte past the declared size. A header that declares 1 KB in front of 100 MB
// of zeros costs one 4 KiB slice: 4 MiB of output dropped at once (some 20 MiB of buffers
// while fflate's grow) and a finding, where inflating it all takes 295 MiB and 1.5 s.
//
// Entries of at most one slice (nearly every file of a bot export) go through
// `inflateSync` into a buffer one byte longer than declared instead: the stream's setup
// costs 200 KiB of buffers per entry, which made reading 5,000 small files about four
// times slower. Its worst case is the same one slice: it inflates to the end however far past
// the buffer (writes past a typed array's end are dropped, and a stored block that does not
// fit throws a RangeError), and that extra byte tells it went past.
import type * as Fflate from 'fflate';

/** fflate, loaded on first use: it builds its tables and loads worker_threads as it loads, and most commands read no archive. */
let fflateLib: typeof Fflate | undefined;
const fflate = (): typeof Fflate => (fflateLib ??= require('fflate') as typeof Fflate);

/** The entry's bytes, or why they could not be had. */
export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly problem: 'too-long' | 'too-short' | 'corrupt'; readonly detail: string };

const MIN_SLICE = 4 * 1024;
const MAX_SLICE = 64 * 1024;
/** The most one byte of DEFLATE input can expand to (258-byte matches of one bit each, roughly). */
const MAX_EXPANSION = 1032;

/** Inflates raw DEFLATE `data` into exactly `size` bytes, stopping as soon as it would exceed them. */
export function inflateExactly(data: Uint8Array, size: number): InflateResult {
  return data.length <= MIN_SLICE ? inflateSmall(data, size) : inflateSliced(data, size);
}

const tooLong = (size: number): InflateResult => ({ ok: false, problem: 'too-long', detail: `it inflates to more than the ${size} bytes its header declares` });
const damaged = (e: unknown): InflateResult => ({ ok: false, problem: 'corrupt', detail: `its compressed data is damaged (${e instanceof Error ? e.message : String(e)})` });
const checked = (bytes: Uint8Array, produced: number, size: number): InflateResult =>
  produced > size ? tooLong(size) : produced < size ? { ok: false, problem: 'too-short', detail: `it inflates to ${produced} bytes, not the ${size} its header declares` } : { ok: true, bytes };

function inflateSmall(data: Uint8Array, size: number): InflateResult {
  const out = new Uint8Array(size + 1);
  let got: Uint8Array;
  try {
    got = fflate().inflateSync(data, { out });
  } catch (e) {
    return e instanceof RangeError ? tooLong(size) : damaged(e);
  }
  return checked(out.subarray(0, size), got.length, size);
}

function inflateSliced(data: Uint8Array, size: number): InflateResult {
  const out = new Uint8Array(size);
  let produced = 0;
  let over = false;
  const inflater = new (fflate().Inflate)((chunk) => {
    if (over) return;
    if (produced + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, produced);
    produced += chunk.length;
  });
  try {
    for (let p = 0; p < data.length && !over; ) {
      const allowed = size - produced + 1;
      const slice = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.ceil(allowed / MAX_EXPANSION)));
      const end = Math.min(data.length, p + slice);
      inflater.push(data.subarray(p, end), end === data.length);
      p = end;
    }
  } catch (e) {
    return damaged(e);
  }
  return over ? tooLong(size) : checked(out, produced, size);
}
