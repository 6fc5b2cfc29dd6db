import { describe, expect, it } from 'vitest';
import { bitsFor, packBits, packedWords, unpackBits } from '../../../src/store/segments/bitPacking.ts';
import { DEFAULT_BM25_OPTIONS } from '../../../src/store/segments/bm25.ts';
import { impactBound } from '../../../src/store/segments/impacts.ts';
import { NO_MORE, PostingCursor } from '../../../src/store/segments/postingCursor.ts';
import { decodePostingRegion, encodePostingRegion, regionLayout, SKIP_WORDS } from '../../../src/store/segments/postingRegion.ts';
import { random } from './syntheticCorpus.ts';

describe('bit packing', () => {
  it.each([0, 1, 3, 7, 13, 31, 32])('round-trips values of %i bits', (bits) => {
    const rand = random(bits + 1);
    const max = bits === 32 ? 0xffffffff : 2 ** bits - 1;
    const values = Array.from({ length: 129 }, (_, i) => (i === 5 ? max : Math.floor(rand() * (max + 1))));
    expect(bitsFor(values, 0, values.length)).toBe(bits);
    const words = new Uint32Array(packedWords(values.length, bits) + 1);
    expect(packBits(values, 0, values.length, bits, words, 1)).toBe(packedWords(values.length, bits));
    const out = new Uint32Array(values.length);
    unpackBits(words, 1, values.length, bits, out);
    expect([...out]).toEqual(values);
  });
});

/** Ascending units with skewed gaps and tfs, and a length per unit. */
function postings(seed: number, count: number) {
  const rand = random(seed);
  const units: number[] = [];
  const tfs: number[] = [];
  let unit = -1;
  for (let i = 0; i < count; i++) {
    unit += 1 + (rand() < 0.1 ? Math.floor(rand() * 5000) : Math.floor(rand() * 4));
    units.push(unit);
    tfs.push(rand() < 0.05 ? 1 + Math.floor(rand() * 300) : 1 + Math.floor(rand() * 3));
  }
  const lengths = Array.from({ length: unit + 1 }, () => 1 + Math.floor(rand() * 150));
  return { units, tfs, lengths };
}

describe('posting regions', () => {
  it.each([1, 7, 128, 1000])('decode to the postings they encode (%i postings)', (count) => {
    const { units, tfs, lengths } = postings(count, count);
    for (const blockSize of [1, 4, 128]) {
      const decoded = decodePostingRegion(encodePostingRegion(units, tfs, 0, count, lengths, blockSize), count, blockSize);
      expect([...decoded.units]).toEqual(units);
      expect([...decoded.tfs]).toEqual(tfs);
    }
  });

  it('bounds every block by its best posting, exactly, for any average length', () => {
    const { units, tfs, lengths } = postings(3, 1000);
    const region = encodePostingRegion(units, tfs, 0, units.length, lengths, 16);
    const { blocks, skipAt, termPairs } = regionLayout(region);
    for (const avg of [5, 60, 400]) {
      const score = (i: number) => {
        const norm = 1.2 * (1 - 0.75 + (0.75 * lengths[units[i]!]!) / avg);
        return 2 * ((tfs[i]! * 2.2) / (tfs[i]! + norm));
      };
      let listBest = 0;
      for (let b = 0; b < blocks; b++) {
        let best = 0;
        for (let i = 16 * b; i < Math.min(units.length, 16 * b + 16); i++) best = Math.max(best, score(i));
        const skip = skipAt + SKIP_WORDS * b;
        expect(impactBound(region, region[skip + 3]!, region[skip + 2]! >>> 16, 2, avg, DEFAULT_BM25_OPTIONS)).toBeCloseTo(best, 12);
        listBest = Math.max(listBest, best);
      }
      expect(impactBound(region, 2, termPairs, 2, avg, DEFAULT_BM25_OPTIONS)).toBeCloseTo(listBest, 12);
    }
  });

  it('lets a cursor jump to any unit and find the first posting at or after it', () => {
    const { units, tfs, lengths } = postings(4, 2000);
    const region = encodePostingRegion(units, tfs, 0, units.length, lengths, 8);
    const rand = random(5);
    const cursor = new PostingCursor(region, units.length, 8, 0, 1, 50, DEFAULT_BM25_OPTIONS);
    let target = 0;
    while (target <= units.at(-1)! + 10) {
      cursor.advance(target);
      const i = units.findIndex((u) => u >= target);
      expect(cursor.unit).toBe(i < 0 ? NO_MORE : units[i]);
      if (i >= 0) expect(cursor.tf).toBe(tfs[i]);
      target += Math.floor(rand() * 3000);
    }
    expect(cursor.blocksDecoded).toBeLessThan(Math.ceil(units.length / 8));
  });
});
