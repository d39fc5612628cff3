// Token ids for the words of normalised utterances. 80,000 utterances hold about half a
// million words but only a few hundred distinct ones, so a word is looked up by hashing its
// characters where it stands in the text: no substring is made unless the word is new.
import { lowerCharAt } from '../../../definitions/text/normalize';

export class TokenTable {
  private readonly words: string[] = [];
  /** FNV-1a of each word (unsigned 32 bits), also the probe key. */
  private readonly raw: number[] = [];
  /** The hash each word contributes to signatures (FNV-1a spread by murmur3's finaliser). */
  readonly hashes: number[] = [];
  /** Open addressing: word id + 1 per slot, 0 for empty. */
  private slots = new Int32Array(1024);

  get size(): number {
    return this.words.length;
  }

  /**
   * The id of the word `text.slice(start, end)`, added when new. When `raw`, the word is
   * read lowered (through `lowerCharAt`): it is a span of an utterance as written.
   */
  intern(text: string, start: number, end: number, raw = false): number {
    let h = 0x811c9dc5;
    if (raw) for (let i = start; i < end; i++) h = Math.imul(h ^ lowerCharAt(text, i), 0x01000193);
    else for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h >>>= 0;
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (let id = this.slots[slot]! - 1; id >= 0; id = this.slots[slot]! - 1) {
      const w = this.words[id]!;
      if (this.raw[id] === h && w.length === end - start && (raw ? sameLowered(w, text, start) : text.startsWith(w, start))) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.words.length;
    this.words.push(raw ? text.slice(start, end).toLowerCase() : text.slice(start, end));
    this.raw.push(h);
    this.hashes.push(mix(h));
    this.slots[slot] = id + 1;
    if (this.words.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.raw[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/** Whether `text` from `start`, lowered, begins with the word `w`. */
function sameLowered(w: string, text: string, start: number): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) !== lowerCharAt(text, start + i)) return false;
  return true;
}

/** FNV-1a, 32 bits, unsigned. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: spreads sums of hashes over all bits. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
