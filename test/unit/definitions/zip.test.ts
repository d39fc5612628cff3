// The zip reader: real zips read back byte for byte; hostile ones (unsafe names, lying
// headers, bombs, damage) give findings, never exceptions, in bounded memory and time.
// Zips come from fflate where it can write them and are built byte by byte where it cannot.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { deflateSync, zipSync } from 'fflate';
import type { ZipOptions } from 'fflate';
import {
  DEFAULT_ZIP_LIMITS,
  ZIP_CODES,
  commonRoot,
  crc32,
  decodeCp437,
  entryPath,
  listFolder,
  openZip,
} from '../../../server/src/definitions/zip/index';
import type { ZipArchive, ZipLimits } from '../../../server/src/definitions/zip/index';

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? (process.env.BOTV_SOAK === '1' ? 4000 : 400));
const MIB = 1024 * 1024;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined): string | undefined => (b === undefined ? undefined : new TextDecoder().decode(b));

/** A zip written by fflate from name → text (or bytes, with per-file options). */
function zipOf(files: Record<string, string | Uint8Array | [Uint8Array, ZipOptions]>, level: ZipOptions['level'] = 6): Uint8Array {
  const input: Record<string, Uint8Array | [Uint8Array, ZipOptions]> = {};
  for (const [k, v] of Object.entries(files)) input[k] = typeof v === 'string' ? enc(v) : v;
  return zipSync(input, { level });
}

const codes = (z: ZipArchive): string[] => z.findings.map((f) => f.code);
const names = (z: ZipArchive): string[] => z.entries.map((e) => e.name);
/** Asserts a zip has no findings, showing their messages when it has. */
const clean = (z: ZipArchive): void => assert.deepEqual(z.findings.map((f) => f.message), []);

// ---- Zips built byte by byte -------------------------------------------------------------

/** One entry of a hand-built zip; every field the reader judges can be set to lie. */
interface Raw {
  name: string | Uint8Array;
  content?: string | Uint8Array;
  /** 0 stored (default) or 8 deflate (then `data` must be given) or any other method. */
  method?: number;
  /** The bytes written after the local header (default: content). */
  data?: Uint8Array;
  /** The declared uncompressed size (default: content's length). */
  size?: number;
  crc?: number;
  flags?: number;
  localFlags?: number;
  localName?: string | Uint8Array;
  /** Version made by; 0x0314 is Unix. */
  madeBy?: number;
  external?: number;
  extra?: Uint8Array;
  /** Point the central record at this offset and write no local header. */
  at?: number;
}

class Bytes {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  put(b: Uint8Array): this {
    this.parts.push(b);
    this.length += b.length;
    return this;
  }
  u16(v: number): this {
    return this.put(new Uint8Array([v & 0xff, (v >>> 8) & 0xff]));
  }
  u32(v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, true);
    return this.put(b);
  }
  u64(v: number): this {
    return this.u32(v % 0x1_0000_0000).u32(Math.floor(v / 0x1_0000_0000));
  }
  done(): Uint8Array {
    const out = new Uint8Array(this.length);
    let p = 0;
    for (const b of this.parts) out.set(b, p), (p += b.length);
    return out;
  }
}

const bytesOf = (v: string | Uint8Array | undefined): Uint8Array => (v === undefined ? new Uint8Array(0) : typeof v === 'string' ? enc(v) : v);

