import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { LexicalIndex } from '../../src/store/lexicalIndex.ts';

const UNITS = [
  'Jaishankar met Lavrov in Vientiane on Friday.',
  'Lavrov and Jaishankar discussed oil, oil payments and the rupee.',
  'The summit in Moscow ended with a joint statement.',
  'Cricket: the weekend league was rained off.',
].map(analyzeTerms);

describe('lexical index (BM25)', () => {
  it('ranks the unit holding a rare query term above units holding only common ones', () => {
    const index = LexicalIndex.build(UNITS);
    const hits = index.search(analyzeTerms('Lavrov Vientiane'), 4);
    expect(hits.map((h) => h.unit)).toEqual([0, 1]);
    expect(index.documentFrequency('lavrov')).toBe(2);
  });

  it('returns nothing for terms it has never seen', () => {
    expect(LexicalIndex.build(UNITS).search(['zanzibar'], 5)).toEqual([]);
  });

  it('survives a JSON round trip with identical scores', () => {
    const index = LexicalIndex.build(UNITS);
    const copy = new LexicalIndex(JSON.parse(JSON.stringify(index.data)));
    expect(copy.search(analyzeTerms('oil rupee Moscow'), 4)).toEqual(index.search(analyzeTerms('oil rupee Moscow'), 4));
  });

  it('rebuilds with units kept, moved, dropped and added exactly as a fresh build would', () => {
    const old = LexicalIndex.build(UNITS);
    const added = analyzeTerms('Jaishankar visited Vientiane again, and oil was on the agenda.');
    // New order: old 2, new unit, old 0, old 3 (old 1 dropped).
    const rebuilt = old.rebuild(4, [2, -1, 0, 3], () => added);
    const fresh = LexicalIndex.build([UNITS[2]!, added, UNITS[0]!, UNITS[3]!]);
    expect(rebuilt.data.lengths).toEqual(fresh.data.lengths);
    expect(rebuilt.data.postings).toEqual(fresh.data.postings);
    expect(rebuilt.search(analyzeTerms('Vientiane oil'), 4)).toEqual(fresh.search(analyzeTerms('Vientiane oil'), 4));
  });
});
