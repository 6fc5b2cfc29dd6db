import { termsLayout } from './segmentFormat.ts';

/**
 * A segment's sorted term dictionary, kept as the bytes of terms.bin: the UTF-8 strings back to
 * back plus numeric columns. A term is found by binary search on bytes, so opening a segment
 * decodes no strings and builds no map, whatever its vocabulary.
 */
export class TermDictionary {
  readonly size: number;
  /** Byte offset of each term's posting region in postings.bin. */
  readonly regionOffset: Float64Array;
  /** Region length in u32 words. */
  readonly regionWords: Uint32Array;
  /** Chunks holding each term. */
  readonly df: Uint32Array;
  private readonly termOffset: Uint32Array;
  private readonly strings: Uint8Array;

  constructor(bytes: Uint8Array, terms: number, termBytes: number) {
    const layout = termsLayout(terms, termBytes);
    const buffer = bytes.buffer;
    const base = bytes.byteOffset;
    this.size = terms;
    this.regionOffset = new Float64Array(buffer, base + layout.regionOffset, terms);
    this.termOffset = new Uint32Array(buffer, base + layout.termOffset, terms + 1);
    this.df = new Uint32Array(buffer, base + layout.df, terms);
    this.regionWords = new Uint32Array(buffer, base + layout.regionWords, terms);
    this.strings = new Uint8Array(buffer, base + layout.strings, termBytes);
  }

  /** Index of the term with these UTF-8 bytes, or -1. */
  find(term: Uint8Array): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = this.compareAt(mid, term);
      if (order === 0) return mid;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The term's UTF-8 bytes (a view into the dictionary). */
  bytesOf(id: number): Uint8Array {
    return this.strings.subarray(this.termOffset[id]!, this.termOffset[id + 1]!);
  }

  /** Offsets must ascend and end at the string bytes (checked on open; O(terms)). */
  offsetsConsistent(): boolean {
    if (this.termOffset[0] !== 0 || this.termOffset[this.size] !== this.strings.length) return false;
    for (let i = 0; i < this.size; i++) if (this.termOffset[i]! > this.termOffset[i + 1]!) return false;
    return true;
  }

  /** Sign of (term `id`) − `term`, comparing bytes. */
  private compareAt(id: number, term: Uint8Array): number {
    const start = this.termOffset[id]!;
    const length = this.termOffset[id + 1]! - start;
    const n = Math.min(length, term.length);
    for (let i = 0; i < n; i++) {
      const d = this.strings[start + i]! - term[i]!;
      if (d !== 0) return d;
    }
    return length - term.length;
  }
}
