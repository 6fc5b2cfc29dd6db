/**
 * Fixed-width bit packing of small unsigned integers into u32 words, least significant bit
 * first: the block encoding of posting lists (doc gaps and term frequencies). Chosen over
 * variable-byte codes because a block of 128 values unpacks in one branch-light loop, and
 * dense lists (the long ones a query touches most) need only a few bits per posting.
 */

/** Bits needed for the largest of `values[from..from+n)` (0 when all are 0). */
export function bitsFor(values: ArrayLike<number>, from: number, n: number): number {
  let or = 0;
  for (let i = from; i < from + n; i++) or |= values[i]!;
  return 32 - Math.clz32(or);
}

/** Words that `n` values of `bits` bits take. */
export function packedWords(n: number, bits: number): number {
  return Math.ceil((n * bits) / 32);
}

/** Pack `values[from..from+n)` into `out` at word `at` (which must be zeroed); returns words written. */
export function packBits(values: ArrayLike<number>, from: number, n: number, bits: number, out: Uint32Array, at: number): number {
  if (bits === 0) return 0;
  let bit = 0;
  for (let i = 0; i < n; i++) {
    const v = values[from + i]!;
    const word = at + (bit >>> 5);
    const shift = bit & 31;
    out[word]! |= v << shift;
    if (shift + bits > 32) out[word + 1]! |= v >>> (32 - shift);
    bit += bits;
  }
  return packedWords(n, bits);
}

/** Unpack `n` values of `bits` bits from `words` at word `at` into `out[0..n)`. */
export function unpackBits(words: Uint32Array, at: number, n: number, bits: number, out: Int32Array | Uint32Array): void {
  if (bits === 0) {
    out.fill(0, 0, n);
    return;
  }
  const mask = bits === 32 ? -1 : (1 << bits) - 1;
  let bit = 0;
  for (let i = 0; i < n; i++) {
    const word = at + (bit >>> 5);
    const shift = bit & 31;
    let v = words[word]! >>> shift;
    if (shift + bits > 32) v |= words[word + 1]! << (32 - shift);
    out[i] = v & mask;
    bit += bits;
  }
}
