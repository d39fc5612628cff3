// A hash multimap from 32-bit keys to record ids in typed arrays: millions of entries at
// 12 bytes each, where a Map of arrays would cost ten times that.

export class SignatureTable {
  private keys = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private links = new Int32Array(1024);
  private heads = new Int32Array(1024).fill(-1);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(key: number, id: number): void {
    if (this.count === this.keys.length) this.grow();
    const i = this.count++;
    const slot = key & (this.heads.length - 1);
    this.keys[i] = key;
    this.ids[i] = id;
    this.links[i] = this.heads[slot]!;
    this.heads[slot] = i;
  }

  /** The newest entry in the chain of `key`, or -1; walk on with `next`, and check `keyAt` (chains are shared). */
  head(key: number): number {
    return this.heads[key & (this.heads.length - 1)]!;
  }

  next(entry: number): number {
    return this.links[entry]!;
  }

  keyAt(entry: number): number {
    return this.keys[entry]!;
  }

  idAt(entry: number): number {
    return this.ids[entry]!;
  }

  clear(): void {
    this.count = 0;
    this.heads.fill(-1);
  }

  private grow(): void {
    const n = this.keys.length * 2;
    const keys = new Int32Array(n);
    keys.set(this.keys);
    const ids = new Int32Array(n);
    ids.set(this.ids);
    this.keys = keys;
    this.ids = ids;
    this.links = new Int32Array(n);
    // Keep about one chain head per entry; rebuild the chains.
    this.heads = new Int32Array(n).fill(-1);
    for (let i = 0; i < this.count; i++) {
      const slot = this.keys[i]! & (n - 1);
      this.links[i] = this.heads[slot]!;
      this.heads[slot] = i;
    }
  }
}
