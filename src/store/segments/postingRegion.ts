import { bitsFor, packBits, packedWords, unpackBits } from './bitPacking.ts';
import { competitiveImpacts } from './impacts.ts';

/**
 * One term's postings on disk: a self-contained run of u32 words, read with one positioned
 * read and decoded a block at a time, so a query pays for the blocks it visits, not the list.
 *
 * ```
 * [0] blocks            [1] P = competitive impact pairs of the whole list
 * [2 .. 2+2P)           the list's impacts (tf, length)…: the term's upper bound
 * skip table, per block 4 words:
 *   lastUnit            the block's last local unit (blocks are found by it)
 *   dataAt              word offset of the block's packed data, from the region start
 *   bits                unit-gap bits | tf bits << 8 | impact pairs << 16
 *   impactsAt           word offset of the block's impacts (tf, length)…
 * block impacts…, then block data: gaps (unit − previous unit − 1) packed, then tf − 1 packed
 * ```
 * A block holds `blockSize` postings (the last one fewer); units ascend across the list.
 */
export const REGION_HEADER_WORDS = 2;
export const SKIP_WORDS = 4;

export interface RegionLayout {
  blocks: number;
  termPairs: number;
  /** Word offset of the skip table. */
  skipAt: number;
}

export function regionLayout(region: Uint32Array): RegionLayout {
  const blocks = region[0]!;
  const termPairs = region[1]!;
  return { blocks, termPairs, skipAt: REGION_HEADER_WORDS + 2 * termPairs };
}

/**
 * Encode postings `[from, to)` of `units` (ascending local units) and `tfs` into a region.
 * `lengths[unit]` is each unit's BM25 length, for the impacts.
 */
export function encodePostingRegion(
  units: ArrayLike<number>,
  tfs: ArrayLike<number>,
  from: number,
  to: number,
  lengths: ArrayLike<number>,
  blockSize: number,
): Uint32Array {
  const count = to - from;
  const blocks = Math.ceil(count / blockSize);
  const termImpacts: number[] = [];
  const termPairs = competitiveImpacts(tfs, units, lengths, from, to, termImpacts);

  // Gaps and tf − 1 in one scratch pass; then per block its bit widths and impacts.
  const gaps = new Uint32Array(count);
  const tfm1 = new Uint32Array(count);
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const unit = units[from + i]!;
    gaps[i] = unit - previous - 1;
    tfm1[i] = tfs[from + i]! - 1;
    previous = unit;
  }
  const blockImpacts: number[] = [];
  const blockPairs = new Uint32Array(blocks);
  const unitBits = new Uint8Array(blocks);
  const tfBits = new Uint8Array(blocks);
  let dataWords = 0;
  for (let b = 0; b < blocks; b++) {
    const start = b * blockSize;
    const n = Math.min(blockSize, count - start);
    blockPairs[b] = competitiveImpacts(tfs, units, lengths, from + start, from + start + n, blockImpacts);
    unitBits[b] = bitsFor(gaps, start, n);
    tfBits[b] = bitsFor(tfm1, start, n);
    dataWords += packedWords(n, unitBits[b]!) + packedWords(n, tfBits[b]!);
  }

  const skipAt = REGION_HEADER_WORDS + 2 * termPairs;
  const impactsAt = skipAt + SKIP_WORDS * blocks;
  const dataAt = impactsAt + blockImpacts.length;
  const region = new Uint32Array(dataAt + dataWords);
  region[0] = blocks;
  region[1] = termPairs;
  region.set(termImpacts, REGION_HEADER_WORDS);
  region.set(blockImpacts, impactsAt);
  let impactCursor = impactsAt;
  let dataCursor = dataAt;
  for (let b = 0; b < blocks; b++) {
    const start = b * blockSize;
    const n = Math.min(blockSize, count - start);
    const skip = skipAt + SKIP_WORDS * b;
    region[skip] = units[from + start + n - 1]!;
    region[skip + 1] = dataCursor;
    region[skip + 2] = unitBits[b]! | (tfBits[b]! << 8) | (blockPairs[b]! << 16);
    region[skip + 3] = impactCursor;
    impactCursor += 2 * blockPairs[b]!;
    dataCursor += packBits(gaps, start, n, unitBits[b]!, region, dataCursor);
    dataCursor += packBits(tfm1, start, n, tfBits[b]!, region, dataCursor);
  }
  return region;
}

/**
 * Decode block `b` (of `n` postings) into `unitsOut` / `tfsOut`. Units are rebuilt from the
 * gaps after the previous block's last unit (−1 before the first block).
 */
export function decodeBlock(region: Uint32Array, skipAt: number, b: number, n: number, unitsOut: Int32Array, tfsOut: Int32Array): void {
  const skip = skipAt + SKIP_WORDS * b;
  const dataAt = region[skip + 1]!;
  const bits = region[skip + 2]!;
  const unitBits = bits & 0xff;
  const tfBits = (bits >>> 8) & 0xff;
  // Gaps to units in the same pass as the unpacking (the hot loop of a search).
  let unit = b === 0 ? -1 : region[skip - SKIP_WORDS]!;
  if (unitBits === 0) {
    for (let i = 0; i < n; i++) unitsOut[i] = ++unit;
  } else {
    const mask = unitBits === 32 ? -1 : (1 << unitBits) - 1;
    let bit = 0;
    for (let i = 0; i < n; i++) {
      const word = dataAt + (bit >>> 5);
      const shift = bit & 31;
      let v = region[word]! >>> shift;
      if (shift + unitBits > 32) v |= region[word + 1]! << (32 - shift);
      unit += (v & mask) + 1;
      unitsOut[i] = unit;
      bit += unitBits;
    }
  }
  if (tfBits === 0) {
    tfsOut.fill(1, 0, n);
  } else {
    unpackBits(region, dataAt + packedWords(n, unitBits), n, tfBits, tfsOut);
    for (let i = 0; i < n; i++) tfsOut[i]! += 1;
  }
}

/** Every posting of a region (for merging and checking; search decodes block by block). */
export function decodePostingRegion(region: Uint32Array, df: number, blockSize: number): { units: Int32Array; tfs: Int32Array } {
  const { blocks, skipAt } = regionLayout(region);
  const units = new Int32Array(df);
  const tfs = new Int32Array(df);
  const blockUnits = new Int32Array(blockSize);
  const blockTfs = new Int32Array(blockSize);
  for (let b = 0; b < blocks; b++) {
    const n = Math.min(blockSize, df - b * blockSize);
    decodeBlock(region, skipAt, b, n, blockUnits, blockTfs);
    units.set(blockUnits.subarray(0, n), b * blockSize);
    tfs.set(blockTfs.subarray(0, n), b * blockSize);
  }
  return { units, tfs };
}

