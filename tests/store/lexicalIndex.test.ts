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
});
