import { describe, expect, it } from 'vitest';
import { RARITY_RESOLUTION_CHUNKS, wordRarity } from '../../../src/qa/extract/wordRarity.ts';

const archive = (unitCount: number, df: Record<string, number>) => ({ unitCount, documentFrequency: (t: string) => df[t] ?? 0 });

describe('wordRarity', () => {
  it('is the index’s presence weight and BM25 IDF (a floor of half a chunk) up to the resolution', () => {
    const n = RARITY_RESOLUTION_CHUNKS;
    const { presence, idf } = wordRarity(archive(n, { name: 3, verb: 40 }));
    expect(presence('name')).toBeCloseTo(Math.log(1 + n / 3.5), 12);
    expect(idf('verb')).toBeCloseTo(Math.log(1 + (n - 40 + 0.5) / 40.5), 12);
    expect(presence('unknown')).toBeCloseTo(Math.log(1 + n / 0.5), 12);
  });

  it('beyond it, a name in 5 of 193,000 chunks no longer outweighs a verb in 2,000 by the archive’s size alone', () => {
    const { presence, idf } = wordRarity(archive(193_000, { name: 5, verb: 2_000 }));
    const unfloored = (df: number) => Math.log(1 + 193_000 / (df + 0.5));
    expect(unfloored(5) / unfloored(2_000)).toBeGreaterThan(2);
    expect(presence('name') / presence('verb')).toBeLessThan(1.5);
    expect(presence('name')).toBeGreaterThan(presence('verb'));
    expect(idf('name')).toBeGreaterThan(idf('verb'));
  });

  it('with a resolution of Infinity keeps the floor at half a chunk at any size (what abstention reads)', () => {
    const { presence } = wordRarity(archive(193_000, { name: 5 }), Infinity);
    expect(presence('name')).toBeCloseTo(Math.log(1 + 193_000 / 5.5), 12);
  });

  it('depends only on the share of chunks holding a word once the archive is larger than the resolution', () => {
    const small = wordRarity(archive(10 * RARITY_RESOLUTION_CHUNKS, { w: 30 }));
    const large = wordRarity(archive(10_000 * RARITY_RESOLUTION_CHUNKS, { w: 30_000 }));
    expect(large.presence('w')).toBeCloseTo(small.presence('w'), 9);
    expect(large.idf('w')).toBeCloseTo(small.idf('w'), 3);
  });
});