/** Writes local headers, data, central directory and end record exactly as told. */
function craft(raws: Raw[], opts: { cdOrder?: number[]; zip64?: boolean; comment?: string } = {}): Uint8Array {
  const w = new Bytes();
  const offsets: number[] = [];
  for (const r of raws) {
    const name = bytesOf(r.name);
    const content = bytesOf(r.content);
    const data = r.data ?? content;
    offsets.push(r.at ?? w.length);
    if (r.at !== undefined) continue;
    w.u32(0x04034b50).u16(20).u16(r.localFlags ?? r.flags ?? 0).u16(r.method ?? 0).u16(0).u16(0x21);
    w.u32(r.crc ?? crc32(content)).u32(data.length).u32(r.size ?? content.length);
    const localName = r.localName === undefined ? name : bytesOf(r.localName);
    w.u16(localName.length).u16(0).put(localName).put(data);
  }
  const cdOffset = w.length;
  for (const i of opts.cdOrder ?? raws.map((_, i) => i)) {
    const r = raws[i]!;
    const name = bytesOf(r.name);
    const content = bytesOf(r.content);
    const data = r.data ?? content;
    const size = r.size ?? content.length;
    const z64 = opts.zip64 ? new Bytes().u16(1).u16(24).u64(size).u64(data.length).u64(offsets[i]!).done() : undefined;
    const extra = z64 ?? r.extra ?? new Uint8Array(0);
    w.u32(0x02014b50).u16(r.madeBy ?? 20).u16(20).u16(r.flags ?? 0).u16(r.method ?? 0).u16(0).u16(0x21);
    w.u32(r.crc ?? crc32(content));
    if (z64) w.u32(0xffffffff).u32(0xffffffff);
    else w.u32(data.length).u32(size);
    w.u16(name.length).u16(extra.length).u16(0).u16(0).u16(0).u32(r.external ?? 0);
    w.u32(z64 ? 0xffffffff : offsets[i]!).put(name).put(extra);
  }
  const cdSize = w.length - cdOffset;
  const count = (opts.cdOrder ?? raws).length;
  if (opts.zip64) {
    const at = w.length;
    w.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(count).u64(count).u64(cdSize).u64(cdOffset);
    w.u32(0x07064b50).u32(0).u64(at).u32(1);
  }
  const comment = bytesOf(opts.comment);
  w.u32(0x06054b50).u16(0).u16(0);
  if (opts.zip64) w.u16(0xffff).u16(0xffff).u32(0xffffffff).u32(0xffffffff);
  else w.u16(count).u16(count).u32(cdSize).u32(cdOffset);
  return w.u16(comment.length).put(comment).done();
}

/**
 * A DEFLATE stream that inflates to 1 + 258·matches zero bytes at the format's highest
 * ratio, 1032:1: one dynamic block whose length 258 and distance 1 each have a 1-bit code.
 * fflate would take seconds to compress 100 MB of zeros; this takes milliseconds.
 */
