/**
 * Record files: one canonical-JSON file per record, named by the SHA-256 of its bytes.
 * Reads check the hash and the shape; parsed records are cached in memory by name, which
 * is safe because a name fixes the content forever.
 */
import { join, relative, sep } from 'node:path';
import { BotvError, errnoOf, ioError } from '../errors';
import { ensureDirs, prepareRenamed, syncDirs, unlinkIfExists, writeFilesAtomic, writeRenamed, type Prepared } from '../fs/atomic';
import type { StoreFs } from '../fs/fsio';
import { canonicalBytes } from './canonical';
import { sha256 } from './hash';
import { recordFileName, recordHashOf } from './layout';
import { checkRecord, type StoreRecord } from './schema';

/** A record with its id (the hash of its bytes). */
export interface Stored<T extends StoreRecord = StoreRecord> {
  id: string;
  record: T;
}

/** A fault found while scanning records. */
export interface RecordFault {
  path: string;
  code: 'CORRUPT' | 'BAD_RECORD' | 'UNREADABLE';
  message: string;
}

/** An encoded record ready to be written. */
export interface EncodedRecord {
  id: string;
  dir: string;
  bytes: Uint8Array;
  record: StoreRecord;
}

/** Reads and writes the record files of one store. */
export class RecordStore {
  private readonly cache = new Map<string, StoreRecord>();
  constructor(
    private readonly fs: StoreFs,
    private readonly root: string,
  ) {}

  private display(path: string): string {
    return relative(this.root, path).split('\\').join('/');
  }

  /** Encodes a record for `dir`; its id is the hash of its canonical bytes. */
  encode(dir: string, record: StoreRecord): EncodedRecord {
    const bytes = canonicalBytes(record);
    return { id: sha256(bytes), dir, bytes, record };
  }

  /** Writes records durably; returns once each is flushed and its folder flushed. */
  async write(records: readonly EncodedRecord[]): Promise<void> {
    await writeFilesAtomic(
      this.fs,
      records.map((r) => ({ path: join(r.dir, recordFileName(r.id)), data: r.bytes })),
    );
    for (const r of records) this.cache.set(r.id, r.record);
  }

  /**
   * Puts records in place (each written under a temporary name and renamed) without
   * flushing them; returns the files and the folders to flush. Only for records a flushed
   * journal carries, so that a power loss before the flush is finished by replaying it.
   */
  async place(records: readonly EncodedRecord[]): Promise<{ files: string[]; dirs: string[] }> {
    const parents: string[] = [];
    await ensureDirs(this.fs, records.map((r) => r.dir), parents);
    const files = records.map((r) => join(r.dir, recordFileName(r.id)));
    for (const [i, r] of records.entries()) {
      await writeRenamed(this.fs, files[i]!, r.bytes, false);
      this.cache.set(r.id, r.record);
    }
    return { files, dirs: [...records.map((r) => r.dir), ...parents] };
  }

  /**
   * Writes and flushes records under temporary names; `commit` renames them into place
   * and flushes their folders. Lets a record be flushed in the same round as the objects
   * it names, and appear only once they are durable.
   */
  async prepare(records: readonly EncodedRecord[]): Promise<{ commit(): Promise<void>; abort(): Promise<void> }> {
    const parents: string[] = [];
    await ensureDirs(this.fs, records.map((r) => r.dir), parents);
    const prepared: Prepared[] = [];
    try {
      for (const r of records) prepared.push(await prepareRenamed(this.fs, join(r.dir, recordFileName(r.id)), r.bytes));
    } catch (e) {
      for (const p of prepared) await p.abort();
      throw e;
    }
    return {
      commit: async () => {
        for (const p of prepared) await p.commit();
        await syncDirs(this.fs, [...records.map((r) => r.dir), ...parents]);
        for (const r of records) this.cache.set(r.id, r.record);
      },
      abort: async () => {
        for (const p of prepared) await p.abort();
      },
    };
  }

  /** Removes a record file (only versions are ever removed, after a deletion mark is written). */
  async remove(dir: string, id: string): Promise<void> {
    await unlinkIfExists(this.fs, join(dir, recordFileName(id)));
  }

  private async names(dir: string): Promise<string[]> {
    try {
      return (await this.fs.readdir(dir)).filter((e) => e.kind === 'file' && recordHashOf(e.name) !== null).map((e) => e.name);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return [];
      throw ioError('list', dir, e);
    }
  }

  private async readOne(path: string, id: string, types: ReadonlyArray<StoreRecord['type']>, fresh: boolean): Promise<StoreRecord | RecordFault | null> {
    const cached = fresh ? undefined : this.cache.get(id);
    if (cached) return cached;
    let data: Uint8Array;
    try {
      data = await this.fs.readFile(path);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return null; // removed since the listing
      return { path, code: 'UNREADABLE', message: `${this.display(path)} cannot be read (${errnoOf(e) ?? String(e)}).` };
    }
    const actual = sha256(data);
    if (actual !== id) {
      return {
        path,
        code: 'CORRUPT',
        message: `${this.display(path)} is damaged: its content hashes to ${actual.slice(0, 12)}…, not to its name. Restore it from git (\`git checkout -- ${this.display(path)}\`) or a backup.`,
      };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
    } catch {
      return { path, code: 'BAD_RECORD', message: `${this.display(path)} is not valid JSON. Restore it from git or a backup.` };
    }
    const problem = checkRecord(parsed, types);
    if (problem) return { path, code: 'BAD_RECORD', message: `${this.display(path)}: ${problem}.` };
    const record = parsed as StoreRecord;
    this.cache.set(id, record);
    return record;
  }

  /**
   * Reads every record of a folder, reporting faults instead of throwing. `fresh`
   * re-reads files even when their parse is cached (verify).
   */
  async scan<T extends StoreRecord>(dir: string, types: ReadonlyArray<T['type']>, fresh = false): Promise<{ records: Stored<T>[]; faults: RecordFault[] }> {
    const names = await this.names(dir);
    const results = await Promise.all(
      names.map(async (name) => {
        const id = name.slice(0, 64);
        return { id, r: await this.readOne(dir + sep + name, id, types, fresh) };
      }),
    );
    const records: Stored<T>[] = [];
    const faults: RecordFault[] = [];
    for (const { id, r } of results) {
      if (r === null) continue;
      if ('code' in r && 'path' in r && !('type' in r)) faults.push(r);
      else records.push({ id, record: r as T });
    }
    return { records, faults };
  }

  /** Reads every record of a folder; throws CORRUPT naming the first damaged file. */
  async list<T extends StoreRecord>(dir: string, types: ReadonlyArray<T['type']>): Promise<Stored<T>[]> {
    const { records, faults } = await this.scan<T>(dir, types);
    if (faults.length > 0) {
      const f = faults[0]!;
      throw new BotvError('CORRUPT', `${f.message} Run \`botv verify\` to list every fault.`, { files: faults.map((x) => this.display(x.path)) });
    }
    return records;
  }
}