function zeroBomb(matches: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(matches / 4) + 32);
  let bit = 0;
  const bits = (v: number, n: number): void => {
    for (let i = 0; i < n; i++, bit++) if ((v >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  const code = (c: string): void => {
    for (const ch of c) bits(ch === '1' ? 1 : 0, 1);
  };
  bits(1, 1), bits(2, 2); // final block, dynamic Huffman
  bits(286 - 257, 5), bits(0, 5), bits(18 - 4, 4); // 286 literal/length codes, 1 distance code, 18 code-length codes
  const lengths: Record<number, number> = { 18: 1, 1: 2, 2: 2 }; // code-length codes: 18 → 0, 1 → 10, 2 → 11
  for (const s of [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]) bits(lengths[s] ?? 0, 3);
  // Literal 0: length 2; 255 zeros; end-of-block: 2; 28 zeros; length 258 (code 285): 1; distance 1: 1.
  code('11'), code('0'), bits(138 - 11, 7), code('0'), bits(117 - 11, 7), code('11'), code('0'), bits(28 - 11, 7), code('10'), code('10');
  code('10'); // literal 0 (code 10)
  for (let i = 0; i < matches; i++) code('00'); // length 258 (code 0), distance 1 (code 0)
  code('11'); // end of block
  return out.subarray(0, (bit + 7) >> 3);
}

const HUNDRED_MB_OF_ZEROS = Math.ceil((100 * MIB) / 258);

// ---- Tests -------------------------------------------------------------------------------

describe('definitions: zip', () => {
  it('reads a zip that fflate wrote, stored and deflated, byte for byte', () => {
    const big = 'x'.repeat(50_000);
    const z = openZip(zipOf({ 'Manifest.json': '{"metaData":{}}', 'Bot/Bot.json': [enc(big), { level: 9 }], 'raw.bin': [new Uint8Array([0, 1, 255]), { level: 0 }] }));
    clean(z);
    assert.deepEqual(names(z), ['Manifest.json', 'Bot/Bot.json', 'raw.bin']);
    assert.equal(dec(z.read('Manifest.json')), '{"metaData":{}}');
    assert.equal(dec(z.read('Bot/Bot.json')), big);
    assert.deepEqual([...z.read('raw.bin')!], [0, 1, 255]);
    const bot = z.get('Bot/Bot.json')!;
    assert.equal(bot.method, 'deflate');
    assert.equal(bot.size, 50_000);
    assert.ok(bot.compressedSize < 1000);
    assert.equal(bot.crc32, crc32(enc(big)));
    assert.equal(z.get('raw.bin')!.method, 'stored');
    assert.equal(z.read('missing.json'), undefined);
    clean(z);
  });

  it('keeps the bytes it was given and hands out copies', () => {
    const bytes = zipOf({ 'a.json': [enc('{}'), { level: 0 }] });
    const z = openZip(bytes);
    assert.equal(z.bytes, bytes);
    const a = z.read('a.json')!;
    a[0] = 0;
    assert.equal(dec(z.read('a.json')), '{}');
    // A Node Buffer (whose slice() shares memory), and a view that starts inside a larger buffer.
    const buffer = Buffer.from(bytes);
    const b = openZip(buffer).read('a.json')!;
    b[0] = 0;
    assert.deepEqual(buffer, Buffer.from(bytes));
    const larger = new Uint8Array(bytes.length + 7);
    larger.set(bytes, 7);
    assert.equal(dec(openZip(larger.subarray(7)).read('a.json')), '{}');
  });

  it('computes the zip CRC-32', () => {
    assert.equal(crc32(enc('123456789')), 0xcbf43926);
    assert.equal(crc32(new Uint8Array(0)), 0);
  });

  it('drops folder entries, infers folders from names in any order, and lists one folder', () => {
    const raws: Raw[] = [
      { name: 'intents/', content: '' },
      { name: 'intents/b.json', content: 'B' },
      { name: 'agent.json', content: 'A' },
      { name: 'intents/a.json', content: 'A2' },
      { name: 'intents/a_usersays_en.json', content: 'U' },
      { name: 'flows/Default Start Flow/pages/p.json', content: 'P' },
    ];
    const z = openZip(craft(raws, { cdOrder: [5, 3, 1, 2, 4, 0] }));
    clean(z);
    assert.deepEqual(names(z), ['flows/Default Start Flow/pages/p.json', 'intents/a.json', 'intents/b.json', 'agent.json', 'intents/a_usersays_en.json']);
    const intents = listFolder(z.entries, 'intents');
    assert.deepEqual(intents.files.map((e) => e.name), ['intents/a.json', 'intents/a_usersays_en.json', 'intents/b.json']);
    assert.deepEqual(intents.folders, []);
    const root = listFolder(z.entries, '');
    assert.deepEqual(root.files.map((e) => e.name), ['agent.json']);
    assert.deepEqual(root.folders, ['flows', 'intents']);
    assert.deepEqual(listFolder(z.entries, 'flows/').folders, ['Default Start Flow']);
    assert.deepEqual(listFolder(z.entries, 'flows/Default Start Flow').folders, ['pages']);
    assert.deepEqual(listFolder(z.entries, 'nowhere'), { files: [], folders: [] });
    assert.equal(dec(z.read('intents/a.json')), 'A2');
  });

  it('tells when every entry sits under one wrapper folder', () => {
    const wrapped = openZip(zipOf({ 'MyBot_Export/Manifest.json': '{}', 'MyBot_Export/MyBot/Bot.json': '{}', '__MACOSX/MyBot_Export/._Manifest.json': 'junk' }));
    assert.equal(commonRoot(wrapped.entries), 'MyBot_Export');
    assert.deepEqual(listFolder(wrapped.entries, 'MyBot_Export').files.map((e) => e.name), ['MyBot_Export/Manifest.json']);
    const lex = openZip(zipOf({ 'Manifest.json': '{}', 'MyBot/Bot.json': '{}' }));
    assert.equal(commonRoot(lex.entries), undefined);
    assert.equal(commonRoot([{ name: 'a/x' }, { name: 'b/y' }]), undefined);
    assert.equal(commonRoot([]), undefined);
    assert.equal(entryPath('bots/MyBot-LexJson.zip', 'MyBot/Bot.json'), 'bots/MyBot-LexJson.zip/MyBot/Bot.json');
  });

  it('ignores macOS and Windows junk silently', () => {
    const z = openZip(
      zipOf({
        'agent.json': '{}',
        '__MACOSX/agent/._agent.json': 'x',
        '__MACOSX/': new Uint8Array(0),
        '._agent.json': 'x',
        'intents/._a.json': 'x',
        'intents/.DS_Store': 'x',
        '.DS_Store': 'x',
        'Thumbs.db': 'x',
        'intents/thumbs.db': 'x',
      }),
    );
    clean(z);
    assert.deepEqual(names(z), ['agent.json']);
  });

  it('refuses unsafe names with a finding each and leaves them out', () => {
    const bad = ['../evil', 'a/../../evil', '/abs', '/', 'C:/Windows/x', 'c:x', 'a\\b.json', '..\\evil', 'a\0b.json', 'a//b', './a', 'a/./b', '', '__MACOSX/../../evil'];
    const z = openZip(craft([...bad.map((name) => ({ name, content: 'x' })), { name: 'ok.json', content: 'ok' }]));
    assert.deepEqual(names(z), ['ok.json']);
    assert.deepEqual(codes(z), bad.map(() => 'zip/unsafe-name'));
    assert.deepEqual(z.findings.map((f) => f.entry), bad);
    assert.match(z.findings[0]!.message, /'\.\.' part/);
    assert.match(z.findings[2]!.message, /absolute/);
    assert.match(z.findings[4]!.message, /drive letter/);
    assert.match(z.findings[6]!.message, /'\\' as a separator/);
    assert.match(z.findings[8]!.message, /NUL/);
    assert.match(z.findings[8]!.message, /"a\\u0000b\.json"/);
    for (const f of z.findings) assert.match(f.message, /was not read/);
    assert.equal(z.read('../evil'), undefined);
  });

  it('refuses symbolic links', () => {
    const z = openZip(craft([{ name: 'link.json', content: '../../etc/passwd', madeBy: 0x0314, external: (0o120777 << 16) >>> 0 }, { name: 'file.json', content: '{}', madeBy: 0x0314, external: (0o100644 << 16) >>> 0 }]));
    assert.deepEqual(names(z), ['file.json']);
    assert.deepEqual(codes(z), ['zip/unsafe-name']);
    assert.match(z.findings[0]!.message, /symbolic link/);
  });

  it('decodes UTF-8 names (flagged or not), the Unicode Path field, and CP437 names', () => {
    const utf8 = openZip(zipOf({ 'flows/Ap%c3%b3lice/Apólice Informada.json': 'x', 'intents/Größe_usersays_de.json': 'y', '中文/意图.json': 'z' }));
    clean(utf8);
    assert.deepEqual(names(utf8), ['flows/Ap%c3%b3lice/Apólice Informada.json', 'intents/Größe_usersays_de.json', '中文/意图.json']);
    assert.equal(dec(utf8.read('intents/Größe_usersays_de.json')), 'y');

    const cp437 = new Uint8Array([...enc('Men'), 0x81, ...enc('_Stra'), 0xe1, ...enc('e.json')]); // ü, ß in CP437
    const unflaggedUtf8 = enc('intents/Öffnungszeiten.json'); // macOS Archive Utility: UTF-8, no flag
    const flaggedBad = new Uint8Array([...enc('bad'), 0xff, ...enc('.json')]);
    const unicodeRaw = enc('old-name.json');
    const unicodeField = new Bytes().u16(0x7075).u16(5 + enc('Nouvelle entrée.json').length).put(new Uint8Array([1])).u32(crc32(unicodeRaw)).put(enc('Nouvelle entrée.json')).done();
    const z = openZip(
      craft([
        { name: cp437, content: 'a' },
        { name: unflaggedUtf8, content: 'b' },
        { name: enc('Ünïcödé.json'), flags: 0x800, content: 'c' },
        { name: flaggedBad, flags: 0x800, content: 'd' },
        { name: unicodeRaw, extra: unicodeField, content: 'e' },
      ]),
    );
    assert.deepEqual(names(z), ['Menü_Straße.json', 'intents/Öffnungszeiten.json', 'Ünïcödé.json', 'Nouvelle entrée.json']);
    assert.equal(dec(z.read('Menü_Straße.json')), 'a');
    assert.equal(dec(z.read('Nouvelle entrée.json')), 'e');
    assert.deepEqual(codes(z), ['zip/unsafe-name']);
    assert.match(z.findings[0]!.message, /not valid UTF-8/);
    assert.equal(decodeCp437(new Uint8Array([0x9b, 0xe1, 0xff, 0x41])), '¢ß\u00a0A');
  });

  it('reads the first of two entries with one name and says so', () => {
    const z = openZip(craft([{ name: 'agent.json', content: 'first' }, { name: 'agent.json', content: 'second' }, { name: 'other.json', content: 'o' }]));
    assert.deepEqual(names(z), ['agent.json', 'other.json']);
    assert.equal(dec(z.read('agent.json')), 'first');
    assert.deepEqual(codes(z), ['zip/duplicate-entry']);
    assert.equal(z.findings[0]!.entry, 'agent.json');
    assert.equal(z.findings[0]!.severity, 'warning');
  });

  it('refuses encrypted entries and unknown compression methods', () => {
    const z = openZip(
      craft([
        { name: 'secret.json', flags: 1, content: 'x' },
        { name: 'strong.json', flags: 0x41, content: 'x' },
        { name: 'aes.json', method: 99, content: 'x' },
        { name: 'b.json', method: 12, content: 'x' },
        { name: 'plain.json', content: 'p' },
      ]),
    );
    assert.deepEqual(names(z), ['plain.json']);
    assert.deepEqual(codes(z), ['zip/encrypted', 'zip/encrypted', 'zip/encrypted', 'zip/unsupported-method']);
    assert.match(z.findings[0]!.message, /without a password/);
    assert.match(z.findings[3]!.message, /method 12 \(bzip2\)/);
  });

  it('gives one zip/corrupt finding, never an exception, for a truncated zip or one that is no zip', () => {
    const whole = zipOf({ 'Manifest.json': '{}', 'Bot/Bot.json': 'y'.repeat(5000), 'Bot/BotLocales/en_US/BotLocale.json': '{}' });
    for (let cut = 0; cut < whole.length; cut++) {
      const z = openZip(whole.subarray(0, cut));
      assert.ok(z.findings.length >= 1, `cut at ${cut}`);
      assert.equal(z.findings[0]!.code, 'zip/corrupt');
      for (const e of z.entries) z.read(e.name);
    }
    assert.match(openZip(new Uint8Array(0)).findings[0]!.message, /empty/);
    assert.match(openZip(enc('{"not": "a zip"}'.repeat(10))).findings[0]!.message, /not a zip or was cut short/);
    const lfs = openZip(enc('version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 12345\n'));
    assert.deepEqual(codes(lfs), ['zip/corrupt']);
    assert.match(lfs.findings[0]!.message, /Git LFS pointer.*git lfs pull/);
    clean(openZip(craft([])));
  });

  it('finds damaged entry data when it is read, once', () => {
    const text = enc('{"a": 1}'.repeat(100));
    const z = openZip(
      craft([
        { name: 'bad-stream.json', method: 8, data: new Uint8Array([0xff, 0xff, 0xff]), size: 10, crc: 0 }, // block type 3 does not exist
        { name: 'bad-crc.json', method: 8, data: deflateSync(text), content: text, crc: crc32(text) ^ 1 },
        { name: 'bad-stored.json', content: 'bbbb', crc: crc32(enc('bbba')) },
        { name: 'cut-stream.json', method: 8, data: deflateSync(text).subarray(0, 10), content: text },
        { name: 'good.json', method: 8, data: deflateSync(text), content: text },
      ]),
    );
    clean(z);
    for (const name of ['bad-stream.json', 'bad-crc.json', 'bad-stored.json', 'cut-stream.json', 'bad-stream.json']) assert.equal(z.read(name), undefined);
    assert.deepEqual(z.read('good.json'), text);
    assert.deepEqual(z.findings.map((f) => f.entry), ['bad-stream.json', 'bad-crc.json', 'bad-stored.json', 'cut-stream.json']);
    assert.deepEqual(codes(z), ['zip/corrupt', 'zip/corrupt', 'zip/corrupt', 'zip/corrupt']);
    assert.match(z.findings[0]!.message, /compressed data is damaged/);
    assert.match(z.findings[1]!.message, /CRC-32/);
  });

  it('refuses entries whose local header disagrees with the central directory or whose data lies outside', () => {
    const z = openZip(
      craft([
        { name: 'agent.json', localName: 'evil.json', content: 'x' },
        { name: 'enc.json', localFlags: 1, content: 'x' },
        { name: 'nowhere.json', content: 'x', at: 1_000_000 },
        { name: 'ok.json', content: 'ok' },
      ]),
    );
    assert.deepEqual(names(z), ['ok.json']);
    assert.deepEqual(codes(z), ['zip/corrupt', 'zip/corrupt', 'zip/corrupt']);
    assert.match(z.findings[0]!.message, /names another file/);
    assert.match(z.findings[2]!.message, /local header is missing/);
  });

  it('refuses entries that share bytes with another (overlapping zip bombs)', () => {
    // a.json's stored data is b.json's whole local record, so b.json lies inside a.json.
    const inner = craft([{ name: 'b.json', content: 'BBBB' }]);
    const bRecord = inner.subarray(0, 30 + 'b.json'.length + 4);
    const z = openZip(craft([{ name: 'a.json', content: bRecord }, { name: 'b.json', content: 'BBBB', at: 30 + 'a.json'.length }]));
    assert.deepEqual(names(z), ['a.json']);
    assert.deepEqual(codes(z), ['zip/corrupt']);
    assert.match(z.findings[0]!.message, /shares its bytes with "a\.json"/);
  });

  it('stops inflating at the declared size: 1 KB declared, 100 MB of zeros inside, bounded memory and time', () => {
    const bomb = zeroBomb(HUNDRED_MB_OF_ZEROS);
    assert.ok(bomb.length < 110_000, `the bomb is ${bomb.length} bytes`);
    const z = openZip(craft([{ name: 'Bot/Bot.json', method: 8, data: bomb, size: 1000, crc: 0 }, { name: 'Manifest.json', content: '{}' }]));
    clean(z);
    const before = process.memoryUsage().arrayBuffers;
    const t = performance.now();
    assert.equal(z.read('Bot/Bot.json'), undefined);
    const ms = performance.now() - t;
    const grew = process.memoryUsage().arrayBuffers - before;
    // One 4 KiB slice inflates to 4 MiB, in buffers that double up to 8 MiB: about 20 MiB in all, against 295 MiB uncapped.
    assert.ok(grew < 40 * MIB, `array buffers grew by ${(grew / MIB).toFixed(1)} MiB`);
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    assert.deepEqual(codes(z), ['zip/size-mismatch']);
    assert.match(z.findings[0]!.message, /more than the 1000 bytes its header declares; reading stopped there/);
    assert.equal(dec(z.read('Manifest.json')), '{}');
  });

  it('caps inflation at a large declared size too, when the ratio check is relaxed', () => {
    const bomb = zeroBomb(HUNDRED_MB_OF_ZEROS);
    const z = openZip(craft([{ name: 'big.json', method: 8, data: bomb, size: 8 * MIB, crc: 0 }]), { maxRatio: 1_000_000 });
    const before = process.memoryUsage().arrayBuffers;
    assert.equal(z.read('big.json'), undefined);
    const grew = process.memoryUsage().arrayBuffers - before;
    // The 8 MiB result, one slice's 8 MiB, and fflate's buffers doubling up to 16 MiB: under 64 MiB, never the 100 MB.
    assert.ok(grew < 64 * MIB, `array buffers grew by ${(grew / MIB).toFixed(1)} MiB`);
    assert.deepEqual(codes(z), ['zip/size-mismatch']);
  });

  it('reads a real 1032:1 stream whose header is honest, and flags small ones that inflate short or long', () => {
    const matches = 4000;
    const zeros = new Uint8Array(1 + 258 * matches);
    const z = openZip(
      craft([
        { name: 'zeros.bin', method: 8, data: zeroBomb(matches), size: zeros.length, crc: crc32(zeros) },
        { name: 'short.bin', method: 8, data: zeroBomb(10), size: 5000, crc: 0 },
        { name: 'small-liar.bin', method: 8, data: zeroBomb(1000), size: 1000, crc: 0 },
        { name: 'stored-block-liar.bin', method: 8, data: deflateSync(enc('s'.repeat(3000)), { level: 0 }), size: 2000, crc: 0 },
      ]),
    );
    clean(z);
    assert.deepEqual(z.read('zeros.bin'), zeros);
    for (const name of ['short.bin', 'small-liar.bin', 'stored-block-liar.bin']) assert.equal(z.read(name), undefined);
    assert.deepEqual(codes(z), ['zip/size-mismatch', 'zip/size-mismatch', 'zip/size-mismatch']);
    assert.match(z.findings[0]!.message, /inflates to 2581 bytes, not the 5000/);
    assert.match(z.findings[1]!.message, /more than the 1000 bytes/);
    assert.match(z.findings[2]!.message, /more than the 2000 bytes/);
  });

  it('flags honest zip bombs by their declared sizes before reading anything', () => {
    const bomb = zeroBomb(HUNDRED_MB_OF_ZEROS);
    const ten = zeroBomb(Math.ceil((10 * MIB) / 258));
    const z = openZip(
      craft([
        { name: 'huge.json', method: 8, data: bomb, size: 1 + 258 * HUNDRED_MB_OF_ZEROS, crc: 0 },
        { name: 'ten.json', method: 8, data: ten, size: 10 * MIB, crc: 0 },
        { name: 'small-but-dense.json', method: 8, data: zeroBomb(3000), size: 1 + 258 * 3000, crc: crc32(new Uint8Array(1 + 258 * 3000)) },
        { name: 'stored-liar.json', content: 'abc', size: 3_000_000 },
      ]),
    );
    assert.deepEqual(codes(z), ['zip/entry-too-large', 'zip/suspicious-ratio', 'zip/size-mismatch']);
    assert.match(z.findings[0]!.message, /100 MiB uncompressed, over the 64 MiB limit/);
    assert.match(z.findings[1]!.message, /would inflate 1,0\d\d:1 \(10 MiB from 10,1\d\d bytes\), beyond the 200:1/);
    assert.deepEqual(names(z), ['small-but-dense.json']); // 774 KB at 1032:1 is under the 1 MiB floor
    assert.equal(z.read('small-but-dense.json')!.length, 1 + 258 * 3000);
  });

  it('refuses a zip with too many entries, or too many bytes in total, whole', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`f${i}.json`] = 'x'.repeat(80);
    const many = openZip(zipOf(files), { maxEntries: 5 });
    assert.deepEqual(codes(many), ['zip/too-many-entries']);
    assert.deepEqual(many.entries, []);
    assert.match(many.findings[0]!.message, /6 entries, more than the 5/);
    const total = openZip(zipOf(files), { maxTotalSize: 400 });
    assert.deepEqual(codes(total), ['zip/too-large']);
    assert.deepEqual(total.entries, []);
    assert.equal(openZip(zipOf(files), { maxEntries: 6, maxTotalSize: 480 }).entries.length, 6);
    // An end record that claims 10,000 entries in a 47-byte directory is refused at once.
    const lying = craft([{ name: 'a', content: 'a' }]);
    new DataView(lying.buffer).setUint16(lying.length - 12, 10_000, true);
    new DataView(lying.buffer).setUint16(lying.length - 14, 10_000, true);
    assert.deepEqual(codes(openZip(lying)), ['zip/corrupt']);
  });

  it('reads ZIP64 records and a zip with a comment', () => {
    const z = openZip(craft([{ name: 'agent.json', content: '{"language": "en"}' }, { name: 'package.json', content: '{"version": "1.0.0"}' }], { zip64: true, comment: 'exported' }));
    clean(z);
    assert.deepEqual(names(z), ['agent.json', 'package.json']);
    assert.equal(dec(z.read('package.json')), '{"version": "1.0.0"}');
    const plain = openZip(craft([{ name: 'a.json', content: 'a' }], { comment: 'PK\x05\x06 looks like an end record' }));
    clean(plain);
    assert.equal(dec(plain.read('a.json')), 'a');
  });

  it('documents its limits and codes', () => {
    assert.deepEqual({ ...DEFAULT_ZIP_LIMITS }, { maxEntries: 20_000, maxEntrySize: 64 * MIB, maxTotalSize: 512 * MIB, maxRatio: 200, ratioMinSize: MIB } satisfies ZipLimits);
    assert.throws(() => ((DEFAULT_ZIP_LIMITS as ZipLimits).maxEntries = 1));
    const doc = readFileSync(join(__dirname, '../../../docs/diagnostics.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Zip exports'));
    assert.ok(section.length > 20, 'docs/diagnostics.md has a "Zip exports" section');
    for (const code of Object.keys(ZIP_CODES)) assert.ok(section.includes(`\`${code}\``), `${code} is documented`);
  });

  describe('properties', () => {
    const component = fc
      .stringMatching(/^[A-Za-z0-9 _%()-][A-Za-z0-9 ._%()éüß中-]{0,11}$/)
      .filter((c) => c.toLowerCase() !== 'thumbs.db' && c !== '__MACOSX');
    const name = fc.array(component, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.tuple(fc.string({ maxLength: 40 }), fc.nat(300)).map(([s, n]) => enc(s.repeat(n))),
    );
    const files = fc.uniqueArray(fc.tuple(name, content, fc.constantFrom<ZipOptions['level']>(0, 1, 6, 9)), { selector: ([n]) => n, maxLength: 12 });

    it('any set of safe names and contents, zipped and opened, reads back byte for byte', () => {
      fc.assert(
        fc.property(files, fc.boolean(), (list, shuffle) => {
          const input: Record<string, [Uint8Array, ZipOptions]> = {};
          for (const [n, c, level] of shuffle ? [...list].reverse() : list) input[n] = [c, { level }];
          const z = openZip(zipSync(input));
          clean(z);
          assert.deepEqual([...names(z)].sort(), list.map(([n]) => n).sort());
          for (const [n, c] of list) assert.deepEqual(z.read(n), c);
          clean(z);
        }),
        { numRuns: RUNS },
      );
    });

    it('damaged zips never make opening or reading throw, and what reads is what was written', () => {
      fc.assert(
        fc.property(files, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat(), (list, flips, cut) => {
          const input: Record<string, [Uint8Array, ZipOptions]> = {};
          for (const [n, c, level] of list) input[n] = [c, { level }];
          const bytes = zipSync(input);
          for (const [at, x] of flips) bytes[at % bytes.length] ^= x;
          const damaged = cut % 3 === 0 ? bytes.subarray(0, cut % (bytes.length + 1)) : bytes;
          const z = openZip(damaged, { maxEntrySize: MIB });
          const original = new Map(list.map(([n, c]) => [n, c]));
          for (const e of z.entries) {
            const got = z.read(e.name);
            const want = original.get(e.name);
            // A flipped name or CRC can make a different, still consistent entry; a known one reads back whole or not at all.
            if (got && want && e.crc32 === crc32(want)) assert.deepEqual(got, want);
          }
          for (const f of z.findings) assert.ok(f.code in ZIP_CODES && f.message.length > 0);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
